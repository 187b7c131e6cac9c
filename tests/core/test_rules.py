"""The certification rules: exact 80 % thresholds, explanations, CCP capitalisation and CQP."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import Bloc, Competence, Criterion, Referentiel
from cqp_desktop.core.model.rules import (
    BlocOutcome,
    Decision,
    Mode,
    ccp_held,
    certification_status,
    evaluate,
    evaluate_bloc,
    evaluate_competence,
    meets,
    required,
)


@given(st.integers(min_value=1, max_value=500), st.data(), st.integers(min_value=1, max_value=100))
def test_meets_is_exact_fraction_comparison(total: int, data: st.DataObject, percent: int) -> None:
    count = data.draw(st.integers(min_value=0, max_value=total))
    assert meets(count, total, percent) == (Fraction(count, total) >= Fraction(percent, 100))


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=100))
def test_required_is_the_smallest_count_that_meets(total: int, percent: int) -> None:
    k = required(total, percent)
    assert meets(k, total, percent)
    assert k == 0 or not meets(k - 1, total, percent)
    assert k <= total


@given(st.integers(min_value=1, max_value=500), st.data())
def test_eighty_percent_is_five_times_four_times(total: int, data: st.DataObject) -> None:
    validated = data.draw(st.integers(min_value=0, max_value=total))
    assert meets(validated, total, 80) == (5 * validated >= 4 * total)


def test_empty_set_never_meets() -> None:
    assert not meets(0, 0, 80)


@pytest.mark.parametrize(
    ("total", "needed"),
    [(1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 5), (7, 6), (10, 8), (11, 9), (15, 12)],
)
def test_needed_counts_from_the_brief(total: int, needed: int) -> None:
    assert required(total, 80) == needed


def test_blocs_of_the_referentiel_need_what_the_brief_says(referentiel: Referentiel) -> None:
    needed = {code: evaluate(referentiel, code, {}).required for code in referentiel.blocs}
    # GRU 5 of 6, MDR 4 of 5, GDU 4 of 5, POS all 3, TD all 4.
    assert needed == {"GRU": 5, "MDR": 4, "GDU": 4, "POS": 3, "TD": 4}


def _competence(n: int, code: str = "C1", bloc: str = "B") -> Competence:
    criteria = tuple(Criterion(f"{bloc}.{code}.{i}", f"{code}.{i}", f"critère {i}") for i in range(1, n + 1))
    return Competence(bloc, code, "libellé", criteria)


decisions_st = st.sampled_from(list(Decision))


@given(st.integers(min_value=1, max_value=8).flatmap(lambda n: st.lists(decisions_st, min_size=n, max_size=n)))
def test_competence_result_matches_an_independent_count(values: list[Decision]) -> None:
    competence = _competence(len(values))
    decisions = {c.key: v for c, v in zip(competence.criteria, values, strict=True)}
    result = evaluate_competence(competence, decisions)
    validated = values.count(Decision.VALIDE)
    assert result.validated == validated
    assert result.not_observed == values.count(Decision.NON_OBSERVE)
    assert result.acquired == (Fraction(validated, len(values)) >= Fraction(4, 5))
    assert result.validated + result.not_validated + result.not_observed == result.total


@given(
    st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=8).flatmap(
        lambda sizes: st.tuples(
            st.just(sizes), st.lists(decisions_st, min_size=sum(sizes), max_size=sum(sizes))
        )
    )
)
def test_bloc_result_matches_an_independent_oracle(case: tuple[list[int], list[Decision]]) -> None:
    sizes, values = case
    competences = tuple(_competence(n, f"C{i}") for i, n in enumerate(sizes, start=1))
    bloc = Bloc("B", "Bloc", "", "", (), competences)
    keys = [c.key for comp in competences for c in comp.criteria]
    decisions = dict(zip(keys, values, strict=True))
    result = evaluate_bloc(bloc, decisions)
    acquired = 0
    for comp in competences:
        v = sum(1 for c in comp.criteria if decisions[c.key] == Decision.VALIDE)
        acquired += Fraction(v, len(comp.criteria)) >= Fraction(4, 5)
    assert result.acquired == acquired
    assert result.validated == (Fraction(acquired, len(competences)) >= Fraction(4, 5))


def test_missing_decisions_count_as_not_observed() -> None:
    competence = _competence(5)
    result = evaluate_competence(competence, {competence.criteria[0].key: Decision.VALIDE})
    assert (result.validated, result.not_observed, result.acquired) == (1, 4, False)


def _all(referentiel: Referentiel, bloc: str, value: Decision) -> dict[str, Decision]:
    return {c.key: value for c in referentiel.bloc(bloc).criteria()}


def test_gru_five_of_six_competences_validates(referentiel: Referentiel) -> None:
    decisions = _all(referentiel, "GRU", Decision.VALIDE)
    for criterion in referentiel.bloc("GRU").competence("C3").criteria:
        decisions[criterion.key] = Decision.NON_VALIDE
    result = evaluate(referentiel, "GRU", decisions)
    assert (result.acquired, result.total, result.validated) == (5, 6, True)
    for criterion in referentiel.bloc("GRU").competence("C4").criteria:
        decisions[criterion.key] = Decision.NON_VALIDE
    assert not evaluate(referentiel, "GRU", decisions).validated


@pytest.mark.parametrize("bloc", ["POS", "TD"])
def test_pos_and_td_need_every_competence(referentiel: Referentiel, bloc: str) -> None:
    decisions = _all(referentiel, bloc, Decision.VALIDE)
    assert evaluate(referentiel, bloc, decisions).validated
    first = referentiel.bloc(bloc).competences[0]
    for criterion in first.criteria:
        decisions[criterion.key] = Decision.NON_VALIDE
    result = evaluate(referentiel, bloc, decisions)
    assert not result.validated
    assert result.acquired == result.total - 1


def test_explanations_say_what_is_missing(referentiel: Referentiel) -> None:
    decisions = _all(referentiel, "GRU", Decision.VALIDE)
    c3 = referentiel.bloc("GRU").competence("C3").criteria  # 4 criteria: needs all 4
    decisions[c3[0].key] = Decision.NON_VALIDE
    decisions[c3[1].key] = Decision.NON_OBSERVE
    result = evaluate(referentiel, "GRU", decisions)
    c3_result = next(c for c in result.competences if c.code == "C3")
    assert c3_result.explanation() == "C3 : 2 critères validés sur 4, il en faut 4 ; 1 critère non observé"
    assert result.summary() == "Bloc GRU validé : 5 compétences acquises sur 6 (il en faut 5)"
    assert result.explanation()[1] == c3_result.explanation()
    c1_result = result.competences[0]
    assert c1_result.explanation() == "C1 acquise : 4 critères validés sur 4 (il en faut 4)"


def test_ccp_are_kept_for_good_and_prepositionnement_never_counts() -> None:
    outcomes = [
        BlocOutcome("GRU", True, Mode.CERTIFICATION, "2026-02-03"),
        BlocOutcome("GRU", False, Mode.CERTIFICATION, "2026-06-03"),  # a later failure withdraws nothing
        BlocOutcome("GDU", True, Mode.PREPOSITIONNEMENT, "2025-10-01"),
        BlocOutcome("MDR", False, Mode.CERTIFICATION, "2026-02-04"),
    ]
    assert ccp_held(outcomes) == {"GRU"}


def test_common_blocs_count_for_both_cqp(referentiel: Referentiel) -> None:
    assert referentiel.common_blocs() == {"GRU", "MDR"}
    held = {"GRU", "MDR", "POS", "TD"}  # a full COS
    cos = certification_status(referentiel, "COS", held)
    gc = certification_status(referentiel, "GC", held)
    assert cos.cqp and cos.missing == ()
    assert not gc.cqp and gc.held == ("GRU", "MDR") and gc.missing == ("GDU",)
    assert gc.explanation() == "CQP GC non obtenu : CCP détenus : GRU, MDR ; reste à certifier : GDU"
    assert certification_status(referentiel, "GC", held | {"GDU"}).cqp


@given(held=st.sets(st.sampled_from(["GRU", "MDR", "POS", "TD", "GDU"])))
def test_cqp_iff_every_bloc_held(referentiel: Referentiel, held: set[str]) -> None:
    ref = referentiel
    for cert in ("COS", "GC"):
        status = certification_status(ref, cert, held)
        assert status.cqp == set(ref.certification(cert).blocs).issubset(held)
        assert set(status.held) | set(status.missing) == set(ref.certification(cert).blocs)


def test_nothing_held_reads_aucun(referentiel) -> None:  # type: ignore[no-untyped-def]
    status = certification_status(referentiel, "COS", [])
    assert "CCP détenus : aucun ; reste à certifier : GRU, MDR, POS, TD" in status.explanation()
