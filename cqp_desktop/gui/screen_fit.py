"""Keeps every window on the screen it opens on: a jury laptop is often 1366×768 with a taskbar.

Dialogs ask for a comfortable size (e.g. 1180×860); on a short screen that would put their buttons
below the taskbar, where the user cannot reach them. `ScreenFitter` watches every window as it is
shown and shrinks it to the screen's available area, leaving room for a title bar, then moves it
inside that area. Long content scrolls inside the window (see `scroll_body`), never off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLayout, QScrollArea, QVBoxLayout, QWidget

TITLE_BAR = 32  # the window manager's title bar, not known before the window is mapped


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (taskbar excluded)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def decoration(window: QWidget) -> tuple[int, int]:
    """Width and height the window manager adds around the window (a title bar at least)."""
    frame, inner = window.frameGeometry(), window.geometry()
    return frame.width() - inner.width(), max(frame.height() - inner.height(), TITLE_BAR)


def fit_window(window: QWidget) -> None:
    """Shrink `window` to the available area (title bar included) and move it fully inside."""
    area = available_area(window)
    extra_w, extra_h = decoration(window)
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    parent = window.parentWidget()
    if parent is not None and parent.isVisible():
        centre = parent.window().geometry().center()
        x, y = centre.x() - width // 2, centre.y() - height // 2
    else:
        x, y = window.x(), window.y()
    # move() places the frame's top-left corner
    x = max(area.left(), min(x, area.right() + 1 - width - extra_w))
    y = max(area.top(), min(y, area.bottom() + 1 - height - extra_h))
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class ScreenFitter(QObject):
    """Event filter on the application: every window is fitted to its screen when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            if watched.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                fit_window(watched)
        return False


def install(app: QApplication) -> None:
    """Install the fitter once per application."""
    if app.findChild(ScreenFitter, "screenFitter") is None:
        fitter = ScreenFitter(app)
        fitter.setObjectName("screenFitter")
        app.installEventFilter(fitter)


def scroll_body(dialog_layout: QVBoxLayout, body: QWidget, footer: QLayout | QWidget | None = None) -> QScrollArea:
    """Put a dialog's body in a scroll area and keep its footer (the action buttons) always visible.

    `footer` is a layout or widget inside `body` (e.g. the Designer form's button row); it is moved
    out, below the scroll area, so Signer / Fermer never scroll away.
    """
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    dialog_layout.addWidget(area, 1)
    if isinstance(footer, QWidget):
        dialog_layout.addWidget(footer)
    elif footer is not None:
        row = QHBoxLayout()
        while footer.count():  # move the buttons (and spacers) out of the scrolled body
            item = footer.takeAt(0)
            if item is None:
                break
            widget = item.widget()
            if widget is not None:
                row.addWidget(widget)
            elif item.spacerItem() is not None:
                row.addStretch(1)
        dialog_layout.addLayout(row)
    return area
