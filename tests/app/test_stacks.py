"""Stacks on real wallets: a credential held in several forms counts once, what failed its
verification is left out and named, the totals come by EQF level and awarding body, the
selection is explicit, and numbers are written the reader's way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.conftest import MUNI, OB3, SEALED, VECTORS
from wallet.app.importing import import_paths
from wallet.app.stack_notes import amount_text, stack_notes
from wallet.app.stacks import (
    GOAL_SETTING,
    Figures,
    LeftOutReason,
    LevelTotal,
    NamedTotal,
    StackSelection,
    Standing,
    add_to_collection,
    save_goal,
    stack_choices,
    stack_totals,
)
from wallet.app.verifying import verify_stored
from wallet.errors import WalletError
from wallet.store.repository import CredentialRepository
from wallet.translation import current_language, set_language

REALWORLD = VECTORS.parent / "realworld"
UNSEALED = VECTORS / "edc" / "Sample-MC-Annex1-unsigned.jsonld"
UPLOAD = VECTORS / "edc" / "Sample-MC-Annex1-unsigned-uploadable.json"
XML = VECTORS / "edc" / "edc-v1-xml-credential-xades-signed.xml"
PARTICIPATION = VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld"
EDUBADGE = REALWORLD / "edubadges" / "educredentials-ob3-microcredential-ects-unsigned.json"
HTTPS_KEY_BADGE = REALWORLD / "1edtech" / "validator-ob3-ed25519signature2020-https-key.json"
# One employment document signed three ways; none carries an id.
EMPLOYMENT = [VECTORS / "w3c" / name for name in (
    "ecdsa-rdfc-2019-p256-employ-signedECDSAP256.json",
    "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json",
    "eddsa-rdfc-2022-employ-signedDataInt.json")]
TITLE = "Digital micro-credential creation"


def _import(repository: CredentialRepository, *paths: Path) -> list[int]:
    outcomes = list(import_paths(repository, list(paths)))
    assert [o.status for o in outcomes] == ["imported"] * len(paths)
    return [o.id for o in outcomes if o.id is not None]


@pytest.fixture
def czech() -> Iterator[None]:
    before = current_language()
    set_language("cs")
    yield
    set_language(before)


def test_one_credential_in_three_forms_counts_once(repository: CredentialRepository) -> None:
    # GIVEN the EU's Annex I micro-credential sealed, unsealed and as an upload wrapper
    # (the seal gave it a new id; it keeps its certificate number), none verified yet
    sealed, unsealed, upload = _import(repository, SEALED, UNSEALED, UPLOAD)
    # WHEN the whole wallet is stacked
    totals = stack_totals(repository, StackSelection.everything(), "en")
    # THEN its 2 ECTS and 60 hours count once, and the three copies are named as merged
    assert totals.selected == 3
    assert totals.total == Figures(credentials=1, ects=2, workload_hours=60)
    (merged,) = totals.merged
    assert [c.id for c in merged.copies] == [sealed, unsealed, upload]
    # AND the credits are flagged as not yet verified, in the sentences both faces show
    assert totals.standing(Standing.NOT_CHECKED).ects == 2
    assert stack_notes(totals) == [
        "Stacked: the whole wallet, 3 credentials.",
        "1 credential counted: 2 ECTS, 60 hours of workload.",
        "1 counted credential is not yet verified: 2 ECTS of the total.",
        f"Counted once: 3 copies of “{TITLE}”.",
    ]


def test_the_verified_copy_counts_and_the_failed_copies_are_named(
    repository: CredentialRepository
) -> None:
    # GIVEN the three forms, each verified offline: the seal holds (partially verified),
    # the two unsealed copies prove nothing (failed)
    sealed, unsealed, upload = _import(repository, SEALED, UNSEALED, UPLOAD)
    for credential_id in (sealed, unsealed, upload):
        verify_stored(repository, credential_id)
    # WHEN they are stacked
    totals = stack_totals(repository, StackSelection.everything(), "en")
    # THEN the sealed copy counts, once, as proven
    (counted,) = totals.counted
    assert (counted.entry.id, counted.standing) == (sealed, Standing.PROVEN)
    assert totals.total.ects == 2 and totals.standing(Standing.NOT_CHECKED) == Figures()
    # AND the failed copies are listed as not used, another copy counting in their place
    assert [(i.entry.id, i.reason, i.counted_instead) for i in totals.left_out] == [
        (unsealed, LeftOutReason.FAILED, sealed), (upload, LeftOutReason.FAILED, sealed)]
    assert totals.left_out_figures == Figures()  # nothing is missing from the total
    assert stack_notes(totals)[-1] == (f"Not used: a copy of “{TITLE}”: its verification "
                                       "failed. Another copy of it is counted.")


def test_a_failed_credential_is_left_out_and_named(repository: CredentialRepository) -> None:
    # GIVEN the sealed micro-credential and an unsealed 4-ECTS one, both verified offline
    sealed, muni = _import(repository, SEALED, MUNI)
    assert verify_stored(repository, sealed).status.value == "partially_verified"
    assert verify_stored(repository, muni).status.value == "failed"
    # WHEN both are stacked
    totals = stack_totals(repository, StackSelection.chosen([sealed, muni]), "en")
    # THEN the failed one adds nothing and is listed as left out, with its 4 ECTS
    assert totals.total == Figures(credentials=1, ects=2, workload_hours=60)
    (left_out,) = totals.left_out
    assert (left_out.entry.id, left_out.reason, left_out.counted_instead) == (
        muni, LeftOutReason.FAILED, None)
    assert totals.left_out_figures.ects == 4
    notes = stack_notes(totals)
    assert "1 credential left out: 4 ECTS not counted." in notes
    assert notes[-1] == ("Left out: “Foundations of Data Analysis in Python”: "
                         "its verification failed.")


def test_a_credential_that_could_not_be_checked_counts_but_is_flagged(
    repository: CredentialRepository
) -> None:
    # GIVEN a badge whose key is on the issuer's web site: offline it cannot be checked
    (badge,) = _import(repository, HTTPS_KEY_BADGE)
    assert verify_stored(repository, badge).status.value == "indeterminate"
    # WHEN it is stacked
    totals = stack_totals(repository, StackSelection.everything(), "en")
    # THEN it counts, kept apart as not proven
    assert totals.total.credentials == 1 and totals.left_out == ()
    assert totals.standing(Standing.INDETERMINATE).credentials == 1
    assert "1 counted credential could not be checked: 0 ECTS of the total." in (
        stack_notes(totals))


def test_totals_by_eqf_level_and_awarding_body(repository: CredentialRepository) -> None:
    # GIVEN real credentials: two EQF 6 micro-credentials (2 and 4 ECTS), an EQF 6 master's
    # programme in XML (300 hours, no ECTS), a webinar (2 hours, no level), an EQF 4 badge
    # of 3 ECTS (edubadges' ECTS extension)
    _import(repository, SEALED, MUNI, XML, PARTICIPATION, EDUBADGE)
    # WHEN the wallet is stacked
    totals = stack_totals(repository, StackSelection.everything(), "en")
    # THEN ECTS and workload add up by level, the level-less last
    assert totals.by_level == (
        LevelTotal(4, Figures(credentials=1, ects=3)),
        LevelTotal(6, Figures(credentials=3, ects=6, workload_hours=460, without_ects=1)),
        LevelTotal(None, Figures(credentials=1, workload_hours=2, without_ects=1)),
    )
    # AND by awarding body, most ECTS first
    assert totals.by_body == (
        NamedTotal("Masaryk University", Figures(1, 4, 100)),
        NamedTotal("Naboo Theed University", Figures(1, 3, 0)),
        NamedTotal("University of Zed", Figures(1, 2, 60)),
        NamedTotal("Department of Climate Studies", Figures(1, 0, 300, 1)),
        NamedTotal("European Digital Credentials for Learning Support Team", Figures(1, 0, 2, 1)),
    )
    assert totals.total == Figures(credentials=5, ects=9, workload_hours=462, without_ects=2)


def test_credentials_without_an_id_are_the_same_by_content(
    repository: CredentialRepository
) -> None:
    # GIVEN one employment document (same issuer, title, day) signed with three suites,
    # none with an id, and a different credential
    ids = _import(repository, *EMPLOYMENT, MUNI)
    # WHEN they are stacked
    totals = stack_totals(repository, StackSelection.everything(), "en")
    # THEN the document counts once and the other credential on its own
    assert totals.total.credentials == 2
    (merged,) = totals.merged
    assert [c.id for c in merged.copies] == ids[:3]


def test_a_stack_is_the_wallet_a_collection_a_tag_or_chosen_cards(
    repository: CredentialRepository
) -> None:
    # GIVEN four credentials, two tagged "data", the sealed one in a collection
    sealed, muni, xml, badge = _import(repository, SEALED, MUNI, XML, OB3)
    repository.tag(muni, ["data"])
    repository.tag(xml, ["data"])
    add_to_collection(repository, "Master plan", [sealed, muni])
    # WHEN each selection is stacked
    by_tag = stack_totals(repository, StackSelection.tag("data"), "en")
    by_collection = stack_totals(repository, StackSelection.collection(" Master plan "), "en")
    chosen = stack_totals(repository, StackSelection.chosen([badge, badge]), "en")
    # THEN each counts exactly what it names, and says so
    assert (by_tag.selected, by_tag.total.ects, by_tag.total.workload_hours) == (2, 4, 400)
    assert stack_notes(by_tag)[0] == "Stacked: the credentials tagged “data”, 2 credentials."
    assert (by_collection.selected, by_collection.total.ects) == (2, 6)
    assert stack_notes(by_collection)[0] == "Stacked: the collection “Master plan”, 2 credentials."
    assert (chosen.selected, chosen.total.ects) == (1, 0)
    assert stack_notes(chosen)[0] == "Stacked: the 1 chosen credential."
    # AND the choices offered say how many each holds
    choices = stack_choices(repository)
    assert (choices.everything, choices.collections, choices.tags) == (
        4, (("Master plan", 2),), (("data", 2),))
    # AND a collection or tag that does not exist is an error, not an empty stack
    with pytest.raises(WalletError, match="no collection called “Nothing”"):
        stack_totals(repository, StackSelection.collection("Nothing"), "en")
    with pytest.raises(WalletError, match="tagged “nothing”"):
        stack_totals(repository, StackSelection.tag("nothing"), "en")


@pytest.mark.usefixtures("czech")
def test_numbers_and_sentences_in_czech(repository: CredentialRepository) -> None:
    # GIVEN Czech as the language
    # THEN credits and hours are written the Czech way
    assert [amount_text(v) for v in (2.5, 4.0, 1200, 0.25)] == ["2,5", "4", "1\u00a0200", "0,25"]
    # AND a stack of real credentials speaks Czech, titles in Czech where the credential has one
    sealed, muni = _import(repository, SEALED, MUNI)
    verify_stored(repository, muni)
    totals = stack_totals(repository, StackSelection.chosen([sealed, muni]), "cs")
    assert stack_notes(totals) == [
        "Kumulováno: 2 vybrané certifikáty.",
        "Započítán 1 certifikát: 2 ECTS, pracovní zátěž 60 h.",
        "1 započítaný certifikát ještě nebyl ověřen: z celkového součtu 2 ECTS.",
        "Vynechán 1 certifikát: nezapočteno 4 ECTS.",
        "Vynecháno: „Základy analýzy dat v Pythonu“: ověření selhalo.",
    ]


def test_a_goal_is_a_collection_with_a_target(repository: CredentialRepository) -> None:
    # GIVEN three credentials
    ids = _import(repository, SEALED, MUNI, OB3)
    # WHEN two of them become a goal of 30 ECTS
    save_goal(repository, " Data analyst ", 30, ids[:2])
    # THEN the goal is a collection with their ECTS and its target
    (goal,) = repository.collections()
    assert goal.name == "Data analyst"
    assert stack_totals(repository, StackSelection.collection("Data analyst"),
                        "en").total.ects == 6
    assert repository.get_setting(GOAL_SETTING + "Data analyst") == "30"
    # AND adding the badge to it later keeps one collection
    assert add_to_collection(repository, "Data analyst", ids[2:]) == goal.id
    assert len(repository.collections()) == 1
