"""The observation's keyboard cannot be lost: V / N / O / Ctrl+Z tick the current criterion whatever
has the focus in the runner, letters type in text fields, and nothing ends by accident."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.gui.runner_view import RunnerView
from tests.gui.conftest import Env, answer, keys_to


def mdr_view(env: Env) -> RunnerView:
    store = env.context.store
    epreuve_id = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "MDR", "2026-12-02",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    view = env.window.open_epreuve(epreuve_id)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F5)
    assert view.runner.reading().state == ClockState.RUNNING
    return view


def press(env: Env, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    env.qtbot.keyClick(widget, key, modifier)


def focus_targets(view: RunnerView) -> dict[str, QWidget]:
    assert view.presentation is not None
    return {
        "grille": view.checklist.tree,
        "case MDR": view.presentation.boxes["MDR.C7"],
        "bouton": view.clock.pause_button,
        "onglets": view.tabs.tabBar(),
        "case note par critère": view.checklist.per_criterion,
    }


@pytest.mark.parametrize("target", ["grille", "case MDR", "bouton", "onglets", "case note par critère"])
def test_v_n_o_tick_whatever_has_the_focus(env: Env, target: str) -> None:
    view = mdr_view(env)
    first, second, third = [c.key for c in view.runner.bloc.criteria()][:3]
    view.checklist.select_criterion(first)
    widget = focus_targets(view)[target]
    box_state = view.presentation.boxes["MDR.C7"].isChecked() if view.presentation else None
    press(env, widget, Qt.Key.Key_V)
    press(env, widget, Qt.Key.Key_N)
    press(env, widget, Qt.Key.Key_O)
    assert view.runner.decisions() == {first: Decision.VALIDE, second: Decision.NON_VALIDE}
    assert view.checklist.current_criterion() == [c.key for c in view.runner.bloc.criteria()][3]
    assert view.runner.decision(third) == Decision.NON_OBSERVE
    press(env, widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes « N » on the second
    assert (view.runner.decision(first), view.runner.decision(second)) == (Decision.VALIDE, Decision.NON_OBSERVE)
    assert view.presentation is not None and view.presentation.boxes["MDR.C7"].isChecked() == box_state


def test_letters_type_in_the_note_and_tick_nothing(env: Env) -> None:
    view = mdr_view(env)
    press(env, view.checklist.note, Qt.Key.Key_V)
    env.qtbot.keyClicks(view.checklist.note, "no")
    assert view.checklist.note.toPlainText() == "vno"
    assert view.runner.decisions() == {}


def test_the_gaps_list_keeps_the_keys_and_selects_its_criterion(env: Env) -> None:
    view = mdr_view(env)
    env.mono.advance(15 * 60)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F8)  # presentation time is up: no question
    assert view.runner.reading().phase_index == 1 and view.tabs.currentWidget() is view.discuss
    gaps = view.discuss.list
    row = next(i for i in range(gaps.count()) if gaps.item(i).data(Qt.ItemDataRole.UserRole))
    criterion = gaps.item(row).data(Qt.ItemDataRole.UserRole)
    gaps.setCurrentRow(row)
    rect = gaps.visualItemRect(gaps.item(row))
    env.qtbot.mouseClick(gaps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.checklist.current_criterion() == criterion  # clicking a gap selects it in the grid
    assert view.checklist.wording.text().startswith(criterion.split(".", 1)[1])
    press(env, gaps, Qt.Key.Key_V)
    assert view.runner.decision(criterion) == Decision.VALIDE


def test_f6_asks_the_reason_and_the_choice_keeps_the_keys(env: Env) -> None:
    view = mdr_view(env)
    store = env.context.store
    env.mono.advance(30)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F6)
    dialog = view.clock.pending
    assert dialog is not None and dialog.isVisible() and view.runner.reading().state == ClockState.RUNNING
    keys_to(dialog, Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert view.runner.reading().state == ClockState.PAUSED
    assert store.timer_events(view.runner.epreuve_id)[-1]["reason"] == "Incident technique"
    first = next(iter(view.runner.bloc.criteria())).key
    view.checklist.select_criterion(first)
    press(env, view.checklist.tree, Qt.Key.Key_V)
    assert view.runner.decision(first) == Decision.VALIDE
    # Échap: no pause
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F5)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F6)
    keys_to(view.clock.pending, Qt.Key.Key_Escape)
    assert view.runner.reading().state == ClockState.RUNNING and not view.clock.pending.isVisible()


def test_f8_asks_before_the_time_is_up_and_before_ending(env: Env) -> None:
    view = mdr_view(env)
    env.mono.advance(60)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F8)
    assert "Il reste 14:00" in view.clock.pending.text()
    answer(view.clock.pending, yes=False)
    assert view.runner.reading().phase_index == 0
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F8)
    answer(view.clock.pending)
    assert view.runner.reading().phase_index == 1
    env.mono.advance(60 * 60)  # the last phase is over its time: ending still asks
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F8)
    answer(view.clock.pending, yes=False)
    assert not view.runner.ended
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F8)
    answer(view.clock.pending)
    assert view.runner.ended


def test_ctrl_q_during_an_observation_asks(env: Env) -> None:
    view = mdr_view(env)
    env.qtbot.keyClick(env.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert "MARTIN" in env.window.quit_box.text()
    answer(env.window.quit_box, yes=False)
    assert env.window.isVisible() and view.runner.reading().state == ClockState.RUNNING
    env.qtbot.keyClick(env.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    answer(env.window.quit_box)
    assert not env.window.isVisible()
    assert env.context.store.timer_events(view.runner.epreuve_id)[-1]["kind"] == "pause"


def test_ctrl_q_with_no_running_epreuve_quits_at_once(env: Env) -> None:
    env.qtbot.keyClick(env.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not env.window.isVisible()


def test_enter_in_the_guide_search_does_not_close_it(env: Env) -> None:
    guide = env.window.show_help()
    guide.view.search.setText("pause")
    env.qtbot.keyClick(guide.view.search, Qt.Key.Key_Return)
    assert guide.isVisible()
    guide.close()


def test_problems_show_in_a_message_box_not_only_the_status_bar(env: Env) -> None:
    env.window.show_home()
    env.window.home.table.clearSelection()
    env.window.home.table.setCurrentIndex(env.window.home.model.index(-1, -1))
    assert env.window.avis_for_current() is None
    assert env.window.problem_box.isVisible() and "Choisissez" in env.window.problem_box.text()
    env.window.problem_box.close()


def test_the_checklist_does_not_jump_and_keeps_the_current_row_in_view(env: Env) -> None:
    view = mdr_view(env)
    checklist = view.checklist
    env.window.resize(1366, 690)
    env.qtbot.wait(1)
    grid = checklist.tree.geometry()
    buttons = checklist.buttons[Decision.VALIDE].geometry()
    checklist.tree.setCurrentItem(checklist.items[view.runner.bloc.competences[0].key])  # a competence row
    checklist.decide_current(Decision.VALIDE)  # refused: an error in the status slot
    assert checklist.message.isVisible() and "Choisissez" in checklist.message.text()
    last = [c.key for c in view.runner.bloc.criteria()][-1]
    checklist.select_criterion(last)
    press(env, checklist.tree, Qt.Key.Key_N)  # the result text changes length
    env.qtbot.wait(1)
    assert (checklist.tree.geometry(), checklist.buttons[Decision.VALIDE].geometry()) == (grid, buttons)
    assert buttons.top() >= grid.bottom()  # the decision buttons never cover a row
    rect = checklist.tree.visualItemRect(checklist.items[last])
    assert checklist.tree.viewport().rect().contains(rect)  # the current criterion is in view
    assert checklist.wording.text().startswith(view.runner.referentiel.criterion(last).code)


def test_starting_on_another_day_than_planned_asks(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(
        env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-04",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    view = env.window.open_epreuve(epreuve_id)
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F5)
    assert "prévue le 04/12/2026 ; nous sommes le 02/12/2026" in view.clock.pending.text()
    answer(view.clock.pending, yes=False)
    assert store.timer_events(epreuve_id) == []
    env.qtbot.keyClick(view.checklist.tree, Qt.Key.Key_F5)
    answer(view.clock.pending)
    assert view.runner.reading().state == ClockState.RUNNING


def test_f1_lists_every_shortcut_of_the_menus_and_the_runner(env: Env) -> None:
    from PySide6.QtGui import QAction

    from cqp_desktop.gui.shortcuts_dialog import SHORTCUTS

    listed = " ".join(key for _where, key, _what in SHORTCUTS)
    for action in env.window.findChildren(QAction):
        key = action.shortcut().toString()
        if key:
            assert key.replace("Shift", "Maj") in listed, key
    for key in ("F5", "F6", "F8", "V / N / O", "Ctrl+Z", "Ctrl+J", "Échap"):
        assert key in listed


def test_file_questions_open_in_the_export_folder_in_french(env: Env, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from cqp_desktop.core.storage import settings as settings_mod
    from cqp_desktop.gui import file_dialogs, translations

    exports = tmp_path / "exports"
    exports.mkdir()
    settings_mod.save(env.context.data_dir, settings_mod.load(env.context.data_dir).with_values(export_dir=str(exports)))
    assert file_dialogs.export_folder(file_dialogs.data_dir_of(env.context.store)) == exports
    seen = {}

    def fake(parent, title, where, filters, options):  # type: ignore[no-untyped-def]
        seen.update(where=where, native=not options & QFileDialog.Option.DontUseNativeDialog)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    env.window.show_referentiel().choose_file()
    assert seen == {"where": str(exports), "native": False}  # Qt's dialog: French with qtbase_fr
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))  # a borrowed laptop
    installed = translations.install(QApplication.instance(), "fr")
    try:
        assert QLocale().monthName(8) == "août"  # the calendar popup's months
        assert QApplication.translate("QPlatformTheme", "Close") == "Fermer"  # Qt's own buttons
    finally:
        translations.remove(QApplication.instance(), installed)


def test_home_says_interrompue_after_a_crash_and_shows_a_running_clock(env: Env) -> None:
    from cqp_desktop.core.site.runner import EpreuveRunner

    store = env.context.store
    crashed = store.plan_epreuve(
        env.world.cos_no_premss, store.active_referentiel(), "TD", "2026-12-02",
        president_id=env.world.president, expert_id=env.world.expert_ok,
    )
    EpreuveRunner(store, crashed, now_ns=env.mono).start()  # a process that died with its clock running
    view = mdr_view(env)
    env.mono.advance(65)
    env.window.show_home()
    states = {line.id: env.window.home.model.index(row, 6).data() for row, line in enumerate(env.window.home.model.lines)}
    assert "interrompue" in states[crashed] and "en cours" not in states[crashed]
    assert "en cours — phase 1/2, écoulé 01:05, reste 13:55" in states[view.runner.epreuve_id]


def test_a_reopened_epreuve_returns_to_the_last_criterion_touched(env: Env) -> None:
    view = mdr_view(env)
    keys = [c.key for c in view.runner.bloc.criteria()]
    view.checklist.select_criterion(keys[6])
    press(env, view.checklist.tree, Qt.Key.Key_V)
    epreuve_id = view.runner.epreuve_id
    window = env.reopen()
    view = window.open_epreuve(epreuve_id)
    assert view.checklist.current_criterion() == keys[6]


def test_a_date_can_be_typed_after_a_click(env: Env) -> None:
    from PySide6.QtCore import QDate, QPoint
    from PySide6.QtWidgets import QApplication

    dialog = env.window.plan_epreuve()
    edit = dialog.date
    for _ in range(5):
        QApplication.processEvents()
    line = edit.lineEdit()
    env.qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(4, line.height() // 2))  # inside the day
    for char in "05/12/2026":
        env.qtbot.keyClicks(edit, char)
        QApplication.processEvents()
    assert edit.date() == QDate(2026, 12, 5)
    dialog.close()


def test_the_cancel_question_names_the_epreuve_and_an_empty_reason_is_said_in_a_box(env: Env) -> None:
    store = env.context.store
    epreuve_id = store.plan_epreuve(env.world.cos_formation, store.active_referentiel(), "TD", "2026-12-04")
    env.window.show_home()
    env.window.home.select_epreuve(epreuve_id)
    dialog = env.window.cancel_current()
    assert "Léa MARTIN — bloc TD — prévue le 04/12/2026" in dialog.labelText()
    dialog.setTextValue("   ")
    dialog.accept()
    assert env.window.problem_box.isVisible() and "motif" in env.window.problem_box.text().lower()
    env.window.problem_box.close()
