"""Simulated national data for the examiner analytics: jury members of KNOWN severity marking double-marked
épreuves, written as session data.json dicts (the package contract, « double correction ») and kept through
the same function the national import uses. Qt-free, deterministic for a given seed.

Why: the severity flags can only be trusted if they find the members made severe or lenient on purpose, and
few others (docs/analytics-examinateurs.md). The marking model is the one the analytics assume (Rasch):
P(validé) = σ(candidate level − criterion difficulty + what the candidate showed on that criterion + member
leniency), each member marking blind.
"""

from __future__ import annotations

import math
import random
import uuid as uuid_mod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from cqp_desktop.core.model.agreement import agreement
from cqp_desktop.core.model.referentiel import Referentiel, load_default
from cqp_desktop.core.model.rules import evaluate
from cqp_desktop.core.ucanss import examiner_analytics

SITES = ("Lyon", "Lille", "Rennes", "Toulouse", "Strasbourg")
# the blocs each CQP is examined on (a share of GC épreuves on GDU, COS on POS/TD, both on GRU/MDR)
CERTIFICATION_BLOCS = {"COS": ("GRU", "MDR", "POS", "TD"), "GC": ("GRU", "MDR", "GDU")}


@dataclass(frozen=True)
class Scenario:
    """What the generator is asked for. `margin` is in logits (0.6 moves a criterion validated
    80 % of the time to 69 % or 88 %)."""

    seed: int = 2026
    members: int = 40
    epreuves: int = 2000
    severe: int = 3
    lenient: int = 2
    margin: float = 0.6
    months: int = 12
    first_month: str = "2026-01"
    cross_site: float = 0.2  # share of épreuves where one member comes from another site
    level_mean: float = 2.3  # candidates' mean level (logit): about 80 % of criteria validated
    level_sd: float = 1.0
    difficulty_sd: float = 0.6
    performance_sd: float = 1.5  # what the candidate showed on each criterion, seen by both members
    not_observed: float = 0.1  # share of « not validated » marks recorded as « non observé »


@dataclass
class Simulation:
    scenario: Scenario
    leniency: dict[str, float]  # member UUID → true leniency (logit); < 0 severe
    names: dict[str, str]
    sessions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def biased(self) -> set[str]:
        return {m for m, v in self.leniency.items() if v != 0}


def _uuid(rng: random.Random) -> str:
    return str(uuid_mod.UUID(int=rng.getrandbits(128), version=4))


