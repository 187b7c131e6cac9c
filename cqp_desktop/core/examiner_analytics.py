"""How each jury member marks, seen from the Ucanss: what the national import keeps of every épreuve's
jury and marks, and the analytics over it (severity, agreement, trend). Qt-free.

Kept per imported épreuve: who sat (member UUID and role), bloc, certification, site, session month, the final
decision per criterion, whether the bloc was validated and, for a double-marked épreuve (docs/package-format.md,
« double correction »), each member's own mark per criterion and the épreuve's agreement. No candidate is
named or even identified here: the analytics need the marks, not who was marked.

Severity is estimated on double-marked épreuves only, with the paired design (docs/analytics-examinateurs.md):
on a criterion where the two members disagree, the candidate's level and the criterion's difficulty cancel
out, and what remains is the difference of the two members' leniencies (conditional Rasch model, i.e. a
Bradley–Terry model over the discordant criteria). Standard errors are clustered by épreuve, each member is
tested against the average of the members they can be compared with, and the p-values are adjusted for the
number of members tested (Benjamini–Hochberg).
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from cqp_desktop.core.agreement import agreement
from cqp_desktop.core.package import latest_decisions
from cqp_desktop.core.referentiel import Referentiel

ALPHA = 0.05  # false discovery rate of the flags (Benjamini–Hochberg)
MIN_DISCORDANT = 20  # below this many disagreements a member's severity is not estimated
MIN_COMPONENT = 3  # members comparable with fewer than this many others (linked by co-marking) are not estimated
RIDGE = 1e-4  # keeps the estimate finite when a member disagrees always the same way; negligible otherwise


def migrate(db: Database) -> None:
    """Tables of the examiner analytics (national migration 0060). Derived data, not signed: a newer
    revision of a session replaces its rows (the packages themselves stay append-only)."""
    db.executescript(
        """
        CREATE TABLE examiner_epreuves (
            id INTEGER PRIMARY KEY,
            session_uuid TEXT NOT NULL,
            package_id INTEGER REFERENCES packages(id),
            local_id INTEGER NOT NULL,
            site TEXT NOT NULL,
            session_month TEXT NOT NULL,
            certification TEXT NOT NULL,
            bloc TEXT NOT NULL,
            bloc_validated INTEGER NOT NULL,
            double_marked INTEGER NOT NULL,
            criteria INTEGER NOT NULL,
            agreed INTEGER,
            kappa TEXT,
            UNIQUE (session_uuid, local_id)
        );
        CREATE INDEX examiner_epreuves_bloc ON examiner_epreuves(bloc);
        CREATE TABLE examiner_sittings (
            epreuve_id INTEGER NOT NULL REFERENCES examiner_epreuves(id),
            member_uuid TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('president', 'expert')),
            PRIMARY KEY (epreuve_id, role)
        );
        CREATE INDEX examiner_sittings_member ON examiner_sittings(member_uuid);
        CREATE TABLE examiner_marks (
            epreuve_id INTEGER NOT NULL REFERENCES examiner_epreuves(id),
            criterion TEXT NOT NULL,
            final TEXT NOT NULL,
            president TEXT,
            expert TEXT,
            PRIMARY KEY (epreuve_id, criterion)
        );
        CREATE TABLE examiner_members (
            uuid TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            session_month TEXT NOT NULL
        );
        """
    )


# --------------------------------------------------------------------------------------------------
# What the import keeps


def _member_marks(marker: Mapping[str, Any]) -> dict[str, str]:
    """A member's mark per criterion: the latest row of their journal (an undo is a row too)."""
    return latest_decisions(marker.get("decisions") or [])


def _criteria(e: Mapping[str, Any], final: Mapping[str, str], referentiels: Mapping[str, Referentiel]) -> list[str]:
    double = e.get("double_marking")
    if double:
        return [r["criterion"] for r in double["reconciliation"]]
    referentiel = referentiels.get((e.get("referentiel") or {}).get("hash", ""))
    if referentiel is not None and e["bloc"] in referentiel.blocs:
        return [c.key for c in referentiel.bloc(e["bloc"]).criteria()]
    return sorted(final)


