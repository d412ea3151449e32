"""The one compact-JWS reader: the rules the credential parsers and the signature checks
each had before are now one set, for every token Kredo reads."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.base64url import b64url_encode
from wallet.crypto.jws import JwsFailure, sign_compact_jws, verify_compact_jws
from wallet.crypto.jws_compact import CompactJws, looks_like_compact_jws, peek_payload_object
from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import MAX_INPUT_BYTES
from wallet.translation import tr

KEY = ed25519.Ed25519PrivateKey.generate()
PAYLOAD = json.dumps({"iss": "did:example:issuer", "name": "Kredo test"}).encode()
TOKEN = sign_compact_jws({"typ": "JWT"}, PAYLOAD, KEY)
HEADER_B64, PAYLOAD_B64, SIGNATURE_B64 = TOKEN.split(".")


def _part(value: dict[str, object] | bytes) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return b64url_encode(raw)


def test_text_and_utf8_bytes_read_alike_and_keep_the_signed_bytes() -> None:
    # GIVEN one signed token, as text and as UTF-8 bytes with a BOM and a trailing newline
    as_bytes = b"\xef\xbb\xbf" + TOKEN.encode() + b"\n"
    # WHEN both are read
    from_text, from_bytes = CompactJws.from_text(TOKEN), CompactJws.from_text(as_bytes)
    # THEN they are the same token, signed over exactly header.payload
    assert from_text == from_bytes
    assert from_text.signing_input == f"{HEADER_B64}.{PAYLOAD_B64}".encode()
    assert from_text.compact == TOKEN
    assert from_text.alg == "EdDSA"
    assert from_text.payload_object()["name"] == "Kredo test"
    assert verify_compact_jws(from_bytes, KEY.public_key()).valid


@pytest.mark.parametrize(
    ("token", "why"),
    [
        (f"{_part({'typ': 'JWT'})}.{PAYLOAD_B64}.{SIGNATURE_B64}", "no alg (RFC 7515 §4.1.1)"),
        (f"{_part({'alg': ''})}.{PAYLOAD_B64}.{SIGNATURE_B64}", "an empty alg"),
        (f"{HEADER_B64}..{SIGNATURE_B64}", "an empty payload"),
        (f".{PAYLOAD_B64}.{SIGNATURE_B64}", "an empty header"),
        (f"{HEADER_B64}.{PAYLOAD_B64}", "two parts"),
        (f"{TOKEN}.{SIGNATURE_B64}", "four parts"),
        (f"{HEADER_B64}=.{PAYLOAD_B64}.{SIGNATURE_B64}", "padding"),
        (f"{HEADER_B64}.{PAYLOAD_B64}.{SIGNATURE_B64}+", "the standard alphabet"),
        (f"{_part(b'[1]')}.{PAYLOAD_B64}.{SIGNATURE_B64}", "a header that is not an object"),
        (f"{HEADER_B64} .{PAYLOAD_B64}.{SIGNATURE_B64}", "white space inside"),
    ],
)
def test_what_either_former_reader_refused_is_refused(token: str, why: str) -> None:
    # GIVEN a token with one flaw WHEN it is read THEN it is malformed, not a failed signature
    with pytest.raises(MalformedCredential):
        CompactJws.from_text(token)
    # AND detection does not take it for a credential's payload either
    assert peek_payload_object(token.encode()) is None, why


def test_the_sentences_name_the_token_the_caller_reads() -> None:
    # GIVEN a token without an algorithm, read as a presentation token
    token = f"{_part({'typ': 'JWT'})}.{PAYLOAD_B64}.{SIGNATURE_B64}"
    # WHEN it is read THEN the sentence names the presentation token's header
    with pytest.raises(MalformedCredential) as raised:
        CompactJws.from_text(token, what=tr("The presentation token"))
    assert raised.value.message == "The presentation token header names no signature algorithm."


def test_an_unsigned_token_reads_and_is_then_refused_by_the_signature_check() -> None:
    # GIVEN an alg "none" token with an empty signature part
    token = f"{_part({'alg': 'none'})}.{PAYLOAD_B64}."
    # WHEN it is read THEN its structure is fine, and the check refuses the algorithm
    jws = CompactJws.from_text(token)
    assert jws.signature == b""
    assert looks_like_compact_jws(token.encode())
    assert verify_compact_jws(jws, KEY.public_key()).failure is JwsFailure.ALGORITHM_REFUSED


def test_anything_but_text_or_more_than_one_credential_is_refused() -> None:
    # GIVEN a number, text over the input cap, and bytes over it
    huge = "e" * (MAX_INPUT_BYTES + 1)
    # WHEN each is read THEN each is refused before any decoding
    with pytest.raises(MalformedCredential):
        CompactJws.from_text(42)  # type: ignore[arg-type]
    with pytest.raises(MalformedCredential):
        CompactJws.from_text(huge)
    with pytest.raises(InputTooLarge):
        CompactJws.from_text(huge.encode())
