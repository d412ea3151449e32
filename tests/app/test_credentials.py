"""A stored credential as the faces use it: parsed, with its last verdict as a typed report
(its sentences in any language), its picture; notes and tags."""

from __future__ import annotations

from tests.app.conftest import MUNI, OB3, SEALED
from wallet.app.annotating import save_note_and_tags
from wallet.app.credentials import credential_picture, load_credential, load_credentials
from wallet.app.importing import import_paths
from wallet.app.verifying import verify_stored
from wallet.store.repository import CredentialRepository
from wallet.translation import Sentence, current_language, set_language
from wallet.verify.report import OverallStatus


def _import(repository: CredentialRepository, *paths: object) -> list[int]:
    return [o.id for o in import_paths(repository, list(paths)) if o.id is not None]  # type: ignore[arg-type]


def test_a_loaded_credential_carries_its_verdict_saved_in_czech_and_shown_in_english(
    repository: CredentialRepository
) -> None:
    # GIVEN a sealed EDC verified while the interface spoke Czech
    (credential_id,) = _import(repository, SEALED)
    before = current_language()
    set_language("cs")
    try:
        czech = verify_stored(repository, credential_id)
    finally:
        set_language(before)
    # WHEN it is loaded again
    loaded = load_credential(repository, credential_id)
    # THEN its report is typed, with the verdict worked out again from the checks
    report = loaded.report
    assert report is not None and report.status is OverallStatus.PARTIALLY_VERIFIED
    assert [c.id for c in report.checks] == [c.id for c in czech.checks]
    # AND each sentence speaks English or Czech on demand, whatever it was saved in
    signature = report.check("signature")
    assert signature is not None and isinstance(signature.message, Sentence)
    english, saved = signature.message.localized("en"), czech.check("signature").message  # type: ignore[union-attr]
    assert english != saved and signature.message.localized("cs") == saved
    assert loaded.credential.title == "Digital micro-credential creation"


def test_a_damaged_saved_report_shows_as_not_yet_checked(repository: CredentialRepository) -> None:
    (credential_id,) = _import(repository, MUNI)
    repository.save_verification(credential_id, status="verified", report_json="{not json",
                                 mode="offline")
    loaded = load_credential(repository, credential_id)
    assert loaded.verification is not None and loaded.report is None


def test_the_picture_of_a_credential_and_of_none(repository: CredentialRepository) -> None:
    sealed, badge = _import(repository, SEALED, OB3)
    picture = credential_picture(repository, sealed)
    assert picture is not None and picture[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0")
    assert credential_picture(repository, badge) is None
    assert [c.id for c in load_credentials(repository, [badge, sealed])] == [badge, sealed]


def test_a_note_and_exactly_the_tags_typed_are_kept(repository: CredentialRepository) -> None:
    (credential_id,) = _import(repository, MUNI)
    repository.tag(credential_id, ["old", "data"])
    loaded = save_note_and_tags(repository, credential_id, "  For ACME  ", ["data", " python ", ""])
    assert (loaded.stored.note, loaded.stored.tags) == ("For ACME", ("data", "python"))
    cleared = save_note_and_tags(repository, credential_id, "   ", [])
    assert (cleared.stored.note, cleared.stored.tags) == (None, ())
