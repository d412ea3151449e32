"""JSON that Python's own reader chokes on: a typed error with a sentence, exit 2, no traceback.

Before the one JSON reader caught them, each of these left ``kredo import`` and ``kredo
verify`` with a ``ValueError`` or ``UnicodeEncodeError`` traceback and exit 1 (the code for
"verification failed"), and in a folder import stopped every file after it:

* an integer literal of 4,301+ digits (Python's int conversion limit), in a credential, in a
  JWT header, in a sealed EDC's header or payload, or in a QR code's credential;
* a lone UTF-16 surrogate (``"\\ud800"``), which cannot be stored, printed or signed over;
* a float literal beyond the double range (``1e400``), read as infinity.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.robustness.processes import run_kredo
from wallet.did.did_jwk import resolve_did_jwk
from wallet.errors import MalformedCredential, WalletError
from wallet.formats import parse_credentials
from wallet.json_input import load_json
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import qr_png
from wallet.qr.scan import scan_texts

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
SEALED = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc" / (
    "Sample-MC-Annex1-signed.jsonld")
TOO_MANY_DIGITS = "holds a number with more than 4,300 digits, which Kredo does not read."
SURROGATE = "holds a broken character (half of a UTF-16 surrogate pair), which is not text."

CASES = {
    "json-integer-5000-digits.json": TOO_MANY_DIGITS,
    "jwt-header-integer-5000-digits.txt": "not a credential Kredo can read",
    "json-lone-surrogate.json": SURROGATE,
    "json-float-overflow.json": "JSON holds a number too large to read (1e400…).",
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_parsers_give_a_sentence(name: str) -> None:
    with pytest.raises(WalletError) as refused:
        parse_credentials((REGRESSIONS / name).read_bytes())
    assert CASES[name] in refused.value.message


def _sealed_with(part: str) -> bytes:
    document = json.loads(SEALED.read_bytes())
    if part == "payload":
        document["payload"] = document["payload"][:-1] + ', "credits": ' + "9" * 5000 + "}"
    else:
        signature = document["signatures"][0]
        header = base64.urlsafe_b64decode(signature["protected"] + "==")
        edited = header[:-1] + b', "credits": ' + b"9" * 5000 + b"}"
        signature["protected"] = base64.urlsafe_b64encode(edited).rstrip(b"=").decode()
    return json.dumps(document).encode()


@pytest.mark.parametrize("part", ["payload", "header"])
def test_a_sealed_edc_with_a_huge_integer(part: str) -> None:
    with pytest.raises(MalformedCredential) as refused:
        parse_credentials(_sealed_with(part))
    assert TOO_MANY_DIGITS in refused.value.message


def test_a_lone_surrogate_is_found_anywhere_but_a_pair_is_text() -> None:
    # GIVEN a lone surrogate as a key, deep in a list, and a proper pair (an emoji)
    assert load_json(b'{"a": [{"b": ["\\ud83d\\ude00"]}]}') == {"a": [{"b": ["\U0001f600"]}]}
    for raw in (b'{"\\udc00": 1}', b'[[[["x\\uD800"]]]]', b'"\\ude00\\ud83d"'):
        with pytest.raises(MalformedCredential) as refused:
            load_json(raw)
        assert SURROGATE in refused.value.message
    # an escaped backslash followed by "ud800" is six ordinary characters
    assert load_json(b'"\\\\ud800"') == "\\ud800"


def test_a_did_jwk_nested_past_the_recursion_limit() -> None:
    # 3,000 brackets fit in a did:jwk of 4,096 characters; Python's parser recursed out.
    did = "did:jwk:" + base64.urlsafe_b64encode(b"[" * 3000).rstrip(b"=").decode()
    with pytest.raises(MalformedCredential, match="does not hold a JSON Web Key"):
        resolve_did_jwk(did)


def test_a_qr_code_carrying_a_huge_integer() -> None:
    raw = (REGRESSIONS / "json-integer-5000-digits.json").read_bytes()
    found = scan_texts(encode_for_qr(raw).frames).credentials
    assert [f.raw for f in found] == [raw]
    with pytest.raises(MalformedCredential) as refused:
        parse_credentials(found[0].raw)
    assert TOO_MANY_DIGITS in refused.value.message


@pytest.mark.slow
def test_kredo_says_a_sentence_and_exits_2(tmp_path: Path) -> None:
    # GIVEN a file and a QR picture that each carry a 5,000-digit integer
    raw = (REGRESSIONS / "json-integer-5000-digits.json").read_bytes()
    encoding = encode_for_qr(raw)
    assert encoding.single
    picture = tmp_path / "code.png"
    picture.write_bytes(qr_png(encoding.frames[0]))
    for args in (["verify", "--file", str(REGRESSIONS / "json-integer-5000-digits.json")],
                 ["verify", "--file", str(REGRESSIONS / "json-lone-surrogate.json")],
                 ["scan", str(picture)]):
        # WHEN kredo reads it
        result = run_kredo(tmp_path / "home", *args)
        # THEN exit 2 with a sentence, not a traceback with exit 1
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert TOO_MANY_DIGITS in result.stdout + result.stderr or SURROGATE in result.stderr


def test_a_pairs_hook_sees_every_member_and_its_error_comes_through() -> None:
    # For readers that refuse a repeated name (a JOSE header): the one reader takes the hook.
    def unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
        if len({key for key, _ in pairs}) != len(pairs):
            raise MalformedCredential("repeated")
        return dict(pairs)

    assert load_json(b'{"alg": "ES256", "kid": "1"}', object_pairs_hook=unique) == {
        "alg": "ES256", "kid": "1"}
    with pytest.raises(MalformedCredential, match="repeated"):
        load_json(b'{"alg": "ES256", "alg": "none"}', object_pairs_hook=unique)
    with pytest.raises(MalformedCredential, match="4,300 digits"):
        load_json(b'{"alg": ' + b"1" * 5000 + b"}", object_pairs_hook=unique)
