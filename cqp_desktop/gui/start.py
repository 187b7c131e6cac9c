"""The real start of the site window: the home list painted first, then the base opened and checked.

Opening the base (migrations, anchor, audit chain, row seals: core/storage/integrity.py) and the modules it needs
cost more than Qt itself. So the window is built from the list core/storage/home_preview.py reads (a read-only
connection), painted, and only then is the base opened. Until it is, the status bar says « Vérification de
la base… » and nothing that reads or writes the base is offered (MainWindow.attach enables it). When the
opening fails, the window goes away and the error is raised to the command line, whose recovery path
(French message, or the restore dialog on a real display) runs exactly as when the base was opened first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMessageLogContext, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from cqp_desktop import paths
from cqp_desktop.core.site.overview import preview_lines
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.gui import translations
from cqp_desktop.gui.application import MainWindow, create_application, daily_backup

if TYPE_CHECKING:
    from cqp_desktop.app_context import AppContext

NO_PAINT_MS = 1500  # a window that is never painted (started minimised) still gets its base opened


def interface_language(folder: Path) -> str:
    """The language chosen in the settings (French when they cannot be read)."""
    try:
        return settings_mod.load(folder).language
    except settings_mod.SettingsError:
        return "fr"


@contextmanager
def _quiet_offscreen_show() -> Iterator[None]:
    """The offscreen platform (tests, CI, benchmarks) warns « This plugin does not support propagateSizeHints() »
    for each window it shows. The window is now shown before the base is checked, and a refused base must
    still print only its French message (tests/test_faults_corruption.py): that one line is dropped while
    the window is shown; every other message goes where it went before (pytest-qt's capture, or stderr)."""
    if QApplication.platformName() != "offscreen":
        yield
        return

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)  # Qt's own (None) or whoever handled messages before (pytest-qt)


class _Opening(QObject):
    """Opens the base once the window has painted; keeps the context, or the failure for the caller."""

    def __init__(self, window: MainWindow, data_dir: str | os.PathLike[str] | None, demo: bool,
                 painted: Callable[[MainWindow], None] | None):
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.demo = demo
        self.painted = painted
        self.context: AppContext | None = None
        self.failure: Exception | None = None
        self.done = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            if self.painted is not None:
                self.painted(self.window)
            QTimer.singleShot(0, self.open)  # after this paint has reached the screen
        return False

    def open(self) -> None:
        """AppContext.open with its integrity check, the day's backup, then the whole window."""
        if self.done:
            return
        self.done = True
        self.timer.stop()
        from cqp_desktop.app_context import AppContext

        try:
            context = AppContext.open(self.data_dir, demo=self.demo)
        except Exception as exc:  # noqa: BLE001 — raised again by run_site, outside the event loop
            self.failure = exc
            self.window.hide()
            QApplication.quit()
            return
        self.context = context
        problem = daily_backup(context)
        self.window.attach(context)
        if problem:
            self.window.problem(problem)


def run_site(
    data_dir: str | os.PathLike[str] | None, *, demo: bool = False,
    painted: Callable[[MainWindow], None] | None = None,
) -> int:
    """Show the site window and run the event loop; raises what opening the base raised (a StoreError).

    `painted` is called at the window's first paint (the start-up benchmark, benchmarks/first_paint.py).
    """
    app = create_application()
    folder = paths.data_dir(data_dir)
    translations.install(app, interface_language(folder))
    window = MainWindow(None, preview=preview_lines(paths.database_path(folder)))
    opening = _Opening(window, data_dir, demo, painted)
    window.installEventFilter(opening)
    with _quiet_offscreen_show():
        window.show()
    opening.timer.start(NO_PAINT_MS)
    try:
        code = app.exec()
        if not opening.done:  # closed before the base was opened: the start-up check and backup still happen
            opening.open()
    finally:
        window.shutdown()
        if opening.context is not None:
            opening.context.close()
    if opening.failure is not None:
        window.deleteLater()
        raise opening.failure
    return code
