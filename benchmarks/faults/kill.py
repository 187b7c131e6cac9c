"""Kill harness: SIGKILL the real app at random moments, restart it on the same database, check nothing is lost.

`python -m benchmarks.faults.kill [--kills 200] [--seed 1]` (also `make faults`; tests/test_faults_kill.py
runs 10 kills).

Each round starts `benchmarks.faults.driver` (offscreen QApplication, real MainWindow and runner view,
real database file) on the current épreuve, lets it act for a random delay, and SIGKILLs it. Then:
- the database is opened Qt-free: the audit chain verifies, every decision row and every timer event
  has its audit entry, the decision row and clock event counts are those acknowledged (or one more,
  when the action announced by the last `DO` line had committed but was not yet acknowledged), and
  every criterion holds its last acknowledged value (unless that in-flight action touched it);
- the next round's child is the restart: its `READY` line gives the elapsed time the app recovered,
  compared with the last elapsed time the killed child printed (error distribution reported), and its
  phase must be the acknowledged one (or the next, for an in-flight phase change).
A new épreuve is planned every `--per-epreuve` kills so phase changes keep happening.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cqp_desktop import paths  # noqa: E402
from cqp_desktop.app_context import AppContext  # noqa: E402
from cqp_desktop.core.model.rules import Decision  # noqa: E402
from cqp_desktop.core.storage import anchor  # noqa: E402
from cqp_desktop.core.storage.db import connect  # noqa: E402
from cqp_desktop.core.storage.integrity import verify_integrity  # noqa: E402
from cqp_desktop.core.storage.store import Store  # noqa: E402

CLOCK_KINDS = ("start", "pause", "resume", "phase", "end", "count", "recovered")
DECISION_ACTIONS = ("decision", "undo")


@dataclass
class Ack:
    """What the UI acknowledged last: elapsed, state, phase, row counts."""

    elapsed_ms: int = 0
    state: str = "not_started"
    phase: int = 0
    rows: int = 0
    events: int = 0


@dataclass
class EpreuveModel:
    epreuve_id: int
    criteria: list[str]
    values: dict[str, str] = field(default_factory=dict)  # last acknowledged value per criterion
    ack: Ack = field(default_factory=Ack)


@dataclass
class KillReport:
    kills: int = 0
    acked_actions: int = 0
    acked_decisions: int = 0
    in_flight_committed: int = 0
    kills_while_running: int = 0
    problems: list[str] = field(default_factory=list)
    errors_vs_printed_ms: list[int] = field(default_factory=list)  # recovered − last printed (running clock)
    errors_vs_kill_ms: list[float] = field(default_factory=list)  # recovered − estimated elapsed at the kill
    paused_exact: int = 0
    paused_total: int = 0
    anchor_checks: int = 0  # bases checked against their anchor file, seals and whole chain

    def summary(self) -> str:
        lines = [
            f"{self.kills} arrêts brutaux (SIGKILL), {self.acked_actions} actions acquittées par l'interface "
            f"dont {self.acked_decisions} décisions ; {self.in_flight_committed} action(s) en vol trouvée(s) "
            "enregistrée(s) entière(s) (jamais à moitié).",
            f"Ancre du journal et empreintes des lignes vérifiées après chaque arrêt : {self.anchor_checks} fois.",
            f"Problèmes : {len(self.problems)}" + ("" if not self.problems else " — " + " | ".join(self.problems[:10])),
        ]
        if self.paused_total:
            lines.append(f"Chronomètre en pause au moment de l'arrêt : {self.paused_exact}/{self.paused_total} retrouvés exacts.")
        if self.errors_vs_printed_ms:
            lines.append(
                f"Chronomètre en marche au moment de l'arrêt ({self.kills_while_running} cas) : "
                + describe_errors(self.errors_vs_printed_ms, "vs dernier temps affiché")
            )
            lines.append("   " + describe_errors(self.errors_vs_kill_ms, "vs temps estimé à l'instant du kill"))
        return "\n".join(lines)


def describe_errors(errors: list[float], label: str) -> str:
    absolute = sorted(abs(e) for e in errors)
    p99 = absolute[min(len(absolute) - 1, int(round(0.99 * (len(absolute) - 1))))]
    within = sum(1 for e in absolute if e <= 1000)
    return (
        f"erreur {label} : médiane {statistics.median(errors):+.0f} ms, |erreur| p99 {p99:.0f} ms, "
        f"max {absolute[-1]:.0f} ms, min {min(errors):+.0f} ms ; ≤ 1 s : {within}/{len(errors)}"
    )


# ------------------------------------------------------------------------------------------------
# set-up


def setup(data_dir: Path) -> tuple[int, int, int]:
    """A jury (président, expert) and an organisme; returns their ids."""
    context = AppContext.open(data_dir)
    store = context.store
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    caisse = store.add_organisme("CPAM-A", "CPAM de Brocéliande", "caisse", "Maladie")
    other = store.add_organisme("CPAM-B", "CPAM du Val-de-Loue", "caisse", "Maladie")
    president = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", other, "expert", "Maladie", "2025-01-20")
    context.close()
    return caisse, president, expert


def plan(data_dir: Path, caisse: int, president: int, expert: int, n: int) -> EpreuveModel:
    """A fresh GDU (CQP GC) épreuve with its jury: 2 phases, 24 criteria."""
    context = AppContext.open(data_dir)
    store = context.store
    ref = store.active_referentiel()
    cand = store.add_candidate(f"Candidat{n}", "Test", caisse, "GC", "formation", True)
    epreuve = store.plan_epreuve(cand, ref, "GDU", "2026-12-02", president_id=president, expert_id=expert)
    criteria = [c.key for c in ref.bloc("GDU").criteria()]
    context.close()
    return EpreuveModel(epreuve, criteria)


# ------------------------------------------------------------------------------------------------
# one child


class Child:
    def __init__(self, data_dir: Path, epreuve_id: int, seed: int, interval_ms: int):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.faults.driver", str(data_dir), str(epreuve_id), str(seed), str(interval_ms)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.lines: list[tuple[float, str]] = []
        self.ready = threading.Event()
        self.stderr = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):  # cut by the kill: never acknowledged
                break
            line = raw.decode("utf-8").rstrip("\n")
            self.lines.append((time.monotonic(), line))
            if line.startswith("READY"):
                self.ready.set()
        self.ready.set()

    def kill(self) -> float:
        """SIGKILL now; returns the harness's monotonic time of the kill."""
        at = time.monotonic()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        assert self.proc.stderr is not None and self.proc.stdout is not None
        self.stderr = self.proc.stderr.read()
        self.proc.stderr.close()
        self.proc.stdout.close()
        return at

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.kill()


