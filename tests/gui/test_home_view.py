"""The main window opens on the demo database and lists its épreuves with their state."""

from __future__ import annotations

from pathlib import Path

from cqp_desktop.app_context import AppContext
from cqp_desktop.gui.application import MainWindow


def test_main_window_lists_demo_epreuves(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(tmp_path, demo=True)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    model = window.home.table.model()
    assert model.rowCount() == context.store.connection()["epreuves"].count == 9
    candidates = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "MARTIN Léa" in candidates
    states = {model.index(r, 6).data() for r in range(model.rowCount())}
    assert states == {"○ à venir"}
    assert "Critères indicatifs" in window.home.notice.text()
    context.close()


def test_demo_is_created_once(tmp_path: Path) -> None:
    AppContext.open(tmp_path, demo=True).close()
    context = AppContext.open(tmp_path, demo=True)
    assert context.store.connection()["candidates"].count == 6
    context.close()
