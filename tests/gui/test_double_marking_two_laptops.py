"""Double correction on two laptops, through the windows of two data folders under one Ucanss: hand-over
file → the expert marks on their laptop → return file → reconciliation; a tampered return and a return
made for another épreuve are refused with a French message."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.gui.application import MainWindow
from cqp_desktop.gui.handover_dialog import HandoverDialog
from tests.core.avis_fixtures import EXPERT_PASSPHRASE, PASSPHRASE
from tests.core.runner_fixtures import FakeMono, make_world
from tests.gui.conftest import TODAY, answer, keys_to
from tests.gui.test_double_marking_flow import tick_all
from tests.trust_helpers import certify, shared_authority

DISAGREE = ("GRU.C2.1",)


def window_for(context: AppContext, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, now_ns=FakeMono(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def write(window: MainWindow, kind: str, passphrase: str, path: Path) -> HandoverDialog:
    dialog = window.write_marking_file(kind)
    assert isinstance(dialog, HandoverDialog)
    dialog.passphrase.setText(passphrase)
    dialog.ask_path = lambda: str(path)  # type: ignore[method-assign]
    assert dialog.write(), dialog.message.text()
    while dialog.worker.running:  # signed on a worker thread
        QApplication.processEvents()
    assert "Fichier signé écrit" in dialog.message.text(), dialog.message.text()
    dialog.close()
    return dialog


def test_two_laptops_hand_over_return_and_refusals(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    site = AppContext.open(tmp_path / "president")
    laptop = AppContext.open(tmp_path / "expert")
    keyboard = SimpleNamespace(qtbot=qtbot)  # what tick_all needs of the one-laptop test's Env
    windows: list[MainWindow] = []
    try:
        world = make_world(site.store)
        certify(site.store, world.president, PASSPHRASE)
        shared_authority().trust(laptop.store)
        plan = {"alternative": "double_ecoute", "president_id": world.president, "expert_id": world.expert_ok}
        first = site.store.plan_epreuve(world.cos_formation, site.store.active_referentiel(), "GRU", "2026-12-02", **plan)
        other = site.store.plan_epreuve(world.cos_formation, site.store.active_referentiel(), "GRU", "2026-12-03", **plan)
        for epreuve in (first, other):
            dm.set_double_marking(site.store, epreuve, True)
        a, b = window_for(site, qtbot), window_for(laptop, qtbot)
        windows += [a, b]

        # président's laptop: the hand-over files
        a.open_epreuve(other)
        refused = a.write_marking_file("remise")
        assert isinstance(refused, HandoverDialog)
        refused.passphrase.setText("pas la bonne")
        refused.ask_path = lambda: str(tmp_path / "jamais.json")  # type: ignore[method-assign]
        with qtbot.waitSignal(refused.worker.failed, timeout=10_000):
            assert refused.write()  # signed on a worker thread: the refusal comes back from it
        assert "Phrase secrète incorrecte" in refused.message.text() and refused.write_button.isEnabled()
        assert not (tmp_path / "jamais.json").exists()
        refused.close()
        write(a, "remise", PASSPHRASE, tmp_path / "remise-autre.json")
        view_a = a.open_epreuve(first)
        write(a, "remise", PASSPHRASE, tmp_path / "remise.json")

        # expert's laptop: import, the expert's own grid opens, mark blind, close, write the return
        b.activateWindow()
        qtbot.waitUntil(b.isActiveWindow)
        assert b.import_marking_file(str(tmp_path / "remise.json"))
        remote = b.current_epreuve()
        assert remote is not None
        view_b = b.runners[remote]
        assert view_b.runner.marker_role == "expert" and view_b.marker_bar is not None
        certify(laptop.store, laptop.store.epreuve(remote)["expert_id"], EXPERT_PASSPHRASE)
        tick_all(keyboard, view_b, failing=DISAGREE)  # type: ignore[arg-type]
        view_b.marker_bar.ask_close()
        answer(view_b.marker_bar.question)
        assert view_b.runner.marker_closed
        write(b, "retour", EXPERT_PASSPHRASE, tmp_path / "retour.json")

        # président's laptop: the président marks on their own grid and closes
        a.activateWindow()
        qtbot.waitUntil(a.isActiveWindow)
        tick_all(keyboard, view_a)  # type: ignore[arg-type]
        view_a.marker_bar.ask_close()
        answer(view_a.marker_bar.question)

        # a tampered return is refused, nothing imported
        document = json.loads((tmp_path / "retour.json").read_bytes())
        document["body"]["decisions"][0]["decision"] = "non_valide"
        (tmp_path / "retour-modifie.json").write_text(json.dumps(document), encoding="utf-8")
        assert not a.import_marking_file(str(tmp_path / "retour-modifie.json"))
        assert "modifié après sa signature" in a.problem_box.text()
        a.problem_box.close()
        # the return imported while another épreuve is on screen is refused
        a.open_epreuve(other)
        assert not a.import_marking_file(str(tmp_path / "retour.json"))
        assert "autre épreuve" in a.problem_box.text()
        a.problem_box.close()
        assert site.store.member_decision_rows(first, world.expert_ok) == []

        # the genuine return, on its épreuve: reconciliation
        view_a = a.open_epreuve(first)
        assert a.import_marking_file(str(tmp_path / "retour.json"))
        assert view_a.runner.reconciling and view_a.marker_bar.reconcile_button.isEnabled()
        view_a.open_reconciliation()
        dialog = view_a.reconciliation
        assert [d.criterion for d in dialog.items] == list(DISAGREE)
        keys_to(dialog, Qt.Key.Key_N)
        assert dm.reconciliation_complete(site.store, first)
        assert view_a.runner.decision("GRU.C2.1") == Decision.NON_VALIDE
    finally:
        for window in windows:
            window.close()
        site.close()
        laptop.close()
