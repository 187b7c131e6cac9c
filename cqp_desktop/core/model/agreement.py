"""How far two jury members marking the same épreuve blind agree: count, exact share and Cohen's kappa.

One function for the site (avis, compte rendu), the package check and the Ucanss analytics, so the three
can never disagree. Everything is a Fraction: the figure the package carries is recomputed byte for byte.
A criterion a member never marked counts as « non observé », the grid's own default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

CATEGORIES = ("valide", "non_valide", "non_observe")


@dataclass(frozen=True)
class Agreement:
    criteria: int
    agreed: int
    kappa: Fraction | None  # None when chance agreement is certain (both members used one same category)

    @property
    def percent(self) -> Fraction:
        return Fraction(self.agreed, self.criteria) if self.criteria else Fraction(0)

    def kappa_text(self) -> str | None:
        return None if self.kappa is None else f"{float(self.kappa):.4f}"

    def as_data(self) -> dict[str, Any]:
        """The form the session package carries (docs/package-format.md, « double correction »)."""
        p = self.percent
        return {
            "criteria": self.criteria,
            "agreed": self.agreed,
            "percent": f"{p.numerator}/{p.denominator}",
            "kappa": self.kappa_text(),
        }

    def french(self) -> str:
        """« 18 critères sur 20 concordants (90 %), kappa de Cohen 0,78 » for the avis and the compte rendu."""
        share = round(100 * self.percent)
        kappa = "non défini" if self.kappa is None else f"{float(self.kappa):.2f}".replace(".", ",")
        return f"{self.agreed} critères sur {self.criteria} concordants ({share} %), kappa de Cohen {kappa}"


def _category(mark: str | None) -> str:
    if mark is None:
        return "non_observe"
    if mark not in CATEGORIES:
        raise ValueError(f"décision inconnue : {mark!r}")
    return mark


def agreement(marks_a: Mapping[str, str | None], marks_b: Mapping[str, str | None], criteria: Sequence[str]) -> Agreement:
    """Agreement of two markings over `criteria` (each criterion once), kappa on three categories."""
    n = len(criteria)
    if len(set(criteria)) != n:
        raise ValueError("critères en double")
    a = [_category(marks_a.get(c)) for c in criteria]
    b = [_category(marks_b.get(c)) for c in criteria]
    agreed = sum(1 for x, y in zip(a, b) if x == y)
    if n == 0:
        return Agreement(0, 0, None)
    p_o = Fraction(agreed, n)
    p_e = sum(Fraction(a.count(k), n) * Fraction(b.count(k), n) for k in CATEGORIES)
    kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
    return Agreement(n, agreed, kappa)