def parse_status(text: str) -> Ack:
    elapsed, state, phase, rows, events = text.split()
    return Ack(int(elapsed), state, int(phase), int(rows), int(events))


# ------------------------------------------------------------------------------------------------
# checks after a kill


def check_database(db_file: Path, model: EpreuveModel, in_flight: list[str] | None, report: KillReport, where: str) -> None:
    # connect() without migrations: the children may run newer code than this process (a checkout that
    # moves during a long run) and must be the only ones to migrate the file
    store = Store(connect(db_file))
    try:
        problems = [f"{where}: chaîne d'audit : {p}" for p in store.verify_audit_chain()]
        # the anchor beside the base: never ahead of it, at most the in-flight action behind, and the rows
        # still match their seals
        problems += [f"{where}: intégrité : {p}" for p in verify_integrity(store)]
        head = anchor.read(db_file)
        top = store.connection().execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        if head is None:
            problems.append(f"{where}: ancre absente")
        elif top - head.seq > 1:
            problems.append(f"{where}: ancre en retard de {top - head.seq} actions sur la base")
        report.anchor_checks += 1
        for table in ("decisions", "timer_events"):
            # sets, not a correlated NOT EXISTS: audit has no (entity, entity_id) index and grows every kill
            audited = {r[0] for r in store.connection().execute("SELECT entity_id FROM audit WHERE entity = ?", [table])}
            orphans = sum(1 for (row_id,) in store.connection().execute(f"SELECT id FROM {table}") if row_id not in audited)
            if orphans:
                problems.append(f"{where}: {orphans} ligne(s) de {table} sans entrée d'audit")
        e = model.epreuve_id
        rows = store.connection().execute("SELECT count(*) FROM decisions WHERE epreuve_id = ?", [e]).fetchone()[0]
        marks = ",".join("?" for _ in CLOCK_KINDS)
        events = store.connection().execute(
            f"SELECT count(*) FROM timer_events WHERE epreuve_id = ? AND kind IN ({marks})", [e, *CLOCK_KINDS]
        ).fetchone()[0]
        kind = in_flight[0] if in_flight else None
        extra_rows = rows - model.ack.rows
        extra_events = events - model.ack.events
        allowed_rows = {0, 1} if kind in DECISION_ACTIONS else {0}
        allowed_events = {0, 1} if kind in ("start", "resume", "pause", "phase") else {0}
        if extra_rows not in allowed_rows:
            problems.append(f"{where}: {rows} décisions en base, {model.ack.rows} acquittées (action en vol : {kind})")
        if extra_events not in allowed_events:
            problems.append(f"{where}: {events} événements d'horloge en base, {model.ack.events} acquittés (en vol : {kind})")
        if extra_rows == 1 or extra_events == 1:
            report.in_flight_committed += 1
        current = {k: str(v) for k, v in store.current_decisions(e).items()}
        touched = in_flight[1] if kind in DECISION_ACTIONS and len(in_flight) > 1 else None
        if kind == "undo":
            touched = "*"  # an in-flight undo may restore any criterion's previous value
        for criterion in model.criteria:
            expected = model.values.get(criterion, str(Decision.NON_OBSERVE))
            found = current.get(criterion, str(Decision.NON_OBSERVE))
            if found == expected:
                continue
            if touched == "*" and extra_rows == 1:
                continue
            if criterion == touched and extra_rows == 1 and found == in_flight[2]:
                continue
            problems.append(f"{where}: {criterion} vaut {found} en base, {expected} acquitté")
        if extra_rows == 1:
            # the in-flight decision (or undo) was committed whole: from now on it is the stored truth the
            # next rounds must find, even if no later acknowledged action touches that criterion again
            model.values.update({c: current.get(c, str(Decision.NON_OBSERVE)) for c in model.criteria})
        report.problems += problems
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------


