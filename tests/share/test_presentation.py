"""Presentations: build → verify round trips; every kind of tampering caught where it happens."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.share.presentation_credentials import (
    VC1,
    VC2,
    Issuer,
    credential,
    sealed_edc,
)
from wallet.crypto.data_integrity import sign
from wallet.crypto.sd_jwt import SdJwtParts
from wallet.did import did_key_from_public_key, did_key_verification_method_id
from wallet.errors import SharingError
from wallet.formats import parse_credential
from wallet.formats.vc_view_values import decode_data_url
from wallet.model import CredentialFormat
from wallet.share.presentation import (
    DATA_INTEGRITY_CONTEXT,
    PresentedCredential,
    build_presentation,
    presentation_bytes,
)
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport

CHALLENGE, DOMAIN = "8c1b6e0f-6c6e-4a8e-9b1a-2f0c7f1d2e3a", "https://employer.example.cz"

HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()
HOLDER = did_key_from_public_key(HOLDER_KEY.public_key())
ISSUER = Issuer(holder=HOLDER)


def _verify(vp: dict[str, Any], **options: Any) -> VerificationReport:
    options.setdefault("trusted_issuers", frozenset({ISSUER.did}))
    return verify_file_bytes(presentation_bytes(vp), options=VerifyOptions(**options))


def _holder(report: VerificationReport) -> CheckStatus:
    check = report.check("holder")
    assert check is not None
    return check.status


def _signatures(report: VerificationReport) -> list[CheckStatus]:
    found = [r.check("signature") for r in report.credentials]
    return [c.status if c is not None else CheckStatus.FAILED for c in found]


def _everything() -> list[Any]:
    return [
        credential(ISSUER.ob3()),
        credential(ISSUER.vc_jwt()),
        credential(ISSUER.sd_jwt()),
        sealed_edc(),
    ]


# --- round trips -----------------------------------------------------------------------------


def test_every_format_round_trips_with_challenge_and_domain() -> None:
    # GIVEN an OB 3.0 badge, a VC-JWT, an SD-JWT VC and a sealed EDC
    vp = build_presentation(_everything(), holder_key=HOLDER_KEY, challenge=CHALLENGE,
                            domain=DOMAIN)
    # WHEN the verifier checks it with the challenge and domain it sent
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    # THEN the holder proof holds and every credential verifies as itself
    assert _holder(report) is CheckStatus.OK
    assert [r.format for r in report.credentials] == ["vc-jsonld", "vc-jwt", "sd-jwt-vc",
                                                      "edc-jades"]
    assert [r.status for r in report.credentials[:3]] == [OverallStatus.VERIFIED] * 3
    # the EU sample seal is intact but its CA is a test CA on no trusted list
    assert report.credentials[3].status is OverallStatus.PARTIALLY_VERIFIED
    assert _signatures(report)[3] is not CheckStatus.FAILED
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    # AND the report keeps its JSON shape, with one report per credential
    shape = report.to_json()
    assert set(shape) == {"status", "format", "checks", "issuer", "credentials"}
    assert shape["format"] == "presentation"
    assert shape["checks"][0]["details"]["holder"] == HOLDER


def test_the_presentation_says_who_holds_it_and_what_it_answers() -> None:
    vp = build_presentation(_everything(), holder_key=HOLDER_KEY, challenge=CHALLENGE,
                            domain=DOMAIN, created=datetime(2026, 11, 21, 12, 0, tzinfo=UTC))
    assert vp["@context"] == [VC2]
    assert vp["type"] == ["VerifiablePresentation"]
    assert vp["holder"] == HOLDER
    proof = vp["proof"]
    assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == (
        "DataIntegrityProof", "eddsa-rdfc-2022", "authentication")
    assert proof["verificationMethod"] == did_key_verification_method_id(HOLDER_KEY.public_key())
    assert (proof["challenge"], proof["domain"], proof["created"]) == (
        CHALLENGE, DOMAIN, "2026-11-21T12:00:00Z")


def test_enveloped_credentials_carry_the_original_bytes_with_their_media_types() -> None:
    jwt, sd_jwt, edc = credential(ISSUER.vc_jwt()), credential(ISSUER.sd_jwt()), sealed_edc()
    vp = build_presentation([jwt, sd_jwt, edc], holder_key=HOLDER_KEY)
    items = vp["verifiableCredential"]
    assert all(i["type"] == "EnvelopedVerifiableCredential" for i in items)
    assert all(i["@context"] == [VC2] for i in items)
    decoded = [decode_data_url(i["id"]) for i in items]
    assert decoded == [
        ("application/vc+jwt", jwt.raw),
        ("application/dc+sd-jwt", sd_jwt.raw),
        ("application/jose+json", edc.raw),  # byte for byte: the seal signs these bytes
    ]
    assert items[0]["id"].startswith("data:application/vc+jwt,eyJ")  # as VC 2.0 shows it
    assert items[2]["id"].startswith("data:application/jose+json;base64,")


def test_vc11_credentials_get_a_vc11_presentation_with_the_proof_context() -> None:
    vp = build_presentation([credential(ISSUER.vc11())], holder_key=HOLDER_KEY,
                            challenge=CHALLENGE)
    assert vp["@context"] == [VC1, DATA_INTEGRITY_CONTEXT]
    report = _verify(vp, challenge=CHALLENGE)
    assert _holder(report) is CheckStatus.OK
    assert report.status is OverallStatus.VERIFIED


def test_a_vc11_credential_beside_an_enveloped_one_sits_in_a_vc2_presentation() -> None:
    vp = build_presentation([credential(ISSUER.vc11()), credential(ISSUER.vc_jwt())],
                            holder_key=HOLDER_KEY)
    assert vp["@context"] == [VC2]
    assert vp["verifiableCredential"][0]["@context"][0] == VC1
    report = _verify(vp)
    assert _holder(report) is CheckStatus.OK
    assert report.status is OverallStatus.VERIFIED


def test_the_file_is_read_back_as_a_presentation_by_kredo() -> None:
    vp = build_presentation([credential(ISSUER.ob3())], holder_key=HOLDER_KEY)
    data = presentation_bytes(vp)
    assert data.endswith(b"\n") and json.loads(data) == vp
    assert "Základy".encode() in data  # UTF-8 as it is, not \\u escapes


# --- tampering -------------------------------------------------------------------------------


def _signed_vp(**kwargs: Any) -> dict[str, Any]:
    return build_presentation([credential(ISSUER.ob3()), credential(ISSUER.vc_jwt())],
                              holder_key=HOLDER_KEY, challenge=CHALLENGE, domain=DOMAIN,
                              **kwargs)


def test_a_claim_changed_inside_an_embedded_credential_fails_holder_and_that_signature() -> None:
    vp = _signed_vp()
    vp["verifiableCredential"][0]["credentialSubject"]["achievement"]["name"] = "Pokročilá AI"
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    assert _holder(report) is CheckStatus.FAILED
    assert _signatures(report) == [CheckStatus.FAILED, CheckStatus.OK]
    assert report.status is OverallStatus.FAILED


def test_a_changed_proof_value_fails_the_holder_check() -> None:
    vp = _signed_vp()
    value = vp["proof"]["proofValue"]
    vp["proof"]["proofValue"] = value[:-4] + ("1111" if value[-4:] != "1111" else "2222")
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    assert _holder(report) is CheckStatus.FAILED
    assert _signatures(report) == [CheckStatus.OK, CheckStatus.OK]
    assert report.status is OverallStatus.FAILED


@pytest.mark.parametrize(
    ("expected", "sentence"),
    [
        ({"challenge": "another-request", "domain": DOMAIN}, "challenge"),
        ({"challenge": CHALLENGE, "domain": "https://other.example"}, "domain"),
    ],
)
def test_wrong_challenge_or_domain_fails_the_holder_check(
    expected: dict[str, str], sentence: str
) -> None:
    report = _verify(_signed_vp(), **expected)
    check = report.check("holder")
    assert check is not None and check.status is CheckStatus.FAILED
    assert sentence in check.message
    assert report.status is OverallStatus.FAILED


def test_a_challenge_expected_but_not_in_the_proof_fails() -> None:
    vp = build_presentation([credential(ISSUER.ob3())], holder_key=HOLDER_KEY)
    assert _holder(_verify(vp, challenge=CHALLENGE)) is CheckStatus.FAILED
    assert _holder(_verify(vp)) is CheckStatus.OK


def test_a_presentation_without_proof_is_skipped_honestly_or_fails_a_request() -> None:
    vp = _signed_vp()
    del vp["proof"]
    report = _verify(vp)
    assert _holder(report) is CheckStatus.SKIPPED
    assert report.status is OverallStatus.PARTIALLY_VERIFIED  # never "verified"
    assert _holder(_verify(vp, challenge=CHALLENGE)) is CheckStatus.FAILED


def test_another_holder_named_fails_even_with_a_valid_signature() -> None:
    # GIVEN an attacker who signs a presentation naming the learner as holder with their own key
    attacker = ed25519.Ed25519PrivateKey.generate()
    unsigned = {key: value for key, value in _signed_vp().items() if key != "proof"}
    forged = sign(unsigned, private_key=attacker, cryptosuite="eddsa-rdfc-2022",
                  verification_method=did_key_verification_method_id(attacker.public_key()),
                  purpose="authentication", challenge=CHALLENGE, domain=DOMAIN)
    report = _verify(forged, challenge=CHALLENGE, domain=DOMAIN)
    check = report.check("holder")
    assert check is not None and check.status is CheckStatus.FAILED
    assert "not by its holder" in check.message


def test_a_tampered_envelope_resigned_by_the_holder_still_fails_at_the_credential() -> None:
    # GIVEN a holder who edits a VC-JWT's claims and signs the presentation anew
    jwt = ISSUER.vc_jwt().decode()
    header, payload, signature = jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["name"] = "Someone Else"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged = credential(f"{header}.{forged_payload}.{signature}".encode())
    vp = build_presentation([forged], holder_key=HOLDER_KEY)
    # THEN the holder proof is fine, but the issuer's signature is not
    report = _verify(vp)
    assert _holder(report) is CheckStatus.OK
    assert _signatures(report) == [CheckStatus.FAILED]
    assert report.status is OverallStatus.FAILED


def test_a_sealed_edc_changed_inside_its_envelope_fails_its_seal() -> None:
    edc = sealed_edc()
    sealed = json.loads(edc.raw)
    index = sealed["payload"].index('"en":"') + 6
    sealed["payload"] = sealed["payload"][:index] + "X" + sealed["payload"][index + 1:]
    changed = parse_credential(json.dumps(sealed).encode())
    report = _verify(build_presentation([changed], holder_key=HOLDER_KEY))
    assert _holder(report) is CheckStatus.OK
    assert _signatures(report) == [CheckStatus.FAILED]


def test_an_unreadable_credential_inside_gets_its_own_failed_report() -> None:
    vp = _signed_vp()
    vp["verifiableCredential"].append({
        "@context": VC2, "type": "EnvelopedVerifiableCredential",
        "id": "data:application/vc+jwt,not-a-token"})
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    assert len(report.credentials) == 3
    assert report.credentials[2].format == "unknown"
    assert report.credentials[2].checks[0].status is CheckStatus.FAILED
    assert report.status is OverallStatus.FAILED


# --- SD-JWT VC: the learner chooses ----------------------------------------------------------


def _carried_sd_jwt(vp: dict[str, Any]) -> SdJwtParts:
    decoded = decode_data_url(vp["verifiableCredential"][0]["id"])
    assert decoded is not None
    return SdJwtParts.from_text(decoded[1].decode())


def test_sd_jwt_reveals_only_the_chosen_claims() -> None:
    chosen = PresentedCredential(credential(ISSUER.sd_jwt()), reveal=("given_name",))
    vp = build_presentation([chosen], holder_key=HOLDER_KEY)
    parts = _carried_sd_jwt(vp)
    assert len(parts.disclosures) == 1
    carried = parse_credential(decode_data_url(vp["verifiableCredential"][0]["id"])[1])
    assert carried.document["given_name"] == "Jana"
    assert "family_name" not in carried.document and "ects" not in carried.document
    assert _verify(vp).status is OverallStatus.VERIFIED


def test_sd_jwt_reveals_everything_by_default() -> None:
    vp = build_presentation([credential(ISSUER.sd_jwt())], holder_key=HOLDER_KEY)
    assert len(_carried_sd_jwt(vp).disclosures) == 3


def test_sd_jwt_bound_to_the_holder_key_answers_the_challenge_with_key_binding() -> None:
    # GIVEN an SD-JWT VC issued to the holder's own key (cnf.jwk)
    bound = credential(ISSUER.sd_jwt(cnf_key=HOLDER_KEY.public_key()))
    vp = build_presentation([PresentedCredential(bound, reveal=("ects",))],
                            holder_key=HOLDER_KEY, challenge=CHALLENGE, domain=DOMAIN)
    # THEN it carries a key binding JWT for the same challenge and domain
    assert _carried_sd_jwt(vp).kb_jwt is not None
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    signature = report.credentials[0].check("signature")
    assert signature is not None and signature.status is CheckStatus.OK
    assert "possession" in " ".join(signature.details["key_binding"])
    # AND replayed to another verifier, both the holder proof and the key binding fail
    replayed = _verify(vp, challenge="another-request", domain=DOMAIN)
    assert _holder(replayed) is CheckStatus.FAILED
    assert _signatures(replayed) == [CheckStatus.FAILED]


def test_sd_jwt_bound_to_another_wallet_key_is_bound_with_that_key() -> None:
    # GIVEN an SD-JWT VC an issuer bound to the wallet's P-256 key (issuers that need ES256)
    p256 = ec.generate_private_key(ec.SECP256R1())
    bound = credential(ISSUER.sd_jwt(cnf_key=p256.public_key()))
    vp = build_presentation([bound], holder_key=HOLDER_KEY, binding_keys=[p256],
                            challenge=CHALLENGE, domain=DOMAIN)
    # THEN the key binding JWT is signed with that key, and verifies
    kb = _carried_sd_jwt(vp).kb_jwt
    assert kb is not None
    assert json.loads(base64.urlsafe_b64decode(kb.split(".")[0] + "=="))["alg"] == "ES256"
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    assert report.status is OverallStatus.VERIFIED


def test_sd_jwt_for_another_key_is_presented_without_key_binding() -> None:
    other = ed25519.Ed25519PrivateKey.generate().public_key()
    vp = build_presentation([credential(ISSUER.sd_jwt(cnf_key=other))], holder_key=HOLDER_KEY,
                            challenge=CHALLENGE, domain=DOMAIN)
    assert _carried_sd_jwt(vp).kb_jwt is None


# --- what cannot be presented ----------------------------------------------------------------


def test_unknown_claim_to_reveal_is_an_error_not_a_silent_omission() -> None:
    chosen = PresentedCredential(credential(ISSUER.sd_jwt()), reveal=("birth_date",))
    with pytest.raises(SharingError, match="no claim “birth_date”"):
        build_presentation([chosen], holder_key=HOLDER_KEY)


def test_choosing_claims_of_a_credential_that_has_none_to_choose_is_refused() -> None:
    chosen = PresentedCredential(credential(ISSUER.ob3()), reveal=("name",))
    with pytest.raises(SharingError, match="only SD-JWT VC"):
        build_presentation([chosen], holder_key=HOLDER_KEY)


def test_open_badges_2_cannot_travel_in_a_w3c_presentation() -> None:
    ob2 = credential({
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": "https://example.org/assertions/1", "recipient": {"type": "email",
        "identity": "jana@example.cz", "hashed": False}, "badge": "https://example.org/b/1",
        "verification": {"type": "hosted"}, "issuedOn": "2026-01-01T00:00:00Z"})
    assert ob2.format is CredentialFormat.OB2
    with pytest.raises(SharingError, match="cannot carry"):
        build_presentation([ob2], holder_key=HOLDER_KEY)


@pytest.mark.parametrize(
    ("kwargs", "sentence"),
    [
        ({"challenge": ""}, "challenge is empty"),
        ({"domain": "  "}, "domain is empty"),
        ({"challenge": "x" * 1025}, "longer than"),
        ({"challenge": "a\nb"}, "control characters"),
    ],
)
def test_bad_challenge_or_domain_is_refused(kwargs: dict[str, str], sentence: str) -> None:
    with pytest.raises(SharingError, match=sentence):
        build_presentation([credential(ISSUER.ob3())], holder_key=HOLDER_KEY, **kwargs)


def test_an_empty_presentation_is_refused() -> None:
    with pytest.raises(SharingError, match="at least one"):
        build_presentation([], holder_key=HOLDER_KEY)


# --- proofs Kredo cannot check ---------------------------------------------------------------


def test_a_proof_of_a_kind_kredo_does_not_check_is_skipped_never_passed() -> None:
    vp = _signed_vp()
    vp["proof"] = {**vp["proof"], "type": "RsaSignature2018"}
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    assert _holder(report) is CheckStatus.SKIPPED
    # The holder's proof is there but unchecked: could not be checked (ADR 0010)
    assert report.status is OverallStatus.INDETERMINATE


def test_a_proof_that_is_not_an_object_counts_as_no_proof() -> None:
    vp = _signed_vp()
    vp["proof"] = "z3Q38VMYXUHfNwiKwNjqfw3Ld4py"
    assert _holder(_verify(vp)) is CheckStatus.SKIPPED
    assert _holder(_verify(vp, challenge=CHALLENGE)) is CheckStatus.FAILED


def test_a_did_web_holder_is_not_looked_up_offline() -> None:
    vp = _signed_vp()
    vp["proof"]["verificationMethod"] = "did:web:learner.example.cz#key-1"
    report = _verify(vp, challenge=CHALLENGE, domain=DOMAIN)
    check = report.check("holder")
    assert check is not None and check.status is CheckStatus.SKIPPED
    assert "online" in check.message
    assert report.status is OverallStatus.INDETERMINATE
