"""The paired severity model of the examiner analytics (docs/analytics-examinateurs.md). Qt-free, pure Python.

On a criterion where the two members of a double-marked épreuve disagree (one « validé », the other not),
the candidate's level and the criterion's difficulty cancel out (conditional Rasch likelihood): what remains
is the difference of the two members' leniencies, a Bradley–Terry model over the disagreements. Fitted by
Newton's method, standard errors clustered by épreuve (sandwich), Wald test of each member against the mean of
the members they can be compared with, p-values adjusted for the number of members (Benjamini–Hochberg).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

ALPHA = 0.05  # false discovery rate of the flags (Benjamini–Hochberg)
MIN_DISCORDANT = 20  # below this many disagreements a member's severity is not estimated
MIN_COMPONENT = 3  # members comparable with fewer than this many others (linked by co-marking) are not estimated
RIDGE = 1e-4  # keeps the estimate finite when a member disagrees always the same way; negligible otherwise


@dataclass(frozen=True)
class PairedEpreuve:
    """One double-marked épreuve reduced to what the model needs (« validé » counts as 1, anything else 0)."""

    president: str
    expert: str
    criteria: int
    president_valid: int  # criteria the président marked « validé »
    expert_valid: int
    discordant: int  # criteria where exactly one of the two marked « validé »
    president_wins: int  # of those, where it was the président


@dataclass(frozen=True)
class Severity:
    """The paired estimate of a member's leniency (logit), positive = more lenient than the comparable average."""

    member: str
    double_marked: int  # double-marked épreuves
    paired_criteria: int
    discordant: int
    paired_difference: float  # own « validé » share minus co-markers', on the same criteria
    estimate: float | None = None  # None: not estimable (too few disagreements, or too few comparable members)
    se: float | None = None
    p_value: float | None = None
    q_value: float | None = None  # Benjamini–Hochberg adjusted
    flagged: bool = False

    @property
    def low(self) -> float | None:
        return None if self.estimate is None or self.se is None else self.estimate - 1.96 * self.se

    @property
    def high(self) -> float | None:
        return None if self.estimate is None or self.se is None else self.estimate + 1.96 * self.se

    @property
    def verdict(self) -> str:
        if self.estimate is None:
            return "non estimable"
        if not self.flagged:
            return "dans la norme"
        return "plus indulgent" if self.estimate > 0 else "plus sévère"


def estimate(pairs: Iterable[PairedEpreuve], members: Iterable[str] = (), *, alpha: float = ALPHA) -> list[Severity]:
    """Each member's leniency from the disagreements of their double-marked épreuves (conditional Rasch /
    Bradley–Terry), with épreuve-clustered (sandwich) standard errors, Wald tests and Benjamini–Hochberg flags.
    `members` adds members without any double-marked épreuve (reported as not estimable)."""
    clusters: list[tuple[str, str, int, int]] = []
    paired: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # épreuves, criteria, own − other valid, discordant
    for e in pairs:
        if e.president == e.expert:
            continue
        diff = e.president_valid - e.expert_valid
        for uuid, sign in ((e.president, 1), (e.expert, -1)):
            s = paired[uuid]
            s[0] += 1
            s[1] += e.criteria
            s[2] += sign * diff
            s[3] += e.discordant
        if e.discordant:
            clusters.append((e.president, e.expert, e.president_wins, e.discordant))
    everyone = sorted(set(members) | set(paired))
    sizes = _components(((p, x) for p, x, _, _ in clusters), everyone)
    estimable = [m for m in everyone if paired[m][3] >= MIN_DISCORDANT and sizes[m] >= MIN_COMPONENT]
    index = {m: i for i, m in enumerate(estimable)}
    used = [(index[p], index[x], w, n) for p, x, w, n in clusters if p in index and x in index]
    theta = _fit(used, len(estimable))
    se = _sandwich_se(used, theta)
    p_values = [math.erfc(abs(t / s) / math.sqrt(2)) if s > 0 else 1.0 for t, s in zip(theta, se)]
    q_values = benjamini_hochberg(p_values)
    out = []
    for m in everyone:
        s = paired[m]
        base: dict[str, Any] = dict(member=m, double_marked=s[0], paired_criteria=s[1], discordant=s[3],
                                    paired_difference=s[2] / s[1] if s[1] else 0.0)
        if m in index:
            i = index[m]
            out.append(Severity(**base, estimate=theta[i], se=se[i], p_value=p_values[i], q_value=q_values[i],
                                flagged=q_values[i] <= alpha))
        else:
            out.append(Severity(**base))
    return out


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a few dozen unknowns: no numerical library needed)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        p = a[col][col]
        for r in range(col + 1, n):
            f = a[r][col] / p
            if f:
                row, top = a[r], a[col]
                for k in range(col, n + 1):
                    row[k] -= f * top[k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][k] * x[k] for k in range(r + 1, n))) / a[r][r]
    return x


