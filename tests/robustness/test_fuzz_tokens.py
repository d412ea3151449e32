"""The low-level readers under the formats: JWS, SD-JWT, JAdES, timestamps, keys, base64url.

Each is fed damaged real material (the tokens and seals of the corpus, the keys of the W3C
vectors) and random text. Only ``WalletError`` may escape a reader; the verifiers
(``verify_compact_jws``, ``verify_sd_jwt``, ``verify_ob2_signed_assertion``,
``verify_timestamp_token``) must answer with a result, never a crash, and never "valid" for
damaged input.
"""

from __future__ import annotations

import contextlib
import json

from asn1crypto import cms
from hypothesis import given
from hypothesis import strategies as st

from tests.robustness.corpus import NOW, SD_JWT_AUDIENCE, SD_JWT_NONCE, all_seeds, signers
from tests.robustness.mutations import (
    TRICKY_STRINGS,
    byte_mutations,
    fuzz_settings,
    json_document_mutations,
    json_mutations,
)
from wallet.base64url import b64url_decode, b64url_encode
from wallet.crypto.jades_parse import JadesSeal, token_values
from wallet.crypto.jwk import jwk_from_public_key, public_key_from_jwk
from wallet.crypto.jws import verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.multibase import multibase_decode
from wallet.crypto.multikey import public_key_from_multikey
from wallet.crypto.ob2_jws import verify_ob2_signed_assertion
from wallet.crypto.sd_jwt import SdJwtParts, verify_sd_jwt
from wallet.crypto.timestamp_token import verify_timestamp_token
from wallet.did.resolver import resolve_verification_method
from wallet.errors import WalletError

SEEDS = all_seeds()
KEYS = signers()
TOKENS = (SEEDS["gen/vc-jwt.jwt"], SEEDS["gen/sd-jwt-kb.txt"], SEEDS["gen/ob2-signed.jws"],
          SEEDS["gen/sd-jwt.txt"])
SEALS = tuple(raw for name, raw in SEEDS.items() if name.endswith("-signed.jsonld"))
SEAL_MC = SEEDS["edc/Sample-MC-Annex1-signed.jsonld"]
TOKEN_TEXT = st.one_of(
    byte_mutations(TOKENS).map(lambda b: b.decode("utf-8", "replace")),
    st.text(alphabet="eyJhbGciOi0AZaz9-_.~=+/ ", max_size=400),
    st.sampled_from(TRICKY_STRINGS),
)


ORIGINAL_JWT = CompactJws.from_text(SEEDS["gen/vc-jwt.jwt"].decode())
ORIGINAL_SD = SdJwtParts.from_text(SEEDS["gen/sd-jwt-kb.txt"].decode())


@fuzz_settings(300)
@given(TOKEN_TEXT)
def test_compact_jws_reader_and_verifier(text: str) -> None:
    with contextlib.suppress(WalletError):
        CompactJws.from_text(text)
    try:
        jws = CompactJws.from_text(text.split("~", maxsplit=1)[0])
    except WalletError:
        return
    result = verify_compact_jws(jws, KEYS.ed_key.public_key())
    if result.valid:  # Ed25519 is not malleable: only the very token signed verifies
        assert (jws.signing_input, jws.signature) == (
            ORIGINAL_JWT.signing_input, ORIGINAL_JWT.signature)


@fuzz_settings(250)
@given(TOKEN_TEXT)
def test_sd_jwt_verifier(text: str) -> None:
    try:
        parts = SdJwtParts.from_text(text)
        result = verify_sd_jwt(text, KEYS.p256_key.public_key(), now=NOW,
                               expected_nonce=SD_JWT_NONCE, expected_audience=SD_JWT_AUDIENCE,
                               require_key_binding=True)
    except WalletError:
        return
    if result.valid:  # the issuer's token unchanged, its disclosures, a holder proof over both
        assert parts.issuer_jwt == ORIGINAL_SD.issuer_jwt
        assert set(parts.disclosures) <= set(ORIGINAL_SD.disclosures)


@fuzz_settings(150)
@given(TOKEN_TEXT)
def test_ob2_signed_assertion_verifier(text: str) -> None:
    try:
        result = verify_ob2_signed_assertion(text, KEYS.rsa_public_pem(), now=NOW)
    except WalletError:
        return
    if text.encode() != SEEDS["gen/ob2-signed.jws"]:
        assert not result.signature.passed


@fuzz_settings(150)
@given(st.one_of(byte_mutations(SEALS, max_actions=2),
                 st.sampled_from([SEAL_MC]).flatmap(lambda raw: json_mutations(raw, rounds=2))))
