"""A card's thumbnail: a credential's real picture, or, when it has none worth showing (the
Masaryk EDC's placeholder page is one grey colour), no picture, so the card paints its
format's tile instead of an empty grey box."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS
from ui.thumbnails import is_blank, thumbnail_image
from wallet.formats import parse_credentials

MUNI_EDC = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"  # a one-colour page image
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"  # the EU sample's real page


def _page(path_bytes: bytes) -> bytes:
    images = parse_credentials(path_bytes)[0].view.images
    page = next(image for image in images if image.role == "page")
    assert page.data is not None
    return page.data


def test_a_one_colour_page_gives_no_thumbnail_and_a_real_page_does(qtbot: QtBot) -> None:
    # GIVEN the Masaryk EDC, whose page image is a single grey colour, and the EU's sealed
    # sample with a real page
    blank, real = _page(MUNI_EDC.read_bytes()), _page(SEALED.read_bytes())
    # WHEN their card thumbnails are made
    # THEN the blank page gives none (the card shows the format's tile), the real page one
    assert thumbnail_image(blank) is None
    shown = thumbnail_image(real)
    assert shown is not None and not is_blank(shown)
    assert max(shown.width(), shown.height()) == 112