def record_session(
    db: Database,
    data: Mapping[str, Any],
    *,
    package_id: int | None = None,
    referentiels: Mapping[str, Referentiel] | None = None,
) -> int:
    """Keep what the analytics need of one session's data.json (a verified package's, or a simulation's);
    the rows of an earlier revision of the same session are replaced. Returns the number of épreuves kept.

    Called inside the import's transaction: all or nothing with the package."""
    referentiels = referentiels or {}
    session = data["session"]
    jury = {m["id"]: m for m in data["jury"]}
    with db.atomic():
        _forget_session(db, session["uuid"])
        for m in data["jury"]:
            db.execute(
                "INSERT INTO examiner_members (uuid, name, session_month) VALUES (?,?,?) "
                "ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, session_month = excluded.session_month "
                "WHERE excluded.session_month >= examiner_members.session_month",
                [m["uuid"], f"{m.get('first_name', '')} {m.get('last_name', '').upper()}".strip(), session["month"]],
            )
        kept = 0
        for e in data["epreuves"]:
            double = e.get("double_marking")
            if double:
                final = {r["criterion"]: r["final"] for r in double["reconciliation"]}
                own = {m["role"]: (m["member_id"], _member_marks(m)) for m in double["markers"]}
            else:
                final = latest_decisions(e["decisions"])
                own = {}
            criteria = _criteria(e, final, referentiels)
            avis = max(e["avis"], key=lambda a: a["version"]) if e.get("avis") else None
            validated = avis["jury_validated"] if avis is not None else e["result"]["validated"]
            agreed = kappa = None
            if "president" in own and "expert" in own:
                a = agreement(own["president"][1], own["expert"][1], criteria)
                agreed, kappa = a.agreed, a.kappa_text()
            cursor = db.execute(
                "INSERT INTO examiner_epreuves (session_uuid, package_id, local_id, site, session_month, certification, "
                "bloc, bloc_validated, double_marked, criteria, agreed, kappa) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [session["uuid"], package_id, e["id"], session["site"], session["month"], e["certification"], e["bloc"],
                 int(bool(validated)), int(bool(double)), len(criteria), agreed, kappa],
            )
            row_id = int(cursor.lastrowid)
            sitting = {"president": e.get("president_id"), "expert": e.get("expert_id")}
            sitting.update({role: member_id for role, (member_id, _) in own.items()})
            for role, member_id in sitting.items():
                if member_id is not None and member_id in jury:
                    db.execute(
                        "INSERT INTO examiner_sittings (epreuve_id, member_uuid, role) VALUES (?,?,?)",
                        [row_id, jury[member_id]["uuid"], role],
                    )
            marks_p = own.get("president", (None, {}))[1]
            marks_x = own.get("expert", (None, {}))[1]
            db.conn.executemany(
                "INSERT INTO examiner_marks (epreuve_id, criterion, final, president, expert) VALUES (?,?,?,?,?)",
                [
                    (row_id, c, final.get(c, "non_observe"),
                     (marks_p.get(c, "non_observe") if "president" in own else None),
                     (marks_x.get(c, "non_observe") if "expert" in own else None))
                    for c in criteria
                ],
            )
            kept += 1
    return kept


def _forget_session(db: Database, session_uuid: str) -> None:
    ids = "SELECT id FROM examiner_epreuves WHERE session_uuid = ?"
    db.execute(f"DELETE FROM examiner_marks WHERE epreuve_id IN ({ids})", [session_uuid])
    db.execute(f"DELETE FROM examiner_sittings WHERE epreuve_id IN ({ids})", [session_uuid])
    db.execute("DELETE FROM examiner_epreuves WHERE session_uuid = ?", [session_uuid])


# --------------------------------------------------------------------------------------------------
# Reading back


