"""Whole épreuves driven through the real widgets: plan, jury (with a refused conflict), every phase
with a pause and an overrun, criteria ticked from the keyboard, undo, and the rules engine's result."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from cqp_desktop.core.model.rules import Decision, evaluate
from cqp_desktop.gui.runner_view import RunnerView
from tests.gui.conftest import Env, answer, keys_to, pause_with

KEY = {"V": Qt.Key.Key_V, "N": Qt.Key.Key_N, "O": Qt.Key.Key_O}


def plan_through_dialog(env: Env, bloc: str, alternative: str | None) -> int:
    store = env.context.store
    dialog = env.window.plan_epreuve()
    dialog.candidate.setCurrentIndex(dialog.candidate.findData(env.world.cos_formation))
    dialog.bloc.setCurrentIndex(dialog.bloc.findData(bloc))
    assert [dialog.bloc.itemData(i) for i in range(dialog.bloc.count())] == ["GRU", "MDR", "POS", "TD"]
    dialog.date.setDate(QDate(2026, 11, 20))
    assert "hors calendrier" in dialog.warning.text() and not dialog.warning.isHidden()
    dialog.date.setDate(QDate(2026, 12, 2))
    assert "hors calendrier" not in dialog.warning.text()
    assert "est valable du 20/09/2021 au 08/07/2026" in dialog.warning.text()  # the shipped référentiel has expired
    before = store.connection()["epreuves"].count
    if alternative:
        dialog.submit()  # no modality chosen yet: refused, nothing stored
        assert "Choisissez la modalité" in dialog.problem.text()
        assert store.connection()["epreuves"].count == before
        dialog.alternative.setCurrentIndex(dialog.alternative.findData(alternative))
    dialog.submit()
    assert store.connection()["epreuves"].count == before + 1
    epreuve_id = store.connection().execute("SELECT max(id) FROM epreuves").fetchone()[0]
    assert store.epreuve(epreuve_id)["alternative"] == alternative
    return epreuve_id


def compose_jury_with_refusal(env: Env, epreuve_id: int) -> None:
    store = env.context.store
    dialog = env.window.dialog  # planning a certifying épreuve opens its jury at once
    if dialog is None or not dialog.isVisible() or getattr(dialog, "epreuve_id", None) != epreuve_id:
        dialog = env.window.compose_jury(epreuve_id)
    dialog.select(env.world.president, env.world.expert_same_org)
    dialog.submit()
    assert "Composition refusée" in dialog.check.text()
    assert "organisme employeur du candidat" in dialog.check.text()
    assert store.epreuve(epreuve_id)["expert_id"] is None
    dialog.select(env.world.president, env.world.expert_ok)
    assert "conforme" in dialog.check.text()
    dialog.submit()
    assert (store.epreuve(epreuve_id)["president_id"], store.epreuve(epreuve_id)["expert_id"]) == (
        env.world.president,
        env.world.expert_ok,
    )


def open_from_home(env: Env, epreuve_id: int) -> RunnerView:
    env.window.show_home()
    env.window.home.select_epreuve(epreuve_id)
    env.qtbot.keyClick(env.window.home.table, Qt.Key.Key_Return)
    view = env.window.stack.currentWidget()
    assert isinstance(view, RunnerView) and view.runner.epreuve_id == epreuve_id
    return view


def type_decisions(env: Env, view: RunnerView, keys: str) -> None:
    for key in keys:
        env.qtbot.keyClick(view.checklist.tree, KEY[key])


def go_to(view: RunnerView, criterion: str) -> None:
    view.checklist.tree.setCurrentItem(view.checklist.items[criterion])


def click(env: Env, button) -> None:  # type: ignore[no-untyped-def]
    env.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_whole_gru_epreuve(env: Env) -> None:
    store = env.context.store
    epreuve_id = plan_through_dialog(env, "GRU", "double_ecoute")
    compose_jury_with_refusal(env, epreuve_id)
    view = open_from_home(env, epreuve_id)
    assert "Critères indicatifs" in view.checklist.notice.text()
    assert "Double écoute" in view.jury.text()

    click(env, view.clock.start_button)
    env.mono.advance(600)
    view.clock.refresh()
    assert view.clock.countdown.text() == "20:00"
    # Observation: C1 V×4, C2 VVVVN, C3 V×4, C4 V×5, C5 not observed, C6 VNNVVV
    type_decisions(env, view, "VVVV" "VVVVN" "VVVV" "VVVVV" "OOO" "VNNVVV")
    rows = store.decision_rows(epreuve_id)
    assert len(rows) == 24 and {r.phase for r in rows} == {"observation"}
    # a slip, then undo from the keyboard
    go_to(view, "GRU.C1.1")
    type_decisions(env, view, "N")
    assert store.current_decisions(epreuve_id)["GRU.C1.1"] == Decision.NON_VALIDE
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.current_decisions(epreuve_id)["GRU.C1.1"] == Decision.VALIDE
    assert view.checklist.current_criterion() == "GRU.C1.1"
    assert view.checklist.items["GRU.C1.1"].text(1) == "✔ validé"

    # pause with a reason; paused time does not count
    pause_with(view, "Appel coupé par l'usager")
    assert "motif : Appel coupé par l'usager" in view.clock.state.text()
    env.mono.advance(300)
    click(env, view.clock.start_button)
    env.mono.advance(1200 + 133)
    view.clock.refresh()
    assert view.clock.overrun.text() == "Dépassement +02:13" and view.clock.overrun.isVisible()
    click(env, view.clock.next_button)
    phase_event = store.timer_events(epreuve_id)[-1]
    assert (phase_event["kind"], phase_event["phase"], phase_event["value"]) == ("phase", "observation", 133_000)

    # courriers / courriels: the 2–5 counter
    assert view.clock.count.isVisible()
    view.clock.count.setValue(1)
    assert "il en faut au moins 2" in view.clock.count_warning.text()
    view.clock.count.setValue(3)
    assert store.timer_events(epreuve_id)[-1]["value"] == 3
    env.mono.advance(60 * 15)
    click(env, view.clock.next_button)  # 5 min left: asks first; Échap keeps the phase going
    answer(view.clock.pending, yes=False)
    assert store.timer_events(epreuve_id)[-1]["kind"] != "phase"
    click(env, view.clock.next_button)
    answer(view.clock.pending)

    # entretien: the gaps are listed, grouped by competence
    assert view.tabs.currentWidget() is view.discuss
    lines = view.discuss.lines()
    assert lines[0].startswith("C5 — ") and [line.strip()[:6] for line in lines[1:]] == ["○ C5.1", "○ C5.2", "○ C5.3"]
    go_to(view, "GRU.C5.1")
    type_decisions(env, view, "VVV")
    assert view.discuss.lines() == []
    assert store.decision_rows(epreuve_id)[-1].phase == "entretien"
    # a note per competence, stored before it says so
    go_to(view, "GRU.C5.3")
    assert view.checklist.note_label.text() == "Note sur la compétence C5"
    view.checklist.note.setPlainText("Trace précise dans l'outil")
    view.checklist.save_pending_note()
    assert store.current_notes(epreuve_id)[("GRU.C5", None)] == "Trace précise dans l'outil"
    assert view.checklist.note_status.text() == "Note enregistrée."
    view.checklist.per_criterion.setChecked(True)  # optional note on the criterion itself
    assert view.checklist.note_label.text() == "Note sur le critère C5.3" and view.checklist.note.toPlainText() == ""
    view.checklist.note.setPlainText("Suivi du dossier non montré")
    go_to(view, "GRU.C5.2")  # moving on saves it
    assert store.current_notes(epreuve_id)[("GRU.C5", "GRU.C5.3")] == "Suivi du dossier non montré"
    view.checklist.per_criterion.setChecked(False)
    assert view.checklist.note.toPlainText() == "Trace précise dans l'outil"

    env.mono.advance(60)
    assert view.clock.next_button.text().startswith("■ Terminer")
    click(env, view.clock.next_button)
    assert "Terminer l'épreuve maintenant" in view.clock.pending.text()
    answer(view.clock.pending)
    expected = evaluate(view.runner.referentiel, "GRU", store.current_decisions(epreuve_id))
    assert expected.validated and expected.acquired == 5  # C6 has 4/6 (needs 5)
    assert view.checklist.result.text().startswith(expected.summary())
    assert "Terminée" in view.clock.countdown.text()
    env.window.show_home()
    assert "terminée" in env.window.home.model.index(env.window.home.current_row(), 6).data()


def test_whole_mdr_epreuve(env: Env) -> None:
    store = env.context.store
    epreuve_id = plan_through_dialog(env, "MDR", None)
    compose_jury_with_refusal(env, epreuve_id)
    view = open_from_home(env, epreuve_id)
    assert view.presentation is not None
    click(env, view.clock.start_button)
    assert view.tabs.currentWidget() is view.presentation_page
    assert "Au moins 2" in view.presentation.warning.text()
    view.presentation.boxes["MDR.C7"].setChecked(True)
    assert "Au moins 2" in view.presentation.warning.text()
    view.presentation.boxes["MDR.C9"].setChecked(True)
    assert view.presentation.warning.text() == "✔ 2 compétences abordées."
    env.mono.advance(400)
    click(env, view.clock.pause_button)
    keys_to(view.clock.pending, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert store.timer_events(epreuve_id)[-1]["reason"] == "Concertation du jury"
    env.mono.advance(120)
    click(env, view.clock.start_button)
    env.mono.advance(500)
    view.presentation.boxes["MDR.C9"].setChecked(False)
    click(env, view.clock.next_button)  # presentation: 900 s exactly, no overrun
    assert store.timer_events(epreuve_id)[-1]["value"] == 0

    # échange: every criterion not yet observed is listed
    assert view.tabs.currentWidget() is view.discuss
    assert view.discuss.lines()[0].startswith("C7 — ")
    assert "⚠ Présentation : Au moins 2 compétences à aborder : 1 cochée ; sinon l'avis ne pourra pas être signé." in view.discuss.intro.text()
    view.presentation.boxes["MDR.C9"].setChecked(True)
    assert "Présentation" not in view.discuss.intro.text()
    # C7..C10 all validated, C11 all non validé
    counts = [len(c.criteria) for c in view.runner.bloc.competences]
    keys = "".join("V" * n for n in counts[:-1]) + "N" * counts[-1]
    go_to(view, view.runner.bloc.competences[0].criteria[0].key)
    type_decisions(env, view, keys)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    last = view.runner.bloc.competences[-1].criteria[-1].key
    assert store.current_decisions(epreuve_id).get(last, Decision.NON_OBSERVE) == Decision.NON_OBSERVE
    go_to(view, last)
    type_decisions(env, view, "N")
    env.mono.advance(15 * 60 + 42)
    view.clock.refresh()
    assert view.clock.overrun.text() == "Dépassement +00:42"
    click(env, view.clock.next_button)  # ending the épreuve always asks
    answer(view.clock.pending)
    assert store.timer_events(epreuve_id)[-1]["kind"] == "end"
    expected = evaluate(view.runner.referentiel, "MDR", store.current_decisions(epreuve_id))
    assert expected.validated and expected.acquired == 4
    assert view.checklist.result.text().startswith("Bloc MDR validé")
    assert view.runner.presented() == {"MDR.C7", "MDR.C9"}


def test_close_mid_phase_and_reopen(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "GRU", "2026-12-02", alternative="accueil_physique",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    view = env.window.open_epreuve(epreuve_id)
    click(env, view.clock.start_button)
    env.mono.advance(125.4)
    type_decisions(env, view, "VNVO")
    go_to(view, "GRU.C1.4")
    view.checklist.note.setPlainText("Bon accueil")  # typed, not yet saved by the debounce timer
    window = env.reopen()  # closing saves the note and pauses the clock
    view = window.open_epreuve(epreuve_id)
    r = view.runner.reading()
    assert r.elapsed_ms == 125_400 and not r.recovered
    assert view.clock.elapsed.text() == "Écoulé 02:05 sur 30:00"
    assert "Application fermée" in view.clock.state.text()
    assert view.runner.decisions() == {
        "GRU.C1.1": Decision.VALIDE, "GRU.C1.2": Decision.NON_VALIDE, "GRU.C1.3": Decision.VALIDE,
    }
    assert view.checklist.items["GRU.C1.2"].text(1) == "✘ non validé"
    assert view.runner.note("GRU.C1") == "Bon accueil"
    click(env, view.clock.start_button)
    env.mono.advance(10)
    view.clock.refresh()
    assert view.clock.elapsed.text() == "Écoulé 02:15 sur 30:00"


def test_clock_keyboard_shortcuts(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-02",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    view = env.window.open_epreuve(epreuve_id)
    tree = view.checklist.tree
    env.qtbot.keyClick(tree, Qt.Key.Key_F5)
    env.mono.advance(65)
    env.qtbot.keyClick(tree, Qt.Key.Key_F6)  # asks for the reason: the first of the list, Entrée
    keys_to(view.clock.pending, Qt.Key.Key_Return)
    env.qtbot.keyClick(tree, Qt.Key.Key_F5)
    env.qtbot.keyClick(tree, Qt.Key.Key_F8)  # the phase's time is not up: asks, Entrée confirms
    answer(view.clock.pending)
    assert [e["kind"] for e in store.timer_events(epreuve_id)] == ["start", "pause", "resume", "phase"]
    assert store.timer_events(epreuve_id)[1]["elapsed_ms"] == 65_000
    env.qtbot.keyClick(tree, Qt.Key.Key_Escape)
    assert env.window.stack.currentWidget() is env.window.home
    assert "en cours" in env.window.home.model.index(env.window.home.current_row(), 6).data()


def test_planning_opens_the_jury_next(env: Env) -> None:
    epreuve_id = plan_through_dialog(env, "TD", None)
    assert env.window.dialog is not None and env.window.dialog.epreuve_id == epreuve_id  # type: ignore[union-attr]


def test_shortcuts_and_escape(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-02")
    view = env.window.open_epreuve(epreuve_id)
    click(env, view.clock.start_button)  # no jury: refused with the reason
    assert "Composez le jury" in view.clock.message.text()
    assert store.timer_events(epreuve_id) == []
    assert "F5" in view.shortcuts_hint.text() and "V/N/O" in view.shortcuts_hint.text()
    dialog = env.window.show_shortcuts()
    assert dialog.isVisible()
    dialog.close()


def test_home_double_click_and_dossier(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-02",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    home = env.window.home
    home.refresh()
    assert "aujourd'hui" in home.model.index(0, 0).data()  # today's épreuve first
    rect = home.table.visualRect(home.model.index(0, 1))
    env.qtbot.mouseClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    env.qtbot.mouseDClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = env.window.stack.currentWidget()
    assert isinstance(view, RunnerView) and view.runner.epreuve_id == epreuve_id
    view.runner.start()
    for criterion in view.runner.bloc.criteria():
        view.runner.set_decision(criterion.key, Decision.VALIDE)
    view.runner.next_phase()
    view.runner.next_phase()
    env.window.show_home()
    env.qtbot.keyClick(home.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert env.window.stack.currentWidget() is env.window.dossier
    text = env.window.dossier.status.text()
    assert "CCP détenus</b> : aucun" in text  # finished, avis not signed yet
    assert env.window.dossier.table.item(0, 4).text() == "règles : validé — avis à signer"
    from tests.core.test_runner import _sign_avis

    _sign_avis(store, epreuve_id, env.world.president, validated=True)
    env.window.show_dossier(env.window.dossier.candidate_id)
    text = env.window.dossier.status.text()
    assert "CCP détenus</b> : TD" in text and "GRU, MDR, POS" in text
    assert env.window.dossier.table.item(0, 4).text() == "avis signé : bloc validé"


def test_refresh_timer_runs_only_while_the_runner_is_shown(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(env.world.cos_formation, store.active_referentiel(), "POS", "2026-12-02",
                                    alternative="accueil_physique", president_id=env.world.president,
                                    expert_id=env.world.expert_ok)
    view = env.window.open_epreuve(epreuve_id)
    assert view.timer.isActive() and view.timer.interval() == 200
    env.qtbot.keyClick(view, Qt.Key.Key_F5)  # a running clock keeps its view when going home (idle ones are freed)
    env.window.show_home()
    assert not view.timer.isActive()
    env.window.open_epreuve(epreuve_id)
    assert view.timer.isActive()
    env.window.close()
    assert not view.timer.isActive()
