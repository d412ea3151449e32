"""Verify use cases: a stored credential with the wallet's trust (verdict kept), a received file,
a received presentation, and a batch that never stops at a bad file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.app.conftest import MUNI, OB3, OB3_CONTROLLER, SEALED
from tests.robustness.corpus import ob3_document, signers
from wallet.app.credentials import load_credential
from wallet.app.importing import import_bytes
from wallet.app.verifying import (
    BatchOutcome,
    ReceivedBytes,
    VerifyRequest,
    batch_sources,
    prepare_stored_verification,
    read_documents,
    remember_verdict,
    verify_batch,
    verify_batch_in_workers,
    verify_options,
    verify_received,
    verify_received_file,
    verify_stored,
    worst_status,
)
from wallet.errors import FormatError
from wallet.formats import parse_credential
from wallet.share.presentation import build_presentation, presentation_bytes
from wallet.store.repository import CredentialRepository
from wallet.trust.user_trust import add_trusted_issuer
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus


@pytest.fixture(scope="module")
def badge() -> tuple[str, bytes]:
    """An Open Badge 3.0 signed here by a did:key issuer on no list: its signature verifies
    offline, its issuer is unknown until the learner trusts it."""
    keys = signers()
    return keys.ed_did, keys.data_integrity(ob3_document(keys.ed_did, 1), "eddsa-rdfc-2022")


def _store(repository: CredentialRepository, raw: bytes) -> int:
    (outcome,) = import_bytes(repository, raw, source="test")
    assert outcome.id is not None
    return outcome.id


def test_a_stored_credential_is_verified_with_the_wallets_trust_and_the_verdict_kept(
    repository: CredentialRepository, badge: tuple[str, bytes]
) -> None:
    # GIVEN a badge in the wallet whose issuer the learner has not said they trust
    did, raw = badge
    credential_id = _store(repository, raw)
    # WHEN it is verified
    first = verify_stored(repository, credential_id)
    # THEN the signature holds but the issuer is unconfirmed, and the wallet keeps the verdict
    assert first.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    assert first.status is OverallStatus.PARTIALLY_VERIFIED
    kept = load_credential(repository, credential_id)
    assert kept.report is not None and kept.report.status is OverallStatus.PARTIALLY_VERIFIED
    assert kept.verification is not None and kept.verification.mode == "offline"
    assert repository.list()[0].verification_status == "partially_verified"
    # WHEN the learner trusts the issuer and verifies again
    add_trusted_issuer(repository, did)
    second = verify_stored(repository, credential_id)
    # THEN the wallet's own trust decides: verified, and the list shows it
    assert second.status is OverallStatus.VERIFIED
    assert repository.list()[0].verification_status == "verified"


def test_the_steps_of_a_stored_verification_touch_the_database_only_to_read_and_to_keep(
    repository: CredentialRepository, badge: tuple[str, bytes]
) -> None:
    # GIVEN a stored badge, read for verifying with the wallet's trust
    did, raw = badge
    credential_id = _store(repository, raw)
    add_trusted_issuer(repository, did)
    verification = prepare_stored_verification(repository, credential_id)
    assert verification.raw == raw and not verification.options.online
    # WHEN it is verified (as the GUI does, on another thread than the database's)
    verdict = verification.verify()
    # THEN nothing is kept until the verdict is remembered
    assert verdict.report.status is OverallStatus.VERIFIED
    assert repository.latest_verification(credential_id) is None
    remember_verdict(repository, verdict)
    record = repository.latest_verification(credential_id)
    assert record is not None and (record.status, record.mode) == ("verified", "offline")
    assert json.loads(record.report_json) == verdict.report.to_json()


def test_a_tampered_stored_credential_fails_and_its_chip_says_so(
    repository: CredentialRepository, badge: tuple[str, bytes]
) -> None:
    # GIVEN a stored badge whose title was changed after signing
    _did, raw = badge
    credential_id = _store(repository, raw.replace(b"kryptografie", b"kryptografiE"))
    # WHEN it is verified
    report = verify_stored(repository, credential_id)
    # THEN its signature fails, and so does the list's chip
    assert report.check("signature").status is CheckStatus.FAILED  # type: ignore[union-attr]
    assert repository.list()[0].verification_status == "failed"


def test_a_received_file_is_verified_without_a_wallet_and_documents_are_used_offline() -> None:
    # GIVEN the 1EdTech Open Badge whose issuer key is published online
    bare = verify_options(VerifyRequest())
    # WHEN it is verified offline without its key document
    without = verify_received_file(OB3, bare)
    # THEN the signature could not be checked
    assert without.check("signature").status is CheckStatus.SKIPPED  # type: ignore[union-attr]
    # WHEN the verifier hands the issuer's controller document over
    documents = read_documents([OB3_CONTROLLER])
    with_document = verify_received_file(OB3, verify_options(VerifyRequest(documents=documents)))
    # THEN the signature is proven offline
    assert with_document.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    assert with_document.status is OverallStatus.PARTIALLY_VERIFIED  # issuer on no list


def test_a_document_without_an_id_is_refused_in_one_sentence(tmp_path: Path) -> None:
    nameless = tmp_path / "key.json"
    nameless.write_text('{"verificationMethod": []}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"^The document key\.json has no id\.$"):
        read_documents([nameless])


def test_a_received_presentation_must_answer_the_challenge_it_was_asked_for(
    badge: tuple[str, bytes]
) -> None:
    # GIVEN a presentation of the badge, signed by its holder for one job offer
    _did, raw = badge
    holder_key = ed25519.Ed25519PrivateKey.generate()
    presentation = presentation_bytes(build_presentation(
        [parse_credential(raw)], holder_key=holder_key, challenge="job-4711",
        domain="hr.example.cz"))
    # WHEN the employer verifies it with the challenge and domain it sent
    asked = VerifyRequest(challenge="job-4711", domain="hr.example.cz")
    report = verify_received(presentation, verify_options(asked))
    # THEN the holder's proof holds, and the badge inside is verified on its own
    holder = report.check("holder")
    assert holder is not None and holder.status is CheckStatus.OK
    assert [r.check("signature").status for r in report.credentials] == [  # type: ignore[union-attr]
        CheckStatus.OK]
    # AND replayed for another challenge, it fails
    replay = verify_received(presentation, verify_options(
        VerifyRequest(challenge="job-9999", domain="hr.example.cz")))
    assert replay.status is OverallStatus.FAILED


def test_a_batch_reports_every_file_and_never_stops_at_a_bad_one(tmp_path: Path) -> None:
    # GIVEN a folder with a sealed EDC, a file that is no credential and an unsigned sample
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEALED, folder / "a-sealed.jsonld")
    (folder / "b-notes.txt").write_text("shopping list: milk", encoding="utf-8")
    shutil.copy(MUNI, folder / "c-unsigned.jsonld")
    # WHEN the folder is verified as a batch
    outcomes = list(verify_batch([folder], verify_options(VerifyRequest())))
    # THEN each file has one outcome, in order: a report, a sentence, a report
    assert [o.path.name for o in outcomes] == ["a-sealed.jsonld", "b-notes.txt",
                                              "c-unsigned.jsonld"]
    sealed, notes, unsigned = outcomes
    assert sealed.report is not None and sealed.report.status is OverallStatus.PARTIALLY_VERIFIED
    assert sealed.raw == SEALED.read_bytes()
    assert notes.report is None and notes.problem is not None
    assert "not a credential" in notes.problem
    assert unsigned.report is not None and unsigned.report.status is OverallStatus.FAILED
    # AND the worst verdict of the batch is the failure
    assert worst_status([o.report for o in outcomes if o.report]) is OverallStatus.FAILED


def test_a_batch_stops_when_cancelled(tmp_path: Path) -> None:
    for name in ("one.jsonld", "two.jsonld", "three.jsonld"):
        shutil.copy(MUNI, tmp_path / name)
    seen: list[str] = []
    outcomes = verify_batch([tmp_path], verify_options(VerifyRequest()),
                            cancelled=lambda: len(seen) == 1)
    for outcome in outcomes:
        seen.append(outcome.path.name)
    assert seen == ["one.jsonld"]


def test_the_worst_verdict_of_several_reports(badge: tuple[str, bytes]) -> None:
    did, raw = badge
    verified = verify_received(raw, VerifyOptions(trusted_issuers=frozenset({did})))
    partial = verify_received(raw, verify_options(VerifyRequest()))
    failed = verify_received_file(MUNI, verify_options(VerifyRequest()))
    assert verified.status is OverallStatus.VERIFIED
    assert worst_status([]) is None
    assert worst_status([verified]) is OverallStatus.VERIFIED
    assert worst_status([verified, partial]) is OverallStatus.PARTIALLY_VERIFIED
    assert worst_status([partial, failed, verified]) is OverallStatus.FAILED


def _gist(outcome: BatchOutcome) -> tuple[object, ...]:
    """An outcome without the times its checks ran at."""
    report = outcome.report
    checks = [(c.id, c.status, c.message) for c in report.checks] if report else None
    status = report.status if report else None
    return outcome.problem, outcome.sha256, outcome.views, status, checks


def test_workers_give_the_same_outcomes_in_the_same_order_as_one_process(
    tmp_path: Path, badge: tuple[str, bytes]
) -> None:
    # GIVEN a folder of badges, a sealed EDC, a note and a named pipe, and bytes from a pipe
    _did, raw = badge
    for n in range(4):
        (tmp_path / f"badge-{n}.json").write_bytes(raw)
    shutil.copy(SEALED, tmp_path / "sealed.jsonld")
    (tmp_path / "notes.txt").write_text("not a credential", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    sources = batch_sources([tmp_path, ReceivedBytes("-", raw)])
    # WHEN they are verified in two worker processes, and in this one
    in_workers = list(verify_batch_in_workers(sources, VerifyRequest(), jobs=2))
    here = list(verify_batch(sources, verify_options(VerifyRequest())))
    # THEN each file has one outcome, in the order given, the same either way
    assert [o.name for o in in_workers] == [o.name for o in here] == [
        *(str(tmp_path / f"badge-{n}.json") for n in range(4)), str(tmp_path / "notes.txt"),
        str(tmp_path / "pipe"), str(tmp_path / "sealed.jsonld"), "-"]
    assert [_gist(o) for o in in_workers] == [_gist(o) for o in here]
    # AND the named pipe is refused in a sentence, without waiting for a writer
    pipe = in_workers[5]
    assert pipe.report is None and pipe.sha256 is None
    assert pipe.problem == ("pipe is not a regular file (it is a pipe, a device or a socket); "
                            "Kredo reads only files.")
    # AND each credential's outcome says what it is about, and hashes the bytes checked
    first = in_workers[0]
    assert first.sha256 == hashlib.sha256(raw).hexdigest()
    assert [v.title.pick("cs") for v in first.views if v and v.title] == ["Základy kryptografie 1"]


def test_a_presentation_outcome_shows_each_credential_it_carries(badge: tuple[str, bytes]) -> None:
    # GIVEN a presentation of the badge WHEN verified as a batch's one file
    _did, raw = badge
    presentation = presentation_bytes(build_presentation(
        [parse_credential(raw), parse_credential(raw)],
        holder_key=ed25519.Ed25519PrivateKey.generate()))
    (outcome,) = verify_batch([ReceivedBytes("vp.json", presentation)],
                              verify_options(VerifyRequest()))
    # THEN its views are the two credentials', in order
    assert outcome.report is not None and len(outcome.report.credentials) == 2
    assert [v.learner_name.pick("cs") for v in outcome.views if v and v.learner_name] == [
        "Jana Nováková", "Jana Nováková"]

