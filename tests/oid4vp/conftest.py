from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.issuance.scripted_issuer import scripted_issuer
from wallet.net import allow_loopback_http

__all__ = ["scripted_issuer"]


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    """Test verifiers run on 127.0.0.1 without certificates."""
    with allow_loopback_http():
        yield
