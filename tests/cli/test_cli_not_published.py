"""`kredo verify` on a credential whose issuer publishes no revocation status: the line says
"not published", never a tick or OK (there is nothing to confirm), in English and in Czech."""

from __future__ import annotations

import pytest

from tests.cli.conftest import VECTORS, Kredo
from wallet.translation import set_language

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = VECTORS / "w3c" / "1edtech-obv3-ldp-controller-document.json"


def _status_line(out: str) -> str:
    (line,) = [line for line in out.splitlines() if line.split()[1:2] == ["status"]]
    return line


@pytest.mark.parametrize(
    ("lang", "words", "sentence"),
    [
        ("en", "not published", "The issuer publishes no revocation status"),
        ("cs", "nezveřejněno", "Vydavatel"),
    ],
)
def test_no_published_status_reads_not_published_never_ok(
    kredo: Kredo, monkeypatch: pytest.MonkeyPatch, lang: str, words: str, sentence: str
) -> None:
    # GIVEN the 1EdTech OB 3.0 credential (no credentialStatus) with its issuer's key document
    monkeypatch.setenv("KREDO_LANG", lang)
    # WHEN it is verified on the command line in that language
    try:
        result = kredo("verify", "--file", str(OB3), "--document", str(OB3_CONTROLLER))
    finally:
        set_language("en")
    # THEN the signature holds, and the status line says "not published", with no tick or OK
    assert result.code == 3, result.out  # partially verified: the issuer is merely unknown
    line = _status_line(result.out)
    assert line.lstrip().startswith("– status")
    assert words in line and sentence in line
    assert "✔" not in line and "OK" not in line
