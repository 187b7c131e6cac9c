"""Double correction on one laptop: switching members by the visible control and Ctrl+Tab, the other
member's marks never shown before both closed, the reconciliation by keyboard, then the avis signed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.gui.double_marking_view import ReconciliationDialog
from cqp_desktop.gui.runner_view import RunnerView
from tests.core.avis_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, meet_minimums
from tests.gui.conftest import Env, answer, keys_to
from tests.gui.test_avis_dialog import scribble
from tests.trust_helpers import certify

DISAGREE = ("GRU.C1.2", "GRU.C3.1")


def double_view(env: Env) -> RunnerView:
    store = env.context.store
    epreuve = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "GRU", "2026-12-02", alternative="double_ecoute",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    dm.set_double_marking(store, epreuve, True)
    certify(store, env.world.president, PASSPHRASE)
    certify(store, env.world.expert_ok, EXPERT_PASSPHRASE)
    view = env.window.open_epreuve(epreuve)
    assert view.marker_bar is not None
    return view


def tick_all(env: Env, view: RunnerView, failing: tuple[str, ...] = ()) -> None:
    for criterion in [c.key for c in view.runner.bloc.criteria()]:
        view.checklist.select_criterion(criterion)
        key = Qt.Key.Key_N if criterion in failing else Qt.Key.Key_V
        env.qtbot.keyClick(view.checklist.tree, key)


def shown(view: RunnerView) -> dict[str, str]:
    return {k: view.checklist.items[k].text(1) for k in (c.key for c in view.runner.bloc.criteria())}


def test_one_laptop_double_correction_from_marking_to_signed_avis(env: Env) -> None:
    view = double_view(env)
    bar = view.marker_bar
    assert bar is not None and bar.buttons["president"].isChecked() and bar.buttons["president"].isVisible()
    blank = shown(view)
    tick_all(env, view)  # the président marks everything « validé »
    view.checklist.select_criterion("GRU.C1.2")
    view.checklist.note.setPlainText("Reformule après relance")
    president_grid = shown(view)
    assert president_grid != blank

    # Ctrl+Tab: the expert marks now; the président's marks are not on screen
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert view.runner.marker_role == "expert" and bar.buttons["expert"].isChecked()
    assert shown(view) == blank and view.checklist.note.toPlainText() == ""
    assert dm.notes_of(env.context.store, view.runner.epreuve_id, env.world.president,
                       viewer_id=env.world.president) != {}  # the président's note was saved on switching
    tick_all(env, view, failing=DISAGREE)
    # the visible control switches back; each member finds their own grid
    bar.buttons["president"].click()
    assert shown(view) == president_grid

    # the président closes (confirmation), then the expert
    bar.ask_close()
    answer(bar.question)
    assert view.runner.marker_closed and not view.runner.reconciling
    assert not view.checklist.buttons[Decision.VALIDE].isEnabled()
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert shown(view) != president_grid  # still the expert's own marks, never the président's
    bar.ask_close()
    answer(bar.question)
    assert view.runner.reconciling and bar.reconcile_button.isEnabled()

    # reconciliation: each disagreement side by side, V / N by keyboard with a reason
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.reconciliation
    assert isinstance(dialog, ReconciliationDialog) and dialog.isVisible()
    assert [d.criterion for d in dialog.items] == list(DISAGREE)
    assert dialog.columns["president"][1].text() != dialog.columns["expert"][1].text()
    assert "Reformule après relance" in dialog.columns["president"][2].text()
    assert "concordants" in dialog.agreement.text()
    dialog.reason.setText("Observé après relance")
    dialog.list.setFocus()
    keys_to(dialog, Qt.Key.Key_V, Qt.Key.Key_N)
    assert dm.reconciliation_complete(env.context.store, view.runner.epreuve_id)
    assert [(d.final, d.reason) for d in dialog.items] == [("valide", "Observé après relance"), ("non_valide", "")]  # the reason field shows each criterion's own
    dialog.close()
    assert view.runner.decision("GRU.C3.1") == Decision.NON_VALIDE  # the grid shows the finals

    # the avis shows the agreement and can be signed by the président
    store = env.context.store
    for kind, phase, elapsed, value in (("start", "observation", 0, None), ("count", "courriers", 0, 3),
                                        ("end", "entretien", 60_000, None)):
        store.add_timer_event(view.runner.epreuve_id, kind, mono_ns=0, elapsed_ms=elapsed, phase=phase, value=value)
    meet_minimums(store, view.runner.epreuve_id)
    from cqp_desktop.gui.avis_dialog import AvisDialog

    avis_dialog = AvisDialog(store, view.runner.epreuve_id)
    env.qtbot.addWidget(avis_dialog)
    avis_dialog.show()
    assert "Double correction" in avis_dialog.result_label.text() and "kappa" in avis_dialog.result_label.text()
    scribble(avis_dialog)
    avis_dialog.passphrase_edit.setText(PASSPHRASE)
    with env.qtbot.waitSignal(avis_dialog.signed, timeout=10_000):
        assert avis_dialog.sign() is True, avis_dialog.reason_label.text()
    signed = av.signed_avis(store, view.runner.epreuve_id)
    assert signed is not None and av.verify_avis_signatures(store, signed.id) == []


def test_double_correction_is_chosen_when_the_jury_is_set(env: Env) -> None:
    store = env.context.store
    epreuve = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "GRU", "2026-12-02", alternative="double_ecoute",
    )
    view = env.window.open_epreuve(epreuve)
    assert view.marker_bar is None
    dialog = env.window.compose_jury(epreuve)
    dialog.select(env.world.president, env.world.expert_ok)
    dialog.double.setChecked(True)
    dialog.submit()
    assert dm.is_double(store, epreuve)
    view = env.window.runners[epreuve]
    assert view.marker_bar is not None and view.runner.marker_role == "president"
    # once marking began, the choice is fixed
    view.runner.set_decision("GRU.C1.1", Decision.VALIDE)
    again = env.window.compose_jury(epreuve)
    assert not again.double.isEnabled() and again.double.isChecked()
    again.close()


def test_double_correction_is_chosen_at_planning(env: Env) -> None:
    dialog = env.window.plan_epreuve(env.world.cos_formation)
    dialog.mode.setCurrentIndex(1)  # pré-positionnement: never in double correction
    assert not dialog.double.isEnabled()
    dialog.mode.setCurrentIndex(0)
    dialog.bloc.setCurrentIndex(max(0, dialog.bloc.findData("MDR")))
    dialog.double.setChecked(True)
    with env.qtbot.waitSignal(dialog.planned, timeout=3000) as planned:
        dialog.submit()
    assert dm.is_double(env.context.store, planned.args[0])
