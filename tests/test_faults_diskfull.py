"""Disk full or read-only base at GUI level: a write that fails in the runner (decision, clock, note) is
shown as failed — never as saved — and the app keeps running; once space is back the same action is saved.

The disk is made "full" the way SQLite sees it: `PRAGMA max_page_count` at the current size, so the
next write fails with SQLITE_FULL inside the real Store transaction (core raises WriteFailed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.core.storage.errors import WriteFailed
from cqp_desktop.gui.application import MainWindow
from cqp_desktop.gui.runner_view import RunnerView
from cqp_desktop.gui.style import DECISION_TEXT
from tests.core.runner_fixtures import FakeMono, make_world
from tests.gui.conftest import keys_to

FULL = "disque est plein"


class Disk:
    """Fills the 'disk' with rows of the same kind on another épreuve, until SQLite refuses one more:
    the table's last page is then full, so the next row of that kind needs a page the disk lacks."""

    def __init__(self, context: AppContext, filler_epreuve: int):
        self.store = context.store
        self.db = context.store.connection()
        self.filler = filler_epreuve

    def fill(self, kind: str) -> None:
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages}")
        write = {
            "decision": lambda i: self.store.record_decision(self.filler, "TD.C15.1", [Decision.VALIDE, Decision.NON_VALIDE][i % 2]),
            "timer": lambda i: self.store.add_timer_event(self.filler, "count", mono_ns=i, elapsed_ms=0, phase="observation", value=i),
            "note": lambda i: self.store.add_note(self.filler, f"remplissage {i}", competence="TD.C15"),
        }[kind]
        for i in range(100_000):
            try:
                write(i)
            except WriteFailed:
                return
        raise AssertionError("le disque simulé ne se remplit pas")

    def free(self) -> None:
        self.db.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def running(tmp_path, qtbot) -> Iterator[tuple[MainWindow, RunnerView, Disk, FakeMono]]:  # type: ignore[no-untyped-def]
    context = AppContext.open(tmp_path)
    world = make_world(context.store)
    store = context.store
    epreuve = store.plan_epreuve(world.cos_formation, store.active_referentiel(), "TD", "2026-12-02",
                                 president_id=world.president, expert_id=world.expert_ok)
    filler = store.plan_epreuve(world.cos_no_premss, store.active_referentiel(), "TD", "2026-12-03")
    mono = FakeMono()
    window = MainWindow(context, now_ns=mono, today=dt.date(2026, 12, 2))  # closed below, after the disk is freed (not by qtbot)
    window.show()
    view = window.open_epreuve(epreuve)
    qtbot.mouseClick(view.clock.start_button, Qt.MouseButton.LeftButton)
    assert view.runner.reading().state == ClockState.RUNNING
    disk = Disk(context, filler)
    yield window, view, disk, mono
    disk.free()  # a failed assertion must not leave the closing window on a full disk
    window.close()
    context.close()


def test_a_decision_that_cannot_be_written_is_not_shown_as_saved(running, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view, disk, _ = running
    store = view.runner.store
    criterion = view.checklist.current_criterion()
    rows = len(store.decision_rows(view.runner.epreuve_id))
    disk.fill("decision")
    qtbot.keyClick(view.checklist.tree, Qt.Key.Key_V)
    assert view.checklist.items[criterion].text(1) == DECISION_TEXT[Decision.NON_OBSERVE]  # not shown as saved
    assert view.runner.decision(criterion) == Decision.NON_OBSERVE
    assert len(store.decision_rows(view.runner.epreuve_id)) == rows
    assert FULL in view.checklist.message.text() and view.checklist.message.isVisible()
    assert view.checklist.current_criterion() == criterion  # the jury stays on the criterion to retry
    disk.free()
    qtbot.keyClick(view.checklist.tree, Qt.Key.Key_V)  # the app kept running: the retry is saved
    assert view.checklist.items[criterion].text(1) == DECISION_TEXT[Decision.VALIDE]
    assert store.current_decisions(view.runner.epreuve_id)[criterion] == Decision.VALIDE
    assert window.isVisible()


def test_a_pause_that_cannot_be_written_leaves_the_clock_running(running, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view, disk, mono = running
    mono.advance(30)
    disk.fill("timer")
    qtbot.mouseClick(view.clock.pause_button, Qt.MouseButton.LeftButton)
    keys_to(view.clock.pending, Qt.Key.Key_Return)  # the reason: first of the list
    assert view.runner.reading().state == ClockState.RUNNING  # the clock shows only what is stored
    assert FULL in view.clock.message.text()
    disk.free()
    qtbot.mouseClick(view.clock.pause_button, Qt.MouseButton.LeftButton)
    keys_to(view.clock.pending, Qt.Key.Key_Return)
    assert view.runner.reading().state == ClockState.PAUSED
    assert window.isVisible()


def test_a_note_that_cannot_be_written_says_so(running, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view, disk, _ = running
    view.checklist.note.setPlainText("Vérifie chaque pièce avant de saisir")
    disk.fill("note")
    view.checklist.save_pending_note()
    assert view.checklist.note_status.text() != "Note enregistrée."
    assert FULL in view.checklist.message.text()
    assert view.runner.store.current_notes(view.runner.epreuve_id) == {}
    assert view.runner.note("TD.C15") == ""
    disk.free()
    view.checklist.save_pending_note()
    assert view.checklist.note_status.text() == "Note enregistrée."


def test_closing_the_app_on_a_full_disk_does_not_crash(running, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Closing pauses running clocks (with a reason): on a full disk that pause cannot be stored; the
    window must still close (the recovery at the next start covers the running clock)."""
    window, view, disk, mono = running
    mono.advance(30)
    disk.fill("timer")
    window.close()  # an exception escaping closeEvent fails this test (pytest-qt captures it)
    assert not window.isVisible()


def test_a_read_only_base_refuses_the_decision_in_french_and_the_app_goes_on(running, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Read-only data folder (e.g. a USB key write-protected mid-session): SQLite refuses every write."""
    window, view, disk, _ = running
    criterion = view.checklist.current_criterion()
    disk.db.execute("PRAGMA query_only = ON")
    try:
        qtbot.keyClick(view.checklist.tree, Qt.Key.Key_N)
        assert view.checklist.items[criterion].text(1) == DECISION_TEXT[Decision.NON_OBSERVE]
        assert "lecture seule" in view.checklist.message.text()
        assert view.runner.store.current_decisions(view.runner.epreuve_id) == {}
    finally:
        disk.db.execute("PRAGMA query_only = OFF")
    qtbot.keyClick(view.checklist.tree, Qt.Key.Key_N)
    assert view.checklist.items[criterion].text(1) == DECISION_TEXT[Decision.NON_VALIDE]
    assert window.isVisible()
