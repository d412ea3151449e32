"""SD-JWT VC: the RFC 9901 example, fresh learning credentials, presentation, tampering."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.check_status import CheckStatus
from wallet.crypto.jwk import b64url_encode, jwk_from_public_key, public_key_from_jwk
from wallet.crypto.jws import JwsFailure, sign_compact_jws
from wallet.crypto.sd_jwt import SdJwtParts, disclosable_claims, present, verify_sd_jwt
from wallet.errors import MalformedCredential, SharingError

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "crypto" / "jose"
RFC = json.loads((ASSETS / "rfc-jose-examples.json").read_text(encoding="utf-8"))
RFC_ISSUER_KEY = public_key_from_jwk(RFC["rfc9901_a5_issuer_key"]["jwk"])
RFC_FULL = (ASSETS / "rfc9901-a3-sd-jwt-vc.txt").read_text(encoding="ascii").strip()
RFC_KB = (ASSETS / "rfc9901-a3-sd-jwt-vc-kb.txt").read_text(encoding="ascii").strip()
RFC_KB_IAT = datetime.fromtimestamp(1748454271, UTC)

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
ISSUER_KEY = ec.generate_private_key(ec.SECP256R1())
HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()
NONCE, AUDIENCE = "n-0S6_WzA2Mj", "https://employer.example.cz"


# --- a tiny issuer, written from RFC 9901 §4.2 -------------------------------------------


def disclosure(*items: Any) -> str:
    return b64url_encode(json.dumps(list(items), ensure_ascii=False).encode())


def digest(encoded: str) -> str:
    return b64url_encode(hashlib.sha256(encoded.encode("ascii")).digest())


D_NAME = disclosure("2GLC42sKQveCfGfryNRN9w", "given_name", "Jana")
D_ECTS = disclosure("eluV5Og3gSNII8EYnsxA_A", "ects", 4)
D_ACHIEVEMENT = disclosure(
    "6Ij7tM-a5iVPGboS5tmvVA", "achievement", {"title": "Datová věda", "_sd": [digest(D_ECTS)]}
)
D_LANG_CS = disclosure("eI8ZWm9QnKPpNPeNenHdhQ", "cs")
D_LANG_EN = disclosure("Qg_O64zqAxe412a108iroA", "en")
DECOY = digest(disclosure("decoy-salt", "never", "shown"))
ALL = [D_NAME, D_ACHIEVEMENT, D_ECTS, D_LANG_CS, D_LANG_EN]


def issuer_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "_sd": [digest(D_NAME), DECOY, digest(D_ACHIEVEMENT)],
        "iss": "https://issuer.muni.example.cz",
        "iat": int((NOW - timedelta(days=10)).timestamp()),
        "exp": int((NOW + timedelta(days=365)).timestamp()),
        "vct": "https://credentials.example.eu/learning-credential",
        "languages": [{"...": digest(D_LANG_CS)}, {"...": digest(D_LANG_EN)}, "de"],
        "_sd_alg": "sha-256",
        "cnf": {"jwk": jwk_from_public_key(HOLDER_KEY.public_key())},
    }
    payload.update(overrides)
    return payload


def issue(
    payload: dict[str, Any] | None = None,
    disclosures: list[str] | None = None,
    typ: str = "dc+sd-jwt",
) -> str:
    jwt = sign_compact_jws(
        {"typ": typ}, json.dumps(payload or issuer_payload()).encode(), ISSUER_KEY
    )
    return "~".join([jwt, *(ALL if disclosures is None else disclosures)]) + "~"


def verify(sd_jwt: str, **kwargs: Any) -> Any:
    kwargs.setdefault("now", NOW)
    return verify_sd_jwt(sd_jwt, ISSUER_KEY.public_key(), **kwargs)


# --- the published example ----------------------------------------------------------------


def test_rfc9901_pid_example_verifies_and_rebuilds_nested_claims() -> None:
    result = verify_sd_jwt(RFC_FULL, RFC_ISSUER_KEY, now=NOW)
    assert result.valid
    assert result.claims["address"]["locality"] == "Köln"
    assert result.claims["age_equal_or_over"]["18"] is True
    assert "_sd" not in result.claims["address"] and "_sd_alg" not in result.claims
    assert result.key_binding.status is CheckStatus.SKIPPED
    assert "address/postal_code" in disclosable_claims(RFC_FULL)


def test_rfc9901_key_binding_example_verifies_with_its_nonce_and_audience() -> None:
    result = verify_sd_jwt(
        RFC_KB,
        RFC_ISSUER_KEY,
        now=RFC_KB_IAT + timedelta(seconds=30),
        expected_nonce="1234567890",
        expected_audience="https://verifier.example.org",
        require_key_binding=True,
    )
    assert result.valid and result.key_binding.passed
    assert set(result.claims) >= {"age_equal_or_over", "nationalities"}
    assert "given_name" not in result.claims


@pytest.mark.parametrize(
    ("kwargs", "sentence"),
    [
        ({"expected_nonce": "another"}, "The holder's proof answers a different request (nonce)."),
        (
            {"expected_audience": "https://evil.example"},
            "The holder's proof was made for a different verifier (aud).",
        ),
        (
            {"now": RFC_KB_IAT + timedelta(hours=1)},
            "The holder's proof is too old to show the holder is present.",
        ),
        ({"now": RFC_KB_IAT - timedelta(minutes=5)}, "The holder's proof is dated in the future."),
    ],
)
def test_rfc9901_key_binding_example_fails_for_another_request(
    kwargs: dict[str, Any], sentence: str
) -> None:
    kwargs.setdefault("now", RFC_KB_IAT + timedelta(seconds=30))
    result = verify_sd_jwt(RFC_KB, RFC_ISSUER_KEY, **kwargs)
    assert result.signature.passed and result.disclosures.passed
    assert result.key_binding.status is CheckStatus.FAILED
    assert result.key_binding.messages == (sentence,)
    assert not result.valid


def test_rfc9901_key_binding_moved_to_another_presentation_fails_sd_hash() -> None:
    # GIVEN the holder's proof lifted from one presentation onto one with an extra disclosure
    parts = SdJwtParts.from_text(RFC_KB)
    extra = SdJwtParts.from_text(RFC_FULL).disclosures[0]
    moved = SdJwtParts(parts.issuer_jwt, (*parts.disclosures, extra), parts.kb_jwt).presented + str(
        parts.kb_jwt
    )
    # WHEN verified, THEN the digests are fine but the proof is not for this presentation
    result = verify_sd_jwt(moved, RFC_ISSUER_KEY, now=RFC_KB_IAT + timedelta(seconds=30))
    assert result.disclosures.passed
    assert result.key_binding.messages == (
        "The holder's proof was made for a different presentation (sd_hash).",
    )


def test_present_reveals_only_the_chosen_claim_of_the_rfc_example() -> None:
    shared = present(RFC_FULL, ["address/locality"])
    result = verify_sd_jwt(shared, RFC_ISSUER_KEY, now=NOW)
    assert result.valid
    assert result.claims["address"] == {"locality": "Köln"}
    assert "given_name" not in result.claims and "birthdate" not in result.claims
    assert len(result.disclosed) == 2  # the address container and its locality


# --- freshly issued credentials -----------------------------------------------------------


def test_fresh_credential_with_nested_and_array_disclosures() -> None:
    result = verify(issue())
    assert result.valid, (result.signature, result.disclosures, result.type_check, result.time)
    assert result.claims["given_name"] == "Jana"
    assert result.claims["achievement"] == {"title": "Datová věda", "ects": 4}
    assert result.claims["languages"] == ["cs", "en", "de"]
    assert {d.path_text for d in result.disclosed} == {
        "given_name",
        "achievement",
        "achievement/ects",
        "languages/0",
        "languages/1",
    }


def test_undisclosed_array_elements_and_claims_are_simply_absent() -> None:
    result = verify(issue(disclosures=[D_LANG_EN]))
    assert result.valid
    assert result.claims["languages"] == ["en", "de"]
    assert "given_name" not in result.claims and "achievement" not in result.claims


def test_changed_issuer_claim_fails_the_signature() -> None:
    sd_jwt = issue()
    header, _, signature = sd_jwt.split("~")[0].split(".")
    forged_payload = b64url_encode(json.dumps(issuer_payload(iss="https://fake.example")).encode())
    forged = sd_jwt.replace(sd_jwt.split("~")[0], f"{header}.{forged_payload}.{signature}")
    result = verify(forged)
    assert result.signature.messages == (JwsFailure.BAD_SIGNATURE.message,) and not result.valid


def test_issuer_jwt_with_alg_none_fails_the_signature() -> None:
    _, payload, _ = issue().split("~")[0].split(".")
    unsigned = b64url_encode(b'{"alg":"none","typ":"dc+sd-jwt"}') + f".{payload}.~{D_NAME}~"
    assert verify(unsigned).signature_failure is JwsFailure.ALGORITHM_REFUSED


NOT_OURS = "A disclosure does not belong to this credential: its digest is not in the signed data."


@pytest.mark.parametrize(
    ("disclosures", "sentence"),
    [
        # a disclosure whose value was altered (more ECTS), same salt and name
        ([D_NAME, D_ACHIEVEMENT, disclosure("eluV5Og3gSNII8EYnsxA_A", "ects", 40)], NOT_OURS),
        # one base64url character changed
        ([D_NAME[:-2] + ("A" if D_NAME[-2] != "A" else "B") + D_NAME[-1]], NOT_OURS),
        # a disclosure the issuer never signed, added by the holder
        ([D_NAME, disclosure("fresh-salt", "degree", "PhD")], NOT_OURS),
        # the same disclosure twice
        ([D_NAME, D_NAME], "The same disclosure is presented twice."),
        # the decoy's preimage is not known, but an array disclosure under an object digest is wrong
    ],
)
def test_tampered_disclosures_fail_the_digest_check(disclosures: list[str], sentence: str) -> None:
    result = verify(issue(disclosures=disclosures))
    assert result.signature.passed
    assert result.disclosures.status is CheckStatus.FAILED
    assert result.disclosures.messages == (sentence,)
    assert result.claims == {} and not result.valid


def test_array_disclosure_used_as_a_property_fails() -> None:
    element = disclosure("salt-x", "cs")
    payload = issuer_payload(_sd=[digest(element)])
    result = verify(issue(payload, [element]))
    assert result.disclosures.messages == (
        "A disclosure has the wrong shape for where the issuer placed it.",
    )


def test_repeated_digest_in_signed_data_fails() -> None:
    payload = issuer_payload(_sd=[digest(D_NAME), digest(D_NAME)])
    result = verify(issue(payload, [D_NAME]))
    assert result.disclosures.messages == ("The SD-JWT's signed data repeats a digest.",)


def test_disclosure_that_overwrites_a_visible_claim_fails() -> None:
    clash = disclosure("salt-y", "iss", "https://fake.example")
    payload = issuer_payload(_sd=[digest(clash)])
    result = verify(issue(payload, [clash]))
    assert result.disclosures.messages == (
        "A disclosure overwrites a claim that is already there.",
    )


@pytest.mark.parametrize("typ", ["JWT", "kb+jwt", "example+sd-jwt"])
def test_wrong_token_type_fails_the_type_check(typ: str) -> None:
    result = verify(issue(typ=typ))
    assert result.signature.passed and result.disclosures.passed
    assert not result.type_check.passed and not result.valid


def test_missing_vct_fails_the_type_check() -> None:
    payload = issuer_payload()
    del payload["vct"]
    assert (
        "The SD-JWT VC does not name its credential type (vct)."
        in verify(issue(payload)).type_check.messages
    )


def test_expired_credential_fails_the_time_check_with_skew_tolerance() -> None:
    payload = issuer_payload(exp=int((NOW - timedelta(seconds=30)).timestamp()))
    assert verify(issue(payload)).time.passed
    assert not verify(issue(payload), clock_skew=timedelta(0)).time.passed
    payload = issuer_payload(exp=int((NOW - timedelta(days=1)).timestamp()))
    assert not verify(issue(payload)).time.passed


def test_not_an_sd_jwt_raises() -> None:
    for text in ("", "abc", "a.b~", "abc~def~"):
        with pytest.raises(MalformedCredential):
            verify(text)


# --- holder presentation with key binding --------------------------------------------------


def test_present_with_key_binding_verifies_for_the_intended_verifier() -> None:
    # GIVEN the learner shares only the ECTS of the achievement, proving key possession
    shared = present(
        issue(),
        ["achievement/ects"],
        holder_key=HOLDER_KEY,
        nonce=NONCE,
        audience=AUDIENCE,
        now=NOW,
    )
    # WHEN the employer verifies with its nonce and audience
    result = verify(
        shared, expected_nonce=NONCE, expected_audience=AUDIENCE, require_key_binding=True
    )
    # THEN everything holds, and only the chosen claim (with its container) is visible
    assert result.valid and result.key_binding.passed
    assert result.claims["achievement"] == {"title": "Datová věda", "ects": 4}
    assert "given_name" not in result.claims
    assert result.claims["languages"] == ["de"]
    assert result.holder_key == HOLDER_KEY.public_key()


def test_revealing_a_container_reveals_everything_beneath_it() -> None:
    shared = present(issue(), ["languages", "given_name"])
    result = verify(shared)
    assert (
        result.claims["languages"] == ["cs", "en", "de"] and result.claims["given_name"] == "Jana"
    )
    assert "achievement" not in result.claims


def test_key_binding_with_wrong_nonce_or_other_key_fails() -> None:
    shared = present(
        issue(), ["given_name"], holder_key=HOLDER_KEY, nonce="stale", audience=AUDIENCE, now=NOW
    )
    result = verify(shared, expected_nonce=NONCE, expected_audience=AUDIENCE)
    assert result.key_binding.messages == (
        "The holder's proof answers a different request (nonce).",
    )
    stolen = present(
        issue(),
        ["given_name"],
        holder_key=ed25519.Ed25519PrivateKey.generate(),
        nonce=NONCE,
        audience=AUDIENCE,
        now=NOW,
    )
    failed = verify(stolen, expected_nonce=NONCE)
    assert failed.key_binding.messages[0].startswith(
        "The holder's proof is not signed by the holder's key."
    )
    assert not failed.valid


def test_key_binding_jwt_with_wrong_typ_fails() -> None:
    presented = present(issue(), ["given_name"])
    kb_claims = {
        "iat": int(NOW.timestamp()),
        "aud": AUDIENCE,
        "nonce": NONCE,
        "sd_hash": digest(presented),
    }
    kb = sign_compact_jws({"typ": "JWT"}, json.dumps(kb_claims).encode(), HOLDER_KEY)
    result = verify(presented + kb)
    assert result.key_binding.messages == (
        "The holder's proof is not a key binding JWT (typ is not kb+jwt).",
    )


@pytest.mark.parametrize("iat", [None, "now", True, 10**20])
def test_a_holder_proof_without_a_date_any_calendar_holds_fails(iat: object) -> None:
    # GIVEN a holder's proof whose iat is missing, not a number, or past every calendar
    presented = present(issue(), ["given_name"])
    kb_claims = {"iat": iat, "aud": AUDIENCE, "nonce": NONCE, "sd_hash": digest(presented)}
    kb = sign_compact_jws({"typ": "kb+jwt"}, json.dumps(kb_claims).encode(), HOLDER_KEY)
    # WHEN it is verified THEN it fails with a sentence (it used to crash past the calendar)
    result = verify(presented + kb)
    assert result.key_binding.messages == ("The holder's proof is not dated (iat).",)


def test_required_key_binding_that_is_missing_fails() -> None:
    result = verify(present(issue(), ["given_name"]), require_key_binding=True)
    assert result.key_binding.status is CheckStatus.FAILED and not result.valid


def test_present_refuses_unknown_claims_and_proof_without_nonce() -> None:
    with pytest.raises(SharingError, match="no claim “diploma”"):
        present(issue(), ["diploma"])
    with pytest.raises(SharingError):
        present(issue(), ["given_name"], holder_key=HOLDER_KEY)
