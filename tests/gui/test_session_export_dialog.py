"""The session export dialog: state shown, export signed (and encrypted), acknowledgment imported, purge confirmed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cqp_desktop.core.exchange.package_format import looks_encrypted
from cqp_desktop.core.exchange.ucanss_files import ACK_MAGIC, acknowledgment_file
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.acknowledgment import PURGED_NAME
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.session_export_dialog import SessionExportDialog
from tests.core.package_fixtures import PASSPHRASE, SignedSession, signed_session
from tests.core.test_package import ucanss_identity


@pytest.fixture
def session(store: Store, referentiel: Referentiel) -> SignedSession:
    return signed_session(store, referentiel, candidates=2, timer=False)


@pytest.fixture
def dialog(qtbot, store: Store, session: SignedSession, tmp_path: Path) -> SessionExportDialog:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    values = {**settings_mod.defaults(data_dir).values, "export_dir": str(tmp_path / "exports")}
    settings_mod.save(data_dir, settings_mod.Settings(values))
    d = SessionExportDialog(store, data_dir)
    qtbot.addWidget(d)
    d.show()
    assert d.output_edit.text() == str(tmp_path / "exports")  # the settings' export folder, created at export
    return d


def ack_for(store: Store, session_id: int, revision: int, digest: str) -> bytes:
    """What the Ucanss sends back for the export with this digest: its exact content, signed by its service key."""
    from cqp_desktop.core.ucanss import authority
    from tests.trust_helpers import AUTHORITY_PASSPHRASE, shared_authority

    row = store.connection().execute("SELECT uuid, label FROM cert_sessions WHERE id = ?", [session_id]).fetchone()
    exports = [json.loads(r[0]) for r in store.connection().execute("SELECT details FROM audit WHERE action = 'package.export'")]
    export = next((e for e in exports if e.get("manifest_sha256") == digest), exports[-1])
    body = {
        "magic": ACK_MAGIC, "format": 2, "session_uuid": row[0], "session_label": row[1], "revision": revision,
        "manifest_sha256": digest, "received_at": "2026-12-20T10:00:00+00:00",
        "candidates": sorted(
            r[0] for r in store.connection().execute(
                "SELECT DISTINCT c.uuid FROM candidates c JOIN epreuves e ON e.candidate_id = c.id "
                "WHERE e.session_id = ? AND e.mode = 'certification'", [session_id]
            )
        ),
        "epreuves": export["epreuves"],
    }
    key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
    return acknowledgment_file(body, key, cert)


def run_export(qtbot, dialog: SessionExportDialog) -> bool:  # type: ignore[no-untyped-def]
    """Start the export (it runs on a worker thread), wait for its end; True when the package was written."""
    if not dialog.export():
        return False
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=30_000)
    return "Paquet écrit" in dialog.message.text()


def test_export_import_ack_and_purge(qtbot, dialog: SessionExportDialog, store: Store, session: SignedSession, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert dialog.session_id() == session.session_id
    assert "prête à exporter" in dialog.state_label.text()
    assert "4 avis signé(s) sur 4 épreuve(s)" in dialog.state_label.text()
    assert dialog.president_combo.currentData() == session.president_id
    assert not dialog.export_button.isEnabled()
    assert "phrase secrète" in dialog.export_blocker()
    assert dialog.export_hint.text() == "Saisissez la phrase secrète du/de la président(e)."
    assert not dialog.purge_button.isEnabled() and "accusé réception" in dialog.purge_info.text()

    dialog.passphrase_edit.setText("mauvaise phrase")
    assert not run_export(qtbot, dialog)
    assert "Paquet non exporté : Phrase secrète incorrecte" in dialog.message.text()
    assert dialog.passphrase_edit.text() == ""  # never kept

    changes: list[None] = []
    dialog.changed.connect(lambda: changes.append(None))
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert run_export(qtbot, dialog)
    files = list((tmp_path / "exports").glob("*.cqpkg"))
    assert len(files) == 1 and files[0].read_bytes().startswith(b"PK")
    assert "Paquet écrit" in dialog.message.text() and "2 candidat(s), 4 épreuve(s)" in dialog.message.text()
    assert "paquet exporté, en attente d'accusé" in dialog.state_label.text()
    assert changes == [None]
    export = [json.loads(e["details"]) for e in store.audit_entries() if e["action"] == "package.export"][-1]

    # a wrong acknowledgment is refused in French
    bad = tmp_path / "autre.ack.json"
    bad.write_bytes(ack_for(store, session.session_id, export["revision"], "0" * 64))
    dialog.ack_edit.setText(str(bad))
    assert not dialog.import_ack()
    assert "Accusé refusé" in dialog.message.text() and "ne correspond à aucun paquet exporté" in dialog.message.text()
    dialog.ack_edit.setText(str(tmp_path / "absent.ack.json"))
    assert not dialog.import_ack() and "introuvable" in dialog.message.text()

    good = tmp_path / "session.ack.json"
    good.write_bytes(ack_for(store, session.session_id, export["revision"], export["manifest_sha256"]))
    dialog.ack_edit.setText(str(good))
    assert dialog.import_ack()
    assert "La session est synchronisée" in dialog.message.text()
    assert "synchronisée" in dialog.state_label.text()
    assert dialog.purge_button.isEnabled()

    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_purge", lambda text: asked.append(text) or False)
    assert not dialog.purge()
    assert "rien n'a été effacé" in dialog.message.text()
    assert "Léa MARTIN, Hugo PETIT" in asked[0] and "Sont conservés" in asked[0]
    assert store.connection().execute("SELECT count(*) FROM candidates WHERE purged_at IS NOT NULL").fetchone()[0] == 0
    monkeypatch.setattr(dialog, "confirm_purge", lambda text: True)
    assert dialog.purge()
    assert "Noms effacés pour 2 candidat(s)" in dialog.message.text()
    names = {r[0] for r in store.connection().execute("SELECT last_name FROM candidates")}
    assert names == {PURGED_NAME}
    assert "noms effacés" in dialog.state_label.text() and not dialog.purge_button.isEnabled()


def test_encrypted_export_and_missing_certificate(qtbot, dialog: SessionExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _key, cert_path, _ = ucanss_identity(tmp_path)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.encrypt_check.setChecked(True)
    assert "certificat de chiffrement" in dialog.export_blocker()
    dialog.cert_edit.setText(str(tmp_path / "absent.pem"))
    assert not run_export(qtbot, dialog)
    assert "Certificat de l'Ucanss « " in dialog.message.text() and "introuvable" in dialog.message.text()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.cert_edit.setText(str(cert_path))
    assert run_export(qtbot, dialog)
    files = list((tmp_path / "exports").glob("*.cqpkg.p7m"))
    assert len(files) == 1 and looks_encrypted(files[0].read_bytes())
    assert "chiffré pour l'Ucanss" in dialog.message.text()


def test_unsigned_session_and_president_without_identity(qtbot, store: Store, referentiel: Referentiel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.endtoend import demo

    demo.populate(store, referentiel)
    store.connection().execute("UPDATE signing_identities SET retired_at = '2026-12-01' WHERE member_id = 1")
    d = SessionExportDialog(store, tmp_path)
    qtbot.addWidget(d)
    d.show()
    assert "avis à signer" in d.state_label.text()
    assert "avis reste(nt) à signer" in d.export_blocker()
    labels = [d.president_combo.itemText(i) for i in range(d.president_combo.count())]
    assert "Anne DELORME (pas d'identité de signature : menu Jury)" in labels
    assert not run_export(qtbot, d)
    assert "à signer avant l'export" in d.message.text()


def test_no_session(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = SessionExportDialog(store, tmp_path)
    qtbot.addWidget(d)
    assert "Aucune session sur ce poste" in d.state_label.text()
    assert not d.export_button.isEnabled() and not d.purge_button.isEnabled()


def test_render(qtbot, dialog: SessionExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.passphrase_edit.setText(PASSPHRASE)
    run_export(qtbot, dialog)
    assert dialog.grab().save(str(tmp_path / "export.png"))


def test_purge_question_names_its_buttons_in_french(dialog: SessionExportDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, list[str]]] = []

    def answer(box: QMessageBox, choice: str) -> int:
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Annuler"))
    assert dialog.confirm_purge("Les noms de 2 candidat(s)…") is False
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Effacer les noms"))
    assert dialog.confirm_purge("Les noms de 2 candidat(s)…") is True
    assert seen[0][0] == "Les noms de 2 candidat(s)…" and sorted(seen[0][1]) == ["Annuler", "Effacer les noms"]


def test_epreuves_outside_any_session_are_pointed_out(qtbot, store: Store, referentiel: Referentiel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.core.package_fixtures import make_site

    site = make_site(store)
    candidate = store.add_candidate("Martin", "Léa", site.employer_id, "COS", "formation", True)
    store.plan_epreuve(candidate, referentiel, "MDR", "2026-12-03", president_id=site.president_id, expert_id=site.expert_id)
    d = SessionExportDialog(store, tmp_path)
    qtbot.addWidget(d)
    assert d.epreuves_outside_sessions() == 1
    assert "Aucune session sur ce poste" in d.state_label.text()
    assert "1 épreuve(s) de certification ne sont rattachées à aucune session" in d.state_label.text()


def test_the_export_runs_off_the_gui_thread(qtbot, dialog: SessionExportDialog, store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Meanwhile the dialog says what is being done under a busy bar, starts nothing else (export, import of an
    acknowledgment, purge) and the GUI thread serves events; the journal entry is anchored at the end."""
    import threading

    from cqp_desktop.core.site import package_export
    from cqp_desktop.core.storage import anchor

    gate = threading.Event()
    threads: list[str] = []
    real = package_export.export_package

    def slow_export(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(package_export, "export_package", slow_export)
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.ack_edit.setText(str(tmp_path / "x.ack.json"))
    assert dialog.export() is True
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert threads[0] != threading.main_thread().name
    qtbot.wait(50)
    assert dialog.isAncestorOf(dialog.busy_bar) and dialog.busy_bar.isVisible() and "Export en cours" in dialog.export_hint.text()
    assert not dialog.export_button.isEnabled() and not dialog.import_ack_button.isEnabled()
    assert not dialog.purge_button.isEnabled() and dialog.export() is False
    dialog.grab().save(str(tmp_path / "export-busy.png"))
    gate.set()
    qtbot.waitUntil(lambda: not dialog.worker.running, timeout=30_000)
    assert "Paquet écrit" in dialog.message.text() and not dialog.busy_bar.isVisible()
    assert len(list((tmp_path / "exports").glob("*.cqpkg"))) == 1
    assert any(e["action"] == "package.export" for e in store.audit_entries())
    head = store.connection().execute("SELECT id FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    db_file = Path(store.connection().execute("PRAGMA database_list").fetchone()[2])
    assert anchor.read(db_file).seq == head[0]  # the owner anchored what the worker's connection wrote
