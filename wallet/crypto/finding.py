"""What a crypto verifier found about one part of a token: a status and its sentences.

A JOSE verification answers several questions apart (is the signature valid, do the claims
agree, is it within its validity period, are the disclosures and the holder's proof right);
each answer is a :class:`Finding`. The ``verify`` layer turns the findings into the report's
checks; the status words are the report's own (:mod:`wallet.check_status`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wallet.check_status import CheckStatus


@dataclass(frozen=True)
class Finding:
    """One answer with the sentences a person reads (problems first when failed)."""

    status: CheckStatus
    messages: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.status is CheckStatus.OK

    @property
    def failed(self) -> bool:
        return self.status is CheckStatus.FAILED

    @classmethod
    def from_problems(cls, problems: Iterable[str], ok_message: str) -> Finding:
        found = tuple(problems)
        if found:
            return cls(CheckStatus.FAILED, found)
        return cls(CheckStatus.OK, (ok_message,))

    @classmethod
    def skipped(cls, message: str) -> Finding:
        return cls(CheckStatus.SKIPPED, (message,))

    @classmethod
    def of(cls, valid: bool, message: str) -> Finding:
        """``ok`` or ``failed`` with one sentence (a signature check's outcome)."""
        return cls(CheckStatus.OK if valid else CheckStatus.FAILED, (message,))
