"""Where the cold start goes: one fresh process, each phase timed, printed as JSON.

`python -m benchmarks.start_breakdown app DATA_DIR` — the real start, phase by phase.
`python -m benchmarks.start_breakdown bare` — a bare QMainWindow through the same phases (the phases
    the bare process does not have take 0 ms), so each phase of the gap can be attributed.
(An earlier `app-fixed` mode simulated the home-table fixes; they are now in the app, commit e3c528d.)
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = time.perf_counter()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = round((time.perf_counter() - T0) * 1000, 1)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("import PySide6 (QtCore, QtWidgets)")
    app = QApplication(sys.argv[:1])
    mark("QApplication")
    if mode == "app":
        from cqp_desktop.app_context import AppContext

        mark("import cqp_desktop.app_context (store, sqlite_utils)")
        from cqp_desktop.gui.application import MainWindow

        mark("import cqp_desktop.gui.application")
        context = AppContext.open(sys.argv[2])
        mark("AppContext.open (base, référentiel)")
        window = MainWindow(context)
        mark("MainWindow() (liste d'accueil incluse)")
    else:
        for phase in ("import cqp_desktop.app_context (store, sqlite_utils)", "import cqp_desktop.gui.application",
                      "AppContext.open (base, référentiel)"):
            mark(phase)
        window = QMainWindow()
        window.resize(1366, 800)
        mark("MainWindow() (liste d'accueil incluse)")

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                mark("première peinture")
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    mark("show()")
    QTimer.singleShot(0, lambda: window.grab())
    app.exec()
    print(json.dumps(marks, ensure_ascii=False))


if __name__ == "__main__":
    main()
