"""The identity dialog: enrolment with a real Ucanss authority (request saved, certificate installed, then the
member can sign), PKCS#12 import, each member's certificate state, French errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import keys
from cqp_desktop.core.site import site_trust
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import authority
from cqp_desktop.gui.identity_dialog import IdentityDialog, request_filename
from tests.core.test_people import _p12

AUTHORITY_PASSPHRASE = "autorite-ucanss-test"


@pytest.fixture
def ucanss(tmp_path: Path, store: Store) -> LocalAuthority:
    """A fresh Ucanss authority whose trust file this site installed."""
    auth = LocalAuthority.in_folder(tmp_path / "ucanss", AUTHORITY_PASSPHRASE)
    auth.trust(store)
    return auth


@pytest.fixture
def members(store: Store) -> tuple[int, int]:
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    caf = store.add_organisme("CAF-ARM", "CAF d'Armorique", "caisse", "Famille")
    anne = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    claire = store.add_jury_member("Royer", "Claire", caf, "expert", "Famille", "2025-05-07")
    return anne, claire


@pytest.fixture
def dialog(qtbot, store: Store, members: tuple[int, int], ucanss: LocalAuthority, tmp_path: Path) -> IdentityDialog:  # type: ignore[no-untyped-def]
    d = IdentityDialog(store, member_id=members[1], start_folder=tmp_path)
    qtbot.addWidget(d)
    d.show()
    return d


def _request(dialog: IdentityDialog, folder: Path, passphrase: str = "demo-jury-2026") -> Path:
    """Create the key and request through the dialog, saving it in `folder`; the file written."""
    asked: list[str] = []
    dialog.ask_save_path = lambda suggested: asked.append(suggested) or str(folder / suggested)  # type: ignore[method-assign]
    dialog.new_pass.setText(passphrase)
    dialog.new_confirm.setText(passphrase)
    assert dialog.create_key(), dialog.message.text()
    return folder / asked[-1]


def _install(dialog: IdentityDialog, path: Path) -> bool:
    dialog.ask_certificate_file = lambda: str(path)  # type: ignore[method-assign]
    return dialog.install_certificate()


def test_request_written_then_certificate_installed_and_the_member_can_sign(  # type: ignore[no-untyped-def]
    qtbot, dialog: IdentityDialog, store: Store, members: tuple[int, int], ucanss: LocalAuthority, tmp_path: Path
) -> None:
    _anne, claire = members
    assert dialog.member_id() == claire
    assert "n'a pas encore de certificat de signature" in dialog.member_label.text()
    assert dialog.table.item(1, 2).text() == "✘ non certifié(e) : aucune clé"
    assert not dialog.resave_button.isEnabled()
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    qtbot.keyClicks(dialog.new_pass, "court")
    qtbot.keyClicks(dialog.new_confirm, "court")
    qtbot.keyClick(dialog.new_confirm, Qt.Key.Key_Return)
    assert "Phrase secrète : au moins 12 caractères." in dialog.message.text()
    dialog.new_pass.setText("demo-jury-2026")
    dialog.new_confirm.setText("demo-jury-2027")
    assert not dialog.create_key()
    assert "les deux phrases secrètes saisies diffèrent" in dialog.message.text()
    assert store.connection()["certificate_requests"].count == 0
    request_path = _request(dialog, tmp_path)
    assert request_path.name == "demande-certificat-royer-claire.csr"
    assert changed == []  # a request changes nobody's identity yet
    assert dialog.new_pass.text() == "" and dialog.new_confirm.text() == ""  # the passphrase is not kept
    assert "Demande de certificat de Claire ROYER enregistrée" in dialog.message.text()
    assert str(request_path) in dialog.message.text()
    assert "Claire ROYER" in keys.load_request(request_path.read_bytes()).subject.rfc4514_string()
    assert dialog.table.item(1, 2).text() == "⌛ demande envoyée, certificat attendu"
    assert "Demande de certificat en attente" in dialog.member_label.text()
    assert dialog.resave_button.isEnabled()
    assert store.signing_identity(claire) is None  # nothing to sign with before the Ucanss answers
    # The Ucanss certifies the request file it received; the site installs what comes back.
    issued = authority.certify(ucanss.db, request_path.read_bytes(), AUTHORITY_PASSPHRASE)
    certificate_path = tmp_path / "royer-claire.pem"
    certificate_path.write_bytes(issued.pem)
    dialog.select_member(members[0])  # the certificate names its member: the dialog selects her
    assert _install(dialog, certificate_path)
    assert dialog.member_id() == claire and changed == [claire]
    assert dialog.message.text().startswith("Certificat de l'Ucanss installé pour Claire ROYER : certifié(e) jusqu'au ")
    assert dialog.table.item(1, 2).text().startswith("✔ certifié(e) jusqu'au ")
    assert "Peut signer." in dialog.member_label.text() and not dialog.resave_button.isEnabled()
    assert site_trust.identity_problem(store, claire, "expert") is None
    identity = store.signing_identity(claire)
    key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), "demo-jury-2026")
    certificate = keys.load_certificate(bytes(identity["certificate_pem"]))
    assert keys.verify(certificate, b"avis", keys.sign(key, b"avis"))


def test_certificate_from_another_authority_is_refused_with_its_message(  # type: ignore[no-untyped-def]
    dialog: IdentityDialog, store: Store, members: tuple[int, int], tmp_path: Path
) -> None:
    _anne, claire = members
    request_path = _request(dialog, tmp_path)
    other = LocalAuthority.in_folder(tmp_path / "autre", "autre-autorite-1")
    certificate_path = tmp_path / "claire-autre.pem"
    certificate_path.write_bytes(authority.certify(other.db, request_path.read_bytes(), "autre-autorite-1").pem)
    assert not _install(dialog, certificate_path)
    text = dialog.message.text()
    assert text.startswith("Certificat non installé :")
    assert "« claire-autre.pem »" in text and "non délivré par une autorité Ucanss reconnue" in text
    assert store.signing_identity(claire) is None
    assert dialog.table.item(1, 2).text() == "⌛ demande envoyée, certificat attendu"


def test_certificate_file_errors_are_french(dialog: IdentityDialog, tmp_path: Path) -> None:
    assert not _install(dialog, tmp_path / "absent.pem")
    assert "absent.pem » introuvable" in dialog.message.text()
    garbage = tmp_path / "pas-un-certificat.pem"
    garbage.write_bytes(b"bonjour")
    assert not _install(dialog, garbage)
    assert "« pas-un-certificat.pem » : certificat illisible." in dialog.message.text()
    dialog.message.clear()
    dialog.ask_certificate_file = lambda: ""  # type: ignore[method-assign]
    assert not dialog.install_certificate()  # cancelled: nothing said, nothing done
    assert dialog.message.text() == ""


def test_unsaved_request_can_be_saved_again(dialog: IdentityDialog, store: Store, members: tuple[int, int], tmp_path: Path) -> None:
    _anne, claire = members
    dialog.new_pass.setText("demo-jury-2026")
    dialog.new_confirm.setText("demo-jury-2026")
    dialog.ask_save_path = lambda suggested: ""  # type: ignore[method-assign]
    assert not dialog.create_key()
    assert "le fichier de la demande n'a pas été enregistré" in dialog.message.text()
    dialog.ask_save_path = lambda suggested: str(tmp_path / "absent" / "dossier" / suggested)  # type: ignore[method-assign]
    assert dialog.resave_button.isEnabled() and not dialog.save_pending_request()
    assert dialog.message.text().startswith("Demande de certificat non enregistrée :")
    target = tmp_path / "demande.csr"
    dialog.ask_save_path = lambda suggested: str(target)  # type: ignore[method-assign]
    assert dialog.save_pending_request()
    assert target.read_bytes() == bytes(site_trust.pending_request(store, claire)["request_pem"])
    assert store.connection()["certificate_requests"].count == 1  # saving again made no new key


def test_without_the_ucanss_trust_file_the_dialog_says_so(qtbot, store: Store, members: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    d = IdentityDialog(store)
    qtbot.addWidget(d)
    assert d.message.text().startswith("Aucune autorité Ucanss n'est installée sur ce poste")
    assert "Fichier › Autorité de confiance Ucanss…" in d.message.text()


def test_with_the_trust_file_no_notice(dialog: IdentityDialog) -> None:
    assert dialog.message.text() == ""


def test_request_file_name_is_plain_ascii() -> None:
    assert request_filename("Anne-Sophie", "Le Bœuf d'Étretat") == "demande-certificat-le-buf-d-etretat-anne-sophie.csr"
    assert request_filename("", "") == "demande-certificat-membre.csr"


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
    # A self-made certificate is kept but cannot sign: the state says so now, not at signing time.
    assert "Mais signature impossible" in dialog.message.text()
    assert dialog.table.item(0, 2).text() == "✘ non certifié par l'Ucanss"
    assert "Ne peut pas signer" in dialog.member_label.text()


def test_pkcs12_replacing_a_certificate_asks_first(  # type: ignore[no-untyped-def]
    dialog: IdentityDialog, store: Store, members: tuple[int, int], ucanss: LocalAuthority, tmp_path: Path, monkeypatch
) -> None:
    anne, _claire = members
    ucanss.enrol(store, anne, "phrase-anne-1")
    dialog.reload()
    dialog.select_member(anne)
    first = store.signing_identity(anne)["fingerprint"]
    path = tmp_path / "anne.p12"
    path.write_bytes(_p12("mdp-du-fichier"))
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_replace", lambda name: asked.append(name) or False)
    for edit, text in (
        (dialog.file_edit, str(path)), (dialog.file_pass, "mdp-du-fichier"),
        (dialog.import_pass, "phrase-anne-2"), (dialog.import_confirm, "phrase-anne-2"),
    ):
        edit.setText(text)
    assert not dialog.import_certificate()
    assert asked == ["Anne DELORME"] and store.signing_identity(anne)["fingerprint"] == first


def test_states_of_revoked_and_expired_members_are_shown(  # type: ignore[no-untyped-def]
    dialog: IdentityDialog, store: Store, members: tuple[int, int], ucanss: LocalAuthority
) -> None:
    anne, claire = members
    ucanss.revoke(ucanss.enrol(store, anne, "phrase-anne-1"), "depart")
    ucanss.trust(store)  # the Ucanss's next trust file carries the revocation
    ucanss.enrol(store, claire, "phrase-claire", days=1)
    dialog.reload()
    dialog.select_member(anne)
    assert dialog.table.item(0, 2).text().startswith("✘ révoqué le ")
    assert "révoqué par l'Ucanss" in dialog.table.item(0, 2).toolTip()
    assert "Ne peut pas signer" in dialog.member_label.text() and "révoqué" in dialog.member_label.text()
    assert dialog.table.item(1, 2).text().startswith("✔ certifié(e) jusqu'au ")


def test_browse_fills_the_file(dialog: IdentityDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialog, "ask_file", lambda: "/tmp/x.p12")
    dialog._browse()
    assert dialog.file_edit.text() == "/tmp/x.p12"


def test_fits_laptop_screens(dialog: IdentityDialog, store: Store, members: tuple[int, int], ucanss: LocalAuthority, tmp_path: Path) -> None:
    anne, _claire = members
    ucanss.enrol(store, anne, "phrase-anne-1")
    _request(dialog, tmp_path)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680, hint
    for width, height in ((1366, 728), (1280, 720)):
        dialog.resize(width - 40, height - 40)  # a title bar and a frame take the rest
        assert dialog.grab().save(str(tmp_path / f"identity-{width}.png"))


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


def test_passphrase_fields_rate_what_is_typed(qtbot, dialog: IdentityDialog) -> None:  # type: ignore[no-untyped-def]
    hint = dialog.strength[dialog.new_pass]
    assert "Au moins 12 caractères" in hint.text()
    qtbot.keyClicks(dialog.new_pass, "court")
    assert "Trop courte : 5 caractère(s) sur 12" in hint.text()
    dialog.new_pass.clear()
    qtbot.keyClicks(dialog.new_pass, "aaaaaaaaaaaaaa")
    assert "Faible" in hint.text()
    dialog.new_pass.clear()
    qtbot.keyClicks(dialog.new_pass, "cheval Agrafe 47 batterie")
    assert "Solide" in hint.text()
    assert "Au moins 12" in dialog.strength[dialog.import_pass].text()
    dialog.resize(1280, 720)
    dialog.grab().save("/tmp/identity_strength.png")
