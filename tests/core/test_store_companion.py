"""A second connection for a worker thread (`Store.companion`), the owner catching the anchor up (`follow`),
and a read snapshot (`Store.snapshot`) that another connection's commits cannot change."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from cqp_desktop.core.storage import anchor
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.integrity import verify_integrity
from cqp_desktop.core.storage.store import Store


def _on_thread(store: Store, work) -> object:  # type: ignore[no-untyped-def]
    """Run `work(companion)` on another thread, as the GUI's worker does, and return what it returned."""
    out: dict[str, object] = {}

    def run() -> None:
        other = store.companion()
        try:
            out["value"] = work(other)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc
        finally:
            other.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]  # type: ignore[misc]
    return out.get("value")


def test_a_companion_writes_audited_rows_and_the_owner_anchors_them(store: Store, db_path: Path) -> None:
    before = anchor.read(db_path)
    assert before is not None
    organisme = _on_thread(store, lambda other: other.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie"))
    row = store.connection().execute("SELECT code FROM organismes WHERE id = ?", [organisme]).fetchone()
    assert row == ("CPAM75",)  # the owner reads what the companion committed
    head = store.connection().execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert anchor.read(db_path).seq == before.seq < head[0]  # the companion left the anchor to its owner
    store.follow()
    after = anchor.read(db_path)
    assert (after.seq, after.hash) == (head[0], head[1])
    assert verify_integrity(store) == []
    store.add_organisme("CAF13", "CAF des Bouches-du-Rhône", branche="Famille")  # the owner goes on writing
    store.close()
    reopened = Store.open(db_path)  # the start-up check accepts the whole journal
    try:
        assert reopened.connection().execute("SELECT count(*) FROM organismes").fetchone()[0] == 2
    finally:
        reopened.close()


def test_a_snapshot_does_not_see_what_a_companion_commits_meanwhile(store: Store) -> None:
    store.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie")
    count = "SELECT count(*) FROM organismes"
    with store.snapshot():
        assert store.connection().execute(count).fetchone()[0] == 1
        _on_thread(store, lambda other: other.add_organisme("CAF13", "CAF des Bouches-du-Rhône", branche="Famille"))
        assert store.connection().execute(count).fetchone()[0] == 1  # still the state the snapshot began with
    assert store.connection().execute(count).fetchone()[0] == 2


def test_no_write_inside_a_snapshot(store: Store) -> None:
    with store.snapshot(), pytest.raises(StoreError, match="lecture figée"):
        store.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie")
    assert store.connection().execute("SELECT count(*) FROM organismes").fetchone()[0] == 0


def test_a_base_in_memory_has_no_companion() -> None:
    store = Store(Database(memory=True))
    try:
        with pytest.raises(StoreError, match="mémoire"):
            store.companion()
    finally:
        store.close()


def test_the_owner_waits_for_a_companion_s_transaction_instead_of_failing(store: Store, db_path: Path) -> None:
    """While a worker's signing transaction is open, a write of the window (the running clock's checkpoint, an
    audited action) waits for it, then lands after it; the journal stays one unbroken chain."""
    import time

    from cqp_desktop.core.model.referentiel import load_default
    from tests.core.avis_fixtures import make_epreuve  # an épreuve to checkpoint

    epreuve = make_epreuve(store, load_default()).epreuve_id
    inside, release = threading.Event(), threading.Event()

    def long_action() -> None:
        other = store.companion()
        try:
            with other.action("organisme.add", "organismes") as act:
                act.entity_id = other.add_organisme("CAF13", "CAF des Bouches-du-Rhône", branche="Famille")
                inside.set()
                release.wait(5)
                time.sleep(0.2)  # the owner's writes are now waiting on SQLite's lock
        finally:
            other.close()

    worker = threading.Thread(target=long_action)
    worker.start()
    assert inside.wait(5)
    release.set()
    store.checkpoint_clock(epreuve, "observation", 1234)  # waits, then writes
    store.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie")  # an audited action: waits, then chains
    worker.join()
    store.follow()
    assert verify_integrity(store) == []
    codes = [r[0] for r in store.connection().execute("SELECT code FROM organismes ORDER BY id")]
    assert "CAF13" in codes and codes[-1] == "CPAM75"
