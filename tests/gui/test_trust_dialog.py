"""The trust-file screen: a real Ucanss trust file described (root, fingerprint, revocation list,
référentiels), a first or a different root installed only after confirmation, updates and refusals in French."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import keys
from cqp_desktop.core.model.referentiel import canonical_data
from cqp_desktop.core.site import site_trust
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.trust_dialog import TrustDialog, grouped_fingerprint
from cqp_desktop.resources import default_referentiel_path


@pytest.fixture
def ucanss(tmp_path: Path) -> LocalAuthority:
    auth = LocalAuthority.in_folder(tmp_path / "ucanss", "autorite-ucanss-test")
    auth.publish_referentiel(canonical_data(default_referentiel_path()))
    return auth


@pytest.fixture
def dialog(qtbot, store: Store, tmp_path: Path) -> TrustDialog:  # type: ignore[no-untyped-def]
    d = TrustDialog(store, start_folder=tmp_path)
    qtbot.addWidget(d)
    d.show()
    return d


def _file(folder: Path, auth: LocalAuthority, name: str = "confiance-ucanss.json") -> Path:
    path = folder / name
    path.write_bytes(auth.bundle())
    return path


def _installed_roots(store: Store) -> set[str]:
    return site_trust.anchors(store).root_fingerprints()


def test_first_root_is_described_and_installed_only_once_confirmed(  # type: ignore[no-untyped-def]
    dialog: TrustDialog, store: Store, ucanss: LocalAuthority, tmp_path: Path
) -> None:
    assert "Aucune autorité installée" in dialog.installed_label.text()
    assert not dialog.install_button.isEnabled()
    fp = keys.fingerprint(ucanss.root())
    dialog.ask_file = lambda: str(_file(tmp_path, ucanss))  # type: ignore[method-assign]
    dialog.choose_button.click()
    info = dialog.file_info.text()
    assert keys.subject_name(ucanss.root()) in info and grouped_fingerprint(fp) in info
    assert "liste de révocation n° " in info and "1 référentiel(s) publié(s)" in info
    assert "Première autorité de ce poste" in info and dialog.install_button.isEnabled()
    asked: list[tuple[str, str, bool]] = []
    dialog.confirm_root = lambda name, fingerprint, first: asked.append((name, fingerprint, first)) or False  # type: ignore[method-assign]
    assert not dialog.install()
    assert asked == [(keys.subject_name(ucanss.root()), fp, True)]
    assert dialog.message.text() == "Rien n'a été installé." and _installed_roots(store) == set()
    installed: list[str] = []
    dialog.installed.connect(installed.append)
    dialog.confirm_root = lambda name, fingerprint, first: True  # type: ignore[method-assign]
    assert dialog.install()
    assert _installed_roots(store) == {fp} and installed == [fp]
    assert dialog.message.text().startswith("Autorité installée : ")
    assert grouped_fingerprint(fp) in dialog.installed_label.text()
    assert "1 référentiel(s) publié(s) par l'Ucanss." in dialog.installed_label.text()
    assert not dialog.install_button.isEnabled() and dialog.file_info.text() == ""


def test_trust_file_from_another_authority_is_refused_without_confirmation(  # type: ignore[no-untyped-def]
    dialog: TrustDialog, store: Store, ucanss: LocalAuthority, tmp_path: Path
) -> None:
    ucanss.trust(store)
    dialog.refresh()
    other = LocalAuthority.in_folder(tmp_path / "autre", "autre-autorite-1")
    assert dialog.load_file(str(_file(tmp_path, other, "autre.json")))
    assert "autorité différente de celle installée" in dialog.file_info.text()
    asked: list[bool] = []
    dialog.confirm_root = lambda name, fingerprint, first: asked.append(first) or False  # type: ignore[method-assign]
    assert not dialog.install()
    assert asked == [False]
    assert dialog.message.text().startswith("Refusé : « autre.json » vient d'une autre autorité")
    assert _installed_roots(store) == {keys.fingerprint(ucanss.root())}
    # Only when the user confirms that the Ucanss announced it is a second root trusted.
    dialog.confirm_root = lambda name, fingerprint, first: True  # type: ignore[method-assign]
    assert dialog.install()
    assert _installed_roots(store) == {keys.fingerprint(ucanss.root()), keys.fingerprint(other.root())}


def test_update_from_the_installed_root_needs_no_confirmation_and_an_older_file_is_refused(  # type: ignore[no-untyped-def]
    dialog: TrustDialog, store: Store, ucanss: LocalAuthority, tmp_path: Path
) -> None:
    old = _file(tmp_path, ucanss, "ancien.json")
    ucanss.trust(store)
    member = store.add_jury_member("Delorme", "Anne", store.add_organisme("UCANSS", "Ucanss", "certificateur"), "president", None, "2025-03-12")
    ucanss.revoke(ucanss.enrol(store, member, "phrase-anne-1"), "depart")
    new = _file(tmp_path, ucanss, "nouveau.json")
    dialog.refresh()
    dialog.confirm_root = lambda *args: pytest.fail("no question for the installed root")  # type: ignore[method-assign]
    assert dialog.load_file(str(new))
    assert "Mise à jour de l'autorité installée" in dialog.file_info.text()
    assert "(1 certificat(s) révoqué(s))" in dialog.file_info.text()
    assert dialog.install()
    assert dialog.message.text().startswith("Autorité mise à jour : ")
    assert "(1 certificat(s) révoqué(s))" in dialog.installed_label.text()
    assert site_trust.identity_problem(store, member, "president") is not None  # the revocation is in force
    assert dialog.load_file(str(new))
    assert "déjà installé" in dialog.file_info.text()
    assert dialog.install() and "déjà installé" in dialog.message.text()
    assert dialog.load_file(str(old))
    assert "Plus ancien que celui installé" in dialog.file_info.text() and not dialog.install_button.isEnabled()


def test_bad_files_are_refused_in_french(dialog: TrustDialog, store: Store, ucanss: LocalAuthority, tmp_path: Path) -> None:
    assert not dialog.install()
    assert dialog.message.text() == "Choisissez d'abord le fichier de confiance reçu de l'Ucanss."
    assert not dialog.load_file(str(tmp_path / "absent.json"))
    assert "absent.json » introuvable" in dialog.message.text()
    garbage = tmp_path / "paquet.json"
    garbage.write_text('{"format": 2}', encoding="utf-8")
    assert not dialog.load_file(str(garbage))
    assert dialog.message.text() == "Fichier refusé : « paquet.json » n'est pas un fichier de confiance Ucanss cqp-desktop."
    document = json.loads(ucanss.bundle())
    document["bundle"]["referentiels"] = []  # drops what the Ucanss published: the signature no longer holds
    forged = tmp_path / "modifie.json"
    forged.write_text(json.dumps(document), encoding="utf-8")
    assert not dialog.load_file(str(forged))
    assert "signature de l'autorité invalide (fichier modifié)" in dialog.message.text()
    assert not dialog.install_button.isEnabled() and _installed_roots(store) == set()


def test_root_question_in_french_shows_the_fingerprint(dialog: TrustDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, str]] = []

    def answer(box: QMessageBox, accept: bool) -> int:
        seen.append((box.text(), box.informativeText()))
        buttons = {b.text(): b for b in box.buttons()}
        buttons["Les empreintes sont identiques : installer" if accept else "Annuler"].click()
        return 0

    fp = "ab" * 32
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, True))
    assert dialog.confirm_root("Autorité X", fp, True) is True
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, False))
    assert dialog.confirm_root("Autorité X", fp, False) is False
    assert seen[0][0] == "Installer l'autorité « Autorité X » comme autorité de confiance de ce poste ?"
    assert grouped_fingerprint(fp) in seen[0][1]
    assert seen[1][0].startswith("Ce fichier vient d'une autorité DIFFÉRENTE")


def test_fits_laptop_screens(dialog: TrustDialog, store: Store, ucanss: LocalAuthority, tmp_path: Path) -> None:
    ucanss.trust(store)
    dialog.refresh()
    dialog.load_file(str(_file(tmp_path, ucanss)))
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680, hint
    for width, height in ((1366, 728), (1280, 720)):
        dialog.resize(width - 40, height - 40)
        assert dialog.grab().save(str(tmp_path / f"trust-{width}.png"))


def test_menu_entry_opens_the_trust_screen(env) -> None:  # type: ignore[no-untyped-def]
    entries = {a.text(): a for a in env.window.file_menu.actions()}
    entries["Autorité de &confiance Ucanss…"].trigger()
    assert isinstance(env.window.dialog, TrustDialog) and env.window.dialog.isVisible()
    env.window.dialog.close()
