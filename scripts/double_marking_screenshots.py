"""Render the double-correction screens to docs/screenshots/ (offscreen, demo data): the grid with
« Marque : Président(e) / Expert(e) », the reconciliation and the avis with the agreement.

Run with `make screenshots` (or alone: QT_QPA_PLATFORM=offscreen python scripts/double_marking_screenshots.py).
`--size 1280x720` renders at the smaller laptop size to check the fit.
"""

from __future__ import annotations

import sys
import tempfile

from offscreen_laptop import OUT, grab, pretend_laptop_screen

pretend_laptop_screen("double")  # before Qt loads

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.gui import translations
from cqp_desktop.gui.application import MainWindow, create_application
from tests.core.runner_fixtures import FakeMono


def main() -> int:
    size = (1366, 728)
    suffix = ""
    if "--size" in sys.argv:
        w, h = sys.argv[sys.argv.index("--size") + 1].split("x")
        size, suffix = (int(w), int(h)), f"-{w}x{h}"
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    app.setStyle("Fusion")
    translations.install(app, "fr")
    with tempfile.TemporaryDirectory() as folder:
        import datetime as dt

        from cqp_desktop.core.endtoend import demo
        from cqp_desktop.core.site.planning import PlanRequest, plan

        today = dt.date(2026, 12, 2)
        context = AppContext.open(folder, demo=False)
        demo.populate(context.store, context.referentiel, today=today)
        store, ref = context.store, context.referentiel
        org = store.connection().execute("SELECT id FROM organismes WHERE code = 'CPAM-BRC'").fetchone()[0]
        president = store.connection().execute("SELECT id FROM jury_members WHERE last_name = 'Delorme'").fetchone()[0]
        expert = store.connection().execute("SELECT id FROM jury_members WHERE last_name = 'Nguyen'").fetchone()[0]
        candidate = store.add_candidate("Lemoine", "Sarah", org, "COS", "formation", True)
        epreuve = plan(store, ref, PlanRequest(candidate, "GRU", today, alternative="accueil_physique"))
        store.connection().execute("UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?", [president, expert, epreuve])
        dm.set_double_marking(store, epreuve, True)
        window = MainWindow(context, now_ns=FakeMono(10**12), today=today)
        window.resize(*size)
        window.show()
        view = window.open_epreuve(epreuve)
        remise = window.write_marking_file("remise")
        grab(remise, f"45-double-correction-remise{suffix}")
        remise.close()
        criteria = [c.key for c in view.runner.bloc.criteria()]
        for key in criteria[:7]:
            view.runner.set_decision(key, Decision.VALIDE)
        view.checklist.select_criterion(criteria[7])
        grab(window, f"40-double-correction-president{suffix}")
        view.marker_bar.toggle()
        for key in criteria[:3]:
            view.runner.set_decision(key, Decision.NON_VALIDE if key == criteria[1] else Decision.VALIDE)
        view.checklist.select_criterion(criteria[3])
        grab(window, f"41-double-correction-expert{suffix}")
        for member, failing in ((president, (criteria[9], criteria[14])), (expert, (criteria[1], criteria[9]))):
            for key in criteria:
                dm.record(store, epreuve, member, key, Decision.NON_VALIDE if key in failing else Decision.VALIDE)
        dm.save_note(store, epreuve, president, "Reformule la demande après une relance.", competence="GRU.C1", criterion=None)
        dm.save_note(store, epreuve, expert, "Ne reformule pas spontanément.", competence="GRU.C1", criterion=None)
        dm.close(store, epreuve, president)
        dm.close(store, epreuve, expert)
        view.runner.reload_marks()
        view.marker_bar.refresh()
        view.open_reconciliation()
        dialog = view.reconciliation
        dialog.reason.setText("Reformulation observée après relance")
        grab(dialog, f"42-double-correction-conciliation{suffix}")
        dialog.decide(Decision.VALIDE)
        dialog.decide(Decision.NON_VALIDE)
        grab(dialog, f"43-double-correction-conciliation-complete{suffix}")
        dialog.close()
        from cqp_desktop.gui.avis_dialog import AvisDialog

        avis_dialog = AvisDialog(store, epreuve, parent=window)
        avis_dialog.show()
        grab(avis_dialog, f"44-double-correction-avis{suffix}")
        avis_dialog.close()
        window.close()
        context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
