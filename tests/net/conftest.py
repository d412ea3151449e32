from __future__ import annotations

from tests.net.local_server import local_server

__all__ = ["local_server"]
