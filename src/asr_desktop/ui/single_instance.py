"""One running app per database: a second start brings the first window forward.

A ``QLockFile`` says an instance is running (Qt removes a lock whose process has died, so
a crash leaves nothing to clean up by hand); a ``QLocalServer`` in that instance listens
for the second start's "activate" message.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_MESSAGE = b"activate\n"
_TIMEOUT_MS = 1000


def instance_key(db_path: Path) -> str:
    """A name for the lock and the server, per OS user and database file."""
    try:
        user = getpass.getuser()
    except OSError:
        user = "unknown"
    digest = hashlib.sha256(f"{user}\0{db_path.resolve()}".encode()).hexdigest()[:16]
    return f"asr-desktop-{digest}"


class SingleInstance(QObject):
    """Call :meth:`acquire`; True means this is the only instance for the database."""

    activated = Signal()

    def __init__(self, key: str, lock_folder: Path | None = None) -> None:
        super().__init__()
        self.key = key
        folder = lock_folder or Path(QDir.tempPath())
        self.lock = QLockFile(str(folder / f"{key}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        if not self.lock.tryLock(100):  # Qt takes over a lock whose process is gone
            return False
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.key)  # a crashed instance's socket file (Unix)
        self.server.listen(self.key)
        self.server.newConnection.connect(self._on_connection)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _on_connection(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        # The message is a few bytes sent right after connecting: read it here, so no
        # callback can outlive the socket.
        arrived = socket.bytesAvailable() or socket.waitForReadyRead(_TIMEOUT_MS)
        if arrived and _MESSAGE.strip() in bytes(socket.readAll().data()):
            self.activated.emit()
        socket.abort()
        socket.deleteLater()


def bring_visible_forward() -> None:
    """Raises whatever this instance shows (the login or first-run dialog, before the main
    window exists), so a second start never ends in silence."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    widget = QApplication.activeModalWidget() or next(
        (w for w in QApplication.topLevelWidgets() if w.isVisible()), None
    )
    if widget is None:
        return
    widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()


def ask_running_instance(key: str) -> bool:
    """Tells the running instance to come forward; False when none answered."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    socket.write(_MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
