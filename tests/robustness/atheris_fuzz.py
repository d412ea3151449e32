"""Coverage-guided fuzzing of every credential parser, the JSON reader and the PDF reader with
atheris (libFuzzer), optional.

``make fuzz`` runs this after the long hypothesis run when ``atheris`` is installed
(``pip install atheris``; it is not a dependency of Kredo). Usage::

    python -m tests.robustness.atheris_fuzz CORPUS_DIR [libFuzzer flags, e.g. -max_total_time=300]

CORPUS_DIR is created and seeded with every real and generated vector of
``tests/robustness/corpus.py``; libFuzzer adds the inputs that reach new code. An input
that makes a parser raise anything but ``WalletError`` stops the run and is written as
``crash-<sha1>`` (where ``-artifact_prefix=`` says): minimize it, add it to
``tests/robustness/regressions/`` with a line in its README, then fix the parser.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["wallet"]):
    from tests.robustness.parsers import feed_every_parser
    from wallet.errors import WalletError
    from wallet.json_input import load_json
    from wallet.qr.pdf import is_pdf, read_pdf

from tests.robustness.corpus import all_seeds
from tests.robustness.hostile_pdf import MIB, attachment_bomb, content_bomb, image_bomb


def test_one_input(data: bytes) -> None:
    feed_every_parser(data)
    with contextlib.suppress(WalletError):
        load_json(data)
    if is_pdf(data):  # the PDF reader sizes every stream before pdfium sees the file
        with contextlib.suppress(WalletError):
            read_pdf(data)


def seed(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    pdfs = (attachment_bomb(40 * MIB), content_bomb(40 * MIB), image_bomb(6000, 6000))
    for raw in (*all_seeds().values(), *pdfs):
        (corpus / hashlib.sha256(raw).hexdigest()).write_bytes(raw)


def main() -> None:
    arguments = sys.argv[1:]
    corpora = [a for a in arguments if not a.startswith("-")]
    for corpus in corpora:
        seed(Path(corpus))
    atheris.Setup([sys.argv[0], "-max_len=262144", *arguments], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
