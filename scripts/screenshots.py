"""Render every main screen of the jury app to PNG under docs/screenshots/ (offscreen, demo data).

Run with `make screenshots`. A fake monotonic clock drives the runner, so the pictures show real
states (a running observation, an overrun, the interview gaps) without waiting.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from offscreen_laptop import OUT, grab, pretend_laptop_screen

pretend_laptop_screen("screenshots")  # before Qt loads

from PySide6.QtCore import QDate  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.calendar import load_calendar  # noqa: E402
from cqp_desktop.core.model.rules import Decision  # noqa: E402
from cqp_desktop.gui import translations  # noqa: E402
from cqp_desktop.gui.application import MainWindow, create_application  # noqa: E402
from tests.core.runner_fixtures import FakeMono  # noqa: E402

SIZE = (1366, 768)




def epreuve_id(context: AppContext, last_name: str, bloc: str) -> int:
    row = context.store.connection().execute(
        "SELECT e.id FROM epreuves e JOIN candidates c ON c.id = e.candidate_id WHERE c.last_name = ? AND e.bloc = ?",
        [last_name, bloc],
    ).fetchone()
    return int(row[0])


def passerelle(context: AppContext, today) -> None:  # type: ignore[no-untyped-def]
    """A COS candidate who validated GRU and MDR, then aims at the GC: only GDU is left (dossier picture)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from cqp_desktop.core.endtoend.demo import DEMO_PASSPHRASE
    from cqp_desktop.core.site import avis, people
    from cqp_desktop.core.site.people import CandidateInput
    from cqp_desktop.core.site.planning import PlanRequest, plan
    from cqp_desktop.core.site.runner import EpreuveRunner

    store, ref = context.store, context.referentiel
    org = store.connection().execute("SELECT id FROM organismes WHERE code = 'CPAM-BRC'").fetchone()[0]
    president = store.connection().execute("SELECT id FROM jury_members WHERE last_name = 'Delorme'").fetchone()[0]
    expert = store.connection().execute("SELECT id FROM jury_members WHERE last_name = 'Nguyen'").fetchone()[0]
    data = CandidateInput("Lemoine", "Sarah", org, "COS", "formation", True, "2025-11-14", "Responsable formation, CPAM de Brocéliande")
    sarah = people.add_candidate(store, data)
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(buffer.data())
    mono = FakeMono(10**12)
    for bloc, alternative in (("GRU", "accueil_physique"), ("MDR", None)):
        epreuve = plan(store, ref, PlanRequest(sarah, bloc, today, alternative=alternative))
        store.connection().execute("UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?", [president, expert, epreuve])
        runner = EpreuveRunner(store, epreuve, now_ns=mono)
        runner.start()
        for phase in runner.phases:
            if phase.count_min is not None:
                runner.set_count(3)
            if phase.presentation:
                runner.set_presented("MDR.C7", True)
                runner.set_presented("MDR.C10", True)
            mono.advance(phase.seconds)
            runner.next_phase()
        for criterion in runner.bloc.criteria():
            runner.set_decision(criterion.key, Decision.VALIDE)
        avis.sign_avis(store, avis.draft_avis(store, epreuve, True), president, DEMO_PASSPHRASE, png)
    people.update_candidate(store, sarah, CandidateInput(**{**data.__dict__, "cqp": "GC"}))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    app.setStyle("Fusion")
    translations.install(app, "fr")  # as the app does: Qt's own buttons in French
    with tempfile.TemporaryDirectory() as folder:
        import datetime as dt

        today = load_calendar().next_session_start(dt.date(2026, 11, 27)) + dt.timedelta(days=1)
        context = AppContext.open(folder, demo=False)
        from cqp_desktop.core.endtoend import demo

        demo.populate(context.store, context.referentiel, today=today)
        mono = FakeMono(10**12)
        window = MainWindow(context, now_ns=mono, today=today)
        window.resize(*SIZE)
        window.show()


        martin = context.store.connection().execute("SELECT id FROM candidates WHERE last_name = 'Martin'").fetchone()[0]

        dialog = window.plan_epreuve(martin)
        dialog.bloc.setCurrentIndex(dialog.bloc.findData("TD"))
        dialog.date.setDate(QDate(today.year, today.month, 20))
        grab(dialog, "03-planification")
        dialog.close()

        gru = epreuve_id(context, "Martin", "GRU")
        lambert = context.store.connection().execute("SELECT id FROM jury_members WHERE last_name = 'Lambert'").fetchone()[0]
        jury = window.compose_jury(gru)
        jury.select(jury.president.currentData(), lambert)
        jury.submit()
        grab(jury, "04-jury-refuse")
        jury.close()

        view = window.open_epreuve(gru)
        view.clock.start_or_resume()
        mono.advance(11 * 60 + 18)
        runner = view.runner
        keys = [c.key for c in runner.bloc.criteria()]
        for key, decision in zip(keys[:12], "VVVVVVVVNVVV"):
            runner.set_decision(key, Decision.VALIDE if decision == "V" else Decision.NON_VALIDE)
        view.checklist.tree.setCurrentItem(view.checklist.items[keys[12]])
        view.checklist.note.setPlainText("Reformule bien la demande ; vérifie la compréhension de l'assuré.")
        view.checklist.save_pending_note()
        view.clock.refresh()
        grab(window, "05-epreuve-observation")

        view.clock.pause("Appel coupé par l'usager")
        mono.advance(90)
        view.clock.refresh()
        grab(window, "06-epreuve-pause")
        view.clock.start_or_resume()
        mono.advance(20 * 60 + 55)
        view.clock.refresh()
        grab(window, "07-epreuve-depassement")

        view.clock.next_phase(confirmed=True)
        view.clock.count.setValue(3)
        mono.advance(19 * 60)
        view.clock.next_phase(confirmed=True)
        mono.advance(4 * 60 + 10)
        view.clock.refresh()
        grab(window, "08-entretien-a-aborder")
        for key in keys:
            if runner.decision(key) == Decision.NON_OBSERVE:
                runner.set_decision(key, Decision.VALIDE)
        view.clock.next_phase(confirmed=True)

        from PySide6.QtCore import QPointF

        avis = window.show_avis(gru)
        avis.preconisations_edit.setPlainText(
            "Reprendre la double écoute avec le tuteur sur les situations difficiles ; "
            "travailler la reformulation et la traçabilité des échanges."
        )
        canvas = avis.pad.canvas
        canvas.begin_stroke(QPointF(30, 120))
        for i in range(1, 40):
            canvas.extend_stroke(QPointF(30 + 12 * i, 120 - 40 * ((i % 6) / 6) + 10 * (i % 2)))
        canvas.end_stroke()
        avis.passphrase_edit.setText("demo-jury-2026")
        grab(avis, "12-avis-signature")
        avis.sign_button.click()
        QApplication.processEvents()
        grab(window, "13-epreuve-signee")
        window.show_dossier(martin)
        grab(window, "02-dossier")

        people = window.show_people()
        grab(people, "14-candidats-jury")
        people.close()
        identities = window.show_identities()
        identities.resize(1180, 680)
        identities.select_member(lambert)
        identities.new_pass.setText("demo-jury-2026")  # a renewal: the request waits for the Ucanss
        identities.new_confirm.setText("demo-jury-2026")
        identities.ask_save_path = lambda suggested: str(Path(folder) / suggested)
        identities.create_key()
        grab(identities, "15-identites-signature")
        identities.close()
        export = window.show_session_export()
        grab(export, "16-export-session")
        export.close()

        mdr = epreuve_id(context, "Fontaine", "MDR")
        view = window.open_epreuve(mdr)
        view.clock.start_or_resume()
        view.presentation.boxes["MDR.C8"].setChecked(True)
        mono.advance(6 * 60 + 40)
        view.clock.refresh()
        grab(window, "09-mdr-presentation")

        gdu_vae = epreuve_id(context, "Garnier", "GDU")
        view = window.open_epreuve(gdu_vae)
        view.livret.fill(1, "Ouverture de droits avec pièces manquantes", "Relance de l'assurée, instruction puis notification motivée.", ["GDU.C12", "GDU.C13"])
        view.livret.save(1)
        grab(window, "10-vae-livret2")

        pre = epreuve_id(context, "Chevalier", "GRU")
        view = window.open_epreuve(pre)
        grab(window, "11-pre-positionnement")

        passerelle(context, today)
        window.show_dossier(context.store.connection().execute("SELECT id FROM candidates WHERE last_name = 'Lemoine'").fetchone()[0])
        grab(window, "17-dossier-passerelle")

        martin_mdr = window.open_epreuve(epreuve_id(context, "Martin", "MDR"))
        martin_mdr.clock.start_or_resume()
        mono.advance(5 * 60)
        martin_mdr.clock.pause("Incident technique")
        window.show_home()
        grab(window, "01-accueil")  # last: the list then shows terminée, en cours, interrompue, à venir

        window.shutdown()
        window.close()
        context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
