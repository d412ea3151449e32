"""Status colours used as text stay readable (WCAG AA, 4.5:1) on light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui.status_chip import check_colour, chip_colour, on_background


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", ["#ffffff", "#efefef", "#2b2b2b", "#1e1e1e"])
@pytest.mark.parametrize("colour", [
    *(check_colour(s) for s in ("ok", "warning", "failed")),
    *(chip_colour(s) for s in ("verified", "partially_verified", "indeterminate", "failed",
                               "revoked")),
])
def test_status_text_is_readable_on_light_and_dark(colour: QColor, background: str) -> None:
    back = QColor(background)
    assert _contrast(on_background(colour, back), back) >= 4.5


def test_chips_keep_white_text_readable() -> None:
    for state in ("verified", "partially_verified", "indeterminate", "failed", "expired",
                  "revoked"):
        assert _contrast(chip_colour(state), QColor("white")) >= 4.5


def test_could_not_be_checked_has_a_colour_of_its_own() -> None:
    # GIVEN the chip colours of every verdict
    others = {chip_colour(s).name() for s in ("verified", "partially_verified", "failed")}
    # WHEN a credential could not be checked
    colour = chip_colour("indeterminate")
    # THEN its colour is neither the pass's green, the amber of a proven signature nor red
    assert colour.name() not in others
    # AND it is no shade of green or amber: blue dominates
    assert colour.blue() > colour.red() and colour.blue() > colour.green()
