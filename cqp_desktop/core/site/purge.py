"""Erasing candidates' personal data once the Ucanss holds their session. Qt-free.

The Ucanss's signed acknowledgment (core/site/acknowledgment.py) proves it received every signed record;
from then on the site keeps only what it needs to count: ids, decisions, timer events, results. Every
trace of the person goes, in one audited transaction:

- the candidate's names and stable identifier (replaced by a one-way token);
- the signed copies that name them: the exact signed bytes of each avis signature (the payload hash stays,
  so the audit chain and the signature rows still commit to what was signed) and the signed comptes rendus;
- the free texts a jury may have written about them: notes, avis texts, livret 2 situations, and in double
  correction each member's own notes and the reasons of the reconciliation;
- the acknowledgment's list of identifiers (kept as hashes).

Signed rows are immutable by trigger; the purge lifts exactly those triggers inside its own transaction
and puts them back before it commits. Then the file itself forgets: `secure_delete` zeroes freed pages,
`VACUUM` rewrites the database, the WAL is truncated, and every backup taken before the purge is deleted
and replaced by a fresh one — no copy keeps what was erased. The audit chain stays verifiable: the purge's
own entry seals the rows as they now are.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cqp_desktop.core.storage.store import Store

PURGED_NAME = "(données effacées)"
ERASED_TEXT = "(effacé après accusé de réception de l'Ucanss)"
# The immutability triggers the purge lifts for the length of its transaction, per table it rewrites.
_GUARDED = (
    "candidates", "signatures", "signed_pdfs", "cosigned_pdfs", "notes", "avis", "vae_situations", "session_sync",
    "proclaimed_results", "member_notes", "reconciliations",
)


def token(identifier: str) -> str:
    """A one-way stand-in for an identifier: the same person gives the same token, nobody reads it back."""
    return "sha256:" + hashlib.sha256(identifier.encode("utf-8")).hexdigest()


@contextmanager
def _guards_lifted(store: Store) -> Iterator[None]:
    """Inside the caller's transaction: drop the triggers guarding `_GUARDED`, restore them after."""
    marks = ",".join("?" for _ in _GUARDED)
    triggers = store.connection().execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) AND sql IS NOT NULL",
        list(_GUARDED),
    ).fetchall()
    for name, _sql in triggers:
        store.connection().execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        for _name, sql in triggers:
            store.connection().execute(sql)


def erase(store: Store, session_id: int, candidate_ids: Sequence[int], actor: str = "") -> None:
    """Erase the candidates' personal data in one audited transaction (callers check it is allowed)."""
    ids = list(candidate_ids)
    with store.action("candidate.purge", "cert_sessions", actor) as act:
        act.entity_id = session_id
        act.details = {"session_id": session_id, "candidates": len(ids)}
        if not ids:
            return
        marks = ",".join("?" for _ in ids)
        epreuves = [r[0] for r in store.connection().execute(f"SELECT id FROM epreuves WHERE candidate_id IN ({marks})", ids)]
        e_marks = ",".join("?" for _ in epreuves) or "NULL"
        avis_ids = [r[0] for r in store.connection().execute(f"SELECT id FROM avis WHERE epreuve_id IN ({e_marks})", epreuves)]
        a_marks = ",".join("?" for _ in avis_ids) or "NULL"
        identifiers = [r[0] for r in store.connection().execute(f"SELECT uuid FROM candidates WHERE id IN ({marks})", ids)]
        with _guards_lifted(store):
            for cid, uuid in zip(ids, identifiers):
                store.connection().execute(
                    "UPDATE candidates SET last_name = ?, first_name = '', uuid = ?, purged_at = coalesce(purged_at, ?) "
                    "WHERE id = ?",
                    [PURGED_NAME, token(uuid) if uuid and not uuid.startswith("sha256:") else uuid, store.now(), cid],
                )
            _erase_optional_columns(store, ids)
            store.connection().execute(f"UPDATE signatures SET payload = NULL WHERE avis_id IN ({a_marks})", avis_ids)
            store.connection().execute(f"DELETE FROM signed_pdfs WHERE avis_id IN ({a_marks})", avis_ids)
            store.connection().execute(f"DELETE FROM cosigned_pdfs WHERE avis_id IN ({a_marks})", avis_ids)
            store.connection().execute(
                f"UPDATE notes SET text = ? WHERE epreuve_id IN ({e_marks}) AND text != ''", [ERASED_TEXT, *epreuves]
            )
            store.connection().execute(
                f"UPDATE avis SET justification = CASE WHEN justification = '' THEN '' ELSE ?1 END, "
                f"preconisations = CASE WHEN preconisations = '' THEN '' ELSE ?1 END, "
                f"amendment_reason = CASE WHEN amendment_reason = '' THEN '' ELSE ?1 END, comments = '{{}}' "
                f"WHERE id IN ({a_marks})",
                [ERASED_TEXT, *avis_ids],
            )
            store.connection().execute(
                f"UPDATE vae_situations SET title = ?, summary = '' WHERE epreuve_id IN ({e_marks})", [ERASED_TEXT, *epreuves]
            )
            _erase_double_marking_texts(store, epreuves)
            _hash_acknowledged_identifiers(store, set(identifiers))
            _erase_proclaimed_results(store, ids)


