"""Automatic copies of the database in `<data dir>/sauvegardes/`, and restoring one of them.

Why SQLite's online backup API (`sqlite3.Connection.backup`) and not a file copy: the database runs in
WAL mode, so the main file alone can miss committed transactions; the backup API copies a consistent
snapshot while the app keeps its connection open. Each copy is written to a temporary file created
owner-only (0600: it holds candidates' personal data), fsynced, then renamed into place, so a crash never
leaves a half-written backup under a real name.

Rotation keeps the `keep_last` most recent copies plus the latest copy of each of the last `keep_days`
days (settings: `backup_keep_last`, `backup_keep_days`).

Restoring replaces the database file safely: the chosen copy is checked first (integrity and schema
steps known to this version), the current database is itself backed up ("avant-restauration"), the
store is closed, the copy replaces the file atomically, and a new store is opened on it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cqp_desktop import paths
from cqp_desktop.core.common.files import atomic_file
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.schema import MIGRATION_SET, known_steps
from cqp_desktop.core.storage.store import Store

BACKUP_DIRNAME = "sauvegardes"
REASONS = {
    "quotidienne": "quotidienne (démarrage)",
    "finalisation": "finalisation d'une épreuve",
    "export": "export",
    "manuelle": "à la demande",
    "avant-restauration": "avant une restauration",
    "purge": "après effacement des données personnelles (les copies antérieures sont supprimées)",
}
_NAME = re.compile(r"^cqp-desktop-(\d{8})-(\d{6})-(\d{6})-([a-z-]+)\.sqlite3$")


class BackupError(Exception):
    """A backup that cannot be taken, read or restored; the message is French and says why.

    `store` is set when a restore failed after the database had been closed: it is the previous
    database, put back and reopened, which the caller must use from now on.
    """

    def __init__(self, message: str, store: Store | None = None):
        super().__init__(message)
        self.store = store


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local time, naive (as written in the file name)
    reason: str  # a key of REASONS

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True)
class BackupCheck:
    ok: bool
    message: str


def backup_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / BACKUP_DIRNAME
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _local_now(store: Store) -> dt.datetime:
    """The store's wall clock (injected in tests) in local time: file names are read by people."""
    return store.wall_clock().astimezone().replace(tzinfo=None)


def _file_name(taken_at: dt.datetime, reason: str) -> str:
    return f"cqp-desktop-{taken_at:%Y%m%d-%H%M%S-%f}-{reason}.sqlite3"


def parse(path: Path) -> BackupInfo | None:
    """A backup's date and reason from its file name; None for files that are not backups."""
    match = _NAME.match(path.name)
    if not match:
        return None
    day, clock, micro, reason = match.groups()
    try:
        taken_at = dt.datetime.strptime(f"{day}{clock}{micro}", "%Y%m%d%H%M%S%f")
    except ValueError:
        return None
    return BackupInfo(path, taken_at, reason)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first."""
    folder = Path(data_dir) / BACKUP_DIRNAME
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := parse(p)) is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backup_now(
    store: Store,
    data_dir: Path,
    reason: str,
    *,
    now: dt.datetime | None = None,
    keep_last: int | None = None,
    keep_days: int | None = None,
) -> BackupInfo:
    """Copy the open database into the backup folder now, then prune old copies.

    Called at start-up (through `backup_if_due`), after an épreuve is finalised, before an export, and
    on demand. Retention comes from the settings unless given.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    taken_at = now or _local_now(store)
    try:
        folder = backup_dir(data_dir)
    except OSError as exc:
        raise BackupError(
            f"Sauvegarde impossible : dossier « {Path(data_dir) / BACKUP_DIRNAME} » inutilisable ({exc.strerror or exc})."
        ) from None
    target = folder / _file_name(taken_at, reason)
    if target.exists():  # two backups in the same microsecond: keep both
        taken_at += dt.timedelta(microseconds=1)
        target = folder / _file_name(taken_at, reason)
    try:
        with atomic_file(target, prefix=".sauvegarde-") as tmp:
            destination = sqlite3.connect(str(tmp))
            try:
                store.connection().conn.backup(destination)
                # A backup is a plain file: no -wal/-shm beside it when it is opened to be checked.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Sauvegarde impossible dans « {folder} » : {exc}.") from None
    except OSError as exc:
        raise BackupError(f"Sauvegarde impossible dans « {folder} » : {exc.strerror or exc}.") from None
    info = BackupInfo(target, taken_at, reason)
    if keep_last is None or keep_days is None:
        try:
            current = settings_mod.load(Path(data_dir))
        except settings_mod.SettingsError:
            current = settings_mod.defaults(Path(data_dir))
        keep_last = current.backup_keep_last if keep_last is None else keep_last
        keep_days = current.backup_keep_days if keep_days is None else keep_days
    prune(data_dir, taken_at.date(), keep_last=keep_last, keep_days=keep_days)
    return info


