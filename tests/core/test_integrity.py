"""The audit chain seals the rows it records, and the anchor file follows the head (core/storage/integrity.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqp_desktop.core.endtoend import demo
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage import anchor
from cqp_desktop.core.storage.integrity import IntegrityProblem, verify_integrity
from cqp_desktop.core.storage.store import Store

from ..conftest import FakeWallClock


def _epreuve(store: Store, referentiel: Referentiel) -> int:
    org = store.add_organisme(f"CAF-T{store.connection()['organismes'].count}", "CAF de Test", "caisse", "Famille")
    cand = store.add_candidate("Petit", "Hugo", org, "GC", "formation", True)
    return store.plan_epreuve(cand, referentiel, "GDU", "2026-12-03")


def test_every_row_an_action_writes_is_sealed_in_its_entry(store: Store, referentiel: Referentiel) -> None:
    demo.populate(store, referentiel)
    store.record_decision(_epreuve(store, referentiel), "GDU.C1.1", Decision.VALIDE)
    assert verify_integrity(store) == []
    sealed = {(t, i) for t, i in store.connection().execute("SELECT tbl, row_id FROM row_seals")}
    for table in ("candidates", "epreuves", "decisions", "jury_members", "signing_identities"):
        ids = {r[0] for r in store.connection().execute(f"SELECT id FROM {table}")}
        assert ids and {(table, i) for i in ids} <= sealed, table


def test_the_anchor_follows_each_commit_and_never_runs_ahead(store: Store, referentiel: Referentiel, db_path: Path) -> None:
    epreuve = _epreuve(store, referentiel)
    for n in range(5):
        store.record_decision(epreuve, "GDU.C1.1", Decision.VALIDE if n % 2 else Decision.NON_VALIDE)
        head = anchor.read(db_path)
        top = store.connection().execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        assert head is not None and (head.seq, head.hash) == tuple(top)


def test_a_rolled_back_action_seals_nothing(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    with pytest.raises(RuntimeError):
        with store.action("decision.set", "decisions"):
            store.connection().execute("INSERT INTO decisions (epreuve_id, criterion, decision, wall_time) VALUES (?, 'x', 'valide', 'x')",
                             [epreuve])
            raise RuntimeError("abandon")
    store.record_decision(epreuve, "GDU.C1.1", Decision.VALIDE)
    assert verify_integrity(store) == []


def test_seals_survive_a_column_added_by_a_later_schema_step(store: Store, referentiel: Referentiel) -> None:
    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GDU.C1.1", Decision.VALIDE)
    store.connection().execute("ALTER TABLE decisions ADD COLUMN future TEXT NOT NULL DEFAULT 'x'")
    store._columns.clear()
    assert verify_integrity(store) == []


@settings(max_examples=25, deadline=None)
@given(column=st.sampled_from(["criterion", "decision", "phase", "wall_time", "elapsed_ms"]), value=st.text(min_size=1, max_size=8))
def test_any_change_to_a_decision_row_is_caught(tmp_path_factory: pytest.TempPathFactory, referentiel: Referentiel,
                                                column: str, value: str) -> None:
    path = tmp_path_factory.mktemp("p") / "cqp-desktop.sqlite3"
    store = Store.open(path, wall_clock=FakeWallClock())
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    epreuve = _epreuve(store, referentiel)
    row = store.record_decision(epreuve, "GDU.C1.1", Decision.NON_VALIDE, phase="mise_en_situation", elapsed_ms=5)
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER decisions_no_update")
    before = raw.execute(f"SELECT {column} FROM decisions WHERE id = ?", [row]).fetchone()[0]
    new = value if column not in ("decision",) else ("valide" if before != "valide" else "non_observe")
    raw.execute(f"UPDATE decisions SET {column} = ? WHERE id = ?", [new, row])
    raw.commit()
    changed = raw.execute(f"SELECT {column} FROM decisions WHERE id = ?", [row]).fetchone()[0] != before
    raw.close()
    if not changed:
        Store.open(path).close()
        return
    with pytest.raises(IntegrityProblem, match="« décision » modifiée"):
        Store.open(path)


def test_check_at_start_is_incremental_and_full_after_a_schema_change(store: Store, referentiel: Referentiel, db_path: Path) -> None:
    epreuve = _epreuve(store, referentiel)
    store.record_decision(epreuve, "GDU.C1.1", Decision.VALIDE)
    store.close()
    first = anchor.read(db_path)
    reopened = Store.open(db_path)
    reopened.record_decision(epreuve, "GDU.C1.2", Decision.VALIDE)
    reopened.close()
    second = anchor.read(db_path)
    assert first is not None and second is not None
    assert second.verified_seq == first.seq  # the second start verified from where the first stopped
    Store.open(db_path).close()
    assert anchor.read(db_path).verified_seq == second.seq  # type: ignore[union-attr]


def test_a_row_edited_together_with_its_index_seal_is_still_caught_by_the_full_check(
    store: Store, referentiel: Referentiel, db_path: Path
) -> None:
    """Whoever rewrites a decision and its row_seals digest still cannot rewrite the chained entry."""
    from cqp_desktop.core.storage.seals import row_digest

    epreuve = _epreuve(store, referentiel)
    row = store.record_decision(epreuve, "GDU.C1.1", Decision.NON_VALIDE)
    store.close()
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET decision = 'valide' WHERE id = ?", [row])
    columns = [r[1] for r in raw.execute("PRAGMA table_info(decisions)")]
    values = raw.execute(f"SELECT {', '.join(columns)} FROM decisions WHERE id = ?", [row]).fetchone()
    raw.execute("UPDATE row_seals SET digest = ? WHERE tbl = 'decisions' AND row_id = ?", [row_digest(values), row])
    raw.commit()
    raw.close()
    with pytest.raises(IntegrityProblem, match="Index des empreintes : 1 ligne"):
        Store.open(db_path)
