"""What makes a good new passphrase, for the wallet and for a backup alike: at least
:data:`MIN_PASSPHRASE` characters (the one rule, kept in :mod:`wallet.app.wallet_access`), and a
hint of its strength while it is typed.

The strength is a rough estimate of guessing effort (length times the bits of the kinds of
characters used, less for a few characters repeated): it nudges, it does not refuse. A
passphrase of several unrelated words comes out strong, which is the advice it gives.
"""

from __future__ import annotations

import enum
import math

from wallet.app.wallet_access import MIN_PASSPHRASE
from wallet.translation import tr

__all__ = ["MIN_PASSPHRASE", "PassphraseStrength", "passphrase_strength", "strength_hint"]

FAIR_BITS = 40
STRONG_BITS = 60
_POOLS = ((str.islower, 26), (str.isupper, 26), (str.isdigit, 10))
_OTHER_POOL = 33  # punctuation and spaces; letters outside ASCII count here as well


class PassphraseStrength(enum.Enum):
    TOO_SHORT = "too-short"
    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"


def estimated_bits(passphrase: str) -> float:
    """Guessing effort in bits: characters × log2(the pool their kinds come from), counting
    only as many characters as there are different ones, twice over (``aaaaaaaa`` is weak)."""
    if not passphrase:
        return 0.0
    pool = sum(size for test, size in _POOLS if any(test(c) for c in passphrase))
    if any(not any(test(c) for test, _ in _POOLS) for c in passphrase):
        pool += _OTHER_POOL
    counted = min(len(passphrase), 2 * len(set(passphrase)))
    return counted * math.log2(pool)


def passphrase_strength(passphrase: str) -> PassphraseStrength:
    if len(passphrase) < MIN_PASSPHRASE:
        return PassphraseStrength.TOO_SHORT
    bits = estimated_bits(passphrase)
    if bits >= STRONG_BITS:
        return PassphraseStrength.STRONG
    return PassphraseStrength.FAIR if bits >= FAIR_BITS else PassphraseStrength.WEAK


def strength_hint(passphrase: str) -> str:
    """One sentence to show under a new passphrase as it is typed."""
    strength = passphrase_strength(passphrase)
    if strength is PassphraseStrength.TOO_SHORT:
        return tr("Too short: use at least {n} characters.", n=MIN_PASSPHRASE)
    if strength is PassphraseStrength.WEAK:
        return tr("Weak: easy to guess. Several unrelated words make a passphrase that is "
                  "strong and easy to remember.")
    if strength is PassphraseStrength.FAIR:
        return tr("Fair. One or two more words would make it strong.")
    return tr("Strong.")
