"""Screenshots of every view the README shows, in English and Czech (``make screenshots``).

Builds a throwaway wallet in a temporary folder from the real credentials in tests/assets
(the EU's sealed sample EDC, a bilingual Masaryk University EDC, a DCC Open Badge 3.0, the
W3C work permit, an SD-JWT VC), verifies each one offline so the cards carry their verdicts,
shares one so the history has an entry, then runs ``kredo-gui --screenshot`` once per view and
language. Run it under a real X server of the size asked for, so fonts are as a user sees them:

    xvfb-run -a -s "-screen 0 1366x768x24" python packaging/screenshots.py --size 1366x768

Pictures are written as ``VIEW-WIDTH-LANG.png`` (``list-1366-en.png``) into ``--out``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage

from wallet.app.annotating import save_note_and_tags
from wallet.app.importing import import_paths
from wallet.app.presenting import PresentationRequest, present_credentials
from wallet.app.stacks import add_to_collection
from wallet.app.verifying import verify_stored
from wallet.app.wallet_setup import create_wallet
from wallet.store.kdf import Argon2Params
from wallet.store.wallet import open_wallet

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "tests" / "assets"
DEMO_CREDENTIALS = (
    ASSETS / "vectors" / "edc" / "Sample-MC-Annex1-signed.jsonld",
    ASSETS / "vectors" / "cz" / "synthetic-muni-mc-unsigned.jsonld",
    ASSETS / "realworld" / "dcc" / "v1-ob3-ed25519signature2020-didkey.json",
    ASSETS / "realworld" / "edubadges" / "educredentials-ob3-microcredential-ects-unsigned.json",
    ASSETS / "vectors" / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json",
    ASSETS / "crypto" / "jose" / "rfc9901-a3-sd-jwt-vc.txt",
)
VIEWS = ("list", "detail-edc", "detail-badge", "detail-vc", "verify", "stacks", "share",
         "backup", "lock", "history", "help", "scan", "consent", "welcome")
LANGUAGES = ("en", "cs")
PASSPHRASE = "screenshot passphrase"  # noqa: S105 (a throwaway wallet of public samples)
# A throwaway wallet: the production key stretching would only slow down every start.
QUICK_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)


def build_demo_wallet(home: Path) -> None:
    """A wallet as a learner's might be after a term: verified cards, a note, tags, a
    collection, one share."""
    create_wallet(home, passphrase=PASSPHRASE, use_keyring=False, kdf_params=QUICK_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as opened:
        repository = opened.repository
        outcomes = list(import_paths(repository, DEMO_CREDENTIALS))
        ids = [o.id for o in outcomes if o.id is not None]
        for credential_id in ids:
            verify_stored(repository, credential_id)
        save_note_and_tags(repository, ids[0], "For the data analyst application at ACME.",
                           ["data", "europass"])
        save_note_and_tags(repository, ids[1], None, ["data", "python"])
        add_to_collection(repository, "Data analysis", ids[:2])
        present_credentials(repository, PresentationRequest(credential_ids=(ids[0],)),
                            recipient="careers.example.com")


# What an employer checks in the verification desk: a sealed EDC and the work permit.
SCANNED = (DEMO_CREDENTIALS[0], DEMO_CREDENTIALS[4])


def take(home: Path, view: str, lang: str, size: str, out: Path) -> Path:
    width = size.partition("x")[0]
    path = out / f"{view}-{width}-{lang}.png"
    environment = dict(os.environ, KREDO_PASSPHRASE=PASSPHRASE,
                       PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    subprocess.run(  # noqa: S603 (our own app, arguments from this script)
        [sys.executable, "-m", "ui.app", "--home", str(home), "--screenshot", str(path),
         "--lang", lang, "--view", view, "--size", size,
         *(str(p) for p in (SCANNED if view == "scan" else ()))],
        cwd=REPO, env=environment, check=True, timeout=300)
    _recompress(path)
    return path


def _recompress(path: Path) -> None:
    """The app saves quickly (its first paint is benchmarked); the pictures that live in git
    get zlib's strongest compression here."""
    image = QImage(str(path))
    if image.isNull() or not image.save(str(path), "PNG", 0):
        raise RuntimeError(f"could not recompress {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1366x768", help="window size, such as 1280x720")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--view", action="append", choices=VIEWS,
                        help="only these views (repeatable; default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kredo-screenshots-") as folder:
        home = Path(folder) / "wallet"
        build_demo_wallet(home)
        for view in args.view or VIEWS:
            for lang in LANGUAGES:
                print(take(home, view, lang, args.size, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
