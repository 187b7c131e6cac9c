"""Is the database still everything this computer recorded, and only that? Checked at start and before export.

Three things are compared (see core/storage/anchor.py for the anchor file, core/storage/seals.py for row seals):
- the database against its anchor: same identity, a journal that reaches the anchored head with the
  same hash, no entry missing in between — a lost `-wal`, an older copy, a deleted tail or deleted
  journal rows show here, with what is missing and since when;
- the journal's hash chain, from the point verified at the previous start (the whole chain when
  SQLite's schema version moved, which dropping a protective trigger does);
- the rows against the seals the journal recorded: a decision or an avis edited, added or deleted
  with another tool no longer matches.

`verify_integrity(store)` runs every check over the whole base (export, `package verify` callers).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqp_desktop.core.common.formats import french_moment
from cqp_desktop.core.storage import anchor as anchor_mod
from cqp_desktop.core.storage import seals as seals_mod
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.schema import SEALED_TABLES

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store

# Tables whose rows the app legitimately changes after insertion (no trigger forbids an UPDATE), re-checked
# at every start, with the rows that can still change (a signed avis, a locked épreuve are frozen by
# triggers). The journals (decisions, notes, timer events…) can only be changed by dropping a trigger,
# which moves the schema version and calls for the full check.
MUTABLE_TABLES = {
    "organismes": "", "candidates": "", "jury_members": "", "cert_sessions": "", "signing_identities": "",
    "epreuves": "locked_at IS NULL", "avis": "signed_at IS NULL",
}

LABELS = {
    "organismes": "organisme", "candidates": "candidat", "jury_members": "membre du jury",
    "cert_sessions": "session", "epreuves": "épreuve", "timer_events": "événement du chronomètre",
    "decisions": "décision", "notes": "note", "avis": "avis", "signatures": "signature",
    "signing_identities": "identité de signature", "session_sync": "accusé de réception",
    "presented_competences": "compétence présentée", "vae_situations": "situation du livret 2",
    "signed_pdfs": "PDF signé", "epreuve_cancellations": "annulation d'épreuve",
}
SHOWN_IDS = 5


class IntegrityProblem(StoreError):
    """The database is not what this computer recorded. `problems` are French sentences; the message
    says what to do (restore a backup). The database was not changed by the check."""

    def __init__(self, message: str, problems: list[str], *, can_continue: bool = True):
        super().__init__(message)
        self.problems = problems
        self.can_continue = can_continue  # False for a damaged file: only a backup can help


@dataclass(frozen=True)
class _Head:
    seq: int
    hash: str
    at: str


def when(at: str) -> str:
    """A journal timestamp (UTC ISO) as a French reader expects it, in local time."""
    return french_moment(at, "date inconnue")


# ------------------------------------------------------------------------------------------------
# before the database is opened


def check_files(db_path: Path, *, adopt: bool = False) -> None:
    """Refuse, before SQLite touches anything, a missing or empty base that had a life here, and a file
    shorter than its own header says (a truncated copy passes SQLite's quick check)."""
    if adopt:
        return
    db_path = Path(db_path)
    size = db_path.stat().st_size if db_path.exists() else -1
    if size <= 0:
        _missing_base(db_path, "vide (0 octet)" if size == 0 else "absente")
        return
    try:
        with open(db_path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return  # open_database says what is wrong with a file it cannot read
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return  # not a database at all: open_database's message
    _refuse_foreign(db_path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    if page_size and (size % page_size or (header_valid and size < pages * page_size)):
        expected = pages * page_size if header_valid else (size // page_size + 1) * page_size
        raise _problem(db_path, [
            f"Le fichier de la base est tronqué : {size} octets au lieu de {expected} (copie interrompue, "
            "disque ou outil de nettoyage) ; les dernières pages sont perdues."
        ], can_continue=False)


def _refuse_foreign(db_path: Path) -> None:
    """Read-only look before `connect()` switches the file to WAL: another program's base stays byte for byte."""
    import sqlite3

    from cqp_desktop.core.storage.db import foreign_tables

    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        foreign_tables(conn, db_path)
    except sqlite3.DatabaseError:
        return  # damaged: open_database explains
    finally:
        conn.close()


def _missing_base(db_path: Path, state: str) -> None:
    from cqp_desktop.core.storage import backup

    backups = backup.list_backups(db_path.parent)
    try:
        head = anchor_mod.read(db_path)
    except anchor_mod.AnchorDamaged:
        head = None
    anchored = anchor_mod.path_for(db_path).exists()
    if not backups and not anchored:
        return  # a first start: a new base is created
    since = f" La dernière action enregistrée sur ce poste est la n° {head.seq}, du {when(head.at)}." if head else ""
    raise _problem(db_path, [
        f"La base de données est {state} alors que ce poste en avait une "
        f"({'ancre du journal' if anchored else 'sauvegardes'} présente{'s' if not anchored else ''}).{since} "
        "Aucune nouvelle base n'a été créée."
    ])


# ------------------------------------------------------------------------------------------------
# once opened


def attach(store: Store, db_path: Path, *, adopt: bool = False) -> None:
    """Check the opened base against its anchor, then keep the anchor up to date with every commit."""
    if not store.sealing:
        return
    state = store.connection().execute("SELECT anchor_id, anchored_at FROM integrity_state WHERE id = 1").fetchone()
    head = _db_head(store)
    cookie = _cookie(store)
    if adopt or state[1] is None:
        if not adopt:  # first anchor for this base (new, or upgraded to this version): the whole chain once
            problems = verify_chain_from(store, 0, None) + verify_rows(store, None) + _replayed_seals(store)
            if problems:
                raise _problem(db_path, problems)
        _anchor(store, db_path, state[0], head, cookie)
        with store.connection().atomic():
            store.connection().execute("UPDATE integrity_state SET anchored_at = ? WHERE id = 1", [store.now()])
        return
    try:
        anchored = anchor_mod.read(db_path)
    except anchor_mod.AnchorDamaged:
        raise _problem(db_path, [
            f"Le fichier d'ancre « {anchor_mod.path_for(db_path).name} » est illisible : impossible de vérifier "
            "qu'il ne manque rien à la base."
        ]) from None
    if anchored is None:
        raise _problem(db_path, [
            f"Le fichier d'ancre « {anchor_mod.path_for(db_path).name} » manque à côté de la base : impossible de "
            "vérifier qu'il ne manque rien (base copiée sans lui, ou fichier supprimé)."
        ])
    problems = _against_anchor(store, anchored, state[0], head)
    if not problems:
        full = cookie != anchored.cookie or anchored.verified_seq > head.seq
        since = None if full else anchored.verified_seq
        problems = verify_chain_from(store, since or 0, None if full else anchored.verified_hash)
        problems += verify_rows(store, since)
        if full:
            problems += _replayed_seals(store)
    if problems:
        raise _problem(db_path, problems)
    _anchor(store, db_path, state[0], head, cookie)


def _anchor(store: Store, db_path: Path, anchor_id: str, head: _Head, cookie: int) -> None:
    writer = anchor_mod.Writer(db_path, anchor_mod.Head(anchor_id, head.seq, head.hash, head.at, head.seq, head.hash, cookie))
    writer.reset(writer.head)
    store.anchor = writer


def _db_head(store: Store) -> _Head:
    row = store.connection().execute("SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    from cqp_desktop.core.storage.store import GENESIS

    return _Head(row[0], row[1], row[2]) if row else _Head(0, GENESIS, "")


def _cookie(store: Store) -> int:
    return int(store.connection().execute("PRAGMA schema_version").fetchone()[0])


def _against_anchor(store: Store, anchored: anchor_mod.Head, anchor_id: str, head: _Head) -> list[str]:
    if anchored.anchor_id != anchor_id:
        return ["La base n'est pas celle que ce poste a enregistrée (son identifiant diffère de celui de l'ancre) : "
                "elle a été remplacée par une autre."]
    problems = []
    if head.seq < anchored.seq:
        missing = anchored.seq - head.seq
        last = f"l'action n° {head.seq} du {when(head.at)}" if head.seq else "aucune action"
        problems.append(
            f"{missing} action(s) enregistrée(s) manquent : la base s'arrête à {last}, alors que la dernière action "
            f"enregistrée sur ce poste est la n° {anchored.seq}, du {when(anchored.at)}. Ce qui a été saisi "
            f"{'depuis le ' + when(head.at) if head.seq else 'jusque-là'} est absent (fichier « -wal » perdu ou abîmé, "
            "copie plus ancienne remise en place, ou fin du journal supprimée)."
        )
    else:
        row = store.connection().execute("SELECT hash FROM audit WHERE id = ?", [anchored.seq]).fetchone()
        if anchored.seq and (row is None or row[0] != anchored.hash):
            problems.append(
                f"L'action n° {anchored.seq} du journal (du {when(anchored.at)}) n'est plus celle que ce poste a "
                "enregistrée : le journal a été modifié ou la base remplacée."
            )
    count, top = store.connection().execute("SELECT count(*), coalesce(max(id), 0) FROM audit").fetchone()
    if count < top:
        problems.append(f"{top - count} entrée(s) du journal d'audit ont été supprimées.")
    return problems


def _problem(db_path: Path, problems: list[str], *, can_continue: bool = True) -> IntegrityProblem:
    from cqp_desktop.core.storage import backup

    backups = backup.list_backups(Path(db_path).parent)
    offer = (
        f"Restaurez une sauvegarde : la plus récente date du {french_moment(backups[0].taken_at)} "
        f"({len(backups)} dans « {backup.BACKUP_DIRNAME} »)."
        if backups
        else f"Aucune sauvegarde n'a été trouvée dans « {backup.BACKUP_DIRNAME} » : contactez le support Ucanss."
    )
    lines = "\n".join(f"  - {p}" for p in problems[:12])
    more = f"\n  - … et {len(problems) - 12} autre(s) problème(s)." if len(problems) > 12 else ""
    message = (
        f"La base « {db_path} » ne correspond plus à ce que ce poste a enregistré :\n{lines}{more}\n{offer} "
        "La base n'a pas été modifiée."
    )
    return IntegrityProblem(message, problems, can_continue=can_continue)


# ------------------------------------------------------------------------------------------------
# the checks themselves


def verify_chain_from(store: Store, since: int, since_hash: str | None) -> list[str]:
    """The hash chain from entry `since` (whose hash must still be `since_hash`) to the head."""
    from cqp_desktop.core.storage.store import AUDIT_COLUMNS, GENESIS, verify_chain_rows

    prev = GENESIS
    if since:
        row = store.connection().execute("SELECT hash FROM audit WHERE id = ?", [since]).fetchone()
        if row is None or row[0] != since_hash:
            return [f"Journal d'audit : l'entrée n° {since}, vérifiée au démarrage précédent, a été modifiée ou supprimée."]
        prev = row[0]
    try:
        found = verify_chain_rows(
            store.connection().conn.execute(f"SELECT {AUDIT_COLUMNS} FROM audit WHERE id > ? ORDER BY id", [since]), prev
        )
    except (ValueError, TypeError) as exc:
        found = [f"entrée illisible ({exc})"]
    return [f"Journal d'audit : {p}." for p in found]


def verify_rows(store: Store, since: int | None) -> list[str]:
    """Rows against their seals: all of them (`since` None), or those sealed after entry `since` plus the
    tables the app may update."""
    if not store.sealing:
        return []
    baseline: dict[str, int] = json.loads(
        store.connection().execute("SELECT baseline FROM integrity_state WHERE id = 1").fetchone()[0]
    )
    problems: list[str] = []
    for table in SEALED_TABLES:
        if since is None:
            seals = store.connection().execute("SELECT row_id, ncols, digest FROM row_seals WHERE tbl = ?", [table]).fetchall()
        elif table in MUTABLE_TABLES:
            still_open = MUTABLE_TABLES[table]
            seals = store.connection().execute(
                "SELECT row_id, ncols, digest FROM row_seals WHERE tbl = ? AND (audit_id > ?"
                + (f" OR row_id NOT IN (SELECT id FROM {table} WHERE NOT ({still_open}))" if still_open else " OR 1")
                + ")",
                [table, since],
            ).fetchall()
        else:
            seals = store.connection().execute(
                "SELECT row_id, ncols, digest FROM row_seals WHERE tbl = ? AND audit_id > ?", [table, since]
            ).fetchall()
        problems += _compare(store, table, seals, baseline.get(table, 0), full=since is None)
    return problems


def _compare(store: Store, table: str, seals: list[Any], legacy_top: int, *, full: bool) -> list[str]:
    columns = store.table_columns(table)
    expected = {row_id: (ncols, digest) for row_id, ncols, digest in seals}
    changed: list[int] = []
    deleted: list[int] = []
    rows: Iterable[Any]
    if full:
        rows = store.connection().execute(f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id")
    else:
        ids = sorted(expected)
        rows = (r for chunk in range(0, len(ids), 500) for r in store.connection().execute(
            f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN ({', '.join('?' for _ in ids[chunk:chunk + 500])})",
            ids[chunk:chunk + 500],
        ))
    seen: set[int] = set()
    unsealed: list[int] = []
    for row in rows:
        row_id = row[0]
        seen.add(row_id)
        seal = expected.get(row_id)
        if seal is None:
            if full and row_id > legacy_top:
                unsealed.append(row_id)
            continue
        ncols, digest = seal
        if digest is None or seals_mod.row_digest(row[1 : 1 + ncols]) != digest:
            changed.append(row_id)
    deleted = sorted(i for i, (_n, d) in expected.items() if d is not None and i not in seen)
    if not full:  # rows added after the last sealed one (the cheap part of the full search)
        top = store.connection().execute("SELECT max(row_id) FROM row_seals WHERE tbl = ?", [table]).fetchone()[0] or 0
        unsealed = [r[0] for r in store.connection().execute(f"SELECT id FROM {table} WHERE id > ?", [max(top, legacy_top)])]
    label = LABELS.get(table, table)
    problems = []
    for ids, what in ((changed, "modifiée(s) hors de l'application (ne correspond plus au journal)"),
                      (deleted, "supprimée(s) hors de l'application"),
                      (unsealed, "ajoutée(s) hors de l'application (absente(s) du journal)")):
        if ids:
            shown = ", ".join(str(i) for i in ids[:SHOWN_IDS]) + (" …" if len(ids) > SHOWN_IDS else "")
            problems.append(f"{len(ids)} ligne(s) « {label} » {what} : n° {shown}.")
    return problems


def _replayed_seals(store: Store) -> list[str]:
    """`row_seals` is an index; the journal is the truth: each index row must be written, as is, in the seals
    of the entry it names (whose hash the chain check verified)."""
    unbacked = 0
    for table, row_id, ncols, digest, text in store.connection().conn.execute(
        "SELECT r.tbl, r.row_id, r.ncols, r.digest, a.seals FROM row_seals r LEFT JOIN audit a ON a.id = r.audit_id"
    ):
        # as seals.encode writes it (compact JSON; table names are plain ASCII)
        fragment = f'["{table}",{row_id},{ncols},' + ("null" if digest is None else f'"{digest}"') + "]"
        if text is None or fragment not in text:
            unbacked += 1
    if unbacked:
        return [f"Index des empreintes : {unbacked} ligne(s) ne correspondent pas au journal (table row_seals modifiée)."]
    return []


def verify_integrity(store: Store) -> list[str]:
    """Every check over the whole base; French sentences, empty when intact. Called before an export.

    The anchor is compared when the base is a file (`Store.open`, or `Store(connect(path))`).
    """
    db_file = store.connection().execute("PRAGMA database_list").fetchone()[2]
    problems = anchor_problems(store, Path(db_file)) if db_file else []
    problems += verify_chain_from(store, 0, None)
    if store.sealing:
        problems += verify_rows(store, None)
        problems += _replayed_seals(store)
    return problems


def anchor_problems(store: Store, db_path: Path) -> list[str]:
    """The base against the anchor file beside it (nothing to say when the base has no anchor yet)."""
    if not store.sealing:
        return []
    try:
        anchored = anchor_mod.read(db_path)
    except anchor_mod.AnchorDamaged:
        return [f"Le fichier d'ancre « {anchor_mod.path_for(db_path).name} » est illisible."]
    if anchored is None:
        state = store.connection().execute("SELECT anchored_at FROM integrity_state WHERE id = 1").fetchone()
        return [f"Le fichier d'ancre « {anchor_mod.path_for(db_path).name} » manque."] if state[0] else []
    anchor_id = store.connection().execute("SELECT anchor_id FROM integrity_state WHERE id = 1").fetchone()[0]
    return _against_anchor(store, anchored, anchor_id, _db_head(store))


def accept_as_is(db_path: Path, problems: list[str]) -> None:
    """The jury chose to go on with the base as it is (or with a new one when it is missing): re-anchor it
    and write the decision in the journal, with what was found — the gap stays on record."""
    from cqp_desktop.core.storage.store import Store

    store = Store.open(db_path, adopt=True)
    try:
        with store.action("integrity.accepted", "integrity_state") as act:
            act.entity_id = 1
            act.details = {"problems": len(problems), "first": problems[0][:300] if problems else ""}
    finally:
        store.close()


def adopt(db_path: Path) -> None:
    """Take the base at `db_path` as it is now (a backup put in place by the user) and re-anchor it."""
    from cqp_desktop.core.storage.store import Store

    Store.open(db_path, adopt=True).close()
