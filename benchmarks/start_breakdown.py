"""Where the cold start goes: one fresh process, each phase timed, printed as JSON.

`python -m benchmarks.start_breakdown app DATA_DIR` — the real start (gui/start.py's steps, in its order),
    phase by phase, then what the window does after its first paint (open and check the base).
`python -m benchmarks.start_breakdown bare` — a bare QMainWindow through the same phases (the phases
    the bare process does not have take 0 ms), so each phase of the gap can be attributed.
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = time.perf_counter()
PAINT = "première peinture"
PHASES = (
    "import cqp_desktop.cli (analyse des arguments)",
    "import cqp_desktop.gui.start (fenêtre, liste d'accueil)",
    "traductions et liste d'accueil lue (lecture seule)",
)
AFTER = "après la peinture : base ouverte et contrôlée, sauvegarde du jour, fenêtre complète"


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
    opening = None
    if mode == "app":
        from cqp_desktop import cli

        args = cli.build_parser().parse_args(["--data-dir", sys.argv[2]])
        mark(PHASES[0])
        from cqp_desktop import paths
        from cqp_desktop.core.site.overview import preview_lines
        from cqp_desktop.gui import start, translations
        from cqp_desktop.gui.application import MainWindow, create_application

        mark(PHASES[1])
        create_application()
        folder = paths.data_dir(args.data_dir)
        translations.install(app, start.interface_language(folder))
        lines = preview_lines(paths.database_path(folder))
        mark(PHASES[2])
        window = MainWindow(None, preview=lines)
        mark("MainWindow() (liste d'accueil incluse)")
        opening = start._Opening(window, args.data_dir, False, None)
    else:
        for phase in PHASES:
            mark(phase)
        window = QMainWindow()
        window.resize(1366, 800)
        mark("MainWindow() (liste d'accueil incluse)")

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                mark(PAINT)
                obj.removeEventFilter(self)
                QTimer.singleShot(0, after_paint)
            return False

    def after_paint() -> None:
        if opening is not None:
            opening.open()
            if opening.failure is not None:
                raise opening.failure
        mark(AFTER)
        app.quit()

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    mark("show()")
    app.exec()
    if opening is not None and opening.context is not None:
        opening.context.close()
    print(json.dumps(marks, ensure_ascii=False))


if __name__ == "__main__":
    main()
