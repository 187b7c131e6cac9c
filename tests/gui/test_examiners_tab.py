"""The Ucanss window's « Examinateurs » tab over simulated national data: the table sorted from the most
severe to the most lenient member, the flagged ones named with their direction, the three charts, the
report and CSV written, and the window still fitting 1366×728."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.core.ucanss import examiner_simulation as es
from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national
from cqp_desktop.gui.ucanss_window import UcanssWindow
from tests.core.national_jury_fixtures import CALENDAR
from tests.trust_helpers import ucanss_folder


@pytest.fixture
def window(tmp_path: Path, qtbot) -> Iterator[tuple[UcanssWindow, es.Simulation]]:  # type: ignore[no-untyped-def]
    folder = ucanss_folder(tmp_path / "ucanss")
    db = open_national(folder / DB_FILENAME)
    sim = es.simulate(es.Scenario(seed=2026))
    es.fill(db, sim)
    w = UcanssWindow(db, folder, calendar=CALENDAR)
    qtbot.addWidget(w)
    w.show()
    yield w, sim
    w.close()
    db.close()


def _column(tab, c: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(r, c).text() for r in range(tab.table.rowCount())]


def test_examiners_tab_shows_flags_charts_and_writes_the_report(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w, sim = window
    tab = w.examiners_tab
    assert tab.analytics is None  # computed only when the tab is first shown
    w.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.analytics is not None, timeout=30_000)
    assert tab.table.rowCount() == 40
    assert "2000 épreuve(s), dont 2000 en double correction ; 40 membre(s) du jury, 40 estimable(s) ; 5 signalé(s)" in tab.summary.text()
    verdicts = _column(tab, 1)
    assert verdicts[:3] == ["plus sévère"] * 3 and verdicts[-2:] == ["plus indulgent"] * 2
    assert set(verdicts[3:-2]) == {"dans la norme"}
    names = _column(tab, 0)
    assert {names[i] for i in (0, 1, 2, 38, 39)} == {sim.names[m] for m in sim.biased}
    assert tab.table.item(0, 0).font().bold() and not tab.table.item(10, 0).font().bold()
    for key in ("severity", "agreement", "trend"):
        tab.chart_choice.setCurrentIndex(tab.chart_choice.findData(key))
        svg = tab.chart_svg()
        assert svg.startswith(b"<?xml") and tab.chart.renderer().isValid()
    assert b"Examinateur" in svg  # the trend names the flagged members
    assert tab.write("pdf", tmp_path / "analyse.pdf") and (tmp_path / "analyse.pdf").read_bytes().startswith(b"%PDF")
    assert tab.write("csv", tmp_path / "analyse.csv") and "Écrit" in tab.message.text()
    assert not tab.write("csv", tmp_path / "absent" / "analyse.csv") and "non écrit : dossier introuvable" in tab.message.text()
    # fits a 1366×728 laptop screen, chart and table side by side
    assert w.minimumSizeHint().width() <= 1366 and w.minimumSizeHint().height() <= 728
    w.resize(1366, 728)
    tab.chart_choice.setCurrentIndex(tab.chart_choice.findData("severity"))
    qtbot.wait(50)
    assert tab.chart.width() >= 320 and tab.table.width() >= 600
    w.grab().save(str(tmp_path / "onglet-examinateurs.png"))


def test_an_import_marks_the_tab_out_of_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window
    tab = w.examiners_tab
    w.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.analytics is not None and not tab.worker.running, timeout=30_000)
    w.tabs.setCurrentWidget(w.import_tab)
    w.import_tab.imported.emit()
    assert tab.stale
    w.tabs.setCurrentWidget(tab)
    assert not tab.stale and tab.worker.running and tab.busy_bar.isVisible()  # computed again, off the GUI thread
    assert not tab.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.worker.running, timeout=30_000)
    assert tab.refresh_button.isEnabled() and not tab.busy_bar.isVisible()
