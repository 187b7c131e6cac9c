"""Measure the time from a keystroke in the checklist to its decision committed in SQLite.

Drives the real RunnerView offscreen on a real database file (WAL, synchronous=FULL): each
QTest.keyClick returns once the key handler has stored the decision (the view shows it only after the
commit), so the duration of the call is keystroke → stored decision (+ the redraw). Prints median/p99.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from cqp_desktop.app_context import AppContext  # noqa: E402
from cqp_desktop.core.site.runner import EpreuveRunner  # noqa: E402
from cqp_desktop.gui.application import create_application  # noqa: E402
from cqp_desktop.gui.runner_view import RunnerView  # noqa: E402


def main(count: int = 400) -> int:
    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        context = AppContext.open(folder, demo=True)
        view = RunnerView(EpreuveRunner(context.store, 1))
        view.resize(1366, 800)
        view.show()
        view.runner.start()
        tree = view.checklist.tree
        criteria = [c.key for c in view.runner.bloc.criteria()]
        durations = []
        for i in range(count):
            key = criteria[i % len(criteria)]
            tree.setCurrentItem(view.checklist.items[key])
            app.processEvents()
            stroke = Qt.Key.Key_V if (i // len(criteria)) % 2 == 0 else Qt.Key.Key_N
            before = context.store.connection()["decisions"].count
            t0 = time.perf_counter_ns()
            QTest.keyClick(tree, stroke)
            t1 = time.perf_counter_ns()
            assert context.store.connection()["decisions"].count == before + 1, "decision not stored"
            durations.append((t1 - t0) / 1e6)
        view.shutdown()
        context.close()
    durations.sort()
    p99 = durations[min(len(durations) - 1, int(round(0.99 * len(durations))) - 1)]
    print(f"{count} frappes : médiane {statistics.median(durations):.2f} ms, p99 {p99:.2f} ms, max {durations[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 400))
