"""The certification rules, pure and exact.

A competence is acquired when at least `competence_percent` % of its criteria are validated; a bloc is
validated when at least `bloc_percent` % of its competences are acquired (80 % both, from the
référentiel). Comparisons are integer-only — 100 × count ≥ percent × total, i.e. 5 × validated ≥ 4 ×
total at 80 % — so no float rounding can ever flip a result. Each result explains itself in French.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: the home list reads Mode before the référentiel module is needed
    from cqp_desktop.core.model.referentiel import Bloc, Competence, Referentiel


class Decision(StrEnum):
    """A jury's decision on one criterion; the value is what the database stores."""

    VALIDE = "valide"
    NON_VALIDE = "non_valide"
    NON_OBSERVE = "non_observe"

    @property
    def label(self) -> str:
        return {"valide": "validé", "non_valide": "non validé", "non_observe": "non observé"}[self.value]


class Mode(StrEnum):
    """Whether an épreuve certifies. Pre-positionnement only guides training and never counts."""

    CERTIFICATION = "certification"
    PREPOSITIONNEMENT = "prepositionnement"


def meets(count: int, total: int, percent: int) -> bool:
    """True when count/total ≥ percent %, computed on integers. An empty set never meets a threshold."""
    if total <= 0:
        return False
    return 100 * count >= percent * total


def required(total: int, percent: int) -> int:
    """The smallest count that meets the threshold: ceil(percent × total / 100), on integers."""
    return -(-percent * total // 100)


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n in (0, 1) else plural}"


@dataclass(frozen=True)
class CompetenceResult:
    key: str
    code: str
    total: int
    validated: int
    not_validated: int
    not_observed: int
    required: int
    acquired: bool

    @property
    def missing(self) -> int:
        return max(0, self.required - self.validated)

    @property
    def fully_decided(self) -> bool:
        return self.not_observed == 0

    def explanation(self) -> str:
        counted = f"{_plural(self.validated, 'critère validé', 'critères validés')} sur {self.total}"
        if self.acquired:
            text = f"{self.code} acquise : {counted} (il en faut {self.required})"
        else:
            text = f"{self.code} : {counted}, il en faut {self.required}"
        if self.not_observed:
            text += f" ; {_plural(self.not_observed, 'critère non observé', 'critères non observés')}"
        return text


@dataclass(frozen=True)
class BlocResult:
    bloc: str
    competences: tuple[CompetenceResult, ...]
    acquired: int
    total: int
    required: int
    validated: bool

    @property
    def fully_decided(self) -> bool:
        return all(c.fully_decided for c in self.competences)

    @property
    def missing_competences(self) -> tuple[CompetenceResult, ...]:
        return tuple(c for c in self.competences if not c.acquired)

    def summary(self) -> str:
        counted = f"{_plural(self.acquired, 'compétence acquise', 'compétences acquises')} sur {self.total}"
        if self.validated:
            return f"Bloc {self.bloc} validé : {counted} (il en faut {self.required})"
        return f"Bloc {self.bloc} non validé : {counted}, il en faut {self.required}"

    def explanation(self) -> list[str]:
        """The summary, then one line per competence that is not acquired."""
        return [self.summary(), *(c.explanation() for c in self.missing_competences)]

    def as_data(self) -> dict[str, Any]:
        """The result as plain data: what packages carry and avis payloads sign (its keys are part of them)."""
        return {
            "validated": self.validated,
            "acquired": self.acquired,
            "total": self.total,
            "required": self.required,
            "competences": [
                {"key": c.key, "validated": c.validated, "total": c.total, "required": c.required, "acquired": c.acquired}
                for c in self.competences
            ],
        }


_DECISIONS: dict[str, Decision] = {d.value: d for d in Decision}  # a package's recount meets ~17 000 decisions
_ALL_DECISIONS = tuple(Decision)  # iterating the enum class itself runs a Python generator at every competence


