"""Examiner analytics at the Ucanss: what the national import keeps of each jury's marks (never a candidate),
and the paired severity model tested on simulated members of known severity (fixed seeds)."""

from __future__ import annotations

import copy
import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import examiner_analytics as ea
from cqp_desktop.core.ucanss import examiner_severity
from cqp_desktop.core.ucanss import examiner_simulation as es
from cqp_desktop.core.ucanss.national import import_package as _import_package
from cqp_desktop.core.ucanss.national import open_national
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.core.package_helpers import members_of
from tests.trust_helpers import anchors


@pytest.fixture
def national(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_national(tmp_path / "national.sqlite3")
    yield db
    db.close()


@pytest.fixture(scope="module")
def biased(tmp_path_factory: pytest.TempPathFactory) -> tuple[es.Simulation, ea.Analytics]:
    """40 members, 2,000 double-marked épreuves, 3 made severe and 2 lenient by 0.6 logit, seed 2026."""
    sim = es.simulate(es.Scenario(seed=2026))
    return sim, ea.analyse_epreuves(_kept(sim, tmp_path_factory.mktemp("sim") / "n.sqlite3"), sim.names)


def _kept(sim: es.Simulation, path: Path) -> list[ea.MarkedEpreuve]:
    db = open_national(path)
    try:
        es.fill(db, sim)
        return ea.marked_epreuves(db)
    finally:
        db.close()


def _names_in(db) -> str:  # type: ignore[no-untyped-def]
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'examiner_%'")]
    return json.dumps({t: list(db.query(f"SELECT * FROM {t}")) for t in tables}, ensure_ascii=False)


def test_the_simulation_has_the_size_and_the_biased_members_asked_for(biased) -> None:  # type: ignore[no-untyped-def]
    sim, analytics = biased
    assert len(sim.leniency) == 40 and analytics.epreuves == 2000 and analytics.double_marked == 2000
    assert sorted(v for v in sim.leniency.values() if v) == [-0.6, -0.6, -0.6, 0.6, 0.6]
    assert {e["bloc"] for e in es.iter_epreuves(sim)} == {"GRU", "MDR", "POS", "TD", "GDU"}
    assert len({s["session"]["site"] for s in sim.sessions}) == 5 and len({s["session"]["month"] for s in sim.sessions}) == 12


def test_the_five_biased_members_are_flagged_in_their_direction_and_at_most_two_others(biased) -> None:  # type: ignore[no-untyped-def]
    sim, analytics = biased
    flagged = {s.member: s for s in analytics.flagged}
    assert sim.biased <= set(flagged)
    assert len(set(flagged) - sim.biased) <= 2
    for member in sim.biased:
        s = flagged[member]
        assert s.verdict == ("plus sévère" if sim.leniency[member] < 0 else "plus indulgent")
        assert s.low is not None and s.high is not None
        assert s.low - 0.15 <= sim.leniency[member] <= s.high + 0.15  # the truth near the 95 % interval
        assert (s.paired_difference < 0) == (sim.leniency[member] < 0)


def test_estimates_track_the_true_leniency(biased) -> None:  # type: ignore[no-untyped-def]
    sim, analytics = biased
    errors = [s.estimate - sim.leniency[s.member] for s in analytics.severity if s.estimate is not None]
    assert len(errors) == 40
    rmse = math.sqrt(sum(e * e for e in errors) / len(errors))
    assert rmse < 0.2  # the standard errors are about 0.1


def test_a_null_simulation_flags_few_members(tmp_path: Path) -> None:
    sim = es.simulate(es.Scenario(seed=7, severe=0, lenient=0))
    analytics = ea.analyse_epreuves(_kept(sim, tmp_path / "n.sqlite3"), sim.names)
    assert not sim.biased
    assert len(analytics.flagged) <= 1
    assert all(s.q_value is not None and s.q_value > 0.001 for s in analytics.severity)


def test_agreement_bloc_rates_and_trend_are_reported_per_member(biased) -> None:  # type: ignore[no-untyped-def]
    sim, analytics = biased
    severe = next(m for m, v in sim.leniency.items() if v < 0)
    assert len(analytics.agreement) == 40 and all(a.epreuves > 0 and a.mean_kappa is not None for a in analytics.agreement)
    assert all(0.5 < (a.mean_percent or 0) < 1 for a in analytics.agreement)
    rates = [r for r in analytics.by_bloc if r.member == severe]
    assert rates and sum(r.criteria_rate < r.peer_criteria_rate for r in rates) >= len(rates) - 1
    months = [t for t in analytics.trend if t.member == severe]
    assert len(months) == 12 and sum(t.rate < t.peer_rate for t in months) >= 9
    assert all(t.paired_difference is not None for t in months)
    assert len(analytics.epreuve_agreement) == 2000


def test_the_csv_names_members_never_candidates(biased) -> None:  # type: ignore[no-untyped-def]
    sim, analytics = biased
    lines = ea.export_csv(analytics).splitlines()
    assert lines[0].split(";") == ea.CSV_HEADER and len(lines) == 41
    assert sum("plus sévère" in line for line in lines) >= 3 and sum("plus indulgent" in line for line in lines) >= 2


def test_a_member_who_validates_whenever_the_pair_disagrees_is_estimated_more_lenient() -> None:
    criteria = tuple(f"C{i}" for i in range(10))
    epreuves = []
    members = ["a", "b", "c", "d"]
    for n in range(120):
        p, x = members[n % 4], members[(n + 1 + n // 4) % 4]
        if p == x:
            x = members[(n + 2) % 4]
        marks = {}
        for role, who in (("president", p), ("expert", x)):
            marks[role] = {c: ("valide" if (i + n) % 3 or who == "a" else "non_valide") for i, c in enumerate(criteria)}
        agreed = sum(marks["president"][c] == marks["expert"][c] for c in criteria)
        epreuves.append(ea.MarkedEpreuve(n, "S", "2026-01", "COS", "GRU", True, criteria, marks["president"],
                                         {"president": p, "expert": x}, marks, agreed))
    severity = {s.member: s for s in ea.severity(epreuves, members)}
    assert severity["a"].estimate is not None and severity["a"].estimate > 1
    assert severity["a"].paired_difference > 0
    assert all(severity[m].estimate < 0 for m in "bcd")


@given(st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=60))
def test_benjamini_hochberg_adjusts_up_keeps_order_and_is_bounded_by_bonferroni(p_values: list[float]) -> None:
    q = examiner_severity.benjamini_hochberg(p_values)
    m = len(p_values)
    for i in range(m):
        assert p_values[i] - 1e-12 <= q[i] <= min(1.0, m * p_values[i]) + 1e-12
        for j in range(m):
            if p_values[i] <= p_values[j]:
                assert q[i] <= q[j] + 1e-12


# --------------------------------------------------------------------------------------------------
# What the import keeps


def _double_marking(e: dict, referentiel: Referentiel, expert_id: int) -> dict:  # type: ignore[type-arg]
    """The contract's `double_marking` for a real épreuve: the président marks like the final grid, the
    expert refuses the first criterion, changes their mind on the second (their journal's latest row counts)."""
    criteria = [c.key for c in referentiel.bloc(e["bloc"]).criteria()]
    final = {d["criterion"]: d["decision"] for d in e["decisions"]}
    president = [{"id": i + 1, "criterion": c, "decision": final.get(c, "non_observe"), "wall_time": "t", "undo_of": None}
                 for i, c in enumerate(criteria)]
    expert = [dict(row) for row in president]
    expert[0]["decision"] = "non_valide" if final.get(criteria[0]) == "valide" else "valide"
    expert.append({"id": len(expert) + 1, "criterion": criteria[1], "decision": "non_observe", "wall_time": "t", "undo_of": None})
    expert.append({"id": len(expert) + 1, "criterion": criteria[1], "decision": final.get(criteria[1], "non_observe"),
                   "wall_time": "t", "undo_of": len(expert)})
    reconciliation = [{"criterion": c, "president": final.get(c, "non_observe"), "expert": r["decision"],
                       "final": final.get(c, "non_observe"), "reason": "", "wall_time": "t"}
                      for c, r in zip(criteria, expert)]
    return {
        "markers": [
            {"member_id": e["president_id"], "role": "president", "closed_at": "t", "decisions": president, "notes": []},
            {"member_id": expert_id, "role": "expert", "closed_at": "t", "decisions": expert, "notes": []},
        ],
        "reconciliation": reconciliation,
        "agreement": {"criteria": len(criteria), "agreed": len(criteria) - 1, "percent": "x", "kappa": None},
    }


def test_the_national_import_keeps_each_jury_and_its_final_marks_without_candidate_names(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(store, referentiel, candidates=2)
    raw = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "s.cqpkg", with_pdfs=False).path.read_bytes()
    outcome = _import_package(national, raw, trust=anchors())
    data = json.loads(members_of(raw)["data.json"])
    rows = list(national.query("SELECT * FROM examiner_epreuves ORDER BY local_id"))
    assert len(rows) == len(data["epreuves"]) == outcome.epreuves
    assert all(r["package_id"] == outcome.package_id and r["double_marked"] == 0 and r["agreed"] is None for r in rows)
    first = data["epreuves"][0]
    marks = {r["criterion"]: r for r in national.query(
        "SELECT * FROM examiner_marks WHERE epreuve_id = ?", [rows[0]["id"]])}
    assert len(marks) == len(list(referentiel.bloc(first["bloc"]).criteria())) == rows[0]["criteria"]
    assert {c: m["final"] for c, m in marks.items() if m["final"] != "non_observe"} == {d["criterion"]: d["decision"] for d in first["decisions"]}
    assert all(m["president"] is None and m["expert"] is None for m in marks.values())
    jury = {m["id"]: m["uuid"] for m in data["jury"]}
    sitting = dict(national.execute("SELECT role, member_uuid FROM examiner_sittings WHERE epreuve_id = ?", [rows[0]["id"]]).fetchall())
    assert sitting == {"president": jury[first["president_id"]], "expert": jury[first["expert_id"]]}
    dumped = _names_in(national)
    for c in data["candidates"]:
        assert c["last_name"] not in dumped and c["first_name"] not in dumped and c["uuid"] not in dumped
    assert "Anne DELORME" in dumped  # the examiner is named: the analytics are about them


def test_a_double_marked_epreuve_keeps_both_markings_and_a_newer_revision_replaces_the_rows(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(store, referentiel, candidates=1)
    raw = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "s.cqpkg", with_pdfs=False).path.read_bytes()
    data = json.loads(members_of(raw)["data.json"])
    doubled = copy.deepcopy(data)
    for e in doubled["epreuves"]:
        e["double_marking"] = _double_marking(e, referentiel, e["expert_id"])
    assert ea.record_session(national, doubled) == len(data["epreuves"])
    row = next(national.query("SELECT * FROM examiner_epreuves ORDER BY local_id"))
    criteria = [c.key for c in referentiel.bloc(doubled["epreuves"][0]["bloc"]).criteria()]
    assert row["double_marked"] == 1 and row["criteria"] == len(criteria) and row["agreed"] == len(criteria) - 1
    marks = {r["criterion"]: r for r in national.query("SELECT * FROM examiner_marks WHERE epreuve_id = ?", [row["id"]])}
    assert marks[criteria[0]]["president"] != marks[criteria[0]]["expert"]
    assert marks[criteria[1]]["expert"] == marks[criteria[1]]["final"]  # the undo restored the expert's mark
    kept = ea.marked_epreuves(national)
    assert kept[0].double_marked and kept[0].agreed == len(criteria) - 1
    analytics = ea.analyse(national)
    assert {a.member for a in analytics.agreement} == {m["uuid"] for m in data["jury"] if m["id"] in (session.president_id, session.expert_id)}
    # the same session again (a newer revision): its rows are replaced, not added
    assert ea.record_session(national, data) == len(data["epreuves"])
    assert national["examiner_epreuves"].count == len(data["epreuves"])
    assert national.execute("SELECT count(*) FROM examiner_marks WHERE president IS NOT NULL").fetchone()[0] == 0
    assert national.execute("SELECT count(*) FROM examiner_epreuves WHERE double_marked = 1").fetchone()[0] == 0


DECISIONS = st.sampled_from(["valide", "non_valide", "non_observe"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    journals=st.lists(
        st.lists(st.tuples(st.integers(0, 5), DECISIONS), max_size=15), min_size=2, max_size=2
    )
)
def test_each_member_keeps_the_latest_row_of_their_own_journal_and_the_agreement_is_the_shared_function(
    journals: list[list[tuple[int, str]]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from cqp_desktop.core.model.agreement import agreement

    criteria = [f"GRU.C{i}" for i in range(6)]
    markers = []
    for n, (role, rows) in enumerate(zip(("president", "expert"), journals)):
        decisions = [{"id": i + 1, "criterion": criteria[c], "decision": d, "wall_time": "t", "undo_of": None}
                     for i, (c, d) in enumerate(rows)]
        markers.append({"member_id": n + 1, "role": role, "closed_at": "t", "decisions": decisions, "notes": []})
    expected = [{criteria[c]: d for c, d in rows} for rows in journals]  # the latest row wins
    data = {
        "session": {"uuid": "s", "month": "2026-05", "site": "Lyon"},
        "jury": [{"id": 1, "uuid": "p", "first_name": "A", "last_name": "B"}, {"id": 2, "uuid": "x", "first_name": "C", "last_name": "D"}],
        "epreuves": [{
            "id": 1, "certification": "COS", "bloc": "GRU", "president_id": 1, "expert_id": 2, "decisions": [],
            "avis": [{"version": 1, "jury_validated": False}],
            "double_marking": {"markers": markers, "agreement": {}, "reconciliation": [
                {"criterion": c, "final": expected[0].get(c, "non_observe")} for c in criteria]},
        }],
    }
    db = open_national(tmp_path_factory.mktemp("prop") / "n.sqlite3")
    try:
        ea.record_session(db, data)
        [kept] = ea.marked_epreuves(db)
        for role, marks in zip(("president", "expert"), expected):
            assert dict(kept.own[role]) == {c: marks.get(c, "non_observe") for c in criteria}
        a = agreement(expected[0], expected[1], criteria)
        assert kept.agreed == a.agreed and kept.kappa == (None if a.kappa is None else Fraction(a.kappa_text()))
    finally:
        db.close()
