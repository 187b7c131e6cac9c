"""Kill test (CI part): the real app, driven through its widgets in a child process, SIGKILLed 10 times at
random moments and restarted on the same database each time (benchmarks/faults/kill.py; `make faults`
runs 200 kills). Nothing acknowledged may be lost, nothing unacknowledged half-written, and the
recovered elapsed time must be right within 1 s."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.faults.kill import KillReport, run

KILLS = 10


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> KillReport:
    work: Path = tmp_path_factory.mktemp("kill")
    # kills 0.8–1.6 s after the restart: the clock has been running for a while when it is killed
    return run(KILLS, seed=20261127, work=work, per_epreuve=4, min_delay_s=0.8, max_delay_s=1.6, log=lambda _: None)


def test_every_acknowledged_action_survives_sigkill(report: KillReport) -> None:
    assert report.kills == KILLS
    assert report.acked_decisions >= 100  # the children really worked between the kills
    assert report.problems == []
    assert report.anchor_checks >= KILLS  # the anchor and the seals were checked after every kill


def test_recovered_elapsed_time_is_right_within_one_second(report: KillReport) -> None:
    """Recovered elapsed time (what the restarted app shows) vs the last elapsed time the killed app printed."""
    assert report.kills_while_running >= 3
    worst = max(abs(e) for e in report.errors_vs_printed_ms)
    assert worst <= 1000, report.summary()
