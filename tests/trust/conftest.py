from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "tests" / "assets"
CZ_TL = ASSETS / "vectors" / "cz" / "TSL_CZ-seq77-2019-08-23.xml"
CZ_EXTRACT = ASSETS / "vectors" / "cz" / "cz-tl-2019-ca-qc-services.json"
TRUST_ASSETS = ASSETS / "trust"
# The LOTL of 2026 and two national lists it pins, in the layout of the mirror they came from.
EU_LISTS = TRUST_ASSETS / "eu-lists"
LOTL = EU_LISTS / "eu-lotl.xml"
CY_TL = EU_LISTS / "CY" / "TSL_CY.xml"
IS_TL = EU_LISTS / "IS" / "TSL_IS.xml"
MIRROR = "peponeska/eu-trustlist @ c0ff7a806bc83d46a68d4f12f15ce0d869ff4a76"
BUNDLED = ROOT / "resources" / "trust" / "eu-qualified-eseal-cas.json"
LOTL_PINS = ROOT / "resources" / "trust" / "lotl-pins.pem"


@pytest.fixture(scope="session")
def cz_tl_bytes() -> bytes:
    return CZ_TL.read_bytes()


@pytest.fixture(scope="session")
def update_trust() -> ModuleType:
    """``packaging/update_trust.py``, the script that builds the bundled snapshot."""
    spec = importlib.util.spec_from_file_location(
        "update_trust", ROOT / "packaging" / "update_trust.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_trust"] = module
    spec.loader.exec_module(module)
    return module
