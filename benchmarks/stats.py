"""Tiny statistics for benchmark samples (seconds in, milliseconds out)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    median_ms: float
    p99_ms: float
    min_ms: float
    max_ms: float
    n: int

    def __str__(self) -> str:
        return f"médiane {self.median_ms:.2f} ms, p99 {self.p99_ms:.2f} ms (min {self.min_ms:.2f}, max {self.max_ms:.2f}, n={self.n})"


def summarize(samples_s: list[float]) -> Summary:
    ms = sorted(s * 1000 for s in samples_s)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    return Summary(statistics.median(ms), p99, ms[0], ms[-1], len(ms))
