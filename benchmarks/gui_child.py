"""Child process for the GUI benchmarks (a fresh process each, so RSS and imports are not shared).

`python -m benchmarks.gui_child decisions DATA_DIR N` — N decisions through the real checklist widget
    (QTest key clicks in an offscreen QApplication), each timed from the keystroke to its committed row,
    then N bare sqlite-utils single-row insert+commit (same pragmas, same folder); prints JSON.
`python -m benchmarks.gui_child rss-app DATA_DIR` — a full GDU épreuve through the real widgets, then
    prints its peak RSS (VmHWM) and ru_maxrss (kB).
`python -m benchmarks.gui_child rss-bare` — a bare QMainWindow shown; prints VmHWM and ru_maxrss (kB).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import time
from pathlib import Path


def peak_rss_kb() -> tuple[int, int]:
    """(VmHWM, ru_maxrss) in kB. On Linux ru_maxrss survives fork+exec: a child spawned by a big parent
    reports the parent's peak. VmHWM belongs to the new address space, so it is this program's own peak."""
    hwm = 0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return hwm, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _world(data_dir: str):  # type: ignore[no-untyped-def]
    """The real app on DATA_DIR with a GDU épreuve (CQP GC) whose jury is composed; returns (context, épreuve)."""
    from cqp_desktop.app_context import AppContext

    context = AppContext.open(data_dir)
    store = context.store
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    caisse = store.add_organisme("CPAM-A", "CPAM de Brocéliande", "caisse", "Maladie")
    other = store.add_organisme("CPAM-B", "CPAM du Val-de-Loue", "caisse", "Maladie")
    president = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", other, "expert", "Maladie", "2025-01-20")
    candidate = store.add_candidate("Petit", "Hugo", caisse, "GC", "formation", True)
    epreuve = store.plan_epreuve(candidate, store.active_referentiel(), "GDU", "2026-12-02",
                                 president_id=president, expert_id=expert)
    return context, epreuve


def _only_changed_refresh() -> None:
    """Simulated fix (from here, nothing in the app changes): the checklist redraws only what changed —
    a text, a colour or the result's style sheet is set only when its value differs from the last one
    set. `setStyleSheet` re-polishes the label and every `setText` repaints a row, even when equal."""
    from PySide6.QtGui import QBrush, QColor

    from cqp_desktop.gui import checklist_view as cv
    from cqp_desktop.gui import style

    def refresh(self) -> None:  # type: ignore[no-untyped-def]
        shown = self.__dict__.setdefault("_shown", {})

        def put(key, value, apply) -> None:  # type: ignore[no-untyped-def]
            if shown.get(key) != value:
                shown[key] = value
                apply(value)

        result = self.runner.result()
        by_key = {c.key: c for c in result.competences}
        for competence in self.runner.bloc.competences:
            res = by_key[competence.key]
            item = self.items[competence.key]
            status = self.tr("acquise") if res.acquired else self.tr("non acquise")
            put((competence.key, "text"), self.tr("{status} {v}/{t}").format(status=status, v=res.validated, t=res.total),
                lambda v, item=item: item.setText(1, v))
            put((competence.key, "tip"), res.explanation(), lambda v, item=item: item.setToolTip(1, v))
            put((competence.key, "colour"), style.TEXT_GOOD if res.acquired else style.TEXT_BAD,
                lambda v, item=item: item.setForeground(1, QBrush(QColor(v))))
            for criterion in competence.criteria:
                decision = self.runner.decision(criterion.key)
                child = self.items[criterion.key]
                put((criterion.key, "text"), cv.DECISION_TEXT[decision], lambda v, child=child: child.setText(1, v))
                put((criterion.key, "colour"), cv.DECISION_COLOUR[decision],
                    lambda v, child=child: child.setForeground(1, QBrush(QColor(v))))
        missing = [c.explanation() for c in result.missing_competences]
        text = result.summary() + "."
        if missing:
            text += "\n" + self.tr("Manque : ") + " · ".join(missing)
        put("result", text, self.result.setText)
        put("css", style.box_css(style.OK if result.validated else style.NOTICE, size_pt=11, compact=True), self.result.setStyleSheet)

    cv.ChecklistView.refresh = refresh


def decisions(data_dir: str, n: int, fixed: bool = False) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cqp_desktop.core.model.rules import Decision
    from cqp_desktop.core.storage.db import connect
    from cqp_desktop.gui.application import MainWindow
    from cqp_desktop.gui.style import DECISION_TEXT

    app = QApplication(sys.argv[:1])
    if fixed:
        _only_changed_refresh()
    context, epreuve = _world(data_dir)
    window = MainWindow(context, today=dt.date(2026, 12, 2))  # the épreuve's planned day
    window.show()
    view = window.open_epreuve(epreuve)
    QTest.mouseClick(view.clock.start_button, Qt.MouseButton.LeftButton)
    app.processEvents()
    tree, items, runner = view.checklist.tree, view.checklist.items, view.runner
    keys = [c.key for c in runner.bloc.criteria()]
    cycle = [(Decision.VALIDE, Qt.Key.Key_V), (Decision.NON_VALIDE, Qt.Key.Key_N), (Decision.NON_OBSERVE, Qt.Key.Key_O)]
    count = context.store.connection().execute
    gui = []
    for i in range(n):
        criterion = keys[i % len(keys)]
        current = runner.decision(criterion)
        decision, key = next(c for c in cycle[(i // len(keys)) % 3:] + cycle if c[0] != current)
        tree.setCurrentItem(items[criterion])
        before = count("SELECT count(*) FROM decisions WHERE epreuve_id = ?", [epreuve]).fetchone()[0]
        start = time.perf_counter()
        QTest.keyClick(tree, key)
        gui.append(time.perf_counter() - start)
        after = count("SELECT count(*) FROM decisions WHERE epreuve_id = ?", [epreuve]).fetchone()[0]
        if after != before + 1 or items[criterion].text(1) != DECISION_TEXT[decision]:
            raise SystemExit(f"décision {i} non enregistrée ou non affichée")
        if i % 50 == 0:
            app.processEvents()  # let the 200 ms clock refresh and repaints happen, as in real use
    window.close()
    context.close()
    bare_db = connect(Path(data_dir) / "bare.sqlite3")
    bare_db["t"].create({"id": int, "epreuve_id": int, "criterion": str, "decision": str, "wall_time": str}, pk="id")
    bare = []
    for i in range(n):
        start = time.perf_counter()
        with bare_db.atomic():
            bare_db["t"].insert({"epreuve_id": 1, "criterion": keys[i % len(keys)], "decision": "valide", "wall_time": "x"})
        bare.append(time.perf_counter() - start)
    print(json.dumps({"gui": gui, "bare": bare}))


def rss_app(data_dir: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cqp_desktop.gui.application import MainWindow

    app = QApplication(sys.argv[:1])
    context, epreuve = _world(data_dir)
    window = MainWindow(context, today=dt.date(2026, 12, 2))  # the épreuve's planned day
    window.show()
    view = window.open_epreuve(epreuve)
    click = lambda b: QTest.mouseClick(b, Qt.MouseButton.LeftButton)  # noqa: E731
    click(view.clock.start_button)
    tree = view.checklist.tree
    first = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(first)
    criteria = list(view.runner.bloc.criteria())
    for i, _ in enumerate(criteria[:18]):
        QTest.keyClick(tree, Qt.Key.Key_V if i % 5 else Qt.Key.Key_N)
        app.processEvents()
    view.checklist.note.setPlainText("Instruction rigoureuse, vérifie chaque pièce.")
    view.checklist.save_pending_note()
    click(view.clock.pause_button)
    QTest.keyClick(view.clock.pending, Qt.Key.Key_Return)  # the first reason of the list
    click(view.clock.start_button)
    click(view.clock.next_button)  # entretien: the gaps (asks first: the phase's time is not up)
    QTest.keyClick(view.clock.pending, Qt.Key.Key_Return)
    app.processEvents()
    for _ in criteria[18:]:
        QTest.keyClick(tree, Qt.Key.Key_V)
        app.processEvents()
    click(view.clock.next_button)  # end of the épreuve (asks first)
    QTest.keyClick(view.clock.pending, Qt.Key.Key_Return)
    window.show_home()
    for _ in range(5):
        app.processEvents()
        window.grab()
    assert view.runner.ended, "épreuve non terminée"
    print(*peak_rss_kb())
    window.close()
    context.close()


def rss_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
        window.grab()
    print(*peak_rss_kb())


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode in ("decisions", "decisions-fixed"):
        decisions(sys.argv[2], int(sys.argv[3]), fixed=mode == "decisions-fixed")
    elif mode == "rss-app":
        rss_app(sys.argv[2])
    elif mode == "rss-bare":
        rss_bare()
    else:
        raise SystemExit(f"mode inconnu : {mode}")


if __name__ == "__main__":
    main()
