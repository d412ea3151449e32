from __future__ import annotations

from tests.status.status_lists import issuer, local_server, loopback

__all__ = ["issuer", "local_server", "loopback"]
