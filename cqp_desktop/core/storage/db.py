"""Opening the local SQLite file safely: durability pragmas, migrations, and clear refusals.

`synchronous` is a per-connection setting that SQLite does not persist, so every connection goes
through `connect()`. WAL + synchronous=FULL means a committed transaction survives a power cut.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils and the schema load with the first connection: the error classes below are
    # imported by the command line and the window before the first paint, which open no database
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

from cqp_desktop.core.storage.errors import NewerDatabase, StoreError, WriteFailed

__all__ = ["NewerDatabase", "StoreError", "WriteFailed", "connect", "open_database", "open_migrated", "write_failure"]


def write_failure(exc: sqlite3.OperationalError) -> WriteFailed | None:
    """The French explanation of a failed write, or None when the error is not about the disk."""
    text = str(exc).lower()
    if "full" in text:
        return WriteFailed("Enregistrement impossible : le disque est plein. Rien n'a été enregistré ; libérez de la place puis recommencez.")
    if "readonly" in text or "read-only" in text:
        return WriteFailed("Enregistrement impossible : le dossier de données est en lecture seule. Rien n'a été enregistré.")
    if "disk i/o" in text or "locked" in text or "unable to open" in text:
        return WriteFailed(f"Enregistrement impossible (erreur disque : {exc}). Rien n'a été enregistré ; recommencez.")
    return None


def connect(path: Path | str) -> Database:
    """Open a connection with the durability settings every connection must have."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"« {path} » est un dossier, pas une base de données : indiquez le fichier de la base.")
    if path.exists() and not path.is_file():
        raise StoreError(f"« {path} » n'est pas un fichier ordinaire (tube, périphérique) : ce n'est pas une base.")
    try:
        conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=True)
    except sqlite3.Error as exc:
        raise _explain(path, exc) from None
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"Base « {path} » : impossible de passer en journal WAL (mode {mode}).")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _explain(path, exc) from None
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_database(path: Path | str) -> Database:
    """The site database: connect, refuse a newer, damaged or foreign one, apply pending migrations."""
    from cqp_desktop.core.storage.schema import migrations

    return open_migrated(path, migrations, "La base", guard=_ours)


def _ours(db: Database, applied: set[str]) -> None:
    if not applied:
        foreign_tables(db.conn, Path(db.conn.execute("PRAGMA database_list").fetchone()[2]))


def foreign_tables(conn: sqlite3.Connection, path: Path) -> None:
    """A SQLite file with tables but none of our schema steps belongs to another program: never migrate it."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()]
    if not tables:
        return
    from cqp_desktop.core.storage.schema import migrations

    if "_sqlite_migrations" in tables and conn.execute(
        "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [migrations.name]
    ).fetchone():
        return
    shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
    raise StoreError(
        f"Le fichier « {path} » est une base SQLite qui n'appartient pas à cqp-desktop (tables : {shown}). "
        "Elle n'a pas été modifiée ; vérifiez le dossier de données indiqué."
    )


def open_migrated(
    path: Path | str,
    steps: Migrations,
    what: str,
    guard: Callable[[Database, set[str]], None] | None = None,
) -> Database:
    """Open any of the app's databases (site or national consolidation) the same careful way.

    `what` names it in messages (« La base », « La base de consolidation »); `guard` may refuse a file
    that belongs to another kind of database before anything is written to it.
    """
    path = Path(path)
    new_file = not path.exists()
    db = connect(path)
    try:
        known = {m.name for m in steps._migrations}
        applied = {m.name for m in steps.applied(db)}
        if guard is not None:
            guard(db, applied)
        unknown = sorted(applied - known)
        if unknown:
            raise NewerDatabase(
                f"{what} « {path} » a été créée par une version plus récente de cqp-desktop "
                f"(étapes de schéma inconnues : {', '.join(unknown)}). Installez la dernière version de "
                "l'application ; la base n'a pas été modifiée."
            )
        damage = db.execute("PRAGMA quick_check(5)").fetchall()
        if [tuple(r) for r in damage] != [("ok",)]:
            raise StoreError(
                f"{what} « {path} » est endommagée ({damage[0][0]}). Restaurez la dernière sauvegarde "
                "automatique ; le fichier n'a pas été modifié."
            )
        steps.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _explain(path, exc) from None
    except StoreError:
        db.close()
        raise
    if new_file:
        _restrict(path)
    return db


def schema_steps(db: Database) -> list[str]:
    from cqp_desktop.core.storage.schema import migrations

    return [m.name for m in migrations.applied(db)]


def _restrict(path: Path) -> None:
    """Candidates' personal data: owner-only, like the folder that holds it."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.exists():
            try:
                os.chmod(candidate, 0o600)
            except OSError:
                pass


def _explain(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return StoreError(
            f"Le fichier « {path} » n'est pas une base cqp-desktop lisible (fichier endommagé ou d'un autre type). "
            "Restaurez la dernière sauvegarde automatique ; le fichier n'a pas été modifié."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"La base « {path} » est en lecture seule : vérifiez les droits du dossier de données.")
    if "unable to open" in text:
        return StoreError(f"Impossible d'ouvrir la base « {path} » : le dossier existe-t-il et est-il accessible ?")
    return StoreError(f"Base « {path} » inutilisable : {text}")