def run(kills: int, seed: int, work: Path, *, per_epreuve: int = 10, min_delay_s: float = 0.05, max_delay_s: float = 3.0,
        interval_ms: int = 15, log=print) -> KillReport:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    data_dir = work / "donnees"
    caisse, president, expert = setup(data_dir)
    db_file = paths.database_path(data_dir)
    report = KillReport()
    model: EpreuveModel | None = None
    previous: dict | None = None  # facts of the last killed child, checked by the restart
    n = 0
    reported = 0
    while report.kills < kills:
        if model is None:
            model = plan(data_dir, caisse, president, expert, n)
            n += 1
        child = Child(data_dir, model.epreuve_id, rng.randrange(1 << 30), interval_ms)
        try:
            if not child.ready.wait(timeout=60) or not any(line.startswith("READY") for _, line in child.lines):
                child.stop()
                report.problems.append(f"le redémarrage n° {report.kills} n'a pas ouvert l'épreuve : {child.stderr.decode()[-1500:]}")
                break
            ready_line = next(line for _, line in child.lines if line.startswith("READY"))
            recovered = parse_status(ready_line.split(" ", 1)[1])
            if previous is not None:
                check_restart(previous, recovered, report)
            previous = None
            model.ack = recovered  # the restart itself is acknowledged (it stored a 'recovered' event)
            time.sleep(rng.uniform(min_delay_s, max_delay_s))
            killed_at = child.kill()
        finally:
            child.stop()
        report.kills += 1
        in_flight, last_elapsed, last_time, last_state = absorb(child.lines, model, report)
        previous = {
            "ack": Ack(**vars(model.ack)),
            "in_flight": in_flight,
            "printed_ms": last_elapsed,
            "printed_state": last_state,
            "since_print_s": killed_at - last_time,
            "where": f"kill {report.kills}",
        }
        check_database(db_file, model, in_flight, report, f"kill {report.kills}")
        if report.kills % per_epreuve == 0 or report.kills == kills:
            # the last kill of an épreuve is checked by one more restart before moving on
            final_restart(data_dir, model, previous, interval_ms, report)
            previous = None
            model = None
        for problem in report.problems[reported:]:
            log(f"  PROBLÈME : {problem}")
        reported = len(report.problems)
        if report.kills % 20 == 0:
            log(f"  … {report.kills} arrêts, {len(report.problems)} problème(s)")
    return report


