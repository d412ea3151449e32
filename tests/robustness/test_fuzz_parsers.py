"""Every credential parser, fed damaged real inputs: only typed ``WalletError``s escape.

Builds on ``tests/formats/test_fuzz.py`` (byte damage to the W3C vectors and a few synthetic
seeds) with what it does not reach: the EU EDC samples (sealed, unsigned, legacy XML), signed
SD-JWT VCs with key binding, signed OB 2.0 badges, and *structural* damage — valid JSON with a
wrong type, a missing member or deep nesting in one place — inside plain JSON, inside a JWT's
header and payload, inside SD-JWT disclosures and inside a JAdES seal's payload string.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.robustness.corpus import NOW, all_seeds, b64url, signers, small_seeds
from tests.robustness.mutations import (
    byte_mutations,
    fuzz_settings,
    json_mutations,
    mapped_json_text,
)
from tests.robustness.parsers import feed_every_parser
from wallet.base64url import b64url_decode
from wallet.crypto.jades_parse import JadesSeal
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.sd_jwt import SdJwtParts, verify_sd_jwt
from wallet.errors import WalletError
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions

SEEDS = all_seeds()
SMALL = small_seeds()
JSON_SEEDS = {name: raw for name, raw in SMALL.items() if raw.lstrip()[:1] == b"{"}
BIG_JSON_SEEDS = {name: raw for name, raw in SEEDS.items()
                  if raw.lstrip()[:1] == b"{" and name not in JSON_SEEDS}
TOKEN_SEEDS = {name: raw for name, raw in SEEDS.items()
               if name.endswith((".jwt", ".jws", ".txt"))}
SEALED = {name: raw for name, raw in SEEDS.items() if name.endswith("-signed.jsonld")}
REGRESSIONS = Path(__file__).resolve().parent / "regressions"


def test_the_corpus_holds_every_family() -> None:
    # The properties are only as strong as their seeds: every format must parse from one.
    formats = {c.format.value for raw in SEEDS.values() for c in feed_every_parser(raw)}
    assert formats >= {"edc-jades", "edc-jsonld", "edc-xml", "vc-jsonld", "vc-jwt", "sd-jwt-vc",
                       "ob2"}, formats
    assert len(SEEDS) >= 30


@fuzz_settings(600)
@given(byte_mutations(tuple(SMALL.values())))
def test_byte_damage_to_small_seeds(raw: bytes) -> None:
    feed_every_parser(raw)


@fuzz_settings(60)
@given(byte_mutations(tuple(SEEDS[n] for n in sorted(set(SEEDS) - set(SMALL))), max_actions=3))
def test_byte_damage_to_the_eu_samples(raw: bytes) -> None:
    feed_every_parser(raw)


@fuzz_settings(300)
@given(st.sampled_from(sorted(JSON_SEEDS)).flatmap(lambda name: json_mutations(JSON_SEEDS[name])))
def test_structural_damage_to_json_credentials(raw: bytes) -> None:
    feed_every_parser(raw)


@fuzz_settings(60)
@given(st.sampled_from(sorted(BIG_JSON_SEEDS)).flatmap(
    lambda name: json_mutations(BIG_JSON_SEEDS[name], rounds=2)))
def test_structural_damage_to_big_edc_documents(raw: bytes) -> None:
    feed_every_parser(raw)


def _sealed_payload_mutations(raw: bytes) -> st.SearchStrategy[bytes]:
    """The seal's payload (a JSON string holding the credential) damaged, the seal kept."""
    envelope = json.loads(raw)

    def rewrap(payload: str) -> bytes:
        return json.dumps({**envelope, "payload": payload}, ensure_ascii=False).encode("utf-8")

    return mapped_json_text(envelope["payload"], rounds=2).map(rewrap)


