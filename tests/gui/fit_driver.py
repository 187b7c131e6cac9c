"""Drives every window and dialog of the app on one pretended screen and reports what does not fit.

Run as a child process (the screen is fixed when the QApplication starts):
    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.gui.fit_driver OUT.json
It writes {state name: [problems]} to OUT.json. `tests/gui/test_screen_fit.py` runs it per screen size.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QWidget

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.endtoend import demo
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.gui import translations
from cqp_desktop.gui.application import MainWindow, create_application
from tests.core.runner_fixtures import FakeMono
from tests.gui.fit_check import fit_problems

TODAY = dt.date(2026, 12, 1)
SHOTS = Path(os.environ["FIT_SHOTS"]) if os.environ.get("FIT_SHOTS") else None


class Driver:
    def __init__(self, folder: str) -> None:
        self.report: dict[str, list[str]] = {}
        self.context = AppContext.open(folder)
        demo.populate(self.context.store, self.context.referentiel, today=TODAY)
        self.mono = FakeMono()
        self.window = MainWindow(self.context, now_ns=self.mono, today=TODAY)
        self.window.show()

    def check(self, name: str, widget: QWidget | None = None) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self.report[name] = fit_problems(widget or self.window)
        if SHOTS is not None:  # pictures to look at while fixing a layout
            target = widget or self.window
            slug = "".join(c if c.isalnum() else "-" for c in name)
            target.grab().save(str(SHOTS / f"{slug}.png"))

    def dialog(self, name: str, opener: Callable[[], QWidget | None], prepare: Callable[[QWidget], None] | None = None) -> None:
        dialog = opener()
        assert dialog is not None, name
        if prepare is not None:
            prepare(dialog)
        self.check(name, dialog)
        dialog.close()
        QApplication.processEvents()

    def epreuve(self, last_name: str, bloc: str) -> int:
        row = self.context.store.connection().execute(
            "SELECT e.id FROM epreuves e JOIN candidates c ON c.id = e.candidate_id WHERE c.last_name = ? AND e.bloc = ?",
            [last_name, bloc],
        ).fetchone()
        return int(row[0])

    def run_epreuve(self, last_name: str, bloc: str, tick_all: bool = False) -> int:
        """Open, start, overrun and end each phase of one épreuve, checking the screen at every step."""
        epreuve_id = self.epreuve(last_name, bloc)
        view = self.window.open_epreuve(epreuve_id)
        tag = f"runner {last_name} {bloc}"
        self.check(f"{tag}: not started")
        view.runner.start()
        self.check(f"{tag}: running")
        if tick_all:  # the questions the runner asks, once
            self.dialog("pause reason (F6)", lambda: view.clock.pause())
            self.dialog("phase end before time (F8)", lambda: view.clock.next_phase())
            self.dialog("quit during an épreuve (Ctrl+Q)", self.window.request_quit)
        view.runner.pause("Incident technique")
        self.check(f"{tag}: paused")
        view.runner.resume()
        while True:
            reading = view.runner.reading()
            self.mono.advance(reading.planned_ms / 1000 + 135)
            view.clock.refresh()
            self.check(f"{tag}: phase {reading.phase_index + 1} overrun")
            if reading.is_last_phase:
                break
            view.runner.next_phase()
            if view.clock.count.isVisible():
                view.clock.count.setValue(3)
            self.check(f"{tag}: phase {reading.phase_index + 2} begins")
        if tick_all:
            for criterion in view.runner.bloc.criteria():
                if view.runner.decision(criterion.key) == Decision.NON_OBSERVE:
                    view.runner.set_decision(criterion.key, Decision.VALIDE)
        view.runner.next_phase()
        assert view.runner.reading().state == ClockState.ENDED
        self.check(f"{tag}: ended")
        return epreuve_id

    def run_double(self) -> None:
        """An épreuve in double correction: the marker bar, the reconciliation, the hand-over file."""
        from cqp_desktop.core.site import double_marking as dm

        store = self.context.store
        model = store.epreuve(self.epreuve("Martin", "GRU"))
        epreuve_id = store.plan_epreuve(
            model["candidate_id"], store.epreuve_referentiel(model["id"]), "GRU", model["planned_date"],
            alternative=model["alternative"], president_id=model["president_id"], expert_id=model["expert_id"],
        )
        dm.set_double_marking(store, epreuve_id, True)
        view = self.window.open_epreuve(epreuve_id)
        self.check("runner double correction: président marks")
        view.marker_bar.toggle()
        self.check("runner double correction: expert marks")
        criteria = [c.key for c in view.runner.bloc.criteria()]
        for member, failing in ((model["president_id"], criteria[:1]), (model["expert_id"], criteria[1:3])):
            for key in criteria:
                dm.record(store, epreuve_id, member, key, Decision.NON_VALIDE if key in failing else Decision.VALIDE)
            dm.close(store, epreuve_id, member)
        view.runner.reload_marks()
        view.marker_bar.refresh()
        self.check("runner double correction: both closed")
        self.dialog("reconciliation", lambda: (view.open_reconciliation(), view.reconciliation)[1])
        self.dialog("hand-over file", lambda: self.window.write_marking_file("remise"))
        self.window.show_home()

    def run(self) -> dict[str, list[str]]:
        w = self.window
        self.check("home")
        martin = self.context.store.connection().execute("SELECT id FROM candidates WHERE last_name = 'Martin'").fetchone()[0]
        w.show_dossier(martin)
        self.check("dossier")
        w.show_home()
        self.dialog("planning", lambda: w.plan_epreuve(martin))
        self.dialog("jury", lambda: w.compose_jury(self.epreuve("Martin", "POS")))
        w.home.select_epreuve(self.epreuve("Petit", "GDU"))
        self.dialog("cancel", w.cancel_current)
        self.run_double()
        gru = self.run_epreuve("Martin", "GRU", tick_all=True)
        self.run_epreuve("Fontaine", "MDR")
        self.run_epreuve("Garnier", "GDU")
        self.run_epreuve("Roux", "TD")
        self.run_epreuve("Chevalier", "GRU")
        self.run_epreuve("Petit", "GRU")
        self.dialog("avis unsigned", lambda: w.show_avis(gru))
        self.dialog("problem box", lambda: w.problem("Motif de l'annulation obligatoire : saisissez pourquoi l'épreuve n'a pas lieu."))

        def sign(avis: QWidget) -> None:
            canvas = avis.pad.canvas  # type: ignore[attr-defined]
            canvas.begin_stroke(QPointF(30, 60))
            for i in range(1, 20):
                canvas.extend_stroke(QPointF(30 + 10 * i, 60 - 20 * (i % 2)))
            canvas.end_stroke()
            avis.passphrase_edit.setText(demo.DEMO_PASSPHRASE)  # type: ignore[attr-defined]
            avis.sign()  # type: ignore[attr-defined]
            while avis.worker.running:  # type: ignore[attr-defined]  # signed on a worker thread
                QApplication.processEvents()
            assert avis.avis is not None and avis.avis.signed, "the avis was not signed"  # type: ignore[attr-defined]

        self.dialog("avis signed", lambda: w.show_avis(gru), sign)
        self.dialog("avis reopened signed", lambda: w.show_avis(gru))
        w.open_epreuve(gru)
        self.check("runner Martin GRU: signed, read only")
        w.show_home()
        self.check("home after a day")
        people = w.show_people()
        for index in range(people.tabs.count()):  # type: ignore[attr-defined]
            people.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
            self.check(f"people tab {index}", people)
        people.close()
        self.dialog("identities", w.show_identities)
        self.dialog("export", w.show_session_export)
        self.dialog("settings", w.show_settings)
        self.dialog("settings backups", lambda: w.show_settings(backups=True))
        self.dialog("référentiel", w.show_referentiel)
        self.dialog("guide", w.show_help)
        self.dialog("shortcuts", w.show_shortcuts)
        self.dialog("about", w.show_about)
        from cqp_desktop.gui.recovery_dialog import RecoveryDialog

        self.dialog(
            "recovery",
            lambda: _shown(RecoveryDialog(self.context.data_dir, "fichier endommagé : « database disk image is malformed »")),
        )
        w.shutdown()
        w.close()
        self.context.close()
        return self.report


def _shown(dialog: QWidget) -> QWidget:
    dialog.show()
    return dialog


def main() -> int:
    out = Path(sys.argv[1])
    app = create_application([])
    app.setStyle("Fusion")
    translations.install(app, "fr")  # as run() does: Qt's own buttons in French
    with tempfile.TemporaryDirectory() as folder:
        report = Driver(folder).run()
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