def _erase_double_marking_texts(store: Store, epreuves: list[int]) -> None:
    """Double correction (schema 0060): each member's notes and the reconciliation's reasons."""
    if "member_notes" not in store.connection().table_names() or not epreuves:
        return
    marks = ",".join("?" for _ in epreuves)
    store.connection().execute(f"UPDATE member_notes SET text = ? WHERE epreuve_id IN ({marks}) AND text != ''", [ERASED_TEXT, *epreuves])
    store.connection().execute(f"UPDATE reconciliations SET reason = ? WHERE epreuve_id IN ({marks}) AND reason != ''", [ERASED_TEXT, *epreuves])


def _erase_optional_columns(store: Store, ids: list[int]) -> None:
    """Any further personal column a later schema gave candidates (identifiers, attestations): emptied."""
    keep = {"id", "last_name", "first_name", "uuid", "purged_at", "organisme_id", "cqp", "route", "pass_premss", "created_at"}
    marks = ",".join("?" for _ in ids)
    for _cid, column, kind, notnull, _default, _pk in store.connection().execute("PRAGMA table_info(candidates)").fetchall():
        if column in keep or "TEXT" not in (kind or "").upper():
            continue
        empty = "''" if notnull else "NULL"
        store.connection().execute(f'UPDATE candidates SET "{column}" = {empty} WHERE id IN ({marks})', ids)


def _erase_proclaimed_results(store: Store, ids: list[int]) -> None:
    """The jury paritaire's results keep their outcome; the identifier and the free texts go."""
    if "proclaimed_results" not in store.connection().table_names():
        return
    marks = ",".join("?" for _ in ids)
    for row_id, document in store.connection().execute(
        f"SELECT id, result_json FROM proclaimed_results WHERE candidate_id IN ({marks})", ids
    ).fetchall():
        data: Any = json.loads(document)
        if isinstance(data, dict):
            if data.get("uuid"):
                data["uuid"] = token(str(data["uuid"]))
            for key in ("justification", "recommendations"):
                if data.get(key):
                    data[key] = ERASED_TEXT
        store.connection().execute(
            "UPDATE proclaimed_results SET result_json = ? WHERE id = ?",
            [json.dumps(data, ensure_ascii=False, sort_keys=True), row_id],
        )


def _hash_acknowledged_identifiers(store: Store, identifiers: set[str]) -> None:
    """Acknowledgments keep the list of who was received, as tokens only."""
    for row_id, document in store.connection().execute("SELECT id, ack_json FROM session_sync").fetchall():
        data: Any = json.loads(document)
        body = data.get("acknowledgment", {}) if isinstance(data, dict) else {}
        listed = body.get("candidates") if isinstance(body, dict) else None
        if not isinstance(listed, list) or not identifiers & set(map(str, listed)):
            continue
        body["candidates"] = [token(c) if c in identifiers else c for c in map(str, listed)]
        store.connection().execute(
            "UPDATE session_sync SET ack_json = ? WHERE id = ?", [json.dumps(data, ensure_ascii=False, sort_keys=True), row_id]
        )


def forget_on_disk(store: Store, data_dir: Path | None) -> str | None:
    """Make the files forget what was erased: freed pages zeroed, database rewritten, WAL emptied, every
    older backup deleted and a fresh one taken. Returns a French problem with the backups, or None."""
    from cqp_desktop.core.storage import backup

    zero_freed_pages(store)
    store.connection().execute("VACUUM")
    store.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if data_dir is None:
        return None
    for old in backup.list_backups(data_dir):
        try:
            old.path.unlink()
        except OSError as exc:
            return f"sauvegarde « {old.path.name} » non supprimée ({exc.strerror or exc}) : elle contient encore les noms."
    fresh = backup.try_backup(store, "purge", data_dir)
    return fresh if isinstance(fresh, str) else None


def zero_freed_pages(store: Store) -> None:
    """From now on, pages SQLite frees are overwritten with zeros (`secure_delete`)."""
    store.connection().execute("PRAGMA secure_delete = ON")
