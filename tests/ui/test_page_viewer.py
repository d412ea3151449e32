"""An EDC's page image opens full size: a click on the picture in the detail panel (or Enter
or Space on it) opens the viewer, fitted to the window; it zooms with Ctrl+plus/minus and
Ctrl+wheel, shows 100 %, turns pages, closes with Esc, and refuses an image whose header
claims a gigantic size without decoding it."""

from __future__ import annotations

import struct
import zlib

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.main_window import MainWindow
from ui.page_viewer import PagePicture, PageViewer
from ui.thumbnails import ClickablePicture, bounded_image, image_size
from wallet.app.importing import import_paths
from wallet.errors import InputTooLarge
from wallet.formats import parse_credentials
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
CERT_OF_PART = VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld"


def _page(path: object) -> bytes:
    [credential] = parse_credentials(path.read_bytes())  # type: ignore[attr-defined]
    [page] = [image for image in credential.view.images if image.role == "page"]
    assert page.data is not None
    return page.data


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG file whose IHDR claims ``width`` × ``height`` pixels, with a tiny IDAT: what a
    decompression bomb looks like from outside."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


def _open_sealed_edc(qtbot: QtBot, window: MainWindow, opened: OpenWallet) -> ClickablePicture:
    list(import_paths(opened.repository, [SEALED]))
    window.reload()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=20_000)
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    qtbot.waitUntil(lambda: window.detail.current is not None, timeout=20_000)
    [picture] = window.detail.findChildren(ClickablePicture)
    return picture


def test_clicking_the_page_picture_opens_it_fitted_and_esc_closes_it(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN the sealed EDC open in the detail panel, its page as a 170-pixel-high picture
    window.show()
    picture = _open_sealed_edc(qtbot, window, opened)
    assert picture.pixmap().height() == 170
    assert picture.accessibleName() == "Credential page"
    # WHEN the learner clicks it
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton)
    viewer = window.detail.page_viewer
    qtbot.waitExposed(viewer)
    # THEN the viewer shows the page whole, fitted inside the window
    assert viewer.image is not None and viewer.fit
    shown = viewer.canvas.pixmap().size()
    room = viewer.scroller.viewport().size()
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert viewer.image.size() == bounded_image(_page(SEALED)).size()
    # AND a single page offers no previous or next
    assert not viewer.previous.isVisible() and not viewer.next.isVisible()
    # WHEN Esc is pressed THEN it closes
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_enter_or_space_on_the_focused_picture_opens_the_viewer(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet
) -> None:
    # GIVEN the page picture with the keyboard focus
    window.show()
    picture = _open_sealed_edc(qtbot, window, opened)
    assert picture.focusPolicy() == Qt.FocusPolicy.StrongFocus
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        # WHEN Enter (then Space) is pressed THEN the viewer opens
        qtbot.keyClick(picture, key)
        viewer = window.detail.page_viewer
        assert viewer.isVisible()
        viewer.reject()


def test_zoom_keys_wheel_and_actual_size(qtbot: QtBot) -> None:
    # GIVEN the viewer on a real EDC page, fitted to a small window
    viewer = PageViewer([PagePicture(_page(SEALED), "Page 1")])
    qtbot.addWidget(viewer)
    viewer.resize(500, 500)
    viewer.show()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    fitted = viewer.scale()
    assert fitted < 1.0 and viewer.scale_label.text() == f"{round(fitted * 100)} %"
    # WHEN Ctrl+plus is pressed THEN it zooms in one step, leaving "fit"
    qtbot.keyClick(viewer.windowHandle(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not viewer.fit and abs(viewer.scale() - fitted * 1.25) < 1e-9
    # WHEN Ctrl+minus is pressed THEN it zooms back out
    qtbot.keyClick(viewer.windowHandle(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert abs(viewer.scale() - fitted) < 1e-9
    # WHEN Ctrl and the wheel turn forward THEN it zooms in
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.scroller.viewport(), wheel)
    assert abs(viewer.scale() - fitted * 1.25) < 1e-9
    # WHEN 100 % is pressed THEN the page is shown pixel for pixel
    viewer.actual.click()
    assert viewer.scale() == 1.0 and viewer.scale_label.text() == "100 %"
    assert viewer.canvas.pixmap().size() == viewer.image.size()  # type: ignore[union-attr]
    # WHEN Fit is pressed THEN it fits the window again
    viewer.fit_button.click()
    assert viewer.fit and viewer.scale() == fitted


def test_previous_and_next_page_when_there_are_several(qtbot: QtBot) -> None:
    # GIVEN the viewer on two real EDC pages, opened at the second
    pages = [PagePicture(_page(SEALED), "Page 1"), PagePicture(_page(CERT_OF_PART), "Page 2")]
    viewer = PageViewer(pages, start=1)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    # THEN it says where it is; Next is off on the last page
    assert viewer.position.text() == "2 of 2" and viewer.windowTitle() == "Page 2"
    assert viewer.previous.isEnabled() and not viewer.next.isEnabled()
    # WHEN Page Up is pressed THEN the first page is shown, fitted again
    viewer.actual.click()
    qtbot.keyClick(viewer.windowHandle(), Qt.Key.Key_PageUp)
    assert viewer.index == 0 and viewer.position.text() == "1 of 2" and viewer.fit
    assert viewer.image is not None
    assert viewer.image.size() == bounded_image(_page(SEALED)).size()
    # WHEN Next is pressed THEN the second page is back
    viewer.next.click()
    assert viewer.index == 1


def test_an_image_claiming_a_gigantic_size_is_refused_before_decoding(qtbot: QtBot) -> None:
    # GIVEN a 100-byte PNG whose header claims 60,000 × 60,000 pixels (3.6 billion)
    bomb = _png_claiming(60_000, 60_000)
    assert len(bomb) < 200 and image_size(bomb) == (60_000, 60_000)
    # WHEN it is decoded THEN it is refused with a sentence, nothing allocated
    try:
        bounded_image(bomb)
    except InputTooLarge as exc:
        assert exc.message == (
            "This image claims to be 60000 × 60000 pixels, more than Kredo opens (40 "
            "million); it was not opened.")
    else:
        raise AssertionError("a decompression bomb was decoded")
    # AND the viewer shows that sentence instead of the page, with zoom switched off
    viewer = PageViewer([PagePicture(bomb, "Page 1")])
    qtbot.addWidget(viewer)
    assert viewer.image is None
    assert viewer.canvas.text().startswith("This image claims to be 60000 × 60000 pixels")
    assert not viewer.zoom_in.isEnabled() and not viewer.actual.isEnabled()
