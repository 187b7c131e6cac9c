"""Examiner analytics on simulated national data (issue 15): does the severity model find the members made
severe or lenient on purpose, how many others does it flag, how far are the estimates from the truth, what
does it cost. Evidence, not assertions (the fixed-seed assertions are in tests/core/test_examiner_analytics.py).

    .venv/bin/python -m benchmarks.examiner_analytics [--seeds 20] [--png benchmarks/examiner-severity.png]
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cqp_desktop.core.ucanss import examiner_analytics as ea  # noqa: E402
from cqp_desktop.core.ucanss import examiner_report as er  # noqa: E402
from cqp_desktop.core.ucanss import examiner_simulation as es  # noqa: E402
from cqp_desktop.core.ucanss.national import open_national  # noqa: E402


def run(scenario: es.Scenario, folder: Path) -> tuple[es.Simulation, ea.Analytics, dict[str, float]]:
    times = {}
    t = time.perf_counter()
    sim = es.simulate(scenario)
    times["simulation"] = time.perf_counter() - t
    db = open_national(folder / f"n-{scenario.seed}-{scenario.margin}-{scenario.severe}.sqlite3")
    try:
        t = time.perf_counter()
        es.fill(db, sim)
        times["insertion (fonction de l'import)"] = time.perf_counter() - t
        t = time.perf_counter()
        analytics = ea.analyse(db)
        times["analyse"] = time.perf_counter() - t
    finally:
        db.close()
    t = time.perf_counter()
    er.build_pdf(analytics, generated_on="2026-12-02")
    times["rapport PDF"] = time.perf_counter() - t
    return sim, analytics, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--png", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    sim, analytics, times = run(es.Scenario(seed=2026), folder)
    print("## seed 2026, 3 sévères et 2 indulgents à ±0,6 logit\n")
    print("| temps | s |\n|---|---|")
    for what, seconds in times.items():
        print(f"| {what} | {seconds:.2f} |")
    print("\n| membre | vraie sévérité | estimée [IC 95 %] | écart apparié | q | verdict |\n|---|---|---|---|---|---|")
    for s in er.ordered(analytics):
        if s.flagged or sim.leniency[s.member]:
            print(f"| {analytics.name(s.member)} | {er.num(sim.leniency[s.member])} | {er.num(s.estimate)} [{er.num(s.low)} ; "
                  f"{er.num(s.high)}] | {er.points(s.paired_difference)} | {er.q_text(s.q_value)} | {s.verdict} |")
    errors = [s.estimate - sim.leniency[s.member] for s in analytics.severity if s.estimate is not None]
    covered = sum(1 for s in analytics.severity if s.low is not None and s.low <= sim.leniency[s.member] <= (s.high or 0))
    print(f"\nécart quadratique moyen estimée − vraie : {math.sqrt(statistics.fmean(e * e for e in errors)):.3f} logit ; "
          f"vraie valeur dans l'IC 95 % : {covered}/40")
    for label, severe, lenient in (("biaisé (3 + 2 à ±0,6)", 3, 2), ("nul (aucun biais)", 0, 0)):
        found, others, zs = [], [], []
        for seed in range(1, args.seeds + 1):
            sim, analytics, _ = run(es.Scenario(seed=seed, severe=severe, lenient=lenient), folder)
            flagged = {s.member for s in analytics.flagged}
            found.append(len(flagged & sim.biased))
            others.append(len(flagged - sim.biased))
            zs += [(s.estimate - sim.leniency[s.member]) / s.se for s in analytics.severity if s.estimate is not None and s.se]
        print(f"\n{label}, graines 1 à {args.seeds} : biaisés trouvés {found} ; autres signalés {others} "
              f"(moyenne {statistics.fmean(others):.2f}, max {max(others)}) ; écart-type de (estimée − vraie)/erreur type "
              f"{statistics.pstdev(zs):.3f}")
    if args.png:
        sim, analytics, _ = run(es.Scenario(seed=2026), folder)
        pdf = folder / "r.pdf"
        er.write_pdf(analytics, pdf, generated_on="2026-12-02")
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "2", "-l", "2", "-singlefile", str(pdf), str(args.png.with_suffix(""))],
                       check=True)
        print(f"\nÉcrit : {args.png}")


if __name__ == "__main__":
    main()