def _inverse(matrix: list[list[float]]) -> list[list[float]]:
    n = len(matrix)
    columns = [_solve(matrix, [1.0 if i == j else 0.0 for i in range(n)]) for j in range(n)]
    return [[columns[j][i] for j in range(n)] for i in range(n)]


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Adjusted p-values (q-values) controlling the false discovery rate over the members tested."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        q[i] = running
    return q


def _components(edges: Iterable[tuple[str, str]], members: Iterable[str]) -> dict[str, int]:
    """Size of each member's group of members linked by co-marking (the scale is relative within a group)."""
    parent = {m: m for m in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    sizes: dict[str, int] = defaultdict(int)
    for m in parent:
        sizes[find(m)] += 1
    return {m: sizes[find(m)] for m in parent}


def _fit(clusters: Sequence[tuple[int, int, int, int]], n: int, iterations: int = 50) -> list[float]:
    """Maximum likelihood of the Bradley–Terry model by Newton's method (a tiny ridge fixes the mean at 0)."""
    pairs: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for p, x, w, d in clusters:
        pairs[(p, x)][0] += w
        pairs[(p, x)][1] += d
    theta = [0.0] * n
    for _ in range(iterations):
        grad = [-RIDGE * t for t in theta]
        hess = [[RIDGE if i == j else 0.0 for j in range(n)] for i in range(n)]
        for (p, x), (w, d) in pairs.items():
            prob = _sigmoid(theta[p] - theta[x])
            g = w - d * prob
            h = d * prob * (1 - prob)
            grad[p] += g
            grad[x] -= g
            hess[p][p] += h
            hess[x][x] += h
            hess[p][x] -= h
            hess[x][p] -= h
        step = _solve(hess, grad)
        theta = [t + s for t, s in zip(theta, step)]
        if max((abs(s) for s in step), default=0.0) < 1e-10:
            break
    mean = sum(theta) / n if n else 0.0
    return [t - mean for t in theta]


def _sandwich_se(clusters: Sequence[tuple[int, int, int, int]], theta: Sequence[float]) -> list[float]:
    """Standard errors robust to criteria of one épreuve not being independent: H⁻¹ B H⁻¹ with B summed by épreuve."""
    n = len(theta)
    if n == 0:
        return []
    hess = [[RIDGE if i == j else 0.0 for j in range(n)] for i in range(n)]
    meat = [[0.0] * n for _ in range(n)]
    for p, x, w, d in clusters:
        prob = _sigmoid(theta[p] - theta[x])
        h = d * prob * (1 - prob)
        hess[p][p] += h
        hess[x][x] += h
        hess[p][x] -= h
        hess[x][p] -= h
        g = w - d * prob
        meat[p][p] += g * g
        meat[x][x] += g * g
        meat[p][x] -= g * g
        meat[x][p] -= g * g
    inv = _inverse(hess)
    # small-sample correction of the cluster estimator: G / (G − 1)
    factor = len(clusters) / (len(clusters) - 1) if len(clusters) > 1 else 1.0
    out = []
    for i in range(n):
        row = inv[i]
        var = sum(row[a] * sum(meat[a][b] * row[b] for b in range(n) if meat[a][b]) for a in range(n) if row[a])
        out.append(math.sqrt(max(var * factor, 0.0)))
    return out
