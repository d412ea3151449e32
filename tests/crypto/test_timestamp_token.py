"""RFC 3161 tokens from the EU samples: imprint and TSA signature are checked separately."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import asn1crypto.cms
import pytest

from wallet.crypto.timestamp_token import verify_timestamp_token

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"


def _content_timestamp() -> tuple[bytes, bytes]:
    """The ``adoTst`` token of the micro-credential sample and the payload bytes it covers."""
    document = json.loads((EDC / "Sample-MC-Annex1-signed.jsonld").read_bytes())
    protected = document["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    token = base64.b64decode(header["adoTst"]["tstTokens"][0]["val"])
    return token, document["payload"].encode("utf-8")


def test_genuine_token_over_its_bytes_is_valid_and_reports_time_and_authority() -> None:
    token, payload = _content_timestamp()

    result = verify_timestamp_token("adoTst", token, payload)

    assert result.valid
    assert result.gen_time == datetime(2023, 9, 27, 11, 54, 17, tzinfo=UTC)
    assert result.tsa_name == "good-tsa (Nowina Solutions, LU)"
    assert len(result.certificates) == 2


def test_imprint_over_other_bytes_fails_but_the_tsa_signature_still_holds() -> None:
    token, payload = _content_timestamp()

    result = verify_timestamp_token("adoTst", token, payload + b" ")

    assert not result.imprint_ok
    assert result.signature_ok
    assert result.problems == ("The content timestamp does not cover these exact bytes.",)
    assert not result.valid


def test_a_changed_gen_time_breaks_the_message_digest_of_the_signed_attributes() -> None:
    # GIVEN the token with its genTime moved one second (same length, still valid DER)
    token, payload = _content_timestamp()
    assert token.count(b"20230927115417Z") == 1
    forged = token.replace(b"20230927115417Z", b"20230927115418Z")

    result = verify_timestamp_token("adoTst", forged, payload)

    assert result.imprint_ok
    assert not result.signature_ok
    assert "does not cover its content" in " ".join(result.problems)


def test_a_damaged_tsa_signature_is_detected() -> None:
    token, payload = _content_timestamp()
    info = asn1crypto.cms.ContentInfo.load(token)
    signer_info = info["content"]["signer_infos"][0]
    signature = bytearray(signer_info["signature"].native)
    signature[10] ^= 0x01
    signer_info["signature"] = bytes(signature)
    forged = info.dump(force=True)

    result = verify_timestamp_token("adoTst", forged, payload)

    assert result.imprint_ok
    assert not result.signature_ok
    assert "signature by its authority is not valid" in " ".join(result.problems)


def test_token_without_certificates_needs_the_authority_from_elsewhere() -> None:
    # GIVEN the token stripped of its certificates (JAdES may carry them in xVals instead)
    token, payload = _content_timestamp()
    info = asn1crypto.cms.ContentInfo.load(token)
    carried = [c.chosen for c in info["content"]["certificates"]]
    info["content"]["certificates"] = None
    stripped = info.dump(force=True)

    alone = verify_timestamp_token("adoTst", stripped, payload)
    helped = verify_timestamp_token("adoTst", stripped, payload, extra_certificates=carried)

    assert not alone.signature_ok
    assert "does not include its authority's certificate" in " ".join(alone.problems)
    assert helped.valid


@pytest.mark.parametrize("garbage", [b"", b"\x30\x03\x02\x01\x01", b"not der at all"])
def test_unreadable_token_is_a_problem_not_an_exception(garbage: bytes) -> None:
    result = verify_timestamp_token("sigTst", garbage, b"anything")

    assert not result.valid
    assert result.problems == ("The signature timestamp is not a readable RFC 3161 token.",)
