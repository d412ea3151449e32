"""Whole-seal verification of the real EU sealed samples, and what each kind of tampering breaks."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from wallet.crypto.jades import SealVerification, verify_jades_seal
from wallet.errors import MalformedCredential

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"
MC = "Sample-MC-Annex1-signed.jsonld"
CERT_OF_PART = "Sample-CertOfPart-signed.jsonld"
MINIMAL = "jades-baseline-lta-minimal-vp.json"
EDC_SEALS = (MC, CERT_OF_PART)
ALL_SEALS = (*EDC_SEALS, MINIMAL)


def _b64url_json(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _from_b64url_json(text: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def _tampered(name: str, change: Callable[[dict[str, Any], dict[str, Any]], None]) -> bytes:
    """Re-serialise the outer document after ``change(document, signature_entry)``.

    The outer JSON may be re-serialised freely: the seal covers the payload *string* and the
    base64url header, which ``json`` round-trips unchanged unless ``change`` touches them.
    """
    document = json.loads((EDC / name).read_bytes())
    change(document, document["signatures"][0])
    return json.dumps(document).encode()


def _verify(name: str) -> SealVerification:
    return verify_jades_seal((EDC / name).read_bytes())


# --- the genuine samples ------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_SEALS)
def test_each_genuine_sample_verifies_in_every_step(name: str) -> None:
    result = _verify(name)

    assert result.problems == ()
    assert result.valid
    assert result.algorithm == "RS256"
    assert result.header_problems == ()
    assert result.thumbprint_ok
    assert result.signature_valid
    assert [t.kind for t in result.timestamps] == ["adoTst", "sigTst", "arcTst"]
    assert all(t.imprint_ok and t.signature_ok and t.valid for t in result.timestamps)
    assert result.path is not None and result.path.valid
    assert result.path.revocation == "embedded OCSP response"
    # No sample CA is on a trusted list: the path is anchored on the issuer found in the file.
    assert not result.path.anchor_trusted
    assert any("not among the trusted" in note for note in result.notes)
    assert result.qc.qualified_eseal


@pytest.mark.parametrize(
    ("name", "sig_t", "proven", "tsa"),
    [
        (MC, "2023-09-27T11:54:17", "2023-09-27T11:54:20", "good-tsa (Nowina Solutions, LU)"),
        (
            CERT_OF_PART,
            "2023-09-27T12:07:01",
            "2023-09-27T12:07:04",
            "good-tsa (Nowina Solutions, LU)",
        ),
        (
            MINIMAL,
            "2022-08-19T11:10:45",
            "2022-08-19T11:10:46",
            "self-signed-tsa (DSS TEST PKI, BE)",
        ),
    ],
)
def test_times_and_timestamp_authorities_are_reported(
    name: str, sig_t: str, proven: str, tsa: str
) -> None:
    result = _verify(name)

    assert result.signing_time == datetime.fromisoformat(sig_t).replace(tzinfo=UTC)
    assert result.proven_signing_time == datetime.fromisoformat(proven).replace(tzinfo=UTC)
    # The path is judged when the signature timestamp proves the seal existed, not today.
    assert result.path is not None and result.path.validated_at == result.proven_signing_time
    assert {t.tsa_name for t in result.timestamps} == {tsa}
    adotst = next(t for t in result.timestamps if t.kind == "adoTst")
    assert adotst.gen_time == result.signing_time


@pytest.mark.parametrize(
    ("name", "organisation", "identifier", "anchor_cn"),
    [
        (MC, "ORGANIZACION TEST", "VATES-A00000000", "ANF AC Qualified Certificates for eSeal"),
        (
            CERT_OF_PART,
            "ORGANIZACION TEST",
            "VATES-A00000000",
            "ANF AC Qualified Certificates for eSeal",
        ),
        (MINIMAL, "Certificado TEST Sello Electronico", "VATES-B00000000", "ANF Assured ID CA1"),
    ],
)
def test_seal_subject_and_chain_name_the_organisation_and_its_ca(
    name: str, organisation: str, identifier: str, anchor_cn: str
) -> None:
    result = _verify(name)

    assert result.seal_subject is not None
    assert result.seal_subject.organisation == organisation
    assert result.seal_subject.organisation_identifier == identifier
    assert result.seal_subject.identifier_scheme == "VAT"
    assert result.seal_subject.country == "ES"
    assert result.path is not None
    assert len(result.path.chain_subjects) == 2
    assert result.path.anchor_subject is not None and anchor_cn in result.path.anchor_subject


def test_seal_verified_in_a_running_event_loop_gives_the_same_result() -> None:
    # GIVEN a caller that already runs asyncio (pyhanko-certvalidator is async inside)
    import asyncio

    async def inside_loop() -> SealVerification:
        return _verify(MINIMAL)

    # THEN the verdict is unchanged
    assert asyncio.run(inside_loop()).valid


# --- tampering ----------------------------------------------------------------------------


def _flip_title_letter(document: dict[str, Any], _entry: dict[str, Any]) -> None:
    payload: str = document["payload"]
    at = payload.index('"title":{"en":"') + len('"title":{"en":"')
    swapped = "X" if payload[at] != "X" else "Y"
    document["payload"] = payload[:at] + swapped + payload[at + 1 :]
    json.loads(document["payload"])  # still valid JSON: only the signature can notice


def _pretty_print_payload(document: dict[str, Any], _entry: dict[str, Any]) -> None:
    document["payload"] = json.dumps(json.loads(document["payload"]), indent=2, ensure_ascii=False)


@pytest.mark.parametrize("name", EDC_SEALS)
@pytest.mark.parametrize(
    "change", [_flip_title_letter, _pretty_print_payload], ids=["one letter", "pretty"]
)
def test_any_change_to_the_payload_breaks_signature_and_content_timestamps(
    name: str, change: Callable[[dict[str, Any], dict[str, Any]], None]
) -> None:
    result = verify_jades_seal(_tampered(name, change))

    assert not result.signature_valid
    assert not result.valid
    assert "altered or damaged" in " ".join(result.problems)
    by_kind = {t.kind: t for t in result.timestamps}
    assert not by_kind["adoTst"].imprint_ok
    assert not by_kind["arcTst"].imprint_ok
    # The signature itself was untouched, so its timestamp still matches it.
    assert by_kind["sigTst"].valid


def test_an_altered_protected_header_breaks_the_signature() -> None:
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        header = _from_b64url_json(entry["protected"])
        header["sigT"] = "2023-09-27T11:54:18Z"
        entry["protected"] = _b64url_json(header)

    result = verify_jades_seal(_tampered(MC, change))

    assert result.header_problems == ()
    assert not result.signature_valid
    assert not result.valid


def test_a_truncated_signature_fails_and_so_do_the_timestamps_over_it() -> None:
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        # Cut to whole base64url quanta, so the shorter text is still canonical base64url.
        signature = entry["signature"]
        entry["signature"] = signature[: -(8 + len(signature) % 4)]

    result = verify_jades_seal(_tampered(MC, change))

    assert not result.signature_valid
    assert {t.kind for t in result.timestamps if not t.imprint_ok} == {"sigTst", "arcTst"}
    # Without a valid signature timestamp nothing proves when the seal was made.
    assert result.proven_signing_time is None
    assert result.path is not None and not result.path.valid
    assert not result.valid


def test_another_spelling_of_the_genuine_signature_is_malformed() -> None:
    # GIVEN the genuine seal signature with the spare bits of its last character set
    # (it decodes to the very same bytes with a lenient decoder)
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        signature = entry["signature"]
        assert len(signature) % 4 == 2  # two bytes in the last quantum: four spare bits
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        last = alphabet.index(signature[-1])
        entry["signature"] = signature[:-1] + alphabet[last | 0b1111]

    # WHEN the seal is read THEN it is refused as malformed, as every JOSE part is
    with pytest.raises(MalformedCredential):
        verify_jades_seal(_tampered(MC, change))


def test_a_swapped_certificate_fails_the_thumbprint_and_the_signature() -> None:
    # GIVEN x5c[0] replaced by the issuing CA's certificate carried in xVals
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        header = _from_b64url_json(entry["protected"])
        x_vals = _from_b64url_json(entry["header"]["etsiU"][1])["xVals"]
        header["x5c"] = [x_vals[2]["x509Cert"]["val"]]
        entry["protected"] = _b64url_json(header)

    result = verify_jades_seal(_tampered(MC, change))

    assert not result.thumbprint_ok
    assert "not the one its thumbprint names" in " ".join(result.header_problems)
    assert not result.signature_valid
    assert not result.valid


def test_adotst_missing_from_crit_is_a_header_failure() -> None:
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        header = _from_b64url_json(entry["protected"])
        header["crit"] = ["b64", "sigT"]
        entry["protected"] = _b64url_json(header)

    result = verify_jades_seal(_tampered(MC, change))

    assert result.header_problems == (
        "The seal header carries 'adoTst' without marking it critical.",
    )
    assert not result.valid


@pytest.mark.parametrize(
    ("header_change", "fragment"),
    [
        ({"alg": "HS256"}, "algorithm Kredo does not accept"),
        ({"b64": True}, "b64 is not false"),
        (
            {"crit": ["b64", "sigT", "adoTst", "sigD"], "sigD": {}},
            "'sigD', which Kredo does not support",
        ),
        ({"crit": ["b64", "sigT", "adoTst", "alg"]}, "wrongly marks the standard parameter 'alg'"),
        ({"crit": ["b64", "sigT", "adoTst", "sigT"]}, "lists a critical parameter twice"),
        ({"sigT": "27.9.2023"}, "not a valid UTC time"),
        ({"x5t#S256": None}, "does not bind the certificate by a thumbprint"),
    ],
)
def test_header_rules_each_give_their_own_sentence(
    header_change: dict[str, Any], fragment: str
) -> None:
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        header = _from_b64url_json(entry["protected"])
        for key, value in header_change.items():
            if value is None:
                header.pop(key)
            else:
                header[key] = value
        entry["protected"] = _b64url_json(header)

    result = verify_jades_seal(_tampered(MINIMAL, change))

    assert fragment in " ".join(result.header_problems)
    assert not result.valid


def test_a_signature_timestamp_over_other_bytes_fails_and_nothing_proves_the_time() -> None:
    # GIVEN the sigTst replaced by the (genuine) content timestamp, which covers the payload
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        content = _from_b64url_json(entry["protected"])["adoTst"]
        entry["header"]["etsiU"][0] = _b64url_json({"sigTst": content})

    result = verify_jades_seal(_tampered(MC, change))

    by_kind = {t.kind: t for t in result.timestamps}
    # THEN the token is a genuine TSA token (its CMS signature holds) over the wrong bytes
    assert by_kind["sigTst"].signature_ok
    assert not by_kind["sigTst"].imprint_ok
    assert by_kind["adoTst"].valid
    assert result.signature_valid
    assert "signature timestamp does not cover these exact bytes" in " ".join(result.problems)
    assert result.proven_signing_time is None
    assert not result.valid


def test_without_timestamp_proof_the_expired_certificate_is_out_of_bounds() -> None:
    # GIVEN the seal without its signature and archive timestamps, checked in 2026
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        entry["header"]["etsiU"] = entry["header"]["etsiU"][1:3]

    raw = _tampered(MC, change)
    result = verify_jades_seal(raw, now=datetime(2026, 1, 1, tzinfo=UTC))

    # THEN the signature is fine; the certificate expired on 2025-05-10 and nothing proves the
    # seal came before: not a failure of the chain but OUT_OF_BOUNDS_NO_POE (indeterminate)
    assert result.signature_valid
    assert result.path is not None and not result.path.valid
    assert result.path.validated_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert result.path.problems == ()
    assert result.path.revocation_unknown
    assert result.path.expired_on is not None
    assert f"{result.path.expired_on:%Y-%m-%d}" == "2025-05-10"
    assert "expired on 2025-05-10, and no timestamp proves" in " ".join(result.path.notes)
    # AND the missing timestamp is said, but is no problem of its own (a B-B seal is not a
    # wrong seal): the seal is neither valid nor failed, but could not be decided
    assert "no signature timestamp" in " ".join(result.notes)
    assert result.problems == ()
    assert not result.valid
    assert result.revocation_unknown


def test_trusted_roots_from_the_caller_mark_the_anchor_trusted() -> None:
    # GIVEN a caller that trusts the seal's issuing CA (as a trusted list would name it)
    document = json.loads((EDC / MC).read_bytes())
    x_vals = _from_b64url_json(document["signatures"][0]["header"]["etsiU"][1])["xVals"]
    issuing_ca = x509.load_der_x509_certificate(base64.b64decode(x_vals[2]["x509Cert"]["val"]))
    assert "ANF AC Qualified Certificates for eSeal" in issuing_ca.subject.rfc4514_string()

    result = verify_jades_seal((EDC / MC).read_bytes(), trusted_roots=[issuing_ca])

    assert result.valid
    assert result.path is not None and result.path.anchor_trusted
    assert not any("not among the trusted" in note for note in result.notes)


def test_an_unrelated_trusted_root_leaves_the_anchor_untrusted() -> None:
    # GIVEN trust in the Nowina test root only (it issued the TSA, not the seal)
    document = json.loads((EDC / MC).read_bytes())
    x_vals = _from_b64url_json(document["signatures"][0]["header"]["etsiU"][1])["xVals"]
    tsa_root = x509.load_der_x509_certificate(base64.b64decode(x_vals[0]["x509Cert"]["val"]))

    result = verify_jades_seal((EDC / MC).read_bytes(), trusted_roots=[tsa_root])

    assert result.path is not None and result.path.valid
    assert not result.path.anchor_trusted


def test_input_that_is_not_a_seal_raises_instead_of_reporting() -> None:
    with pytest.raises(MalformedCredential):
        verify_jades_seal((EDC / "Sample-MC-Annex1-unsigned.jsonld").read_bytes())


def test_a_seal_without_timestamps_is_judged_now_and_holds_while_its_certificate_does() -> None:
    # GIVEN the seal without its timestamps (a B-B seal), checked while its certificate is valid
    def change(_doc: dict[str, Any], entry: dict[str, Any]) -> None:
        entry["header"]["etsiU"] = entry["header"]["etsiU"][1:3]

    raw = _tampered(MC, change)
    result = verify_jades_seal(raw, now=datetime(2024, 1, 1, tzinfo=UTC))
    # THEN it is intact and its chain holds at the time of checking: nothing is wrong with it,
    # and the note says its signing time is not proven
    assert result.signature_valid and result.problems == ()
    assert result.path is not None and result.path.validated_at == datetime(2024, 1, 1, tzinfo=UTC)
    assert result.proven_signing_time is None
    assert "no signature timestamp" in " ".join(result.notes)
