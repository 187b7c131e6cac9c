"""Double correction, core: blind member journals, closure, reconciliation, signed avis covering both markings."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.model.reconciliation import package_problems
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.site import avis
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.storage.store import Store
from tests.core.double_fixtures import (
    EXPERT_DISAGREES,
    double_marked_signed,
    mark_both,
    plan_double,
)
from tests.core.package_fixtures import make_site, sign_epreuve


def test_other_members_marks_hidden_until_both_closed(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    mark_both(store, referentiel, epreuve, site, close=False)
    own = dm.marks_of(store, epreuve, site.expert_id, viewer_id=site.expert_id)
    assert own["GRU.C1.2"] == Decision.NON_VALIDE
    with pytest.raises(dm.DoubleMarkingError, match="masquée"):
        dm.marks_of(store, epreuve, site.president_id, viewer_id=site.expert_id)
    with pytest.raises(dm.DoubleMarkingError, match="masquée"):
        dm.notes_of(store, epreuve, site.expert_id, viewer_id=site.president_id)
    dm.close(store, epreuve, site.president_id)
    with pytest.raises(dm.DoubleMarkingError, match="masquée"):  # one closure is not enough
        dm.marks_of(store, epreuve, site.president_id, viewer_id=site.expert_id)
    # the shared grid holds nothing while the members mark: no final decision before reconciliation
    assert store.current_decisions(epreuve) == {}
    dm.close(store, epreuve, site.expert_id)
    assert dm.marks_of(store, epreuve, site.president_id, viewer_id=site.expert_id)["GRU.C1.2"] == Decision.VALIDE


def test_closed_member_can_no_longer_mark_even_with_plain_sql(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    mark_both(store, referentiel, epreuve, site, close=False)
    dm.close(store, epreuve, site.president_id)
    with pytest.raises(dm.DoubleMarkingError, match="clôturée"):
        dm.record(store, epreuve, site.president_id, "GRU.C1.1", Decision.NON_VALIDE)
    with pytest.raises(sqlite3.IntegrityError, match="observation clôturée"):
        store.connection().execute(
            "INSERT INTO member_decisions (epreuve_id, member_id, criterion, decision, wall_time) VALUES (?,?,?,?,?)",
            [epreuve, site.president_id, "GRU.C1.1", "non_valide", "2026-12-02T10:00:00"],
        )
    with pytest.raises(sqlite3.IntegrityError, match="modification interdite"):
        store.connection().execute("UPDATE member_decisions SET decision = 'non_valide'")
    with pytest.raises(sqlite3.IntegrityError, match="suppression interdite"):
        store.connection().execute("DELETE FROM member_notes")


def test_closure_refused_while_criteria_unmarked(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    dm.record(store, epreuve, site.president_id, "GRU.C1.1", Decision.VALIDE)
    with pytest.raises(dm.DoubleMarkingError, match="non observé"):
        dm.close(store, epreuve, site.president_id)


def test_double_marking_only_for_certifying_epreuves_and_before_marking(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    candidate = store.add_candidate("Petit", "Hugo", site.employer_id, "COS", "formation", True)
    pre = store.plan_epreuve(candidate, referentiel, "GRU", "2026-12-01", alternative="double_ecoute",
                             mode=Mode.PREPOSITIONNEMENT, president_id=site.president_id, expert_id=site.expert_id)
    with pytest.raises(dm.DoubleMarkingError, match="certification"):
        dm.set_double_marking(store, pre, True)
    started = store.plan_epreuve(candidate, referentiel, "GRU", "2026-12-02", alternative="double_ecoute",
                                 president_id=site.president_id, expert_id=site.expert_id)
    store.record_decision(started, "GRU.C1.1", Decision.VALIDE)
    with pytest.raises(dm.DoubleMarkingError, match="commencé"):
        dm.set_double_marking(store, started, True)
    with pytest.raises(sqlite3.IntegrityError, match="notation déjà commencée"):  # the database itself refuses
        store.connection().execute("UPDATE epreuves SET double_marking = 1 WHERE id = ?", [started])


def test_reconciliation_settles_agreement_and_keeps_each_disagreement_for_the_jury(
    store: Store, referentiel: Referentiel
) -> None:
    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    mark_both(store, referentiel, epreuve, site)
    criteria = [c.key for c in referentiel.bloc("GRU").criteria()]
    finals = store.current_decisions(epreuve)
    assert set(finals) == set(criteria) - set(EXPERT_DISAGREES)
    assert all(d == Decision.VALIDE for d in finals.values())
    rows = [r for r in store.decision_rows(epreuve)]
    assert {r.phase for r in rows} == {"reconciliation"} and {r.author_id for r in rows} == {site.president_id}
    pending = dm.disagreements(store, epreuve)
    assert [d.criterion for d in pending] == list(EXPERT_DISAGREES)
    assert pending[0].president_notes == ("Reformule après relance",)
    assert pending[0].expert_notes == ("Reformulation absente",)
    assert any("désaccords à concilier" in item for item in avis.open_items(store, epreuve))
    assert not dm.reconciliation_complete(store, epreuve)
    dm.settle(store, epreuve, "GRU.C1.2", Decision.VALIDE, "Observée après relance")
    dm.settle(store, epreuve, "GRU.C2.1", Decision.NON_VALIDE)
    assert dm.reconciliation_complete(store, epreuve)
    assert store.current_decisions(epreuve)["GRU.C2.1"] == Decision.NON_VALIDE
    figures = dm.agreement_of(store, epreuve)
    assert figures is not None and (figures.criteria, figures.agreed) == (len(criteria), len(criteria) - 2)
    # the 80 % rules read the finals only
    c2 = avis.computed_result(store, epreuve).competences[1]
    assert (c2.total, c2.validated, c2.not_validated) == (5, 4, 1)


def test_avis_cannot_be_signed_before_reconciliation(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    mark_both(store, referentiel, epreuve, site)
    with pytest.raises(avis.AvisError, match="désaccords à concilier"):
        sign_epreuve(store, epreuve, site)


def test_signed_payload_covers_both_markings_and_reconciliation(store: Store, referentiel: Referentiel) -> None:
    import json

    site = make_site(store)
    epreuve = double_marked_signed(store, referentiel, site)
    signed = avis.signed_avis(store, epreuve)
    assert signed is not None and avis.verify_avis_signatures(store, signed.id) == []
    payload = json.loads(avis.signing_payload(store, signed.id))
    marking = payload["double_marking"]
    assert [m["role"] for m in marking["markers"]] == ["president", "expert"]
    assert [r["reason"] for r in marking["reconciliation"] if r["reason"]] == ["Reformulation observée après relance"]
    assert marking["agreement"]["agreed"] == marking["agreement"]["criteria"] - 2
    assert package_problems(marking, [c.key for c in referentiel.bloc("GRU").criteria()],
                               store.current_decisions(epreuve)) == []


def test_single_marking_payload_has_no_double_marking_key(store: Store, referentiel: Referentiel) -> None:
    import json

    from tests.core.avis_fixtures import make_epreuve

    jury = make_epreuve(store, referentiel)
    draft = avis.draft_avis(store, jury.epreuve_id, True)
    assert "double_marking" not in json.loads(avis.signing_payload(store, draft))


MARKS = st.sampled_from(["valide", "non_valide"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_package_problems_accepts_exactly_the_reconciliation(referentiel: Referentiel, data: st.DataObject) -> None:
    """Any two markings and finals: accepted iff agreed criteria keep the common mark and finals match."""
    from cqp_desktop.core.model.agreement import agreement

    criteria = [c.key for c in referentiel.bloc("GRU").criteria()]
    a = {c: data.draw(MARKS) for c in criteria}
    b = {c: data.draw(MARKS) for c in criteria}
    finals = {c: (a[c] if a[c] == b[c] else data.draw(MARKS)) for c in criteria}
    tampered = data.draw(st.sampled_from([None, *criteria]))
    declared = dict(finals)
    if tampered is not None and a[tampered] == b[tampered]:
        declared[tampered] = "non_valide" if a[tampered] == "valide" else "valide"

    def journal(marks: dict[str, str]) -> list[dict[str, object]]:
        return [{"id": n, "criterion": c, "decision": d, "wall_time": "t", "undo_of": None} for n, (c, d) in enumerate(marks.items())]

    marking = {
        "markers": [
            {"member_id": 1, "role": "president", "closed_at": "t", "decisions": journal(a), "notes": []},
            {"member_id": 2, "role": "expert", "closed_at": "t", "decisions": journal(b), "notes": []},
        ],
        "reconciliation": [
            {"criterion": c, "president": a[c], "expert": b[c], "final": declared[c], "reason": "", "wall_time": "t"}
            for c in criteria
        ],
        "agreement": agreement(a, b, criteria).as_data(),
    }
    problems = package_problems(marking, criteria, declared)
    assert (problems == []) == (declared == finals)


def test_released_schemas_upgrade_to_double_marking_and_its_fixture_opens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from tests.conftest import DATA

    for name in ("schema-0051_proclaimed_results.sqlite3", "schema-0060_double_marking.sqlite3"):
        copy = tmp_path / name
        shutil.copy(DATA / name, copy)
        opened = Store.open(copy)
        try:
            assert "0060_double_marking" in {r[0] for r in opened.connection().execute("SELECT name FROM _sqlite_migrations")}
            double = [r[0] for r in opened.connection().execute("SELECT id FROM epreuves WHERE double_marking = 1")]
            if name.startswith("schema-0060"):
                assert len(double) == 1 and dm.reconciliation_complete(opened, double[0])
                assert dm.package_data(opened, double[0])["agreement"]["agreed"] >= 1  # type: ignore[index]
            else:
                assert double == []
        finally:
            opened.close()


def test_compte_rendu_prints_both_markings_and_the_agreement(store: Store, referentiel: Referentiel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.site.report_pdf import build_epreuve_report
    from tests.core.test_report_pdf import pdf_text

    site = make_site(store)
    epreuve = double_marked_signed(store, referentiel, site)
    text = " ".join(pdf_text(build_epreuve_report(store, epreuve), tmp_path).split())
    figures = dm.agreement_of(store, epreuve)
    assert figures is not None
    assert "Double correction" in text and f"{figures.agreed} critères sur {figures.criteria} concordants" in text
    assert "Reformulation observée après relance" in text and "Reformulation absente" in text


def test_purge_erases_each_members_notes_and_the_reconciliation_reasons(store: Store, referentiel: Referentiel) -> None:
    from cqp_desktop.core.site import purge

    site = make_site(store)
    session = store.add_session("Session 2026-12", "2026-12", "Brocéliande")
    epreuve = double_marked_signed(store, referentiel, site, session)
    candidate = store.epreuve(epreuve)["candidate_id"]
    purge.erase(store, session, [candidate])
    texts = [r[0] for r in store.connection().execute("SELECT text FROM member_notes")]
    reasons = {r[0] for r in store.connection().execute("SELECT reason FROM reconciliations")}
    assert texts and set(texts) == {purge.ERASED_TEXT}
    assert reasons == {"", purge.ERASED_TEXT}
    assert store.verify_audit_chain() == []
    with pytest.raises(sqlite3.IntegrityError, match="interdit"):  # guarded again after the purge
        store.connection().execute("UPDATE member_notes SET text = 'x'")


def test_subject_access_gives_the_candidate_both_markings(store: Store, referentiel: Referentiel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.site import subject_access
    from tests.core.test_report_pdf import pdf_text

    site = make_site(store)
    epreuve = double_marked_signed(store, referentiel, site)
    data = subject_access.collect(store, store.epreuve(epreuve)["candidate_id"])
    marking = next(e for e in data["epreuves"] if e["id"] == epreuve)["double_marking"]
    assert marking == dm.package_data(store, epreuve)
    assert "Reformulation absente" in pdf_text(subject_access._pdf(data), tmp_path)


def test_a_reopened_runner_puts_the_member_back_on_their_own_last_criterion(store: Store, referentiel: Referentiel) -> None:
    from cqp_desktop.core.site.runner import EpreuveRunner

    site = make_site(store)
    epreuve = plan_double(store, referentiel, site)
    runner = EpreuveRunner(store, epreuve)
    runner.set_decision("GRU.C2.1", Decision.VALIDE)
    runner.set_marker("expert")
    runner.set_decision("GRU.C1.1", Decision.NON_VALIDE)
    again = EpreuveRunner(store, epreuve)
    assert again.marker_role == "president" and again.last_criterion() == "GRU.C2.1"
    assert again.decisions() == {"GRU.C2.1": Decision.VALIDE}  # never the expert's mark


def test_a_member_mark_altered_after_signing_is_named_by_the_signature_check(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    epreuve = double_marked_signed(store, referentiel, site)
    signed = avis.signed_avis(store, epreuve)
    assert signed is not None
    store.connection().execute("DROP TRIGGER member_decisions_no_update")  # what only a forger with the file would do
    store.connection().execute("UPDATE member_decisions SET decision = 'valide' WHERE decision = 'non_valide'")
    problems = avis.verify_avis_signatures(store, signed.id)
    assert any("double correction (notations des deux membres, conciliation)" in p for p in problems), problems
