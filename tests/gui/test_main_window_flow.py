"""From the main window: finish an épreuve, write and sign the avis (Ctrl+Maj+A), find it locked and saved."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from cqp_desktop.core.storage import backup
from cqp_desktop.gui.avis_dialog import AvisDialog
from cqp_desktop.gui.runner_view import RunnerView
from tests.gui.conftest import Env, answer
from tests.trust_helpers import certify

PASSPHRASE = "phrase secrète du jury"


def test_finish_sign_and_lock_from_the_main_window(env: Env) -> None:
    store = env.context.store
    certify(store, env.world.president, PASSPHRASE)
    ref = store.active_referentiel()
    epreuve = store.plan_epreuve(env.world.cos_formation, ref, "POS", "2026-12-02", alternative="accueil_physique",
                                 president_id=env.world.president, expert_id=env.world.expert_ok)
    env.window.show_home()
    env.window.home.select_epreuve(epreuve)
    early = env.window.avis_for_current()  # from home it opens, and lists what is still open
    assert isinstance(early, AvisDialog) and not early.sign_button.isEnabled()
    assert any("non observé" in reason for reason in early.blocking_reasons())
    early.close()
    view = env.window.open_epreuve(epreuve)
    assert not view.avis_button.isEnabled()  # not before the end
    assert env.window.show_avis(epreuve) is None
    assert "une fois l'épreuve terminée" in env.window.problem_box.text()  # said in a box, not only the status bar
    env.window.problem_box.close()
    env.qtbot.keyClick(view, Qt.Key.Key_F5)  # start
    for criterion in ref.bloc("POS").criteria():
        view.checklist.tree.setCurrentItem(view.checklist.items[criterion.key])
        env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_V)
    for _ in view.runner.phases:
        env.mono.advance(60)
        env.qtbot.keyClick(view, Qt.Key.Key_F8)
        answer(view.clock.pending)  # before the phase's time is up, and to end, F8 asks
    assert view.runner.ended and view.avis_button.isEnabled()

    env.qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = env.window.dialog
    assert isinstance(dialog, AvisDialog)
    canvas = dialog.pad.canvas
    canvas.begin_stroke(QPointF(20, 60))
    for i in range(1, 15):
        canvas.extend_stroke(QPointF(20 + 12 * i, 50 + (i % 3) * 12))
    canvas.end_stroke()
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.blocking_reasons() == [], dialog.blocking_reasons()
    before = len(backup.list_backups(env.context.data_dir))
    with env.qtbot.waitSignal(dialog.signed, timeout=10_000):
        dialog.sign_button.click()  # signed on a worker thread

    assert store.epreuve(epreuve)["locked_at"] is not None
    assert len(backup.list_backups(env.context.data_dir)) == before + 1  # finalisation backup
    reopened = env.window.stack.currentWidget()
    assert isinstance(reopened, RunnerView) and reopened is not view and reopened.runner.read_only
    assert "verrouillée" in env.window.statusBar().currentMessage()


def test_cancel_an_epreuve_from_the_home_list(env: Env) -> None:
    store = env.context.store
    epreuve = store.plan_epreuve(env.world.cos_formation, store.active_referentiel(), "MDR", "2026-12-02",
                                 president_id=env.world.president, expert_id=env.world.expert_ok)
    env.window.show_home()
    env.window.home.select_epreuve(epreuve)
    dialog = env.window.cancel_current()
    assert dialog is not None and dialog.textValue() == "Candidat absent"
    dialog.setTextValue("Candidat absent (convocation non reçue)")
    dialog.accept()
    assert store.cancellation(epreuve)["reason"] == "Candidat absent (convocation non reçue)"
    row = next(r for r in range(env.window.home.model.rowCount()) if env.window.home.model.lines[r].id == epreuve)
    assert "annulée" in env.window.home.model.index(row, 6).data()
    view = env.window.open_epreuve(epreuve)
    assert "ÉPREUVE ANNULÉE" in view.jury.text()
    assert not view.clock.start_button.isEnabled()


def test_home_banner_says_when_the_referentiel_is_past_its_validity(env: Env) -> None:
    ref = env.context.store.active_referentiel()
    notice = env.window._notice(ref)  # TODAY (2026-12-02) is after the référentiel's end (2026-07-08)
    assert "Critères indicatifs" in notice
    assert "Validité du référentiel : du 20/09/2021 au 08/07/2026, dépassée aujourd'hui" in notice
    env.window.today = ref.valid_from
    assert "Validité" not in env.window._notice(ref)


def test_the_blocs_of_a_vae_candidacy_share_the_interview_clock(env: Env) -> None:
    import datetime as dt

    from cqp_desktop.core.site.vae import plan_candidacy

    store = env.context.store
    day = env.window.today or dt.date.today()  # planned today: starting asks nothing
    gru, mdr, gdu = plan_candidacy(store, store.active_referentiel(), env.world.gc_vae, ["GRU", "MDR", "GDU"], day)
    for epreuve in (gru, mdr, gdu):
        store.connection().execute("UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?",
                         [env.world.president, env.world.expert_ok, epreuve])
    first = env.window.open_epreuve(mdr)
    env.qtbot.keyClick(first, Qt.Key.Key_F5)
    env.mono.advance(600)
    other = env.window.open_epreuve(gdu)
    assert other.runner.clock is first.runner.clock and other.runner.reading().elapsed_ms >= 599_000
    assert [e["kind"] for e in store.timer_events(gru)] == ["start"]  # no interruption recorded by switching bloc


def test_the_jury_dialog_refuses_a_president_from_the_candidates_caisse(env: Env) -> None:
    store = env.context.store
    employer = store.connection()["candidates"].get(env.world.cos_formation)["organisme_id"]
    own = store.add_jury_member("Brun", "Paul", employer, "president", None, "2025-03-12")
    epreuve = store.plan_epreuve(env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-02")
    dialog = env.window.compose_jury(epreuve)
    dialog.select(own, env.world.expert_ok)
    assert "ne peut jamais venir de l'employeur du candidat (lettre Ucanss du 20/09/2021, 4/D)" in dialog.check.text()
    dialog.submit()
    assert "Composition refusée" in dialog.check.text() and store.epreuve(epreuve)["president_id"] is None
    dialog.close()


def test_the_dossier_explains_the_vae_route_and_what_withholds_the_cqp(env: Env) -> None:
    env.window.show_dossier(env.world.gc_vae)
    status = env.window.dossier.status.text()
    assert "Voie VAE : livret 2 avec une à deux situations significatives par bloc, puis un seul entretien de 45 min" in status
    assert "CQP retenu : prérequis Pass et Prem&#x27;ss non attesté" in status or "CQP retenu : prérequis Pass et Prem'ss non attesté" in status
    assert "Identifiant candidat" in env.window.dossier.identity.text()
    assert "Passerelle : blocs communs valables aussi pour le CQP COS" not in status  # nothing held yet


def test_views_of_idle_epreuves_are_freed_and_a_running_clock_keeps_its_view(env: Env) -> None:
    """300 épreuves opened one after the other used to keep 300 views (543 MB); now only running clocks do."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    store = env.context.store
    ref = store.active_referentiel()
    planned = [
        store.plan_epreuve(env.world.cos_formation, ref, "POS", "2026-12-02", alternative="accueil_physique",
                           president_id=env.world.president, expert_id=env.world.expert_ok)
        for _ in range(4)
    ]
    running = env.window.open_epreuve(planned[0])
    env.qtbot.keyClick(running, Qt.Key.Key_F5)  # its clock runs
    watched = []
    for epreuve in planned[1:]:
        watched.append(env.window.open_epreuve(epreuve))
    env.window.show_home()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert list(env.window.runners) == [planned[0]]  # the running clock keeps its view
    assert not any(shiboken6.isValid(view) for view in watched)  # the others are destroyed, not just hidden
    assert env.window.open_epreuve(planned[0]) is running
