"""Interop with an independent BC-UR implementation (``@ngraveio/bc-ur`` from npm, used by
hardware wallets): it reads Kredo's animated frames, and Kredo reads the frames it writes,
in any order and with gaps. Without node and npm the test is skipped with the reason."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.interop.npm_install import install_packages, node_and_npm
from wallet.qr.encode import encode_for_qr
from wallet.qr.scan import scan_texts
from wallet.qr.zlib_stream import compress

pytestmark = pytest.mark.slow

PACKAGES = {"@ngraveio/bc-ur": "1.1.13"}
SCRIPT = Path(__file__).with_name("ur_interop.mjs")
SYNTHETIC = (
    Path(__file__).resolve().parents[1]
    / "assets"
    / "vectors"
    / "cz"
    / "synthetic-muni-mc-unsigned.jsonld"
).read_bytes()


def run_node(request: dict[str, Any]) -> dict[str, Any]:
    node, _ = node_and_npm()
    folder = install_packages("bc-ur", PACKAGES)
    script = folder / SCRIPT.name
    script.write_bytes(SCRIPT.read_bytes())
    completed = subprocess.run(
        [node, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def test_both_ways_with_an_independent_ur_implementation() -> None:
    # GIVEN Kredo's animated code for a 26 KB credential, in the order a loop shows it
    ours = encode_for_qr(SYNTHETIC)
    assert not ours.single
    stream = compress(SYNTHETIC)
    # AND a message the other implementation encodes with 200-byte fragments
    request = {
        "frames": list(ours.frames),
        "encode": {"hex": stream.hex(), "maxFragment": 200, "parts": 60},
    }
    result = run_node(request)
    # THEN it reassembles exactly Kredo's zlib stream from Kredo's upper-case frames
    assert result["decoded"] == stream.hex()
    # AND Kredo reads its frames with a fifth lost and the rest shuffled
    theirs: list[str] = result["parts"]
    assert theirs[0].startswith("ur:bytes/1-")
    kept = random.Random(5).sample(theirs, len(theirs) * 4 // 5)
    found = scan_texts(kept)
    assert [c.raw for c in found.credentials] == [SYNTHETIC], found.messages