@dataclass(frozen=True)
class MarkedEpreuve:
    """One épreuve as the analytics see it: no candidate, only who marked what."""

    id: int
    site: str
    month: str
    certification: str
    bloc: str
    bloc_validated: bool
    criteria: tuple[str, ...]
    final: Mapping[str, str]
    sitting: Mapping[str, str]  # role → member UUID
    own: Mapping[str, Mapping[str, str]]  # role → criterion → mark; empty when marked together
    agreed: int | None = None
    kappa: Fraction | None = None

    @property
    def double_marked(self) -> bool:
        return "president" in self.own and "expert" in self.own

    def marks_of(self, uuid: str) -> Mapping[str, str] | None:
        """What this member marked: their own grid when double-marked, the shared (final) one otherwise."""
        for role, who in self.sitting.items():
            if who == uuid:
                return self.own.get(role, self.final) if self.own else self.final
        return None


def marked_epreuves(db: Database) -> list[MarkedEpreuve]:
    """Every épreuve kept for the analytics, with its sitting and marks."""
    sittings: dict[int, dict[str, str]] = defaultdict(dict)
    for epreuve_id, uuid, role in db.execute("SELECT epreuve_id, member_uuid, role FROM examiner_sittings"):
        sittings[epreuve_id][role] = uuid
    marks: dict[int, list[tuple[str, str, str | None, str | None]]] = defaultdict(list)
    for epreuve_id, criterion, final, president, expert in db.execute(
        "SELECT epreuve_id, criterion, final, president, expert FROM examiner_marks ORDER BY epreuve_id, rowid"
    ):
        marks[epreuve_id].append((criterion, final, president, expert))
    out = []
    for row in db.execute(
        "SELECT id, site, session_month, certification, bloc, bloc_validated, double_marked, agreed, kappa "
        "FROM examiner_epreuves ORDER BY session_month, id"
    ):
        rows = marks[row[0]]
        own: dict[str, dict[str, str]] = {}
        if row[6]:
            own = {"president": {c: p for c, _, p, _ in rows if p is not None}, "expert": {c: x for c, _, _, x in rows if x is not None}}
        out.append(
            MarkedEpreuve(
                id=row[0], site=row[1], month=row[2], certification=row[3], bloc=row[4], bloc_validated=bool(row[5]),
                criteria=tuple(c for c, *_ in rows), final={c: f for c, f, _, _ in rows}, sitting=sittings[row[0]],
                own=own, agreed=row[7], kappa=None if row[8] is None else Fraction(row[8]),
            )
        )
    return out


def member_names(db: Database) -> dict[str, str]:
    return {uuid: name for uuid, name in db.execute("SELECT uuid, name FROM examiner_members")}


# --------------------------------------------------------------------------------------------------
# Analytics


def _valid(mark: str | None) -> int:
    return 1 if mark == "valide" else 0


@dataclass(frozen=True)
class BlocRates:
    """A member's rates on one bloc against everyone else's on the same bloc."""

    member: str
    bloc: str
    epreuves: int
    criteria_rate: float  # share of criteria this member marked « validé »
    peer_criteria_rate: float  # same, every other member on this bloc's épreuves they did not sit on
    bloc_rate: float  # share of this member's épreuves whose bloc was validated
    peer_bloc_rate: float


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


@dataclass(frozen=True)
class MemberAgreement:
    member: str
    epreuves: int
    mean_percent: float | None
    mean_kappa: float | None
    kappa_defined: int


@dataclass(frozen=True)
class TrendPoint:
    member: str
    month: str
    epreuves: int
    rate: float  # share of criteria this member marked « validé » that month
    peer_rate: float  # everyone else's that month
    paired_difference: float | None  # own minus co-markers' on the same criteria (double-marked épreuves)


@dataclass
class Analytics:
    names: dict[str, str]
    epreuves: int
    double_marked: int
    severity: list[Severity]
    agreement: list[MemberAgreement]
    by_bloc: list[BlocRates]
    trend: list[TrendPoint]
    epreuve_agreement: list[float] = field(default_factory=list)  # per double-marked épreuve, share agreed
    alpha: float = ALPHA

    def name(self, uuid: str) -> str:
        return self.names.get(uuid) or uuid[:8]

    @property
    def flagged(self) -> list[Severity]:
        return [s for s in self.severity if s.flagged]


