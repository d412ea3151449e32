"""Credential status: is a credential revoked or suspended, according to its issuer's list.

Methods: W3C Bitstring Status List v1.0, StatusList2021, RevocationList2020, 1EdTech
Revocation List, and the IETF Token Status List of SD-JWT VC. Every list is fetched through
:mod:`wallet.net` only when the user allowed it, and a signed list is verified before use.
"""

from __future__ import annotations

from wallet.net import Fetcher
from wallet.status.check import check_status_entries
from wallet.status.outcome import StatusMode, StatusOutcome, StatusState

__all__ = ["Fetcher", "StatusMode", "StatusOutcome", "StatusState", "check_status_entries"]