def data_dir_of(store: Store) -> Path:
    """The folder of the store's database file: the data folder (for callers that only hold a store)."""
    for _seq, name, file in store.connection().execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    raise BackupError("Base en mémoire : pas de dossier de données où sauvegarder.")


def try_backup(store: Store, reason: str, data_dir: Path | None = None) -> BackupInfo | str:
    """A backup that never interrupts the action that asked for it (finalisation, export).

    Returns the backup, or the French reason it failed, for the caller to show; a failed backup
    must not prevent a signature or an export.
    """
    try:
        return backup_now(store, data_dir if data_dir is not None else data_dir_of(store), reason)
    except BackupError as exc:
        return str(exc)


def remove_interrupted(data_dir: Path, *, older_than_s: float = 120.0) -> list[Path]:
    """Copies a crash left half-written (`.sauvegarde-*.tmp`, `.restauration-*.tmp`): removed at start.

    Only those untouched for `older_than_s`: another instance (a command run meanwhile) may be writing
    one right now, and a copy in progress is rewritten every few milliseconds.
    """
    removed = []
    limit = dt.datetime.now().timestamp() - older_than_s
    for folder, pattern in ((Path(data_dir) / BACKUP_DIRNAME, ".sauvegarde-*.tmp"), (Path(data_dir), ".restauration-*.tmp")):
        if not folder.is_dir():
            continue
        for leftover in folder.glob(pattern):
            try:
                if leftover.is_file() and leftover.stat().st_mtime < limit:
                    leftover.unlink()
                    removed.append(leftover)
            except OSError:
                pass
    return removed


@dataclass(frozen=True)
class SpaceUsed:
    """What the backups take now, and at most with the current rotation and base size (shown in the settings)."""

    count: int
    total: int
    most_copies: int
    bound: int


def space_used(data_dir: Path, db_size: int, *, keep_last: int, keep_days: int) -> SpaceUsed:
    """Rotation keeps the `keep_last` newest plus one per day for `keep_days` days: at most that many copies
    of about the base's size (plus the rare copy set aside before a restore)."""
    backups = list_backups(data_dir)
    most = max(keep_last, 1) + max(keep_days, 0)
    return SpaceUsed(len(backups), sum(b.size for b in backups), most, most * db_size)


