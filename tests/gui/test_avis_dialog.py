"""The avis dialog: computed result shown, live reasons on « Signer », signing, co-signing, amendment."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from cqp_desktop.core.exchange import pdf_sign
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.avis_dialog import AvisDialog

from ..core.avis_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, make_epreuve, meet_minimums

FAILING = ("GRU.C1.1", "GRU.C3.1")


def scribble(dialog: AvisDialog) -> None:
    canvas = dialog.pad.canvas
    canvas.begin_stroke(QPointF(20, 60))
    for i in range(1, 20):
        canvas.extend_stroke(QPointF(20 + 10 * i, 40 + (i % 3) * 15))
    canvas.end_stroke()


@pytest.fixture
def dialog_for(qtbot, store: Store):  # type: ignore[no-untyped-def]
    def make(epreuve_id: int) -> AvisDialog:
        dialog = AvisDialog(store, epreuve_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def test_shows_computed_result_and_open_items(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel, failing=FAILING)
    store.record_decision(jury.epreuve_id, "GRU.C4.2", Decision.NON_OBSERVE)
    dialog = dialog_for(jury.epreuve_id)
    assert "Bloc GRU non validé : 4 compétences acquises sur 6, il en faut 5" in dialog.result_label.text()
    assert "C1 : 3 critères validés sur 4, il en faut 4" in dialog.result_label.text()
    assert "Critère C4.2 non observé" in dialog.open_items_label.text()
    assert dialog.not_validated_radio.isChecked()  # defaults to the computed result
    assert not dialog.sign_button.isEnabled()
    reasons = dialog.blocking_reasons()
    assert reasons[0].startswith("Critère C4.2 non observé")
    assert "Préconisations obligatoires : le bloc n'est pas validé" in reasons
    assert "Signature manuscrite à tracer dans le cadre" in reasons and "Phrase secrète à saisir" in reasons
    assert "Signature impossible" in dialog.reason_label.text()
    assert "(obligatoires : bloc non validé)" in dialog.preconisations_caption.text()


def test_justification_enabled_and_required_only_when_departing(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel, failing=FAILING)
    dialog = dialog_for(jury.epreuve_id)
    assert not dialog.justification_edit.isEnabled() and dialog.depart_label.isHidden()
    dialog.validated_radio.setChecked(True)
    assert dialog.justification_edit.isEnabled() and not dialog.depart_label.isHidden()
    assert "Justification obligatoire : l'avis s'écarte du résultat calculé" in dialog.blocking_reasons()
    dialog.justification_edit.setPlainText("Compétence C3 démontrée en entretien.")
    assert not any("Justification" in r for r in dialog.blocking_reasons())
    assert not any("Préconisations" in r for r in dialog.blocking_reasons())  # validated: optional


def test_sign_button_enabled_only_when_everything_is_complete(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel, failing=FAILING)
    dialog = dialog_for(jury.epreuve_id)
    dialog.preconisations_edit.setPlainText("Reprendre la double écoute avec le tuteur.")
    assert not dialog.sign_button.isEnabled()
    scribble(dialog)
    assert dialog.blocking_reasons() == ["Phrase secrète à saisir"] and not dialog.sign_button.isEnabled()
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.blocking_reasons() == [] and dialog.sign_button.isEnabled()
    assert "vous pouvez signer" in dialog.reason_label.text()


def test_wrong_passphrase_shows_a_french_message_and_writes_nothing(dialog_for, qtbot, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    dialog = dialog_for(jury.epreuve_id)
    scribble(dialog)
    dialog.passphrase_edit.setText("pas la bonne")
    with qtbot.waitSignal(dialog.worker.failed, timeout=10_000):
        assert dialog.sign() is True  # started on the worker thread; the refusal comes back from it
    assert "Phrase secrète incorrecte" in dialog.reason_label.text()
    assert dialog.sign_button.isEnabled() and dialog.passphrase_edit.isEnabled()  # ready for another try
    assert store.connection()["signatures"].count == 0 and store.epreuve(jury.epreuve_id)["locked_at"] is None


def test_signing_locks_and_keeps_the_signed_pdf(dialog_for, qtbot, store: Store, referentiel: Referentiel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    dialog = dialog_for(jury.epreuve_id)
    dialog.comment_edits["GRU.C1"].setPlainText("Très à l'écoute.")
    scribble(dialog)
    dialog.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.signed, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    avis_id = blocker.args[0]
    record = av.get_avis(store, avis_id)
    assert record.signed and record.comments == {"GRU.C1": "Très à l'écoute."}
    assert store.epreuve(jury.epreuve_id)["locked_at"] is not None
    assert av.signatures(store, avis_id)[0].drawn_png.startswith(b"\x89PNG")
    assert av.verify_avis_signatures(store, avis_id) == []
    # now read-only, the expert may co-sign, the PDF can be saved
    assert dialog.preconisations_edit.isReadOnly() and not dialog.save_button.isEnabled()
    assert dialog.sign_button.text() == "Contresigner (expert)" and dialog.passphrase_edit.text() == ""
    assert dialog.export_button.isVisible() and dialog.export_button.isEnabled()
    target = tmp_path / "cr.pdf"
    dialog.ask_export_path = lambda: str(target)  # type: ignore[method-assign]
    dialog.export_button.click()
    assert pdf_sign.pdf_problems(target.read_bytes(), store) == []
    # co-signature by the expert
    scribble(dialog)
    dialog.passphrase_edit.setText(EXPERT_PASSPHRASE)
    with qtbot.waitSignal(dialog.signed, timeout=10_000):
        assert dialog.sign() is True
    assert [s.role for s in av.signatures(store, avis_id)] == ["president", "expert"]
    assert not dialog.sign_button.isEnabled() and dialog.signer_id() is None


def test_amendment_from_the_dialog(dialog_for, qtbot, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    first = av.draft_avis(store, jury.epreuve_id, True)
    from ..core.avis_fixtures import tiny_png

    av.sign_avis(store, first, jury.president_id, PASSPHRASE, tiny_png())
    dialog = dialog_for(jury.epreuve_id)
    assert dialog.amend_button.isVisible() and not dialog.amendment_edit.isVisible()
    dialog.amend_button.click()
    assert dialog.amendment_edit.isVisible() and not dialog.preconisations_edit.isReadOnly()
    dialog.comment_edits["GRU.C2"].setPlainText("Réponses fiables.")
    scribble(dialog)
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert "Motif de la correction obligatoire" in dialog.blocking_reasons()
    dialog.amendment_edit.setText("Commentaire C2 oublié")
    with qtbot.waitSignal(dialog.signed, timeout=10_000):
        assert dialog.sign() is True
    current = av.signed_avis(store, jury.epreuve_id)
    assert (current.version, current.supersedes_id, current.amendment_reason) == (2, first, "Commentaire C2 oublié")
    assert current.comments == {"GRU.C2": "Réponses fiables."}


def test_closing_saves_pending_edits(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    dialog = dialog_for(jury.epreuve_id)
    dialog.preconisations_edit.setPlainText("Consolider C6.")
    dialog.close_button.click()
    assert av.current_avis(store, jury.epreuve_id).preconisations == "Consolider C6."
    assert not dialog._autosave.isActive()


def test_missing_expert_blocks_signing(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    lonely = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-03", president_id=jury.president_id)
    dialog = dialog_for(lonely)
    assert "Expert(e) métier non désigné(e)" in dialog.open_items_label.text()
    assert "Expert(e) métier non désigné(e)" in dialog.blocking_reasons()


def test_missing_president_blocks_signing(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel)
    orphan = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-03", expert_id=jury.expert_id)
    for criterion in referentiel.bloc("MDR").criteria():
        store.record_decision(orphan, criterion.key, Decision.VALIDE)
    meet_minimums(store, orphan)
    dialog = dialog_for(orphan)
    assert dialog.blocking_reasons() == ["Président(e) du jury non désigné(e)"]
    assert not dialog.sign_button.isEnabled() and "désignez le jury" in dialog.signer_label.text()
    assert dialog.sign() is False and store.connection()["signatures"].count == 0


def test_the_letters_conditions_are_listed_and_keep_sign_disabled(dialog_for, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    jury = make_epreuve(store, referentiel, bloc="MDR")  # no competence presented
    dialog = dialog_for(jury.epreuve_id)
    assert "la présentation doit aborder au moins 2 compétences" in dialog.open_items_label.text()
    assert any("sans dérogation" in r for r in dialog.blocking_reasons())


def test_a_signed_avis_shows_the_drawn_signatures(qtbot, store, referentiel) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from cqp_desktop.core.site import avis as av
    from cqp_desktop.gui.avis_dialog import AvisDialog
    from tests.core.avis_fixtures import PASSPHRASE, make_epreuve, tiny_png

    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png(200, 60))
    dialog = AvisDialog(store, jury.epreuve_id)
    qtbot.addWidget(dialog)
    dialog.open()
    pictures = [label for label in dialog.drawn.findChildren(QLabel) if label.pixmap() is not None and not label.pixmap().isNull()]
    captions = " ".join(label.text() for label in dialog.drawn.findChildren(QLabel))
    assert len(pictures) == 1 and "Anne DELORME, président(e), le" in captions
    assert dialog.drawn.isVisible()


def test_signing_runs_off_the_gui_thread_with_a_busy_state(dialog_for, qtbot, store: Store, referentiel: Referentiel, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The key unlock and the signed report are made on a worker thread: meanwhile the dialog shows it is
    signing, accepts no second start, and the GUI thread keeps serving events; the anchor follows at the end."""
    import threading

    from cqp_desktop.core.storage import anchor

    jury = make_epreuve(store, referentiel)
    dialog = dialog_for(jury.epreuve_id)
    gate = threading.Event()
    threads: list[str] = []
    real = av.sign_avis

    def slow_sign(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        assert gate.wait(10)  # held until the test has looked at the busy dialog
        return real(*args, **kwargs)

    monkeypatch.setattr(av, "sign_avis", slow_sign)
    scribble(dialog)
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.sign() is True
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert threads[0] != threading.main_thread().name
    qtbot.wait(50)  # the GUI thread is free: events are served while the worker waits
    assert dialog.worker.running and dialog.isAncestorOf(dialog.busy_bar) and dialog.busy_bar.isVisible()
    assert not dialog.sign_button.isEnabled()
    assert "Signature en cours" in dialog.reason_label.text()
    assert dialog.preconisations_edit.isReadOnly() and not dialog.save_button.isEnabled()  # what is signed stays put
    assert dialog.sign() is False  # no second signature while one is being made
    with qtbot.waitSignal(dialog.signed, timeout=10_000):
        gate.set()
    assert not dialog.busy_bar.isVisible() and len(av.signatures(store, dialog.avis.id)) == 1
    head = store.connection().execute("SELECT id FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert anchor.read(Path(store.connection().execute("PRAGMA database_list").fetchone()[2])).seq == head
