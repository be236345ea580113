"""Every window fits the screen it opens on: a 1366×768 laptop, or Full HD at 125–150 %.

A window asks for the size it would like (`fit_window`); it gets at most the screen's
available geometry (taskbar excluded) minus a small margin, is centred on its parent or on
the screen, and comes back at the size the user last gave it (remembered per window kind
in ``window-sizes.ini`` beside the database files). Long dialogs put their content in a
`scrolling` area so the button row below stays on screen whatever the height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from asr_desktop.services import paths

# Room left around a window so its frame and title bar stay on the screen too.
FRAME_ROOM = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen the widget (or its parent) is on."""
    screen: QScreen | None = None
    if widget is not None:
        parent = widget.parentWidget()
        anchor = parent.window() if parent is not None else widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _room(widget: QWidget | None) -> QRect:
    area = available_geometry(widget)
    return area.adjusted(0, 0, -FRAME_ROOM.width(), -FRAME_ROOM.height())


def clamped(size: QSize, widget: QWidget | None = None) -> QSize:
    """The size, no larger than the room the screen has."""
    return size.boundedTo(_room(widget).size())


def ui_settings() -> QSettings:
    """Where window sizes and list sort orders are remembered (not office data)."""
    return QSettings(str(paths.data_dir() / "window-sizes.ini"), QSettings.Format.IniFormat)


def remembered_size(key: str) -> QSize | None:
    value = ui_settings().value(f"{key}/size")
    return value if isinstance(value, QSize) and value.isValid() else None


def _remember(key: str, window: QWidget) -> None:
    if window.isMaximized() or window.isFullScreen() or window.isMinimized():
        ui_settings().setValue(f"{key}/maximized", window.isMaximized())
        return
    settings = ui_settings()
    settings.setValue(f"{key}/size", window.size())
    settings.setValue(f"{key}/maximized", False)


class _Fitter(QObject):
    """Clamps and centres a window when it is shown; remembers its size when it hides."""

    def __init__(self, window: QWidget, key: str | None, *, auto_height: bool) -> None:
        super().__init__(window)
        self._window = window
        self._key = key
        self._auto_height = auto_height
        self._placed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Show and not self._placed:
                self._placed = True
                if self._auto_height:
                    hint = self._window.sizeHint().height()
                    self._window.resize(self._window.width(), max(self._window.height(), hint))
                place(self._window)
            elif event.type() == QEvent.Type.Hide and self._key and self._placed:
                _remember(self._key, self._window)
        return False


def place(window: QWidget) -> None:
    """Shrinks the window into the screen's room and centres it on its parent or screen."""
    room = _room(window)
    size = window.size().expandedTo(window.minimumSizeHint()).boundedTo(room.size())
    window.resize(size)
    parent = window.parentWidget()
    centre = parent.window().geometry().center() if parent else room.center()
    top_left = QPoint(centre.x() - size.width() // 2, centre.y() - size.height() // 2)
    x = min(max(top_left.x(), room.left()), room.right() - size.width() + 1)
    y = min(max(top_left.y(), room.top()), room.bottom() - size.height() + 1)
    window.move(x, y)


def fit_window(window: QWidget, width: int, height: int = 0, *, key: str | None = None) -> None:
    """Gives a window its preferred size within the screen, and its remembered size.

    Args:
        window: A top-level window (main window or dialog).
        width: The preferred width in device-independent pixels.
        height: The preferred height; 0 takes the layout's own height.
        key: Remember the size the user gives this window under this name.
    """
    preferred = QSize(width, height or window.sizeHint().height())
    remembered = remembered_size(key) if key else None
    window.resize(clamped(remembered or preferred, window))
    window.installEventFilter(_Fitter(window, key, auto_height=not height and not remembered))
    if key and ui_settings().value(f"{key}/maximized") in (True, "true"):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def scrolling(content: QWidget) -> QScrollArea:
    """The content in a frameless vertical scroll area (a long form on a short screen)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
