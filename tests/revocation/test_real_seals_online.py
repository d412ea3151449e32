"""Real sealed credentials that embed their revocation data keep their verdict with --online:
nothing is fetched for them (the suite refuses any connection beyond 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode

EDC = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"


@pytest.mark.parametrize("name", [
    "Sample-MC-Annex1-signed.jsonld",
    "Sample-CertOfPart-signed.jsonld",
    "edc-v1-xml-credential-xades-signed.xml",
])
def test_online_keeps_the_offline_verdict(name: str) -> None:
    # GIVEN a real provider's sealed EDC (the Commission's samples)
    raw = (EDC / name).read_bytes()
    # WHEN verified offline and online
    offline = verify_file_bytes(raw, options=VerifyOptions())
    online = verify_file_bytes(raw, options=VerifyOptions(online=True))
    # THEN the verdict and the seal's sentence are the same, and nothing went online
    assert online.status is offline.status
    before, after = offline.check("signature"), online.check("signature")
    assert before is not None and after is not None
    assert (after.status, after.message) == (before.status, before.message)
    assert after.mode is CheckMode.OFFLINE