def final_restart(data_dir: Path, model: EpreuveModel, previous: dict, interval_ms: int, report: KillReport) -> None:
    child = Child(data_dir, model.epreuve_id, 0, interval_ms)
    child.ready.wait(timeout=60)
    child.stop()
    ready = [line for _, line in child.lines if line.startswith("READY")]
    if ready:
        check_restart(previous, parse_status(ready[0].split(" ", 1)[1]), report)
    else:
        report.problems.append(f"{previous['where']}: redémarrage impossible : {child.stderr.decode()[-1500:]}")


def absorb(lines: list[tuple[float, str]], model: EpreuveModel, report: KillReport) -> tuple[list[str] | None, int, float, str]:
    """Apply the child's acknowledged actions to the model; returns the in-flight action and the last
    printed elapsed time (with the harness time it was read, and the clock state)."""
    in_flight: list[str] | None = None
    last_elapsed, last_time, last_state = model.ack.elapsed_ms, lines[0][0] if lines else time.monotonic(), model.ack.state
    for at, line in lines:
        head, _, rest = line.partition(" ")
        if head == "DO":
            in_flight = rest.split()
        elif head == "ACK":
            action, _, status = rest.partition(" | ")
            words = action.split()
            if words[0] in DECISION_ACTIONS and len(words) == 3:
                model.values[words[1]] = words[2]
                report.acked_decisions += words[0] == "decision"
            model.ack = parse_status(status)
            report.acked_actions += 1
            in_flight = None
            last_elapsed, last_time, last_state = model.ack.elapsed_ms, at, model.ack.state
        elif head == "T":
            elapsed, state, _phase = rest.split()
            last_elapsed, last_time, last_state = int(elapsed), at, state
    return in_flight, last_elapsed, last_time, last_state


def check_restart(previous: dict, recovered: Ack, report: KillReport) -> None:
    ack: Ack = previous["ack"]
    in_flight = previous["in_flight"]
    where = previous["where"]
    phases = {ack.phase, ack.phase + 1} if in_flight and in_flight[0] == "phase" else {ack.phase}
    if recovered.phase not in phases:
        report.problems.append(f"{where}: phase {recovered.phase} au redémarrage, {ack.phase} acquittée")
    if recovered.state == "not_started" and ack.state != "not_started":
        report.problems.append(f"{where}: épreuve « non commencée » au redémarrage, état acquitté {ack.state}")
    error = recovered.elapsed_ms - previous["printed_ms"]
    if previous["printed_state"] == "running":
        report.kills_while_running += 1
        report.errors_vs_printed_ms.append(error)
        report.errors_vs_kill_ms.append(error - previous["since_print_s"] * 1000)
    else:
        report.paused_total += 1
        report.paused_exact += error == 0
        if error != 0 and not (in_flight and in_flight[0] in ("start", "resume")):
            report.problems.append(f"{where}: chronomètre en pause à {previous['printed_ms']} ms, retrouvé à {recovered.elapsed_ms} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description="Arrêts brutaux (SIGKILL) de l'application réelle")
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=3.0, help="délai maximal avant le kill (s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cqp-kill-") as tmp:
        start = time.monotonic()
        report = run(args.kills, args.seed, Path(tmp), max_delay_s=args.max_delay, log=lambda text: print(text, flush=True))
        print(report.summary())
        print(f"Durée : {time.monotonic() - start:.0f} s")
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
