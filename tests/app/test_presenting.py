"""The presentation use case on a real wallet: signed by the chosen profile, only the chosen
SD-JWT claims, bound to the verifier's request, logged; and what a verifier then sees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.app.share_fixtures import OB3, SEALED_EDC, repository, store
from tests.share.presentation_credentials import Issuer
from wallet.app.holders import add_holder_profile, holder_profiles
from wallet.app.presenting import (
    PRESENTATION_FILE_NAME,
    PresentationRequest,
    claim_choices,
    present_credentials,
)
from wallet.app.share_forms import ShareForm
from wallet.crypto.sd_jwt import SdJwtParts
from wallet.errors import CredentialNotFound, ExportError, SharingError
from wallet.formats.vc_view_values import decode_data_url
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, VerificationReport

__all__ = ["repository"]  # a fixture of share_fixtures, used by name

CHALLENGE, DOMAIN = "job-4711", "https://hr.example.cz"


def _verify(data: bytes, challenge: str = CHALLENGE) -> VerificationReport:
    return verify_file_bytes(data, options=VerifyOptions(challenge=challenge, domain=DOMAIN))


def _holder_status(report: VerificationReport) -> CheckStatus:
    check = report.check("holder")
    assert check is not None
    return check.status


def _carried_sd_jwt(data: bytes) -> SdJwtParts:
    presentation: dict[str, Any] = json.loads(data)
    [item] = presentation["verifiableCredential"]
    decoded = decode_data_url(item["id"])
    assert decoded is not None
    return SdJwtParts.from_text(decoded[1].decode("ascii"))


def test_a_presentation_is_signed_by_the_default_profile_for_the_request_and_logged(
    repository: CredentialRepository,
) -> None:
    # GIVEN an Open Badge and a sealed EDC in the wallet
    ids = store(repository, OB3, SEALED_EDC)
    [profile] = holder_profiles(repository)
    # WHEN the learner presents both for an employer's challenge and domain
    request = PresentationRequest(tuple(ids), challenge=CHALLENGE, domain=DOMAIN)
    made = present_credentials(repository, request, recipient="ACME HR")
    # THEN the default profile signed it, and the result says what was shared
    assert (made.holder, made.profile) == (profile.did, profile.label)
    assert (made.credential_ids, made.challenge, made.domain) == (tuple(ids), CHALLENGE, DOMAIN)
    assert made.suggested_name == PRESENTATION_FILE_NAME
    assert json.loads(made.data)["holder"] == profile.did
    # AND the employer's check proves the holder for this request, not for a replay
    report = _verify(made.data)
    assert _holder_status(report) is CheckStatus.OK
    assert [c.format for c in report.credentials] == ["vc-jsonld", "edc-jades"]
    assert _holder_status(_verify(made.data, challenge="another")) is CheckStatus.FAILED
    # AND the wallet remembers the share, with whom, without its contents
    [entry] = repository.share_log()
    assert (entry.form, entry.recipient, entry.credential_ids) == (
        "presentation", "ACME HR", tuple(sorted(ids)))


def test_a_chosen_profile_signs_and_the_form_is_logged(repository: CredentialRepository) -> None:
    # GIVEN a second profile, not the default
    [badge] = store(repository, OB3)
    work = add_holder_profile(repository, "Work")
    # WHEN the learner picks it (any spelling) and copies the presentation to the clipboard
    made = present_credentials(
        repository, PresentationRequest((badge,), profile="WORK"), form=ShareForm.CLIPBOARD
    )
    # THEN that profile's key signed it, and the log says how it left the wallet
    assert (made.holder, made.profile) == (work.did, "Work")
    assert _holder_status(verify_file_bytes(made.data)) is CheckStatus.OK
    assert [(e.form, e.recipient) for e in repository.share_log()] == [("clipboard", None)]


def test_only_the_chosen_sd_jwt_claims_are_revealed_with_key_binding(
    repository: CredentialRepository,
) -> None:
    # GIVEN an SD-JWT VC with three disclosable claims, bound to the wallet's "Work" key
    work = add_holder_profile(repository, "Work")
    issuer = Issuer(holder=work.did)
    [learning] = store(repository, issuer.sd_jwt(cnf_key=work.signing_key().public_key()))
    [choice] = claim_choices(repository, [learning], lang="en")
    assert {claim.path for claim in choice.claims} == {"given_name", "family_name", "ects"}
    # WHEN the default profile presents it revealing only the ECTS, for a request
    request = PresentationRequest((learning,), reveal={learning: ("ects",)},
                                  challenge=CHALLENGE, domain=DOMAIN)
    made = present_credentials(repository, request)
    # THEN one disclosure travels, and the Work key answers the request (key binding)
    carried = _carried_sd_jwt(made.data)
    assert len(carried.disclosures) == 1
    assert carried.kb_jwt is not None
    assert made.revealed == {learning: ("ects",)}
    report = _verify(made.data)
    signature = report.credentials[0].check("signature")
    assert signature is not None and signature.status is CheckStatus.OK
    assert "possession" in " ".join(signature.details["key_binding"])


@pytest.mark.usefixtures("czech")
def test_claim_choices_list_only_credentials_that_can_hold_claims_back(
    repository: CredentialRepository,
) -> None:
    # GIVEN an Open Badge (shown whole, as signed) and an SD-JWT VC with a title claim
    issuer = Issuer(holder=holder_profiles(repository)[0].did)
    badge, learning = store(repository, OB3, issuer.sd_jwt())
    # WHEN the wizard, in Czech, asks what the learner may hold back
    choices = claim_choices(repository, [badge, learning], lang="cs")
    # THEN only the SD-JWT VC is listed, named by its title (not "sd-jwt-vc"), each claim
    # with its value to show
    [choice] = choices
    assert (choice.credential_id, choice.title) == (learning, "Základy datové analýzy")
    assert {(c.path, c.preview) for c in choice.claims} == {
        ("given_name", "Jana"), ("family_name", "Nováková"), ("ects", "4")}


def test_a_saved_presentation_is_logged_only_once_written(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    [badge] = store(repository, OB3)
    request = PresentationRequest((badge,))
    # WHEN the file cannot be written (its folder does not exist)
    with pytest.raises(ExportError, match="could not be written"):
        present_credentials(repository, request, save_to=tmp_path / "missing" / "vp.json")
    # THEN nothing is logged as shared
    assert repository.share_log() == []
    # AND written where it can be, the file holds exactly the presentation returned
    out = tmp_path / "vp.json"
    made = present_credentials(repository, request, save_to=out)
    assert out.read_bytes() == made.data
    assert len(repository.share_log()) == 1


@pytest.mark.parametrize(
    ("request_for", "error", "sentence"),
    [
        (lambda b: PresentationRequest((b, b)), SharingError, "listed twice"),
        (lambda b: PresentationRequest((b,), reveal={b + 1: ("ects",)}), SharingError,
         "not being presented"),
        (lambda b: PresentationRequest((b,), reveal={b: ("name",)}), SharingError,
         "only SD-JWT VC"),
        (lambda b: PresentationRequest((b,), profile="Home"), SharingError,
         "No holder profile is named “Home”"),
        (lambda b: PresentationRequest((b,), challenge=""), SharingError, "challenge is empty"),
        (lambda b: PresentationRequest(()), SharingError, "Choose at least one"),
        (lambda b: PresentationRequest((b + 1,)), CredentialNotFound, "No credential"),
    ],
)
def test_a_request_that_cannot_be_presented_is_one_sentence_and_shares_nothing(
    repository: CredentialRepository, request_for: Any, error: type[Exception], sentence: str
) -> None:
    [badge] = store(repository, OB3)
    with pytest.raises(error, match=sentence):
        present_credentials(repository, request_for(badge))
    assert repository.share_log() == []
