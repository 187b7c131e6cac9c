"""The real start (gui/start.py): the home list is painted before the base is opened, the window offers
nothing that needs the base until it is open and checked, and a refused base ends the start with its error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.site.overview import epreuve_lines
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.db import StoreError
from cqp_desktop.gui.application import MainWindow
from cqp_desktop.gui.start import run_site


def _demo(folder: Path) -> list[int]:
    context = AppContext.open(folder, demo=True)
    ids = [line.id for line in epreuve_lines(context.store)]
    context.close()
    return ids


def test_the_list_is_painted_first_then_the_base_is_opened(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _demo(tmp_path)
    seen: dict[str, Any] = {}

    def painted(window: MainWindow) -> None:
        seen["at paint"] = (
            window.ready, window.statusBar().currentMessage(), [line.id for line in window.home.model.lines],
            [b.isEnabled() for b in window.home.buttons], [a.isEnabled() for a in window.base_actions],
        )
        plans: list[bool] = []
        window.home.plan_requested.connect(lambda: plans.append(True))
        window.home._emit_plan()  # Ctrl+N before the base is open: nothing is asked of it
        seen["plans before"] = list(plans)

        def when_open() -> None:
            if not window.ready:
                QTimer.singleShot(10, when_open)
                return
            seen["opened"] = (
                window.statusBar().currentMessage(), [line.id for line in window.home.model.lines],
                all(b.isEnabled() for b in window.home.buttons), all(a.isEnabled() for a in window.base_actions),
                window.home.notice.text(),
            )
            window.home._emit_plan()
            seen["plans after"] = list(plans)
            if window.dialog is not None:
                window.dialog.close()
            window.close()
            QApplication.quit()

        QTimer.singleShot(0, when_open)

    assert run_site(tmp_path, painted=painted) == 0
    ready, status, shown, buttons, actions = seen["at paint"]
    assert not ready and status == "Vérification de la base…"
    assert shown == ids  # the preview is the list
    assert not any(buttons) and not any(actions)
    assert seen["plans before"] == []
    status, shown, buttons, actions, notice = seen["opened"]
    assert status.startswith("Données : ") and shown == ids and buttons and actions
    assert "Critères indicatifs" in notice
    assert seen["plans after"] == [True]
    assert backup.list_backups(tmp_path), "the day's backup is taken once the base is open"


def test_a_window_closed_at_once_still_has_its_base_checked_and_backed_up(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _demo(tmp_path)

    def painted(window: MainWindow) -> None:
        window.close()
        QApplication.quit()  # before the opening had its turn

    assert run_site(tmp_path, painted=painted) == 0
    assert backup.list_backups(tmp_path)


def test_a_refused_base_ends_the_start_with_its_error(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths.database_path(paths.data_dir(tmp_path)).write_bytes(b"\x00garbage" * 1000)
    windows: list[MainWindow] = []
    with pytest.raises(StoreError, match="n'est pas une base cqp-desktop lisible"):
        run_site(tmp_path, painted=windows.append)
    assert windows and not windows[0].isVisible() and not windows[0].ready