def evaluate_competence(
    competence: Competence, decisions: Mapping[str, Decision | str], percent: int = 80
) -> CompetenceResult:
    """Decisions are keyed by criterion key; a criterion without a decision counts as non observé."""
    counts = dict.fromkeys(_ALL_DECISIONS, 0)
    for criterion in competence.criteria:
        value = decisions.get(criterion.key, Decision.NON_OBSERVE)
        decision = _DECISIONS.get(value)  # a StrEnum member hashes as its value: one lookup for both
        if decision is None:
            raise ValueError(f"{value!r} is not a valid Decision")
        counts[decision] += 1
    total = len(competence.criteria)
    validated = counts[Decision.VALIDE]
    return CompetenceResult(
        key=competence.key,
        code=competence.code,
        total=total,
        validated=validated,
        not_validated=counts[Decision.NON_VALIDE],
        not_observed=counts[Decision.NON_OBSERVE],
        required=required(total, percent),
        acquired=meets(validated, total, percent),
    )


def evaluate_bloc(
    bloc: Bloc, decisions: Mapping[str, Decision | str], competence_percent: int = 80, bloc_percent: int = 80
) -> BlocResult:
    results = tuple(evaluate_competence(c, decisions, competence_percent) for c in bloc.competences)
    acquired = sum(1 for r in results if r.acquired)
    total = len(results)
    return BlocResult(
        bloc=bloc.code,
        competences=results,
        acquired=acquired,
        total=total,
        required=required(total, bloc_percent),
        validated=meets(acquired, total, bloc_percent),
    )


def evaluate(referentiel: Referentiel, bloc_code: str, decisions: Mapping[str, Decision | str]) -> BlocResult:
    """Evaluate a bloc with the thresholds the référentiel declares."""
    t = referentiel.thresholds
    return evaluate_bloc(referentiel.bloc(bloc_code), decisions, t.competence_percent, t.bloc_percent)


# --------------------------------------------------------------------------------------------------
# CCP capitalisation and CQP


@dataclass(frozen=True)
class BlocOutcome:
    """One épreuve's outcome for a bloc, as capitalisation sees it."""

    bloc: str
    validated: bool
    mode: Mode = Mode.CERTIFICATION
    date: str = ""  # ISO date of the épreuve, for the record
    certification: str = ""  # the CQP the épreuve was taken for (a CCP on GRU/MDR counts for both)


def ccp_held(outcomes: Iterable[BlocOutcome]) -> frozenset[str]:
    """Blocs for which a CCP is held: validated at least once in a certifying épreuve, kept for good.

    A later failure on the same bloc never withdraws a CCP; pre-positionnement never counts.
    """
    return frozenset(o.bloc for o in outcomes if o.validated and o.mode == Mode.CERTIFICATION)


@dataclass(frozen=True)
class CertificationStatus:
    certification: str
    held: tuple[str, ...]  # blocs of this certification with a CCP, in référentiel order
    missing: tuple[str, ...]  # blocs still to certify
    cqp: bool
    withheld: tuple[str, ...] = ()  # prerequisites not met: every bloc may be held, the CQP is not obtained

    @property
    def all_blocs(self) -> bool:
        return not self.missing

    def explanation(self) -> str:
        if self.cqp:
            return f"CQP {self.certification} : tous les blocs sont validés ({', '.join(self.held)})"
        if not self.missing:
            return (
                f"CQP {self.certification} non obtenu : tous les blocs sont validés ({', '.join(self.held)}), "
                f"mais {' ; '.join(self.withheld)}"
            )
        held = ", ".join(self.held) if self.held else "aucun"
        return f"CQP {self.certification} non obtenu : CCP détenus : {held} ; reste à certifier : {', '.join(self.missing)}"


def certification_status(
    referentiel: Referentiel, certification: str, held: Iterable[str], withheld: Iterable[str] = ()
) -> CertificationStatus:
    """CQP when every bloc of the certification holds a CCP and no prerequisite is `withheld` (French
    reasons, e.g. Pass et Prem'ss not attested: core/site/prerequisite.py); CCP on common blocs count for any CQP."""
    held_set = set(held)
    blocs = referentiel.certification(certification).blocs
    have = tuple(b for b in blocs if b in held_set)
    missing = tuple(b for b in blocs if b not in held_set)
    reasons = tuple(withheld)
    return CertificationStatus(
        certification=certification, held=have, missing=missing, cqp=not missing and not reasons, withheld=reasons
    )
