"""Cohen's kappa as the textbook defines it, checked by hand and by properties."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.model.agreement import CATEGORIES, agreement

marks = st.sampled_from([*CATEGORIES, None])


def test_textbook_example() -> None:
    # 10 criteria: both valide on 6, both non_valide on 2, disagree on 2
    crit = [f"c{i}" for i in range(10)]
    a = dict(zip(crit, ["valide"] * 6 + ["non_valide"] * 2 + ["valide", "non_valide"]))
    b = dict(zip(crit, ["valide"] * 6 + ["non_valide"] * 2 + ["non_valide", "valide"]))
    result = agreement(a, b, crit)
    assert (result.criteria, result.agreed) == (10, 8)
    # p_o = 0.8, p_e = 0.7*0.7 + 0.3*0.3 = 0.58, kappa = 0.22/0.42
    assert result.kappa == Fraction(22, 42)
    assert result.as_data() == {"criteria": 10, "agreed": 8, "percent": "4/5", "kappa": "0.5238"}
    assert result.french() == "8 critères sur 10 concordants (80 %), kappa de Cohen 0,52"


def test_unmarked_counts_as_not_observed_and_constant_marking_has_no_kappa() -> None:
    crit = ["a", "b"]
    result = agreement({}, {"a": "non_observe", "b": "non_observe"}, crit)
    assert (result.agreed, result.kappa) == (2, None)
    assert result.as_data()["kappa"] is None


@given(st.lists(st.tuples(marks, marks), min_size=1, max_size=40))
def test_kappa_properties(pairs: list[tuple[str | None, str | None]]) -> None:
    crit = [f"c{i}" for i in range(len(pairs))]
    a = {c: x for c, (x, _) in zip(crit, pairs)}
    b = {c: y for c, (_, y) in zip(crit, pairs)}
    ab, ba = agreement(a, b, crit), agreement(b, a, crit)
    assert ab == ba  # symmetric
    assert 0 <= ab.agreed <= ab.criteria == len(crit)
    if ab.kappa is not None:
        assert -1 <= ab.kappa <= 1
        assert (ab.kappa == 1) == (ab.agreed == ab.criteria)
    self_agreement = agreement(a, a, crit)
    assert self_agreement.agreed == len(crit)
    assert self_agreement.kappa in (None, 1)