def test_jades_seal_reader(raw: bytes) -> None:
    try:
        seal = JadesSeal.from_bytes(raw)
    except WalletError:
        return
    assert isinstance(seal.signing_input, bytes)
    with contextlib.suppress(WalletError):
        seal.archive_timestamp_input()
    for name in ("sigTst", "arcTst"):
        if name in seal.etsi_u:
            with contextlib.suppress(WalletError):
                token_values(seal.etsi_u[name], what=name)


def _real_timestamp_token() -> tuple[bytes, bytes]:
    seal = JadesSeal.from_bytes(SEAL_MC)
    (token,) = token_values(seal.etsi_u["sigTst"], what="sigTst")
    return token, seal.signature_b64.encode("ascii")


TIMESTAMP_TOKEN, TIMESTAMP_MESSAGE = _real_timestamp_token()


def test_the_real_timestamp_token_verifies() -> None:
    result = verify_timestamp_token("sigTst", TIMESTAMP_TOKEN, TIMESTAMP_MESSAGE)
    assert result.imprint_ok and result.signature_ok, result.problems


def _signed_content(der: bytes) -> bytes | None:
    """The TSTInfo bytes the authority signed, or ``None`` when unreadable."""
    try:
        info = cms.ContentInfo.load(der)["content"]["encap_content_info"]["content"]
        return bytes(info.contents)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@fuzz_settings(200)
@given(byte_mutations((TIMESTAMP_TOKEN,), max_actions=3))
def test_timestamp_token_verifier_never_raises_and_never_accepts_damage(der: bytes) -> None:
    result = verify_timestamp_token("sigTst", der, TIMESTAMP_MESSAGE)
    if result.valid:  # a flip in the unsigned certificate bag may pass; the time may not move
        assert _signed_content(der) == _signed_content(TIMESTAMP_TOKEN)


@fuzz_settings(100)
@given(st.binary(max_size=64))
def test_a_timestamp_over_other_data_does_not_match(message: bytes) -> None:
    result = verify_timestamp_token("sigTst", TIMESTAMP_TOKEN, message)
    assert result.imprint_ok is (message == TIMESTAMP_MESSAGE)


W3C_KEYS = [json.loads(SEEDS[f"w3c/{n}"]) for n in
            ("eddsa-keyPair.json", "p256KeyPair.json", "p384KeyPair.json")]
MULTIKEYS = [k["publicKeyMultibase"] for k in W3C_KEYS]
JWKS = [jwk_from_public_key(KEYS.ed_key.public_key()),
        jwk_from_public_key(KEYS.p256_key.public_key()),
        jwk_from_public_key(KEYS.rsa_key.public_key())]


def _text_damage(texts: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        byte_mutations(tuple(t.encode() for t in texts)).map(
            lambda b: b.decode("utf-8", "replace")),
        st.text(max_size=80), st.sampled_from(TRICKY_STRINGS))


DIDS = [KEYS.ed_did, KEYS.p256_did, f"{KEYS.ed_did}#{KEYS.ed_did[8:]}",
        "did:jwk:" + b64url_encode(json.dumps(JWKS[1]).encode()) + "#0"]


@fuzz_settings(300)
@given(_text_damage([*MULTIKEYS, *DIDS]))
def test_key_and_did_readers(text: str) -> None:
    for read in (multibase_decode, public_key_from_multikey, resolve_verification_method):
        with contextlib.suppress(WalletError):
            read(text)


@fuzz_settings(200)
@given(st.sampled_from(JWKS).flatmap(lambda jwk: json_document_mutations(jwk, rounds=2)))
def test_jwk_reader(jwk: object) -> None:
    with contextlib.suppress(WalletError):
        public_key_from_jwk(jwk)  # type: ignore[arg-type]


@fuzz_settings(300)
@given(st.binary(max_size=300))
def test_base64url_round_trip(data: bytes) -> None:
    assert b64url_decode(b64url_encode(data)) == data


@fuzz_settings(300)
@given(st.one_of(st.text(max_size=120), st.sampled_from(TRICKY_STRINGS),
                 st.binary(max_size=50).map(lambda b: b64url_encode(b) + "="),
                 st.binary(min_size=1, max_size=50).map(
                     lambda b: b64url_encode(b).replace("-", "+")),
                 st.integers(), st.none()))
def test_base64url_is_strict(text: object) -> None:
    try:
        decoded = b64url_decode(text)
    except WalletError:
        return
    # Whatever it accepts is canonical: encoding it again gives the very same text.
    assert b64url_encode(decoded) == text
