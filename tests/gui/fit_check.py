"""What "fits the screen" means, checked on a live window: used by the screen-size tests.

A window fits when it lies inside the screen's available area with room for a title bar, every
visible button, input and list can be seen whole (or lies in a scroll area, where scrolling reaches
it), the main window's status area is on screen, and no two interactive widgets overlap.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from cqp_desktop.gui.screen_fit import available_area, decoration

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _is_interactive(widget: QWidget) -> bool:
    return isinstance(widget, INTERACTIVE) and not isinstance(widget, QScrollBar)


def _part_of_interactive(widget: QWidget, top: QWidget) -> bool:
    """A combo's line edit, a spin box's arrows, a tab bar's scroll buttons: parts, not widgets."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if _is_interactive(parent):
            return True
        parent = parent.parentWidget()
    return False


def _clip(widget: QWidget, top: QWidget) -> tuple[QRect, bool]:
    """The part of the widget its ancestors let show, and whether a scroll area is among them."""
    rect = _global_rect(widget)
    scrolled = False
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.intersected(_global_rect(parent))
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            scrolled = True
        if parent is top:
            break
        parent = grand
    return rect, scrolled


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText() or widget.text()
    label = text.replace("\n", " ")[:40]
    return f"{type(widget).__name__}({widget.objectName() or '?'}{', ' + repr(label) if label else ''})"


def fit_problems(top: QWidget) -> list[str]:
    """Every way `top` fails to fit its screen, in words; empty when it fits."""
    problems: list[str] = []
    area = available_area(top)
    frame = top.frameGeometry()
    _extra_w, extra_h = decoration(top)  # offscreen frames are 2 px: allow a real title bar
    if not area.contains(frame) or top.height() + extra_h > area.height():
        problems.append(f"window {top.geometry().getRect()} with its title bar is not inside the available area {area.getRect()}")
    if isinstance(top, QMainWindow):
        bar = top.statusBar()
        if not bar.isVisible() or not area.contains(_global_rect(bar)):
            problems.append(f"status bar at {_global_rect(bar).getRect()} not visible on {area.getRect()}")
    shown: list[tuple[QWidget, QRect]] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not _is_interactive(widget) or _part_of_interactive(widget, top):
            continue
        full = _global_rect(widget)
        seen, scrolled = _clip(widget, top)
        if scrolled:
            if not seen.isEmpty():
                shown.append((widget, seen))
            continue
        if seen != full or not area.contains(full):
            problems.append(f"{_name(widget)} cut or off screen: {full.getRect()} shows {seen.getRect()}")
        if not seen.isEmpty():
            shown.append((widget, seen))
    for i, (a, ra) in enumerate(shown):
        for b, rb in shown[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            overlap = ra.intersected(rb)
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(f"{_name(a)} overlaps {_name(b)} on {overlap.getRect()}")
    return problems
