"""After the Ucanss's acknowledgment and the purge, no file of the data folder keeps a purged candidate's
name or identifier: database, WAL, backups, anchor, stored PDFs — and the audit chain still verifies."""

from __future__ import annotations

from pathlib import Path

import pytest

from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site import avis
from cqp_desktop.core.site.acknowledgment import PURGED_NAME, import_acknowledgment, purge_personal_data
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss.national import import_package, open_national
from cqp_desktop.paths import database_path
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority


def _every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _acknowledged_site(tmp_path: Path):  # type: ignore[no-untyped-def]
    from cqp_desktop.core.exchange.ucanss_files import acknowledgment_file
    from cqp_desktop.core.ucanss import authority

    site = tmp_path / "site"
    site.mkdir()
    store = Store.open(database_path(site), wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    people = [dict(store.connection()["candidates"].get(c)) for c in session.candidate_ids]
    backup.backup_now(store, site, "manuelle")  # copies taken before the purge hold the names
    result = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path)
    db = open_national(tmp_path / "national.sqlite3")
    outcome = import_package(db, result.path.read_bytes(), trust=anchors())
    db.close()
    key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
    assert import_acknowledgment(store, acknowledgment_file(outcome.acknowledgment, key, cert)).synchronised
    backup.backup_now(store, site, "manuelle")
    return site, store, session, people


def test_no_file_of_the_data_folder_keeps_a_purged_name_or_identifier(tmp_path: Path) -> None:
    site, store, session, people = _acknowledged_site(tmp_path)
    secrets = [p[k].encode("utf-8") for p in people for k in ("last_name", "first_name", "uuid")]
    before = b"".join(f.read_bytes() for f in _every_file(site))
    assert all(secret in before for secret in secrets)  # the test can fail: they were there
    assert len(backup.list_backups(site)) >= 2

    purged = purge_personal_data(store, session.session_id, actor="1")
    assert sorted(purged) == sorted(session.candidate_ids)
    assert store.verify_audit_chain() == []
    rows = [store.connection()["candidates"].get(c) for c in session.candidate_ids]
    assert all(r["last_name"] == PURGED_NAME and r["first_name"] == "" and r["purged_at"] for r in rows)
    assert store.connection().execute("SELECT count(*) FROM decisions").fetchone()[0] > 0  # results kept
    # the signed rows are immutable again once the purge is over
    with pytest.raises(Exception, match="interdit"):
        with store.connection().atomic():
            store.connection().execute("UPDATE notes SET text = 'x'")
    store.close()

    found = {f.name: [s.decode() for s in secrets if s in f.read_bytes()] for f in _every_file(site)}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert [b.reason for b in backup.list_backups(site)] == ["purge"]  # older copies replaced by a clean one


def test_the_purged_base_reopens_and_its_integrity_check_passes(tmp_path: Path) -> None:
    site, store, session, _people = _acknowledged_site(tmp_path)
    purge_personal_data(store, session.session_id)
    first = avis.signed_avis(store, session.epreuve_ids[0])
    assert first is not None and first.preconisations in ("", "(effacé après accusé de réception de l'Ucanss)")
    store.close()
    again = Store.open(database_path(site))  # the anchor and the seals agree with the rewritten rows
    assert again.verify_audit_chain() == []
    again.close()


def test_a_candidate_gets_everything_the_site_holds_about_them(tmp_path: Path, store: Store) -> None:
    import json

    from cqp_desktop.core.site.subject_access import SubjectAccessError, export

    session = signed_session(store, load_default(), candidates=1)
    lea = session.candidate_ids[0]
    out = tmp_path / "demande"
    out.mkdir()
    done = export(store, lea, out)
    data = json.loads(done.json_path.read_text(encoding="utf-8"))
    assert data["candidate"]["last_name"] == "Martin" and len(data["epreuves"]) == done.epreuves >= 2
    first = next(e for e in data["epreuves"] if e["mode"] == "certification")
    assert first["decisions"] and first["notes"] and first["avis"][0]["signatures"]
    assert first["notes"][0]["text"].startswith("Observation de Léa")  # the jury's notes are hers too
    import subprocess

    text = subprocess.run(["pdftotext", str(done.pdf_path), "-"], capture_output=True, text=True).stdout
    assert "Léa MARTIN" in text and "Avis version 1" in text
    assert [e["action"] for e in store.audit_entries()][-1] == "candidate.subject_access"
    with pytest.raises(SubjectAccessError, match="introuvable"):
        export(store, 999, out)


def test_purge_reminders_follow_the_retention_setting(tmp_path: Path) -> None:
    import datetime as dt

    from cqp_desktop.core.site.acknowledgment import purge_reminders

    site, store, session, _people = _acknowledged_site(tmp_path)
    today = dt.date.today()
    assert purge_reminders(store, today, 30) == []
    [reminder] = purge_reminders(store, today + dt.timedelta(days=31), 30)
    assert reminder.session_id == session.session_id and reminder.days >= 30
    purge_personal_data(store, session.session_id)
    assert purge_reminders(store, today + dt.timedelta(days=31), 30) == []
    store.close()
