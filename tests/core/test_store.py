"""The durable store: pragmas on every connection, one committed transaction per action, immutability."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from cqp_desktop.core.endtoend import demo
from cqp_desktop.core.model.referentiel import Referentiel, canonical_data
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage.db import connect, open_database, schema_steps
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.schema import known_steps
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path

from ..conftest import DATA, FakeWallClock

FIXTURE_0001 = DATA / "schema-0001_initial.sqlite3"


def _epreuve(store: Store, referentiel: Referentiel) -> int:
    org = store.add_organisme("CPAM-T", "CPAM de Test", "caisse", "Maladie")
    cand = store.add_candidate("Martin", "Léa", org, "COS", "formation", True)
    return store.plan_epreuve(cand, referentiel, "GRU", "2026-12-02", alternative="double_ecoute")


def test_every_connection_is_wal_and_synchronous_full(store: Store, db_path: Path) -> None:
    for db in (store.connection(), connect(db_path), connect(db_path)):
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # synchronous is not persisted by SQLite: a raw connection shows the default, ours never does.
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL is persisted


def test_each_action_is_committed_before_it_returns(store: Store, referentiel: Referentiel, db_path: Path) -> None:
    epreuve = _epreuve(store, referentiel)
    other = sqlite3.connect(db_path)  # another connection sees only committed data
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE, phase="observation")
    assert other.execute("SELECT decision FROM decisions").fetchall() == [("valide",)]
    store.add_note(epreuve, "Reformule bien la demande", competence="GRU.C1")
    assert other.execute("SELECT text FROM notes").fetchall() == [("Reformule bien la demande",)]
    assert not store.connection().conn.in_transaction
    actions = [r[0] for r in other.execute("SELECT action FROM audit ORDER BY id")]
    assert actions[-2:] == ["decision.set", "note.set"]


def test_a_failed_action_leaves_no_half_write(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    before = store.connection()["audit"].count
    with pytest.raises(ValueError):
        store.record_decision(epreuve, "GRU.C1.1", "peut-être")  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_timer_event(epreuve, "teleport", mono_ns=1)
    assert store.connection()["audit"].count == before
    assert store.connection()["decisions"].count == 0


def test_undo_restores_the_previous_value_by_appending(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    store.record_decision(epreuve, "GRU.C1.2", Decision.NON_VALIDE)
    store.record_decision(epreuve, "GRU.C1.1", Decision.NON_VALIDE)
    assert store.current_decisions(epreuve) == {"GRU.C1.1": Decision.NON_VALIDE, "GRU.C1.2": Decision.NON_VALIDE}
    store.undo_last_decision(epreuve)
    assert store.current_decisions(epreuve)["GRU.C1.1"] == Decision.VALIDE
    store.undo_last_decision(epreuve)
    assert store.current_decisions(epreuve)["GRU.C1.2"] == Decision.NON_OBSERVE
    store.undo_last_decision(epreuve)
    assert store.current_decisions(epreuve)["GRU.C1.1"] == Decision.NON_OBSERVE
    assert store.undo_last_decision(epreuve) is None
    assert store.connection()["decisions"].count == 6  # nothing was deleted


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decisions SET decision = 'valide'",
        "DELETE FROM decisions",
        "UPDATE notes SET text = 'autre'",
        "DELETE FROM notes",
        "UPDATE timer_events SET mono_ns = 0",
        "DELETE FROM timer_events",
        "UPDATE audit SET actor = 'x'",
        "DELETE FROM audit",
    ],
)
def test_journals_are_append_only_even_by_direct_sql(store: Store, referentiel: Referentiel, statement: str) -> None:
    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.NON_VALIDE)
    store.add_note(epreuve, "note", competence="GRU.C1")
    store.add_timer_event(epreuve, "start", mono_ns=10, phase="observation")
    with pytest.raises(sqlite3.IntegrityError, match="interdite"):
        with store.connection().atomic():
            store.connection().execute(statement)


def _signed_avis(store: Store, epreuve: int) -> int:
    president = store.add_jury_member("Delorme", "Anne", 1, "president", None, "2025-03-12")
    with store.connection().atomic():
        avis = store.connection().execute(
            "INSERT INTO avis (epreuve_id, computed_validated, jury_validated, created_at) VALUES (?, 1, 1, 'x')",
            [epreuve],
        ).lastrowid
        store.connection().execute(
            "INSERT INTO signatures (avis_id, signer_id, role, method, payload_hash, signature, signed_at) "
            "VALUES (?, ?, 'president', 'test', 'h', x'00', 'x')",
            [avis, president],
        )
        store.connection().execute("UPDATE avis SET signed_at = 'x' WHERE id = ?", [avis])
    store.lock_epreuve(epreuve)
    return int(avis)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE avis SET preconisations = 'réécrit'",
        "UPDATE avis SET signed_at = NULL",
        "DELETE FROM avis",
        "UPDATE signatures SET signature = x'01'",
        "DELETE FROM signatures",
        "UPDATE epreuves SET bloc = 'MDR'",
        "UPDATE epreuves SET locked_at = NULL",
        "DELETE FROM epreuves",
        "INSERT INTO decisions (epreuve_id, criterion, decision, wall_time) VALUES (1, 'GRU.C1.1', 'valide', 'x')",
        "INSERT INTO notes (epreuve_id, text, wall_time) VALUES (1, 'ajout', 'x')",
        "INSERT INTO timer_events (epreuve_id, kind, wall_time, mono_ns) VALUES (1, 'resume', 'x', 1)",
    ],
)
def test_signed_records_cannot_be_altered(store: Store, referentiel: Referentiel, statement: str) -> None:
    epreuve = _epreuve(store, referentiel)
    _signed_avis(store, epreuve)
    with pytest.raises(sqlite3.IntegrityError, match="interdit|signé"):
        with store.connection().atomic():
            store.connection().execute(statement)


def test_an_unsigned_avis_can_still_be_edited(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    with store.connection().atomic():
        store.connection().execute(
            "INSERT INTO avis (epreuve_id, computed_validated, jury_validated, created_at) VALUES (?, 0, 0, 'x')",
            [epreuve],
        )
        store.connection().execute("UPDATE avis SET preconisations = 'Revoir la relation écrite'")
    assert store.connection().execute("SELECT preconisations FROM avis").fetchone()[0] == "Revoir la relation écrite"


def test_audit_chain_detects_tampering(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    assert store.verify_audit_chain() == []
    # Someone bypasses the trigger with the sqlite3 shell and edits a past entry.
    store.connection().execute("DROP TRIGGER audit_no_update")
    with store.connection().atomic():
        store.connection().execute("UPDATE audit SET details = '{}' WHERE id = 2")
    assert store.verify_audit_chain() == ["entrée 2 : contenu modifié après écriture"]


FIXTURES = sorted(DATA.glob("schema-*.sqlite3"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_database_of_each_released_schema_opens_and_keeps_its_data(tmp_path: Path, fixture: Path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copy(fixture, copy)
    before = {t: sqlite3.connect(fixture).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("candidates", "epreuves", "decisions", "audit")}
    store = Store.open(copy)
    try:
        assert schema_steps(store.connection()) == known_steps()  # upgraded in order
        assert store.connection()["candidates"].count == before["candidates"] >= len(demo.CANDIDATES)
        assert store.connection()["decisions"].count == before["decisions"] > 0
        assert store.verify_audit_chain() == []
    finally:
        store.close()


# Steps no installable version stopped at: the two 0040 steps reached main in one merge with 0020_session_list_indexes,
# and were ordered before 0020_integrity_seals (a row-rewriting step must run before the seals); a database written
# between those merges (never released: versions were released at 0013 and 0051) could not be upgraded.
RELEASED_TOGETHER = {"0040_president_organismes", "0040_candidate_path", "0020_integrity_seals"}


def test_a_fixture_exists_for_every_released_schema_step() -> None:
    """Each database an installed version may have written is upgraded by the test above. The fixtures of
    0002–0020 were written by the app of that step itself (its demo data, from the commit that released it)."""
    missing = [s for s in known_steps() if s not in RELEASED_TOGETHER and not (DATA / f"schema-{s}.sqlite3").exists()]
    assert missing == [], "run make_fixture() for the new schema step"


def test_fixture_is_the_current_first_schema() -> None:
    db = connect(FIXTURE_0001)
    try:
        assert schema_steps(db)[0] == "0001_initial"
    finally:
        db.close()


def test_a_database_from_a_newer_app_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cqp_desktop', '0099_future', 'x')"
    )
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="version plus récente de cqp-desktop .*0099_future"):
        open_database(db_path)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "cqp-desktop.sqlite3"
    path.write_bytes(b"Ceci n'est pas une base SQLite." * 200)
    with pytest.raises(StoreError, match="n'est pas une base cqp-desktop lisible"):
        open_database(path)
    assert path.read_bytes().startswith(b"Ceci n'est pas")  # untouched


def test_new_database_file_is_owner_only(db_path: Path) -> None:
    open_database(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_plan_refuses_a_bloc_outside_the_candidates_cqp(store: Store, referentiel: Referentiel) -> None:
    org = store.add_organisme("CAF-T", "CAF de Test", "caisse", "Famille")
    cand = store.add_candidate("Petit", "Hugo", org, "GC", "formation", True)
    with pytest.raises(StoreError, match="Le bloc « POS » ne fait pas partie du CQP GC"):
        store.plan_epreuve(cand, referentiel, "POS", "2026-12-03")
    epreuve = store.plan_epreuve(cand, referentiel, "GDU", "2026-12-03")
    row = store.epreuve(epreuve)
    assert (row["referentiel_version"], row["referentiel_hash"]) == (referentiel.version, referentiel.content_hash)


def test_demo_covers_both_cqp_and_both_routes(store: Store, referentiel: Referentiel) -> None:
    import datetime as dt

    summary = demo.populate(store, referentiel, today=dt.date(2026, 11, 27))
    combos = {(r["cqp"], r["route"]) for r in store.connection()["candidates"].rows}
    assert combos == {("COS", "formation"), ("COS", "vae"), ("GC", "formation"), ("GC", "vae")}
    dates = [r["planned_date"] for r in store.connection()["epreuves"].rows]
    assert dates.count("2026-11-27") == 2  # two épreuves today: the app can be tried at once
    assert all(d.startswith("2026-12-") and int(d[-2:]) <= 15 for d in dates if d != "2026-11-27")
    assert summary.epreuves == store.connection()["epreuves"].count
    assert not demo.is_empty(store)


def make_fixture(path: Path, referentiel: Referentiel) -> None:
    """Recreate tests/data/schema-<latest>.sqlite3 (run by hand when a schema step is released)."""
    import datetime as dt

    store = Store.open(path, wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    demo.populate(store, referentiel, today=dt.date(2026, 11, 27))
    epreuve = store.connection().execute("SELECT min(id) FROM epreuves").fetchone()[0]
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    if "0013_epreuve_cancellations" in known_steps():  # richer content for later schemas
        from cqp_desktop.core.site import avis
        from cqp_desktop.core.site.runner import EpreuveRunner

        from .avis_fixtures import meet_minimums, tiny_png
        from .runner_fixtures import FakeMono

        meet_minimums(store, epreuve)
        runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
        runner.start()
        for criterion in runner.bloc.criteria():
            runner.set_decision(criterion.key, Decision.VALIDE)
        for _ in runner.phases:
            runner.next_phase()
        avis_id = avis.draft_avis(store, epreuve, True)
        avis.sign_avis(store, avis_id, store.epreuve(epreuve)["president_id"], "demo-jury-2026", tiny_png())
        last = store.connection().execute("SELECT max(id) FROM epreuves").fetchone()[0]
        store.cancel_epreuve(last, "Candidat absent")
    if "0020_integrity_seals" in known_steps():
        # shipped without its anchor file: as if it had never been opened by this version (the anchor is
        # then created at the first start instead of being reported missing)
        with store.connection().atomic():
            store.connection().execute("UPDATE integrity_state SET anchored_at = NULL")
    store.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def test_referentiels_are_kept_by_hash_and_activation_only_affects_new_epreuves(
    store: Store, referentiel: Referentiel
) -> None:
    epreuve = _epreuve(store, referentiel)
    content = canonical_data(default_referentiel_path())
    content["referentiel"]["version"] = "2027.1"
    content["blocs"][0]["competences"][0]["criteria"].append("Nouveau critère officiel")
    newer = store.register_referentiel(content, activate=True)
    assert store.active_referentiel() == newer != referentiel
    # The épreuve planned before keeps the référentiel it began with.
    assert store.epreuve_referentiel(epreuve).content_hash == referentiel.content_hash
    assert len(store.epreuve_referentiel(epreuve).bloc("GRU").competence("C1").criteria) == 4
    with pytest.raises(sqlite3.IntegrityError, match="non modifiable"):
        with store.connection().atomic():
            store.connection().execute("UPDATE referentiels SET content = '{}'")


def test_disk_full_is_a_french_write_failure_and_nothing_is_half_written(
    store: Store, referentiel: Referentiel
) -> None:
    from cqp_desktop.core.storage.errors import WriteFailed

    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    pages = store.connection().execute("PRAGMA page_count").fetchone()[0]
    store.connection().execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    long_note = "x" * 200_000
    with pytest.raises(WriteFailed, match="disque est plein"):
        store.add_note(epreuve, long_note, competence="GRU.C1")
    store.connection().execute("PRAGMA max_page_count = 1073741823")
    assert store.current_notes(epreuve) == {}
    assert store.verify_audit_chain() == []
    store.record_decision(epreuve, "GRU.C1.2", Decision.VALIDE)  # and the app keeps working
    assert len(store.current_decisions(epreuve)) == 2


def test_read_only_database_is_a_french_write_failure(store: Store, referentiel: Referentiel) -> None:
    from cqp_desktop.core.storage.errors import WriteFailed

    epreuve = _epreuve(store, referentiel)
    store.connection().execute("PRAGMA query_only = ON")
    with pytest.raises(WriteFailed, match="lecture seule"):
        store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    store.connection().execute("PRAGMA query_only = OFF")
    assert store.current_decisions(epreuve) == {}
