"""Counts in sentences with their thousands marked the reader's way."""

from __future__ import annotations

from wallet.translation import current_language


def grouped(number: int) -> str:
    """``16,777,216`` in English, ``16 777 216`` in Czech (a no-break space: there a comma is
    the decimal sign)."""
    text = f"{number:,}"
    return text.replace(",", "\u00a0") if current_language() == "cs" else text
