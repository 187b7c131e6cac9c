"""The people dialog: add, correct, refuse bad input with the field named, protect what signed records rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.people_dialog import CANDIDATES, MEMBERS, ORGANISMES, PeopleDialog
from tests.core.package_fixtures import make_site, sign_epreuve


@pytest.fixture
def dialog(qtbot, store: Store) -> PeopleDialog:  # type: ignore[no-untyped-def]
    d = PeopleDialog(store)
    qtbot.addWidget(d)
    d.show()
    return d


def test_organisme_then_candidate_then_member_by_keyboard(qtbot, dialog: PeopleDialog, store: Store) -> None:  # type: ignore[no-untyped-def]
    changes: list[None] = []
    dialog.changed.connect(lambda: changes.append(None))
    dialog.tabs.setCurrentIndex(ORGANISMES)
    qtbot.keyClicks(dialog.code_edit, "caf-arm")
    qtbot.keyClicks(dialog.name_edit, "CAF d'Armorique")
    dialog.branche_combo.setCurrentIndex(dialog.branche_combo.findData("Famille"))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter saves
    assert "Organisme ajouté : CAF d'Armorique." in dialog.organisme_message.text()
    caf = store.connection().execute("SELECT id, code, branche FROM organismes").fetchone()
    assert caf[1:] == ("CAF-ARM", "Famille")
    assert changes == [None]

    dialog.tabs.setCurrentIndex(CANDIDATES)
    assert dialog.cand_organisme.findData(caf[0]) > 0  # the new organisme is offered at once
    dialog.new_current()  # Ctrl+N on this tab
    qtbot.keyClicks(dialog.cand_last, "Royer")
    qtbot.keyClicks(dialog.cand_first, "Claire")
    dialog.cand_organisme.setCurrentIndex(dialog.cand_organisme.findData(caf[0]))
    dialog.cqp_combo.setCurrentIndex(dialog.cqp_combo.findData("GC"))
    dialog.save_current()  # Ctrl+S
    assert "Candidat ajouté : Claire ROYER." in dialog.candidate_message.text()
    assert "sans Pass et Prem'ss attestés (date, attesté par), le CQP ne sera pas délivré" in dialog.candidate_message.text()
    assert dialog.candidates_table.rowCount() == 1 and dialog.candidate_id is not None  # now correcting it

    dialog.tabs.setCurrentIndex(MEMBERS)
    qtbot.keyClicks(dialog.mem_last, "Morel")
    qtbot.keyClicks(dialog.mem_first, "Thomas")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("expert"))
    dialog.mem_organisme.setCurrentIndex(dialog.mem_organisme.findData(caf[0]))
    assert dialog.mem_branche.currentData() == "Famille"  # taken from the caisse
    assert "ne peut siéger dans aucun jury" in dialog.member_note.text()  # no training date yet
    dialog.trained_check.setChecked(True)
    dialog.training_date.setDate(QDate(2025, 5, 7))
    assert dialog.save_member() is not None
    row = store.connection().execute("SELECT role, branche, jury_training_date FROM jury_members").fetchone()
    assert row == ("expert", "Famille", "2025-05-07")
    assert "05/05/2025" not in dialog.members_table.item(0, 5).text() and dialog.members_table.item(0, 5).text() == "07/05/2025"


def test_bad_input_names_the_field_and_saves_nothing(dialog: PeopleDialog, store: Store) -> None:
    dialog.tabs.setCurrentIndex(CANDIDATES)
    dialog.cand_first.setText("Léa")
    assert dialog.save_candidate() is None
    text = dialog.candidate_message.text()
    assert text.startswith("Rien n'a été enregistré :")
    assert "• Nom : obligatoire." in text and "• Organisme employeur : choisissez-en un" in text
    assert store.connection()["candidates"].count == 0
    dialog.tabs.setCurrentIndex(ORGANISMES)
    dialog.code_edit.setText("CPAM-BRC")
    dialog.name_edit.setText("CPAM")
    assert dialog.save_organisme() is None
    assert "Branche de législation : obligatoire pour une caisse" in dialog.organisme_message.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("certificateur"))
    assert not dialog.branche_combo.isEnabled()
    assert dialog.save_organisme() is None  # which certifier? (letter 4/D)
    assert "Type de certificateur : choisissez Ucanss (certificateur)" in dialog.organisme_message.text()
    dialog.certifier_combo.setCurrentIndex(dialog.certifier_combo.findData("valide_ucanss"))
    assert dialog.validation_edit.isEnabled()
    assert dialog.save_organisme() is None and "référence de la décision" in dialog.organisme_message.text()
    dialog.validation_edit.setText("Décision Ucanss du 12/01/2026")
    assert dialog.save_organisme() is not None


def test_signed_candidate_name_fixed_cqp_locked(qtbot, store: Store, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    site = make_site(store)
    cid = store.add_candidate("Martinn", "Léa", site.employer_id, "COS", "formation", True)
    epreuve = store.plan_epreuve(
        cid, referentiel, "GRU", "2026-12-02", alternative="double_ecoute", president_id=site.president_id, expert_id=site.expert_id
    )
    for criterion in referentiel.bloc("GRU").criteria():
        store.record_decision(epreuve, criterion.key, Decision.VALIDE)
    sign_epreuve(store, epreuve, site, cosign=False)
    dialog = PeopleDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_row(dialog.candidates_table, cid)
    assert dialog.candidate_id == cid
    # the CQP aimed at can still change (passerelle, CCP kept); employer and route cannot
    assert dialog.cqp_combo.isEnabled() and not dialog.cand_organisme.isEnabled()
    note = dialog.candidate_note.text()
    assert "1 épreuve(s) signée(s)" in note and "Passerelle : le CQP visé peut changer" in note
    dialog.cand_last.setText("Martin")
    assert dialog.save_candidate() == cid
    assert "Candidat corrigé : Léa MARTIN." in dialog.candidate_message.text()
    assert store.connection()["candidates"].get(cid)["last_name"] == "Martin"
    assert store.audit_entries()[-1]["action"] == "candidate.update"
    # Members who signed: role locked, identity column says yes.
    dialog.select_row(dialog.members_table, site.president_id)
    assert not dialog.role_combo.isEnabled() and "seuls le nom et le prénom" in dialog.member_note.text()
    dialog.mem_last.setText("Delorme-Vidal")
    assert dialog.save_member() == site.president_id
    assert "Membre du jury corrigé : Anne DELORME-VIDAL." in dialog.member_message.text()
    assert "porte l'ancien nom" in dialog.member_message.text()
    identity_column = [dialog.members_table.item(r, 6).text() for r in range(dialog.members_table.rowCount())]
    assert identity_column == ["oui", "oui", "oui"]


def test_filter_candidates(dialog: PeopleDialog, store: Store) -> None:
    caf = store.add_organisme("CAF", "CAF d'Armorique", "caisse", "Famille")
    store.add_candidate("Martin", "Léa", caf, "COS", "formation", True)
    store.add_candidate("Petit", "Hugo", caf, "GC", "vae")
    dialog.reload()
    dialog.candidate_filter.setText("hug")
    hidden = [dialog.candidates_table.isRowHidden(r) for r in range(2)]
    assert hidden == [True, False]


def test_render(dialog: PeopleDialog, store: Store, tmp_path: Path) -> None:
    from cqp_desktop.core.endtoend import demo

    demo.populate(store, store.active_referentiel())
    dialog.reload()
    dialog.select_row(dialog.candidates_table, 1)
    image = dialog.grab()
    assert image.save(str(tmp_path / "people.png"))
    assert image.width() > 900


def test_main_window_jury_menu_and_file_entries(env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.gui.identity_dialog import IdentityDialog
    from cqp_desktop.gui.session_export_dialog import SessionExportDialog

    window = env.window
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Fichier", "É&preuve", "&Jury", "&Aide"]
    assert [a.text() for a in window.jury_menu.actions()] == ["&Candidats, jury et organismes…", "&Identités de signature…"]
    file_entries = [a.text() for a in window.file_menu.actions()]
    assert "&Exporter la session (paquet signé)…" in file_entries
    assert "&Importer l'accusé de réception Ucanss…" in file_entries
    refreshed: list[None] = []
    monkeypatch.setattr(window.home, "refresh", lambda: refreshed.append(None))
    window.jury_menu.actions()[0].trigger()
    people_dialog = window.dialog
    assert isinstance(people_dialog, PeopleDialog) and people_dialog.isVisible()
    people_dialog.cand_last.setText("Nouveau")
    people_dialog.cand_first.setText("Candidat")
    people_dialog.cand_organisme.setCurrentIndex(1)
    assert people_dialog.save_candidate() is not None
    assert refreshed == [None]  # the home list is refreshed after people change
    people_dialog.close()
    window.jury_menu.actions()[1].trigger()
    assert isinstance(window.dialog, IdentityDialog)
    window.dialog.close()
    ack_action = next(a for a in window.file_menu.actions() if a.text().startswith("&Importer"))
    ack_action.trigger()
    assert isinstance(window.dialog, SessionExportDialog)
    window.dialog.close()


def test_correction_after_export_says_ucanss_must_be_told(qtbot, store: Store, referentiel: Referentiel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.site.package_export import export_package
    from tests.core.package_fixtures import PASSPHRASE, signed_session

    session = signed_session(store, referentiel, candidates=1, timer=False)
    export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path, with_pdfs=False)
    dialog = PeopleDialog(store)
    qtbot.addWidget(dialog)
    dialog.select_row(dialog.candidates_table, session.candidate_ids[0])
    dialog.cand_first.setText("Léna")
    assert dialog.save_candidate() == session.candidate_ids[0]
    text = dialog.candidate_message.text()
    assert "Candidat corrigé : Léna MARTIN." in text
    assert "Déjà transmis à l'Ucanss (Session 2026-12)" in text and "prévenez l'Ucanss" in text


def test_shortcuts_and_mnemonics(qtbot, dialog: PeopleDialog, store: Store) -> None:  # type: ignore[no-untyped-def]
    store.add_organisme("CAF", "CAF d'Armorique", "caisse", "Famille")
    dialog.reload()
    dialog.activateWindow()
    dialog.tabs.setCurrentIndex(ORGANISMES)
    dialog.select_row(dialog.organismes_table, 1)
    assert dialog.organisme_id == 1
    qtbot.keyClick(dialog.organismes_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.organisme_id is None and dialog.code_edit.text() == ""  # Ctrl+N: a new one
    dialog.code_edit.setText("UCANSS")
    dialog.name_edit.setText("Ucanss")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("certificateur"))
    dialog.certifier_combo.setCurrentIndex(dialog.certifier_combo.findData("ucanss"))
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Organisme ajouté : Ucanss." in dialog.organisme_message.text()
    # every field has a label with a mnemonic that focuses it
    from PySide6.QtWidgets import QLabel

    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            assert "&" in label.text(), label.objectName()


def test_a_candidate_gets_their_data_from_the_candidates_tab(qtbot, store, referentiel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from cqp_desktop.gui.people_dialog import PeopleDialog
    from tests.core.package_fixtures import signed_session

    session = signed_session(store, referentiel, candidates=1)
    dialog = PeopleDialog(store)
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.export_candidate_data()  # nothing selected: said in the dialog
    assert "Choisissez d'abord un candidat" in dialog.candidate_message.text()
    dialog.select_row(dialog.candidates_table, session.candidate_ids[0])
    dialog.ask_access_folder = lambda: str(tmp_path)
    with qtbot.waitSignal(dialog.worker.finished, timeout=10_000):
        assert dialog.export_candidate_data()  # written on a worker thread
    data = json.loads((tmp_path / f"candidat-{session.candidate_ids[0]}.json").read_text(encoding="utf-8"))
    assert data["candidate"]["last_name"] == "Martin" and (tmp_path / f"candidat-{session.candidate_ids[0]}.pdf").exists()
    assert "Données du candidat écrites" in dialog.candidate_message.text()