def _month(first: str, offset: int) -> str:
    year, month = map(int, first.split("-"))
    total = year * 12 + month - 1 + offset
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def simulate(scenario: Scenario = Scenario(), referentiel: Referentiel | None = None) -> Simulation:
    """Members (half présidents, half experts, spread over the sites), then sessions (one per site and month)
    of double-marked épreuves. Severe members are the first `severe` of a shuffled list, lenient the next."""
    rng = random.Random(scenario.seed)
    referentiel = referentiel or load_default()
    members = [_uuid(rng) for _ in range(scenario.members)]
    names = {m: f"Examinateur {i + 1:02d}" for i, m in enumerate(members)}
    roles = {m: ("president" if i % 2 == 0 else "expert") for i, m in enumerate(members)}
    home = {m: SITES[(i // 2) % len(SITES)] for i, m in enumerate(members)}
    shuffled = members[:]
    rng.shuffle(shuffled)
    leniency = {m: 0.0 for m in members}
    for m in shuffled[: scenario.severe]:
        leniency[m] = -scenario.margin
    for m in shuffled[scenario.severe : scenario.severe + scenario.lenient]:
        leniency[m] = scenario.margin
    difficulty = {
        c.key: rng.gauss(0.0, scenario.difficulty_sd)
        for code in referentiel.blocs
        for comp in referentiel.bloc(code).competences
        for c in comp.criteria
    }
    sim = Simulation(scenario, leniency, names)
    by_site = {s: {r: [m for m in members if home[m] == s and roles[m] == r] for r in ("president", "expert")} for s in SITES}
    everyone = {r: [m for m in members if roles[m] == r] for r in ("president", "expert")}
    slots = [(site, month) for month in range(scenario.months) for site in SITES]
    per_slot = [scenario.epreuves // len(slots) + (1 if i < scenario.epreuves % len(slots) else 0) for i in range(len(slots))]
    for (site, month), count in zip(slots, per_slot):
        sim.sessions.append(
            _session(rng, scenario, referentiel, difficulty, leniency, names, site, _month(scenario.first_month, month),
                     count, by_site[site], everyone)
        )
    return sim


def _session(
    rng: random.Random, scenario: Scenario, referentiel: Referentiel, difficulty: dict[str, float],
    leniency: dict[str, float], names: dict[str, str], site: str, month: str, count: int,
    local: dict[str, list[str]], everyone: dict[str, list[str]],
) -> dict[str, Any]:
    jury: dict[str, dict[str, Any]] = {}

    def member_id(uuid: str, role: str) -> int:
        if uuid not in jury:
            first, last = names[uuid].split(" ")
            jury[uuid] = {"id": len(jury) + 1, "uuid": uuid, "first_name": first, "last_name": last, "role": role}
        return int(jury[uuid]["id"])

    epreuves = []
    for local_id in range(1, count + 1):
        certification = rng.choice(sorted(CERTIFICATION_BLOCS))
        bloc = rng.choice(CERTIFICATION_BLOCS[certification])
        president = rng.choice(local["president"])
        expert = rng.choice(everyone["expert"] if rng.random() < scenario.cross_site else local["expert"])
        level = rng.gauss(scenario.level_mean, scenario.level_sd)
        criteria = [c.key for comp in referentiel.bloc(bloc).competences for c in comp.criteria]
        day = f"{month}-{rng.randint(1, 28):02d}"
        shown = {c: level - difficulty[c] + rng.gauss(0.0, scenario.performance_sd) for c in criteria}
        markers, own = [], {}
        for role, who in (("president", president), ("expert", expert)):
            marks = {}
            journal = []
            for c in criteria:
                valid = rng.random() < _sigmoid(shown[c] + leniency[who])
                mark = "valide" if valid else ("non_observe" if rng.random() < scenario.not_observed else "non_valide")
                if rng.random() < 0.05:  # a mark changed on second thought: the journal's latest row counts
                    journal.append({"criterion": c, "decision": "non_valide" if valid else "valide", "undo_of": None})
                journal.append({"criterion": c, "decision": mark, "undo_of": None})
                marks[c] = mark
            own[role] = marks
            markers.append({
                "member_id": member_id(who, role), "role": role, "closed_at": f"{day}T11:00:00",
                "decisions": [{"id": i + 1, **row, "wall_time": f"{day}T10:{i % 60:02d}:00"} for i, row in enumerate(journal)],
                "notes": [],
            })
        reconciliation = []
        for c in criteria:
            p, x = own["president"][c], own["expert"][c]
            settled = p if p == x else rng.choice((p, x))
            reconciliation.append({"criterion": c, "president": p, "expert": x, "final": settled,
                                   "reason": "" if p == x else "concertation", "wall_time": f"{day}T11:30:00"})
        final = {r["criterion"]: r["final"] for r in reconciliation}
        validated = evaluate(referentiel, bloc, final).validated
        epreuves.append({
            "id": local_id, "certification": certification, "bloc": bloc, "planned_date": day,
            "president_id": member_id(president, "president"), "expert_id": member_id(expert, "expert"),
            "referentiel": {"id": referentiel.id, "version": referentiel.version, "hash": ""},
            "decisions": [{"id": i + 1, "criterion": c, "decision": d, "undo_of": None} for i, (c, d) in enumerate(final.items())],
            "avis": [{"version": 1, "jury_validated": validated}],
            "result": {"validated": validated},
            "double_marking": {
                "markers": markers, "reconciliation": reconciliation,
                "agreement": agreement(own["president"], own["expert"], criteria).as_data(),
            },
        })
    return {
        "session": {"uuid": _uuid(rng), "label": f"{site} {month}", "month": month, "site": site},
        "jury": sorted(jury.values(), key=lambda m: m["id"]),
        "epreuves": epreuves,
    }


def fill(db: Database, simulation: Simulation) -> int:
    """Keep every simulated session in the national base, through the import's own function."""
    return sum(examiner_analytics.record_session(db, data) for data in simulation.sessions)


def iter_epreuves(simulation: Simulation) -> Iterator[dict[str, Any]]:
    for data in simulation.sessions:
        yield from data["epreuves"]
