"""How each jury member marks, seen from the Ucanss: what the national import keeps of every épreuve's
jury and marks, and the analytics over it (severity, agreement, trend). Qt-free.

Kept per imported épreuve: who sat (member UUID and role), bloc, certification, site, session month, the final
decision per criterion, whether the bloc was validated and, for a double-marked épreuve (docs/package-format.md,
« double correction »), each member's own mark per criterion and the épreuve's agreement. No candidate is
named or even identified here: the analytics need the marks, not who was marked.

Severity is estimated on double-marked épreuves only, with the paired model of core/ucanss/examiner_severity.py
(docs/analytics-examinateurs.md); the rates per bloc, the agreement and the trend are descriptive.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from cqp_desktop.core.exchange.package_format import latest_decisions
from cqp_desktop.core.model.agreement import agreement
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.ucanss.examiner_severity import ALPHA, PairedEpreuve, Severity, estimate


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
        return list(referentiel.bloc(e["bloc"]).criterion_keys)
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
        db.conn.executemany(
            "INSERT INTO examiner_members (uuid, name, session_month) VALUES (?,?,?) "
            "ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, session_month = excluded.session_month "
            "WHERE excluded.session_month >= examiner_members.session_month",
            [[m["uuid"], f"{m.get('first_name', '')} {m.get('last_name', '').upper()}".strip(), session["month"]]
             for m in data["jury"]],
        )
        kept = 0
        # Rows numbered here as SQLite would number them one by one (the largest id + 1: no AUTOINCREMENT), so
        # that each table takes one statement per session: the national import enters a package every few ms.
        row_id = db.execute("SELECT coalesce(max(id), 0) FROM examiner_epreuves").fetchone()[0]
        epreuves: list[list[Any]] = []
        sittings: list[list[Any]] = []
        marks: list[tuple[Any, ...]] = []
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
            row_id += 1
            epreuves.append(
                [row_id, session["uuid"], package_id, e["id"], session["site"], session["month"], e["certification"],
                 e["bloc"], int(bool(validated)), int(bool(double)), len(criteria), agreed, kappa]
            )
            sitting = {"president": e.get("president_id"), "expert": e.get("expert_id")}
            sitting.update({role: member_id for role, (member_id, _) in own.items()})
            sittings += [
                [row_id, jury[member_id]["uuid"], role]
                for role, member_id in sitting.items()
                if member_id is not None and member_id in jury
            ]
            marks_p = own.get("president", (None, {}))[1]
            marks_x = own.get("expert", (None, {}))[1]
            marks += [
                (row_id, c, final.get(c, "non_observe"),
                 (marks_p.get(c, "non_observe") if "president" in own else None),
                 (marks_x.get(c, "non_observe") if "expert" in own else None))
                for c in criteria
            ]
            kept += 1
        db.conn.executemany(
            "INSERT INTO examiner_epreuves (id, session_uuid, package_id, local_id, site, session_month, certification, "
            "bloc, bloc_validated, double_marked, criteria, agreed, kappa) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            epreuves,
        )
        db.conn.executemany("INSERT INTO examiner_sittings (epreuve_id, member_uuid, role) VALUES (?,?,?)", sittings)
        db.conn.executemany(
            "INSERT INTO examiner_marks (epreuve_id, criterion, final, president, expert) VALUES (?,?,?,?,?)", marks
        )
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


def severity(epreuves: Sequence[MarkedEpreuve], members: Sequence[str] = (), *, alpha: float = ALPHA) -> list[Severity]:
    """The paired severity model (core/ucanss/examiner_severity.py) over the double-marked épreuves."""
    pairs = []
    for e in epreuves:
        if not e.double_marked or "president" not in e.sitting or "expert" not in e.sitting:
            continue
        vp = [_valid(e.own["president"].get(c)) for c in e.criteria]
        vx = [_valid(e.own["expert"].get(c)) for c in e.criteria]
        pairs.append(PairedEpreuve(
            president=e.sitting["president"], expert=e.sitting["expert"], criteria=len(e.criteria),
            president_valid=sum(vp), expert_valid=sum(vx), discordant=sum(a != b for a, b in zip(vp, vx)),
            president_wins=sum(a > b for a, b in zip(vp, vx)),
        ))
    return estimate(pairs, members, alpha=alpha)


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
