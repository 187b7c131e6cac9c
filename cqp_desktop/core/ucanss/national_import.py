"""`national import` at national scale: packages verified on every core, entered in order, a batch per commit.

Verification (signatures, chain of trust, recomputation) is pure and takes ~90 % of an import: worker processes
run `verify_bytes` on the files while this process enters the verdicts in the order the files were given (so a
session's revisions and the replay checks see them as a single process would) and commits them a batch at a time.
Every check is the same as `import_package`'s; only where it runs and how often the disk is synced differ.
A result is yielded once its batch is committed: an acknowledgment is never written for an uncommitted import.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from cqp_desktop.core.common import input_files
from cqp_desktop.core.exchange.package_verify import Verdict, embedded_referentiel, verify_bytes
from cqp_desktop.core.exchange.trust import TrustAnchors
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.ucanss.national import ImportOutcome, ImportRejected, _now, admit

BATCH = 32  # packages per commit: the sync of the write-ahead log was a third of an import's time


@dataclass(frozen=True)
class ImportResult:
    """One file's fate: `outcome` when imported (or already there), otherwise the French `reasons`."""

    source: str
    outcome: ImportOutcome | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    trust: TrustAnchors
    decryption: dict[str, Any]
    ship: bool = False  # in a worker process: send the verdict back light (see _ship)


_job: _Job | None = None


def _init(job: _Job) -> None:
    global _job
    _job = job


def _verify(source: str) -> Verdict:
    """Read and verify one file (in a worker process, or here when there is a single core)."""
    assert _job is not None
    try:
        raw = input_files.read_bytes(source, "package", "Paquet")
    except input_files.InputError as exc:
        return Verdict(source, problems=[str(exc)])
    verdict = verify_bytes(raw, source=source, trust=_job.trust, **_job.decryption)
    return _ship(verdict) if _job.ship else verdict


# What the entry in the national base never reads of an épreuve: the journals and the signed payloads (the
# signatures and their agreement with the data were checked by the worker). Most of a package's bytes.
_CHECKED_ONLY = ("timer_events", "notes", "presented_competences", "vae_situations")
# Of a decision journal's rows the entry reads only which decision is the latest per criterion
# (`latest_decisions`, in core/ucanss/examiner_analytics.py): the rest of each row stays behind too.
_DECISION_KEYS = ("id", "criterion", "decision")


def _light_decisions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: row[k] for k in _DECISION_KEYS} for row in rows]


def _ship(verdict: Verdict) -> Verdict:
    """The verdict as it travels back from a worker: the data without what only the check needed, the
    référentiels as their verified bytes (rebuilt on landing from this process's caches)."""
    if not verdict.ok or verdict.manifest is None or verdict.data is None:
        return replace(verdict, members={}, data=None, referentiels={})
    data = dict(verdict.data)
    data["epreuves"] = [
        {**{k: v for k, v in e.items() if k not in _CHECKED_ONLY},
         "decisions": _light_decisions(e["decisions"]),
         "avis": [{k: v for k, v in a.items() if k != "signed_payload"} for a in e["avis"]]}
        for e in verdict.data["epreuves"]
    ]
    keep = {entry["path"] for entry in verdict.manifest["referentiels"]}
    return replace(
        verdict,
        data=data,
        referentiels=cast(dict[str, Referentiel], dict.fromkeys(verdict.referentiels)),  # the hashes; objects rebuilt on landing
        members={name: raw for name, raw in verdict.members.items() if name in keep},
    )


def _land(verdict: Verdict) -> Verdict:
    """A shipped verdict with its référentiel objects again, from the caches."""
    if not verdict.ok or verdict.manifest is None or all(r is not None for r in verdict.referentiels.values()):
        return verdict
    paths = {entry["hash"]: entry["path"] for entry in verdict.manifest["referentiels"]}
    return replace(
        verdict,
        referentiels={h: embedded_referentiel(verdict.members[paths[h]], paths[h]) for h in verdict.referentiels},
    )


def default_workers() -> int:
    """One worker per core, none on a single core (the verdicts would only travel for nothing)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 8)


def _context() -> Any:
    """fork where it is safe (Linux, a single thread: the command line), spawn otherwise (the Qt window)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def import_files(
    db: Database,
    sources: Sequence[str | Path],
    *,
    trust: TrustAnchors | None = None,
    decryption: dict[str, Any] | None = None,
    workers: int | None = None,
    batch: int = BATCH,
    clock: Callable[[], str] = _now,
) -> Iterator[ImportResult]:
    """Import every file, in the given order; yields each result after its batch is committed.

    `decryption`: key_file / passphrase / certificate, as `verify_bytes` takes them. Trust is the Ucanss
    authority's held in `db` unless `trust` is given.
    """
    from cqp_desktop.core.ucanss import authority

    global _job
    names = [str(s) for s in sources]
    job = _Job(trust if trust is not None else authority.anchors(db), dict(decryption or {}))
    workers = default_workers() if workers is None else workers
    if workers < 1 or len(names) < 2 * batch:
        previous, _job = _job, job
        try:
            verdicts: Iterator[Verdict] = (_verify(name) for name in names)
            yield from _enter(db, verdicts, batch, clock)
        finally:
            _job = previous
        return
    # The first file is verified here, before the workers start: forked, they inherit what it loaded and
    # remembered (the verification's modules, the référentiel built and checked, the trust checks of its signers),
    # which each of them would otherwise redo (~0.1 s of CPU each, as much as ten packages).
    previous, _job = _job, job
    try:
        first = _verify(names[0])
    finally:
        _job = previous
    shipped = replace(job, ship=True)
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init, initargs=(shipped,)) as pool:
        verdicts = (_land(v) for v in _in_order(pool, names[1:], window=4 * batch))
        yield from _enter(db, itertools.chain([first], verdicts), batch, clock)


def _in_order(pool: ProcessPoolExecutor, names: list[str], window: int) -> Iterator[Verdict]:
    """Verdicts in the files' order, at most `window` files read ahead (memory stays bounded)."""
    pending: deque[Future[Verdict]] = deque()
    queue = iter(names)
    for name in queue:
        pending.append(pool.submit(_verify, name))
        if len(pending) >= window:
            break
    while pending:
        verdict = pending.popleft().result()
        following = next(queue, None)
        if following is not None:
            pending.append(pool.submit(_verify, following))
        yield verdict


def _enter(db: Database, verdicts: Iterator[Verdict], batch: int, clock: Callable[[], str]) -> Iterator[ImportResult]:
    """Admit the verdicts a batch per transaction; a failure (disk, a worker lost) rolls back the open batch,
    whose files were not reported: a new import takes them again."""
    done: list[ImportResult] = []
    try:
        for verdict in verdicts:
            if not done:
                db.execute("BEGIN")
            try:
                done.append(ImportResult(verdict.source, outcome=admit(db, verdict, verdict.source, clock)))
            except ImportRejected as exc:
                done.append(ImportResult(verdict.source, reasons=exc.reasons))
            if len(done) >= batch:
                db.execute("COMMIT")
                yield from done
                done = []
        if done:
            db.execute("COMMIT")
            yield from done
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


def base_path(db: Database) -> Path:
    """The file of an open national base (a worker thread opens its own connection to it)."""
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


@contextmanager
def own_connection(path: Path) -> Iterator[Database]:
    """A connection of its own to the national base, for a worker thread (SQLite connections stay on the thread
    that made them); closed on the way out."""
    from cqp_desktop.core.ucanss.national import open_national

    db = open_national(path)
    try:
        yield db
    finally:
        db.close()