def analyse(db: Database, *, alpha: float = ALPHA) -> Analytics:
    """The analytics over everything the national base kept."""
    return analyse_epreuves(marked_epreuves(db), member_names(db), alpha=alpha)


def analyse_epreuves(epreuves: Sequence[MarkedEpreuve], names: Mapping[str, str] | None = None, *, alpha: float = ALPHA) -> Analytics:
    members = sorted({uuid for e in epreuves for uuid in e.sitting.values()})
    return Analytics(
        names=dict(names or {}),
        epreuves=len(epreuves),
        double_marked=sum(1 for e in epreuves if e.double_marked),
        severity=severity(epreuves, members, alpha=alpha),
        agreement=_agreement(epreuves, members),
        by_bloc=_by_bloc(epreuves),
        trend=_trend(epreuves, members),
        epreuve_agreement=[e.agreed / len(e.criteria) for e in epreuves if e.double_marked and e.agreed is not None and e.criteria],
        alpha=alpha,
    )


def _by_bloc(epreuves: Sequence[MarkedEpreuve]) -> list[BlocRates]:
    # per bloc: totals over every (member, épreuve) grid, so a member's peers are the totals minus their own
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # valid, criteria, validated épreuves, épreuves
    own: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for e in epreuves:
        t = totals[e.bloc]
        t[2] += int(e.bloc_validated)
        t[3] += 1
        for uuid in set(e.sitting.values()):
            marks = e.marks_of(uuid) or {}
            valid = sum(_valid(marks.get(c)) for c in e.criteria)
            t[0] += valid
            t[1] += len(e.criteria)
            o = own[(uuid, e.bloc)]
            o[0] += valid
            o[1] += len(e.criteria)
            o[2] += int(e.bloc_validated)
            o[3] += 1
    out = []
    for (uuid, bloc), o in sorted(own.items()):
        t = totals[bloc]
        out.append(
            BlocRates(
                member=uuid, bloc=bloc, epreuves=o[3],
                criteria_rate=o[0] / o[1] if o[1] else 0.0,
                peer_criteria_rate=(t[0] - o[0]) / (t[1] - o[1]) if t[1] > o[1] else 0.0,
                bloc_rate=o[2] / o[3],
                peer_bloc_rate=(t[2] - o[2]) / (t[3] - o[3]) if t[3] > o[3] else 0.0,
            )
        )
    return out


def _agreement(epreuves: Sequence[MarkedEpreuve], members: Sequence[str]) -> list[MemberAgreement]:
    percents: dict[str, list[float]] = defaultdict(list)
    kappas: dict[str, list[float]] = defaultdict(list)
    for e in epreuves:
        if not e.double_marked or e.agreed is None or not e.criteria:
            continue
        for uuid in set(e.sitting.values()):
            percents[uuid].append(e.agreed / len(e.criteria))
            if e.kappa is not None:
                kappas[uuid].append(float(e.kappa))
    return [
        MemberAgreement(
            member=uuid, epreuves=len(percents[uuid]),
            mean_percent=sum(percents[uuid]) / len(percents[uuid]) if percents[uuid] else None,
            mean_kappa=sum(kappas[uuid]) / len(kappas[uuid]) if kappas[uuid] else None,
            kappa_defined=len(kappas[uuid]),
        )
        for uuid in members
    ]


