"""GUI fixtures: a real MainWindow on a fresh database, a fake monotonic clock, a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.app_context import AppContext
from cqp_desktop.gui.application import MainWindow
from tests.core.runner_fixtures import FakeMono, World, make_world

TODAY = dt.date(2026, 12, 2)  # the day most test épreuves are planned


class Env:
    def __init__(self, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.tmp_path = tmp_path
        self.qtbot = qtbot
        self.context = AppContext.open(tmp_path)
        self.world: World = make_world(self.context.store)
        self.mono = FakeMono()
        self.window = self.new_window()

    def new_window(self) -> MainWindow:
        window = MainWindow(self.context, now_ns=self.mono, today=TODAY)
        self.qtbot.addWidget(window)
        window.show()
        return window

    def reopen(self) -> MainWindow:
        """Close the window and the database, then start again as a new process would."""
        self.window.close()
        self.context.close()
        self.context = AppContext.open(self.tmp_path)
        self.mono = FakeMono(start=7)  # a new process: the monotonic origin is different
        self.window = self.new_window()
        return self.window


@pytest.fixture(autouse=True)
def no_leftovers(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Fail a test that leaves a window open or a timer running once its widgets are closed (qtbot closes
    them first: this fixture is set up before it). A running timer in a closed view is a view still working
    behind the jury's back; a window left open leaks into the next test."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    before = set(map(id, QApplication.topLevelWidgets()))
    yield
    QApplication.processEvents()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
    timers = [
        f"{type(w).__name__}/{t.objectName() or type(t.parent()).__name__}"
        for w in QApplication.topLevelWidgets()
        if not w.isVisible()
        for t in w.findChildren(QTimer)
        if t.isActive()
    ]
    for w in windows:
        w.close()
    assert not windows, f"fenêtres restées ouvertes : {[type(w).__name__ + ' « ' + w.windowTitle() + ' »' for w in windows]}"
    assert not timers, f"minuteries actives dans des fenêtres fermées : {timers}"


@pytest.fixture
def env(tmp_path: Path, qtbot) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    e = Env(tmp_path, qtbot)
    yield e
    e.window.close()
    e.context.close()


def answer(box, yes: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Answer a confirmation (runner_dialogs.confirm) from the keyboard: Entrée says yes, Échap no."""
    from PySide6.QtCore import Qt

    assert box is not None and box.isVisible(), "no question was asked"
    keys_to(box, Qt.Key.Key_Return if yes else Qt.Key.Key_Escape)


def keys_to(dialog, *keys) -> None:  # type: ignore[no-untyped-def]
    """Type keys into a dialog once it is active (activation is asynchronous), as a user would."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    target = QApplication.focusWidget() if QApplication.activeWindow() is dialog else dialog
    for key in keys:
        QTest.keyClick(target or dialog, key)
    behind = dialog.parentWidget()
    if not dialog.isVisible() and behind is not None and QApplication.activeWindow() is None:
        behind.window().activateWindow()  # what the window manager does; offscreen does not
    for _ in range(5):
        QApplication.processEvents()


def pause_with(view, reason: str) -> None:  # type: ignore[no-untyped-def]
    """F6 / Pause: the reason dialog opens; type the reason and press Entrée."""
    from PySide6.QtCore import Qt

    dialog = view.clock.pause()
    assert dialog is not None and dialog.isVisible()
    dialog.other.setText(reason)  # QTest.keyClicks aborts on non-ASCII letters
    keys_to(dialog, Qt.Key.Key_Return)
