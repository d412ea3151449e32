"""Fuzzing the readers added against hostile input (issue 17): PDF streams, the JSON reader,
file names, the terminal sanitizer.

* PDFs: damaged copies of real and hostile PDFs (bombs scaled down to tens of megabytes)
  through ``read_pdf``, and bytes through the object parser and every capped filter;
* JSON: documents built to hit what Python's reader trips on (huge integers and floats,
  surrogate escapes, nesting) through ``load_json``;
* names: arbitrary bytes as file names through the folder walk and the reader;
* text: any code points, surrogates included, through ``terminal_text``.

Only ``WalletError`` (or the module's own signal) may come out. ``make fuzz`` runs this
under an address-space limit, so a reader that allocates without bound fails there too.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import zlib
from pathlib import Path

from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from tests.robustness.hostile_pdf import MIB, attachment_bomb, content_bomb, image_bomb, lzw_zeros
from tests.robustness.mutations import byte_mutations, fuzz_settings
from wallet.errors import WalletError
from wallet.file_input import display_name, iter_input_files, read_limited
from wallet.json_input import load_json
from wallet.qr import pdf_filters
from wallet.qr.pdf import read_pdf
from wallet.qr.pdf_filters import OutputTooLarge
from wallet.qr.pdf_syntax import PdfSyntaxError, parse_object
from wallet.terminal_text import terminal_text


def _picture_pdf() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 90, 160)).save(buffer, format="JPEG")
    out = io.BytesIO()
    Image.open(buffer).save(out, format="PDF")
    return out.getvalue()


def _fpdf_with_attachment() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 6, "Micro-credential: Data literacy. " * 30)
    pdf.embed_file(bytes=b'{"@context": "https://www.w3.org/ns/credentials/v2"}',
                   basename="credential.json", compress=True)
    return bytes(pdf.output())


PDF_SEEDS = (
    _picture_pdf(),
    _fpdf_with_attachment(),
    attachment_bomb(40 * MIB),
    attachment_bomb(40 * MIB, rounds=2),
    content_bomb(40 * MIB),
    image_bomb(6000, 6000),
)


@fuzz_settings(120)
@given(byte_mutations(PDF_SEEDS, max_actions=3))
def test_pdf_reader_on_damaged_real_and_hostile_pdfs(data: bytes) -> None:
    with contextlib.suppress(WalletError):
        read_pdf(data)


_PDF_TOKENS = st.sampled_from([
    b"<<", b">>", b"[", b"]", b"/Filter", b"/FlateDecode", b"/Width", b"12", b"-3.5", b"0 R",
    b"7 0 R", b"(", b")", b"(a\\)b)", b"<414>", b"true", b"null", b"%c\n", b" ", b"\n", b"/#41",
    b"stream\n", b"endstream", b"obj", b"BI", b"ID ", b"EI",
])


@fuzz_settings(300)
@given(st.one_of(st.binary(max_size=300), st.lists(_PDF_TOKENS, max_size=60).map(b" ".join)))
def test_pdf_object_parser(data: bytes) -> None:
    with contextlib.suppress(PdfSyntaxError):
        parse_object(data, 0)


_FILTER_SEEDS = (zlib.compress(b"BT /F1 12 Tf (Hello) Tj ET" * 50), lzw_zeros(5000),
                 bytes([250, 0, 3]) + b"abcd" + bytes([128]), b"48656c6c6f>",
                 b"87cURD]i,\"Ebo80~>")


@fuzz_settings(300)
@given(st.sampled_from(sorted(pdf_filters.DECODED_HERE)),
       st.one_of(byte_mutations(_FILTER_SEEDS), st.binary(max_size=400)))
def test_every_capped_filter(name: str, data: bytes) -> None:
    with contextlib.suppress(OutputTooLarge):
        assert len(pdf_filters.decode(name, data, 64 * 1024)) <= 64 * 1024


_JSON_LEAVES = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(4200, 5200).map(lambda n: "9" * n),  # around Python's 4,300-digit limit
    st.sampled_from(["1e400", "-1e400", "1e-400", "0.1", "NaN", "Infinity", "-0"]),
    st.text(max_size=20).map(json.dumps),
    st.from_regex(r'"(\\u[dD][89a-fA-F][0-9a-fA-F]{2}){1,3}x?"', fullmatch=True),
    st.sampled_from(['"\\ud83d\\ude00"', '"\\\\ud800"', '"\\u0000"', "true", "null"]),
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ",".join(items) + "]"),
        st.lists(st.tuples(_JSON_LEAVES.filter(lambda s: s.startswith('"')), inner),
                 max_size=4).map(lambda kv: "{" + ",".join(f"{k}:{v}" for k, v in kv) + "}"),
    ),
    max_leaves=12,
)


@fuzz_settings(400)
@given(st.one_of(_JSON, st.integers(250, 3000).map(lambda n: "[" * n + "]" * n)))
def test_json_reader(text: str) -> None:
    try:
        value = load_json(text.encode("utf-8", "surrogatepass"))
    except WalletError as exc:
        assert exc.message
        return
    # What it hands back can be written as UTF-8 and as JSON again.
    json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ud800-\udfff]")


@fuzz_settings(400)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80),
       st.booleans())
def test_terminal_text(text: str, multiline: bool) -> None:
    shown = terminal_text(text, multiline=multiline)
    shown.encode("utf-8")
    left = _UNSAFE.findall(shown)
    assert set(left) <= ({"\n", "\t"} if multiline else set())
    assert terminal_text(shown, multiline=multiline) == shown
    if not _UNSAFE.search(text):
        assert shown == text


@fuzz_settings(150)
@given(name=st.binary(min_size=1, max_size=200).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")))
def test_any_file_name(tmp_path: Path, name: bytes) -> None:
    # Each example in its own folder (tmp_path is shared by the examples of one run).
    folder = tmp_path / os.urandom(8).hex()
    folder.mkdir()
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
    path.write_bytes(b"{}")
    assert list(iter_input_files([folder])) == [path]
    display_name(path).encode("utf-8")
    assert read_limited(path) == b"{}"
