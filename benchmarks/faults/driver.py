"""Child process of the kill harness: the real app driven through its widgets, one line per action.

`python -m benchmarks.faults.driver DATA_DIR EPREUVE_ID SEED [INTERVAL_MS]`

It starts an offscreen QApplication, the real MainWindow on the real database file, opens the épreuve
(which recovers a clock left running by a killed predecessor), prints

    READY <total_elapsed_ms> <state> <phase_index> <decision_rows> <clock_events>

then performs seeded random actions through the widgets (V/N/O key clicks on the checklist, the
Annuler button, the clock buttons). Before an action it prints `DO <kind> <args>`; once the UI shows the
action as done it prints `ACK <kind> <args> | <total_elapsed_ms> <state> <phase_index> <decision_rows>
<clock_events>`. Every 50 ms it prints `T <total_elapsed_ms> <state> <phase_index>`. Lines are flushed,
so whatever the harness read before a SIGKILL was really acknowledged by the UI. The harness kills it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

CLOCK_KINDS = ("start", "pause", "resume", "phase", "end", "count", "recovered")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cqp_desktop.app_context import AppContext
    from cqp_desktop.core.model.rules import Decision
    from cqp_desktop.core.site.clock import ClockState
    from cqp_desktop.gui.application import MainWindow
    from cqp_desktop.gui.style import DECISION_TEXT

    data_dir, epreuve_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    interval_ms = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    rng = random.Random(seed)
    app = QApplication(sys.argv[:1])
    context = AppContext.open(data_dir)
    window = MainWindow(context, today=dt.date(2026, 12, 2))  # the épreuve's planned day (kill.py)
    window.show()
    view = window.open_epreuve(epreuve_id)
    runner, store = view.runner, context.store
    criteria = [c.key for c in runner.bloc.criteria()]
    keys = {Decision.VALIDE: Qt.Key.Key_V, Decision.NON_VALIDE: Qt.Key.Key_N, Decision.NON_OBSERVE: Qt.Key.Key_O}
    marks = ",".join("?" for _ in CLOCK_KINDS)

    def status() -> str:
        r = runner.reading()
        rows = store.connection().execute("SELECT count(*) FROM decisions WHERE epreuve_id = ?", [epreuve_id]).fetchone()[0]
        events = store.connection().execute(
            f"SELECT count(*) FROM timer_events WHERE epreuve_id = ? AND kind IN ({marks})", [epreuve_id, *CLOCK_KINDS]
        ).fetchone()[0]
        return f"{r.total_elapsed_ms} {r.state.value} {r.phase_index} {rows} {events}"

    def say(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    say(f"READY {status()}")

    def heartbeat() -> None:
        r = runner.reading()
        say(f"T {r.total_elapsed_ms} {r.state.value} {r.phase_index}")

    def click(button) -> None:  # type: ignore[no-untyped-def]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def act() -> None:
        state = runner.reading().state
        roll = rng.random()
        clock = view.clock
        if state in (ClockState.NOT_STARTED, ClockState.PAUSED) and roll < 0.5:
            kind = "start" if state == ClockState.NOT_STARTED else "resume"
            say(f"DO {kind}")
            click(clock.start_button)
            if runner.reading().state == ClockState.RUNNING and not clock.start_button.isEnabled():
                say(f"ACK {kind} | {status()}")
        elif state == ClockState.RUNNING and roll < 0.004:
            say("DO pause")
            click(clock.pause_button)  # asks for the reason: pick one, Entrée
            if clock.pending is not None and clock.pending.isVisible():
                clock.pending.reasons.setCurrentRow(rng.randrange(clock.pending.reasons.count()))
                QTest.keyClick(clock.pending, Qt.Key.Key_Return)
            if runner.reading().state == ClockState.PAUSED:
                say(f"ACK pause | {status()}")
        elif state in (ClockState.RUNNING, ClockState.PAUSED) and roll < 0.006 and not runner.reading().is_last_phase:
            before = runner.reading().phase_index
            say("DO phase")
            click(clock.next_button)
            if clock.pending is not None and clock.pending.isVisible():  # time not up: confirm
                QTest.keyClick(clock.pending, Qt.Key.Key_Return)
            if runner.reading().phase_index == before + 1:
                say(f"ACK phase | {status()}")
        elif roll < 0.10:
            say("DO undo")
            click(view.checklist.undo_button)
            current = view.checklist.current_criterion()
            if current is not None:
                shown = view.checklist.items[current].text(1)
                value = runner.decision(current)
                if shown == DECISION_TEXT[value]:
                    say(f"ACK undo {current} {value.value} | {status()}")
        else:
            criterion = rng.choice(criteria)
            decision = rng.choice(list(keys))
            view.checklist.tree.setCurrentItem(view.checklist.items[criterion])
            say(f"DO decision {criterion} {decision.value}")
            QTest.keyClick(view.checklist.tree, keys[decision])
            # the write is synchronous: once keyClick returns, the row shows the stored value
            if view.checklist.items[criterion].text(1) == DECISION_TEXT[decision] and runner.decision(criterion) == decision:
                say(f"ACK decision {criterion} {decision.value} | {status()}")
        QTimer.singleShot(rng.randint(0, interval_ms), act)

    beat = QTimer()
    beat.setInterval(50)
    beat.timeout.connect(heartbeat)
    beat.start()
    QTimer.singleShot(0, act)
    app.exec()


if __name__ == "__main__":
    main()