def backup_if_due(store: Store, data_dir: Path, today: dt.date, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """At start-up: remove copies a crash interrupted, then take the day's backup unless one was already
    taken today (any reason)."""
    remove_interrupted(data_dir)
    if any(b.taken_at.date() == today for b in list_backups(data_dir)):
        return None
    return backup_now(store, data_dir, "quotidienne", now=now)


def to_prune(backups: Iterable[BackupInfo], today: dt.date, *, keep_last: int, keep_days: int) -> list[BackupInfo]:
    """Which backups the rotation removes: all but the `keep_last` newest and each recent day's newest.

    Pure, so that the rule is tested on its own. "Recent days" are `today` and the `keep_days - 1`
    days before it; a backup dated after `today` (clock moved back) is always kept.
    """
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep: set[Path] = {b.path for b in ordered[: max(keep_last, 1)]}
    first_day = today - dt.timedelta(days=max(keep_days, 0) - 1)
    seen_days: set[dt.date] = set()
    for b in ordered:
        day = b.taken_at.date()
        if day > today:
            keep.add(b.path)
        elif keep_days > 0 and day >= first_day and day not in seen_days:
            keep.add(b.path)
        seen_days.add(day)
    return [b for b in ordered if b.path not in keep]


def prune(data_dir: Path, today: dt.date, *, keep_last: int, keep_days: int) -> list[BackupInfo]:
    removed = to_prune(list_backups(data_dir), today, keep_last=keep_last, keep_days=keep_days)
    for b in removed:
        b.path.unlink(missing_ok=True)
    return removed


def verify(path: Path) -> BackupCheck:
    """Does this copy open, pass `PRAGMA integrity_check`, and hold a schema this version knows?"""
    path = Path(path)
    if not path.is_file():
        return BackupCheck(False, f"Fichier « {path.name} » introuvable ou pas un fichier ordinaire.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return BackupCheck(False, f"« {path.name} » ne s'ouvre pas : {exc}.")
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            return BackupCheck(False, f"« {path.name} » est endommagée : {'; '.join(result[:3])}.")
        try:
            steps = {
                row[0]
                for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
            }
        except sqlite3.Error:
            return BackupCheck(False, f"« {path.name} » n'est pas une base cqp-desktop.")
        if not steps:  # another program's base, or the national consolidation
            return BackupCheck(False, f"« {path.name} » n'est pas une base cqp-desktop.")
        unknown = sorted(steps - set(known_steps()))
        if unknown:
            return BackupCheck(
                False,
                f"« {path.name} » vient d'une version plus récente de l'application (étapes {', '.join(unknown)}).",
            )
        epreuves = conn.execute("SELECT count(*) FROM epreuves").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return BackupCheck(False, f"« {path.name} » n'est pas une base lisible : {exc}.")
    finally:
        conn.close()
    return BackupCheck(True, f"« {path.name} » est intacte ({epreuves} épreuve(s)).")


def restore(store: Store, data_dir: Path, backup: Path, *, now: dt.datetime | None = None) -> tuple[Store, BackupInfo]:
    """Replace the database with `backup`; returns the new store and the copy made of the replaced base.

    The caller must drop every reference to `store` (it is closed). If anything fails after the
    database was closed, the previous database is put back and reopened, and the error carries that
    reopened store (`BackupError.store`).
    """
    check = verify(backup)
    if not check.ok:
        raise BackupError(f"Restauration refusée : {check.message} La base actuelle n'a pas été modifiée.")
    db_path = paths.database_path(Path(data_dir))
    wall_clock = store.wall_clock
    aside = backup_now(store, data_dir, "avant-restauration", now=now)
    store.close()
    try:
        _replace_database(Path(backup), db_path)
        return Store.open(db_path, wall_clock=wall_clock, adopt=True), aside
    except (OSError, StoreError, sqlite3.Error) as exc:
        if not db_path.exists() or not verify(db_path).ok:
            _replace_database(aside.path, db_path)
        previous = Store.open(db_path, wall_clock=wall_clock, adopt=True)
        raise BackupError(
            f"Restauration impossible ({exc}). La base d'avant a été remise en place ; elle reste aussi dans "
            f"« {aside.path.name} ».",
            store=previous,
        ) from None


def restore_over_damaged(data_dir: Path, backup: Path, *, now: dt.datetime | None = None) -> Path:
    """Put `backup` in place of a database that cannot be opened; returns where the damaged file went.

    Used at start-up, when there is no store to close. The damaged file is moved aside, never deleted:
    it may still hold the evidence someone will want to recover by hand.
    """
    check = verify(backup)
    if not check.ok:
        raise BackupError(f"Restauration refusée : {check.message}")
    db_path = paths.database_path(Path(data_dir))
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = backup_dir(Path(data_dir)) / f"base-endommagee-{stamp}.sqlite3"
    if db_path.exists():
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            leftover = db_path.with_name(db_path.name + suffix)
            if leftover.exists():
                os.replace(leftover, aside.with_name(aside.name + suffix))
    _replace_database(Path(backup), db_path)
    from cqp_desktop.core.storage.integrity import adopt

    adopt(db_path)  # the user chose this copy: the anchor now follows it
    return aside


def _replace_database(source: Path, db_path: Path) -> None:
    """Atomically put a copy of `source` at `db_path`, dropping the old WAL files first.

    A leftover -wal file belongs to the old database: SQLite would replay it onto the new file.
    """
    with atomic_file(db_path, prefix=".restauration-") as tmp:
        with open(tmp, "wb") as out, open(source, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)


def describe_size(size: int) -> str:
    """Sizes as a French reader expects them: « 1,2 Mo »."""
    if size < 1024:
        return f"{size} o"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


def reasons() -> Sequence[str]:
    return tuple(REASONS)
