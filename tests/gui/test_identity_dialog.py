"""The identity dialog: create a key with a confirmed passphrase, import a PKCS#12, replace after confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cqp_desktop.core import keys
from cqp_desktop.core.store import Store
from cqp_desktop.gui.identity_dialog import IdentityDialog
from tests.core.test_people import _p12


@pytest.fixture
def members(store: Store) -> tuple[int, int]:
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    caf = store.add_organisme("CAF-ARM", "CAF d'Armorique", "caisse", "Famille")
    anne = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    claire = store.add_jury_member("Royer", "Claire", caf, "expert", "Famille", "2025-05-07")
    return anne, claire


@pytest.fixture
def dialog(qtbot, store: Store, members: tuple[int, int]) -> IdentityDialog:  # type: ignore[no-untyped-def]
    d = IdentityDialog(store, member_id=members[1])
    qtbot.addWidget(d)
    d.show()
    return d


def test_lists_members_and_creates_a_key(qtbot, dialog: IdentityDialog, store: Store, members: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    anne, claire = members
    assert dialog.member_id() == claire
    assert "n'a pas encore d'identité de signature" in dialog.member_label.text()
    assert dialog.table.item(1, 2).text() == "✘ aucune"
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    qtbot.keyClicks(dialog.new_pass, "court")
    qtbot.keyClicks(dialog.new_confirm, "court")
    qtbot.keyClick(dialog.new_confirm, Qt.Key.Key_Return)
    assert "Phrase secrète : au moins 8 caractères." in dialog.message.text()
    dialog.new_pass.setText("demo-jury-2026")
    dialog.new_confirm.setText("demo-jury-2027")
    assert not dialog.create_key()
    assert "les deux phrases secrètes saisies diffèrent" in dialog.message.text()
    assert store.db["signing_identities"].count == 0
    dialog.new_confirm.setText("demo-jury-2026")
    assert dialog.create_key()
    assert changed == [claire]
    assert dialog.new_pass.text() == "" and dialog.new_confirm.text() == ""  # the passphrase is not kept
    assert "Clé créée pour Claire ROYER" in dialog.message.text()
    assert dialog.table.item(1, 2).text() == "✔ prête" and dialog.table.item(1, 3).text().endswith("…")
    assert "certificat « Claire ROYER »" in dialog.member_label.text()
    identity = store.signing_identity(claire)
    keys.load_private_key(bytes(identity["encrypted_key_pem"]), "demo-jury-2026")


def test_replacement_asks_first(dialog: IdentityDialog, store: Store, members: tuple[int, int], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _anne, claire = members
    dialog.new_pass.setText("demo-jury-2026")
    dialog.new_confirm.setText("demo-jury-2026")
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_replace", lambda name: asked.append(name) or False)
    assert dialog.create_key()
    assert asked == []  # nothing to replace
    first = store.signing_identity(claire)["fingerprint"]
    dialog.new_pass.setText("autre-phrase-1")
    dialog.new_confirm.setText("autre-phrase-1")
    assert not dialog.create_key()  # refused at the confirmation
    assert asked == ["Claire ROYER"] and store.signing_identity(claire)["fingerprint"] == first
    monkeypatch.setattr(dialog, "confirm_replace", lambda name: True)
    assert dialog.create_key()
    assert store.signing_identity(claire)["fingerprint"] != first
    assert store.db.execute("SELECT count(*) FROM signing_identities WHERE retired_at IS NOT NULL").fetchone()[0] == 1


def test_import_pkcs12_with_french_errors(dialog: IdentityDialog, store: Store, members: tuple[int, int], tmp_path: Path) -> None:
    anne, _claire = members
    dialog.select_member(anne)
    assert dialog.import_certificate() is False
    assert "Fichier : choisissez le certificat PKCS#12" in dialog.message.text()
    dialog.file_edit.setText(str(tmp_path / "absent.p12"))
    assert not dialog.import_certificate()
    assert "absent.p12 » introuvable" in dialog.message.text()
    path = tmp_path / "anne.p12"
    path.write_bytes(_p12("mdp-du-fichier"))
    dialog.file_edit.setText(str(path))
    dialog.file_pass.setText("mauvais")
    dialog.import_pass.setText("phrase-anne-1")
    dialog.import_confirm.setText("phrase-anne-1")
    assert not dialog.import_certificate()
    assert "« anne.p12 » : Certificat PKCS#12 illisible : mot de passe incorrect" in dialog.message.text()
    dialog.file_pass.setText("mdp-du-fichier")
    assert dialog.import_certificate()
    assert "Certificat importé pour Anne DELORME" in dialog.message.text()
    assert store.signing_identity(anne)["source"] == "pkcs12"
    assert "certificat PKCS#12 importé" in dialog.member_label.text()


def test_browse_fills_the_file(dialog: IdentityDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialog, "ask_file", lambda: "/tmp/x.p12")
    dialog._browse()
    assert dialog.file_edit.text() == "/tmp/x.p12"


def test_render(dialog: IdentityDialog, tmp_path: Path) -> None:
    dialog.new_pass.setText("demo-jury-2026")
    dialog.new_confirm.setText("demo-jury-2026")
    dialog.create_key()
    assert dialog.grab().save(str(tmp_path / "identity.png"))


def test_replace_question_in_french(dialog: IdentityDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def answer(box: QMessageBox, choice: str) -> int:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Remplacer"))
    assert dialog.confirm_replace("Claire ROYER") is True
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Annuler"))
    assert dialog.confirm_replace("Claire ROYER") is False
    assert seen[0].startswith("Claire ROYER a déjà une identité de signature.")
