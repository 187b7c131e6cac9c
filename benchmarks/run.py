"""`make bench`: measure each figure side by side with its baseline in the same run; write RESULTS.md.

Each benchmark returns rows (what, measured, baseline, ratio, target, verdict). Nothing here is an
assertion: the figures are evidence, printed and written down with the machine they ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.stats import Summary, summarize  # noqa: E402


@dataclass
class Row:
    what: str
    measured: str
    baseline: str
    ratio: str
    target: str
    verdict: str


BENCHES: list[tuple[str, Callable[[argparse.Namespace, Path], list[Row]]]] = []


def bench(name: str):
    def register(fn: Callable[[argparse.Namespace, Path], list[Row]]):
        BENCHES.append((name, fn))
        return fn

    return register


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


# ------------------------------------------------------------------------------------------------


@bench("cold-start")
def cold_start(args: argparse.Namespace, work: Path) -> list[Row]:
    from benchmarks.bigdb import build

    data = build(work / "big")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))

    def once(*argv: str) -> float:
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "benchmarks.first_paint", *argv], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
        elapsed = time.perf_counter() - start
        if "painted" not in out.stdout:
            raise RuntimeError(out.stderr[-2000:])
        return elapsed

    app_s, bare_s = [], []
    for _ in range(args.repeat):
        bare_s.append(once("bare"))
        app_s.append(once("app", str(data)))
    app, bare = summarize(app_s), summarize(bare_s)
    ratio = app.median_ms / bare.median_ms
    return [Row("Démarrage à froid → première fenêtre peinte (200 candidats, 1 000 épreuves)", str(app), str(bare),
                f"{ratio:.2f}", "≤ 1,5", "atteint" if ratio <= 1.5 else "MANQUÉ")]


@bench("decision-store")
def decision_store(args: argparse.Namespace, work: Path) -> list[Row]:
    """Store.record_decision (row + audit entry, one transaction) vs a bare sqlite-utils insert+commit."""
    from cqp_desktop.core.db import connect
    from cqp_desktop.core.referentiel import canonical_data
    from cqp_desktop.core.rules import Decision
    from cqp_desktop.core.store import Store
    from cqp_desktop.resources import default_referentiel_path

    folder = work / "decision"
    folder.mkdir()
    store = Store.open(folder / "cqp.sqlite3")
    ref = store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    org = store.add_organisme("X", "X", "caisse", "Maladie")
    cand = store.add_candidate("A", "B", org, "GC", "formation", True)
    epreuve = store.plan_epreuve(cand, ref, "GDU", "2026-12-02")
    keys = [c.key for c in ref.bloc("GDU").criteria()]
    values = [Decision.VALIDE, Decision.NON_VALIDE, Decision.NON_OBSERVE]
    ours = []
    for i in range(args.decisions):
        start = time.perf_counter()
        store.record_decision(epreuve, keys[i % len(keys)], values[i % 3])
        ours.append(time.perf_counter() - start)
    store.close()
    bare_db = connect(folder / "bare.sqlite3")  # same pragmas: WAL + synchronous=FULL
    bare_db["t"].create({"id": int, "criterion": str, "decision": str, "at": str}, pk="id")
    bare = []
    for i in range(args.decisions):
        start = time.perf_counter()
        with bare_db.atomic():
            bare_db["t"].insert({"criterion": keys[i % len(keys)], "decision": "valide", "at": "x"})
        bare.append(time.perf_counter() - start)
    s_ours, s_bare = summarize(ours), summarize(bare)
    ratio = s_ours.median_ms / s_bare.median_ms
    return [Row("Décision enregistrée par le cœur (ligne + audit chaîné, 1 transaction)", str(s_ours), str(s_bare),
                f"{ratio:.2f}", "≤ 3 ; p99 < 16 ms",
                "atteint" if ratio <= 3 and s_ours.p99_ms < 16 else "MANQUÉ")]


# ------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cœurs, {cpu}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks de cqp-desktop")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--decisions", type=int, default=1000)
    parser.add_argument("--only", nargs="*", help="noms des mesures à lancer")
    parser.add_argument("--results", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cqp-bench-") as tmp:
        for name, fn in BENCHES:
            if args.only and name not in args.only:
                continue
            print(f"… {name}", flush=True)
            try:
                rows += fn(args, Path(tmp))
            except Exception as exc:  # a bench that cannot run says so in the table
                rows.append(Row(name, f"non mesuré : {exc}", "—", "—", "—", "NON MESURÉ"))
    header = "| mesure | cqp-desktop | référence | ratio | cible | verdict |\n|---|---|---|---|---|---|"
    table = "\n".join(f"| {r.what} | {r.measured} | {r.baseline} | {r.ratio} | {r.target} | {r.verdict} |" for r in rows)
    text = f"# Résultats des mesures\n\nMachine : {machine()}\nDate : {time.strftime('%Y-%m-%d %H:%M')}\n\n{header}\n{table}\n"
    print(text)
    if not args.only:
        Path(args.results).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
