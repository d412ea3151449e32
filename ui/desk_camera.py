"""The desk's camera: the cameras there are, and one of them delivering frames.

QtMultimedia is imported only when a camera is listed or started; a missing backend or a busy
camera degrades to "no camera", never to a broken window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ui.signal_emit import emit
from wallet.errors import SharingError


def camera_devices() -> list[tuple[str, Any]]:
    """(description, device) of each video input; none when QtMultimedia is unavailable."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [(device.description(), device) for device in QMediaDevices.videoInputs()]


class CameraFeed(QObject):
    """One running camera: ``frame`` for every picture, ``problem`` with the camera's words."""

    frame = Signal(QImage)
    problem = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: tuple[Any, ...] | None = None

    @property
    def running(self) -> bool:
        return self._parts is not None

    def start(self, device: Any) -> None:
        """Start ``device``; raises :class:`SharingError` when it cannot be used."""
        try:
            from PySide6.QtMultimedia import (
                QCamera,
                QMediaCaptureSession,
                QVideoSink,
            )

            camera = QCamera(device)
            capture = QMediaCaptureSession(self)
            sink = QVideoSink(self)
            capture.setCamera(camera)
            capture.setVideoSink(sink)
            sink.videoFrameChanged.connect(lambda frame: emit(self.frame, frame.toImage()))
            camera.errorOccurred.connect(lambda _error, text: emit(self.problem, text))
            camera.start()
        except Exception as exc:  # a missing or busy camera must not break the window
            raise SharingError(self.tr("The camera could not be started."),
                               details=str(exc)) from None
        self._parts = (camera, capture, sink)

    def stop(self) -> None:
        if self._parts is not None:
            self._parts[0].stop()
            self._parts = None