def _seal_header_mutations(raw: bytes) -> st.SearchStrategy[bytes]:
    """The protected header (base64url JSON) or the unprotected ``etsiU`` entries damaged."""
    envelope = json.loads(raw)
    signature = envelope["signatures"][0]
    header = b64url_decode(signature["protected"]).decode("utf-8")

    def with_protected(text: str) -> bytes:
        entry = {**signature, "protected": b64url(text.encode("utf-8"))}
        return json.dumps({**envelope, "signatures": [entry]}).encode("utf-8")

    def with_unprotected(value: str) -> bytes:
        entry = {**signature, "header": json.loads(value)}
        return json.dumps({**envelope, "signatures": [entry]}).encode("utf-8")

    return st.one_of(
        mapped_json_text(header).map(with_protected),
        mapped_json_text(json.dumps(signature.get("header", {}))).map(with_unprotected),
    )


@fuzz_settings(60)
@given(st.sampled_from(sorted(SEALED)).flatmap(lambda n: _sealed_payload_mutations(SEALED[n])))
def test_structural_damage_inside_a_sealed_edc_payload(raw: bytes) -> None:
    feed_every_parser(raw)


@fuzz_settings(80)
@given(st.sampled_from(sorted(SEALED)).flatmap(lambda n: _seal_header_mutations(SEALED[n])))
def test_structural_damage_to_a_seal_header(raw: bytes) -> None:
    feed_every_parser(raw)


def _token_part_mutations(raw: bytes) -> st.SearchStrategy[bytes]:
    """One JSON part of a JWT / SD-JWT (header, payload, a disclosure, the KB-JWT) damaged."""
    text = raw.decode("ascii")
    pieces = text.split("~")
    targets: list[tuple[int, int | None]] = [(0, 0), (0, 1)]  # (piece, JWT part or None)
    targets += [(i, None) for i in range(1, len(pieces) - 1)]
    if len(pieces) > 1 and pieces[-1]:
        targets += [(len(pieces) - 1, 0), (len(pieces) - 1, 1)]

    def build(target: tuple[int, int | None]) -> st.SearchStrategy[bytes]:
        index, part = target
        piece = pieces[index]
        if part is None:
            decoded = b64url_decode(piece).decode("utf-8")
        else:
            decoded = b64url_decode(piece.split(".")[part]).decode("utf-8")

        def put(new_json: str) -> bytes:
            encoded = b64url(new_json.encode("utf-8"))
            if part is None:
                replacement = encoded
            else:
                jwt_parts = piece.split(".")
                jwt_parts[part] = encoded
                replacement = ".".join(jwt_parts)
            return "~".join([*pieces[:index], replacement, *pieces[index + 1:]]).encode("ascii")

        return mapped_json_text(decoded).map(put)

    return st.sampled_from(targets).flatmap(build)


@fuzz_settings(300)
@given(st.sampled_from(sorted(TOKEN_SEEDS)).flatmap(
    lambda name: _token_part_mutations(TOKEN_SEEDS[name])))
def test_structural_damage_inside_signed_tokens(raw: bytes) -> None:
    feed_every_parser(raw)


@fuzz_settings(400)
@given(st.one_of(
    st.binary(max_size=4096),
    st.binary(max_size=512).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
    st.binary(max_size=512).map(lambda b: b"<svg xmlns='http://www.w3.org/2000/svg'>" + b),
    st.binary(max_size=512).map(lambda b: b"<?xml version='1.0'?><europassCredential>" + b),
    st.text(alphabet="eyJ0AZaz09-_.~", max_size=600).map(str.encode),
    st.text(max_size=512).map(str.encode),
))
def test_random_bytes(raw: bytes) -> None:
    feed_every_parser(raw)


@pytest.mark.parametrize(
    "path", sorted(p for p in REGRESSIONS.iterdir() if p.suffix != ".md"), ids=lambda p: p.name)
def test_recorded_regressions_stay_fixed(path: Path) -> None:
    # Each file once crashed a reader (see regressions/README.md); now each gets a typed error
    # or a report, whichever door it comes through.
    raw = path.read_bytes()
    for credential in feed_every_parser(raw):
        verify_credential(credential, options=VerifyOptions(now=NOW))
    text = raw.decode("utf-8", "replace")
    for read in (SdJwtParts.from_text, CompactJws.from_text):
        with contextlib.suppress(WalletError):
            read(text)
    with contextlib.suppress(WalletError):
        verify_sd_jwt(text, signers().p256_key.public_key(), now=NOW)
    with contextlib.suppress(WalletError):
        JadesSeal.from_bytes(raw)
