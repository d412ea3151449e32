"""One Kredo window per wallet: a second launch hands its files and links to the first.

The desktop entry starts ``kredo-gui %U`` for every credential file opened and every
``openid-credential-offer://`` (an issuer's offer), ``openid4vp://`` or ``haip-vp://`` (a
verifier's request) link clicked. The first instance listens on a local socket
(``QLocalServer``: a Unix socket only this user may open, a named pipe on Windows); a later
launch for the same wallet connects, sends its targets as one JSON line, and exits. macOS
instead sends the running app a ``QFileOpenEvent`` (:class:`OpenedByDesktop`).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ui.signal_emit import emit
from wallet.app_identity import APP_ID, URL_SCHEMES

MAX_MESSAGE_BYTES = 1024 * 1024
_TIMEOUT_MS = 2000


def server_name(home: Path) -> str:
    """Per user and per wallet folder, so two wallets (or two users) never meet."""
    digest = hashlib.sha256(str(home.resolve()).encode("utf-8")).hexdigest()[:16]
    user = hashlib.sha256(getpass.getuser().encode("utf-8")).hexdigest()[:8]
    return f"{APP_ID}-{user}-{digest}"


def absolute_targets(targets: Sequence[str], cwd: Path | None = None) -> list[str]:
    """Relative paths made absolute: the first instance runs in another folder."""
    base = cwd or Path.cwd()
    made: list[str] = []
    for target in targets:
        scheme = target.split(":", 1)[0]
        if scheme in URL_SCHEMES or (scheme == "file" and QUrl(target).isLocalFile()):
            made.append(target)
        else:
            made.append(str((base / target).resolve()))
    return made


def local_paths(targets: Sequence[str]) -> list[Path]:
    """Files named by path or by ``file://`` URL, as paths."""
    return [Path(QUrl(t).toLocalFile()) if t.startswith("file:") else Path(t) for t in targets]


def hand_over(name: str, targets: Sequence[str], *, verify: bool = False) -> bool:
    """Give ``targets`` to a running instance (to check in its verification desk when
    ``verify``, else to import); False when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    message: dict[str, object] = {"targets": list(targets)}
    if verify:
        message["verify"] = True
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    sent = socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """Listens for later launches; ``received`` carries their targets (possibly none),
    ``verify_received`` the files a launch with ``--verify`` asked to check, not import."""

    received = Signal(list)
    verify_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            # A socket file left by a crashed instance: nobody answered hand_over, so it is ours.
            QLocalServer.removeServer(name)
            self._server.listen(name)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            self._buffers[connection] = bytearray()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._drop(c))

    def _read(self, connection: QLocalSocket) -> None:
        buffer = self._buffers.get(connection)
        if buffer is None:
            return
        buffer += bytes(connection.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            connection.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._drop(connection)
        connection.disconnectFromServer()
        try:
            message = json.loads(line)
        except ValueError:
            return
        targets = message.get("targets") if isinstance(message, dict) else None
        if isinstance(targets, list):
            texts = [t for t in targets if isinstance(t, str)]
            if message.get("verify") is True:
                emit(self.verify_received, texts)
            else:
                emit(self.received, texts)

    def _drop(self, connection: QLocalSocket) -> None:
        # The server owns the socket object; a few per session are left to it (deleteLater
        # here, with the Python lambdas above still holding the wrapper, crashed PySide).
        self._buffers.pop(connection, None)


class OpenedByDesktop(QObject):
    """An application event filter: a link or file the desktop opens in the running app
    (macOS ``QFileOpenEvent``: a clicked ``openid4vp://`` link, a double-clicked credential)
    comes out as ``received``, the same targets a second launch would hand over."""

    received = Signal(list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            # Encoded as it came: a decoded %26 or %3D would change the request's parameters.
            target = (bytes(url.toEncoded().data()).decode("ascii")
                      if url.scheme() in URL_SCHEMES else event.file())
            if target:
                emit(self.received, [target])
                return True
        return super().eventFilter(watched, event)
