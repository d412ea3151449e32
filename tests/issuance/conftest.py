from __future__ import annotations

from tests.cli.conftest import kredo
from tests.issuance.sphereon_issuer import sphereon_issuer
from tests.net.local_server import local_server

__all__ = ["kredo", "local_server", "sphereon_issuer"]