def _trend(epreuves: Sequence[MarkedEpreuve], members: Sequence[str]) -> list[TrendPoint]:
    month_totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    own: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # valid, n, épreuves, paired diff, paired n
    for e in epreuves:
        for role, uuid in e.sitting.items():
            marks = e.marks_of(uuid) or {}
            valid = sum(_valid(marks.get(c)) for c in e.criteria)
            month_totals[e.month][0] += valid
            month_totals[e.month][1] += len(e.criteria)
            o = own[(uuid, e.month)]
            o[0] += valid
            o[1] += len(e.criteria)
            o[2] += 1
            if e.double_marked:
                other = e.own["expert" if role == "president" else "president"]
                o[3] += valid - sum(_valid(other.get(c)) for c in e.criteria)
                o[4] += len(e.criteria)
    out = []
    for (uuid, month), o in sorted(own.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        t = month_totals[month]
        out.append(
            TrendPoint(
                member=uuid, month=month, epreuves=o[2], rate=o[0] / o[1] if o[1] else 0.0,
                peer_rate=(t[0] - o[0]) / (t[1] - o[1]) if t[1] > o[1] else 0.0,
                paired_difference=o[3] / o[4] if o[4] else None,
            )
        )
    return out


# --------------------------------------------------------------------------------------------------
# The paired severity model (docs/analytics-examinateurs.md)


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


def severity(epreuves: Sequence[MarkedEpreuve], members: Sequence[str] | None = None, *, alpha: float = ALPHA) -> list[Severity]:
    """Each member's leniency from the disagreements of their double-marked épreuves (conditional Rasch /
    Bradley–Terry), with épreuve-clustered (sandwich) standard errors, Wald tests and Benjamini–Hochberg flags."""
    # per double-marked épreuve: (président, expert, disagreements where the président said « validé », disagreements)
    clusters: list[tuple[str, str, int, int]] = []
    paired = defaultdict(lambda: [0, 0, 0, 0])  # épreuves, criteria, own valid − other valid, discordant
    for e in epreuves:
        if not e.double_marked or "president" not in e.sitting or "expert" not in e.sitting:
            continue
        p, x = e.sitting["president"], e.sitting["expert"]
        if p == x:
            continue
        mp, mx = e.own["president"], e.own["expert"]
        wins = discordant = diff = 0
        for c in e.criteria:
            vp, vx = _valid(mp.get(c)), _valid(mx.get(c))
            diff += vp - vx
            if vp != vx:
                discordant += 1
                wins += vp
        for uuid, sign in ((p, 1), (x, -1)):
            s = paired[uuid]
            s[0] += 1
            s[1] += len(e.criteria)
            s[2] += sign * diff
            s[3] += discordant
        if discordant:
            clusters.append((p, x, wins, discordant))
    everyone = sorted(set(members or ()) | set(paired))
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
        base = dict(member=m, double_marked=s[0], paired_criteria=s[1], discordant=s[3],
                    paired_difference=s[2] / s[1] if s[1] else 0.0)
        if m in index:
            i = index[m]
            out.append(Severity(**base, estimate=theta[i], se=se[i], p_value=p_values[i], q_value=q_values[i],
                                flagged=q_values[i] <= alpha))
        else:
            out.append(Severity(**base))
    return out


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


# --------------------------------------------------------------------------------------------------
# Export


CSV_HEADER = [
    "membre", "uuid", "epreuves_double_correction", "criteres_apparies", "desaccords", "ecart_apparie_points",
    "severite_logit", "ic95_bas", "ic95_haut", "p", "q_bh", "signalement", "accord_moyen_pct", "kappa_moyen",
]


def _num(x: float | None, digits: int = 4) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def export_csv(analytics: Analytics) -> str:
    """One line per jury member (no candidate anywhere), « ; » separated like the other national exports."""
    agreements = {a.member: a for a in analytics.agreement}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for s in analytics.severity:
        a = agreements.get(s.member)
        writer.writerow([
            analytics.name(s.member), s.member, s.double_marked, s.paired_criteria, s.discordant,
            f"{100 * s.paired_difference:.2f}", _num(s.estimate), _num(s.low), _num(s.high), _num(s.p_value, 6),
            _num(s.q_value, 6), s.verdict, "" if a is None or a.mean_percent is None else f"{100 * a.mean_percent:.1f}",
            _num(None if a is None else a.mean_kappa),
        ])
    return out.getvalue()
