from __future__ import annotations

from pathlib import Path

import pytest

ASSETS = Path(__file__).resolve().parents[1] / "assets"
CZ_TL = ASSETS / "vectors" / "cz" / "TSL_CZ-seq77-2019-08-23.xml"
CZ_EXTRACT = ASSETS / "vectors" / "cz" / "cz-tl-2019-ca-qc-services.json"
TRUST_ASSETS = ASSETS / "trust"


@pytest.fixture(scope="session")
def cz_tl_bytes() -> bytes:
    return CZ_TL.read_bytes()
