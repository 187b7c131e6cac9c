"""What changes between two référentiels, told in French before a new one is activated.

Why: when Ucanss sends the official référentiel (or a renewal), the jury or the administrator must see
what it changes — criteria added, removed or reworded, phase durations, thresholds — before making it
the référentiel of new épreuves. `diff(old, new)` is a pure function over two `Referentiel` objects.

Items are matched by their identity in the data: blocs and certifications by code, competences by
`BLOC.Cn`, criteria by their key (`GRU.C1.2`, what decisions are recorded against), phases by code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.referentiel import Bloc, Certification, Phase, Referentiel


class Kind(StrEnum):
    ADDED = "ajout"
    REMOVED = "suppression"
    CHANGED = "modification"

    @property
    def label(self) -> str:
        return {"ajout": "ajouté", "suppression": "supprimé", "modification": "modifié"}[self.value]


class Scope(StrEnum):
    """What a change is about, in the order the dialog shows them."""

    REFERENTIEL = "referentiel"
    THRESHOLD = "seuil"
    CERTIFICATION = "certification"
    BLOC = "bloc"
    PHASE = "phase"
    COMPETENCE = "competence"
    CRITERION = "critere"
    VAE = "vae"

    @property
    def label(self) -> str:
        return _SCOPE_LABELS[self]


_SCOPE_LABELS = {
    Scope.REFERENTIEL: "Référentiel",
    Scope.THRESHOLD: "Seuils",
    Scope.CERTIFICATION: "Certifications",
    Scope.BLOC: "Blocs",
    Scope.PHASE: "Phases et durées",
    Scope.COMPETENCE: "Compétences",
    Scope.CRITERION: "Critères",
    Scope.VAE: "VAE",
}


@dataclass(frozen=True)
class Change:
    kind: Kind
    scope: Scope
    key: str  # what changed, as the jury reads it: "GRU.C1.2", "GRU › entretien", "seuil compétence"
    field: str  # which attribute ("" for an added/removed item)
    before: str | None
    after: str | None

    def describe(self) -> str:
        """One French sentence, e.g. « GRU.C1.2 : libellé modifié : « A » → « B » »."""
        if self.kind is Kind.ADDED:
            return f"{self.key} : ajouté — {self.after}"
        if self.kind is Kind.REMOVED:
            return f"{self.key} : supprimé — {self.before}"
        return f"{self.key} : {self.field} modifié : {self.before} → {self.after}"

    def reversed(self) -> Change:
        kind = {Kind.ADDED: Kind.REMOVED, Kind.REMOVED: Kind.ADDED}.get(self.kind, self.kind)
        return Change(kind, self.scope, self.key, self.field, self.after, self.before)


@dataclass(frozen=True)
class ReferentielDiff:
    old_label: str
    new_label: str
    changes: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not self.changes

    def by_scope(self) -> dict[Scope, list[Change]]:
        grouped: dict[Scope, list[Change]] = {}
        for scope in Scope:
            items = [c for c in self.changes if c.scope is scope]
            if items:
                grouped[scope] = items
        return grouped

    def counts(self) -> dict[Kind, int]:
        return {kind: sum(1 for c in self.changes if c.kind is kind) for kind in Kind}

    def summary(self) -> str:
        """« 3 ajouts, 1 suppression, 5 modifications » or « aucune différence »."""
        if self.empty:
            return "aucune différence"
        n = self.counts()
        parts = [
            _plural(n[Kind.ADDED], "ajout", "ajouts"),
            _plural(n[Kind.REMOVED], "suppression", "suppressions"),
            _plural(n[Kind.CHANGED], "modification", "modifications"),
        ]
        return ", ".join(p for p in parts if not p.startswith("0 "))


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n <= 1 else many}"


def _q(text: object) -> str:
    return f"« {text} »"


def _minutes(n: int) -> str:
    return f"{n} min"


def _yes_no(flag: bool) -> str:
    return "oui" if flag else "non"


def diff(old: Referentiel, new: Referentiel) -> ReferentielDiff:
    """Every difference from `old` to `new`, grouped by scope in a stable order."""
    changes = [
        *_referentiel_changes(old, new),
        *_threshold_changes(old, new),
        *_keyed(Scope.CERTIFICATION, old.certifications, new.certifications, _cert_text, _cert_fields),
        *_keyed(Scope.BLOC, old.blocs, new.blocs, lambda b: f"{b.code} {_q(b.title)}", _bloc_fields),
        *_phase_changes(old, new),
        *_competence_changes(old, new),
        *_criterion_changes(old, new),
        *_vae_changes(old, new),
    ]
    return ReferentielDiff(old.label, new.label, tuple(changes))


T = TypeVar("T")
Field = tuple[str, Callable[[T], str]]


def _field_changes(scope: Scope, key: str, old: T, new: T, fields: list[Field[T]]) -> Iterator[Change]:
    for name, get in fields:
        before, after = get(old), get(new)
        if before != after:
            yield Change(Kind.CHANGED, scope, key, name, before, after)


def _keyed(
    scope: Scope,
    old: Mapping[str, T],
    new: Mapping[str, T],
    text: Callable[[T], str],
    fields: list[Field[T]],
) -> Iterator[Change]:
    """Added, removed and changed items of two mappings keyed by identity, in the new file's order."""
    for key, item in old.items():
        if key not in new:
            yield Change(Kind.REMOVED, scope, key, "", text(item), None)
    for key, item in new.items():
        if key not in old:
            yield Change(Kind.ADDED, scope, key, "", None, text(item))
        else:
            yield from _field_changes(scope, key, old[key], item, fields)


def _referentiel_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    fields: list[Field[Referentiel]] = [
        ("identifiant", lambda r: r.id),
        ("version", lambda r: r.version),
        ("titre", lambda r: _q(r.title)),
        ("source", lambda r: _q(r.source)),
        ("début de validité", lambda r: french_day(r.valid_from)),
        ("fin de validité", lambda r: french_day(r.valid_until)),
        ("statut des critères", lambda r: r.criteria_status),
    ]
    yield from _field_changes(Scope.REFERENTIEL, "référentiel", old, new, fields)


def _threshold_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    fields: list[Field[Referentiel]] = [
        ("seuil d'acquisition d'une compétence", lambda r: f"{r.thresholds.competence_percent} %"),
        ("seuil de validation d'un bloc", lambda r: f"{r.thresholds.bloc_percent} %"),
    ]
    yield from _field_changes(Scope.THRESHOLD, "règle des seuils", old, new, fields)


def _cert_text(c: Certification) -> str:
    return f"CQP {c.code} {_q(c.title)} (blocs {', '.join(c.blocs)})"


_cert_fields: list[Field[Certification]] = [
    ("titre", lambda c: _q(c.title)),
    ("RNCP", lambda c: c.rncp or "—"),
    ("niveau", lambda c: str(c.level) if c.level is not None else "—"),
    ("fin d'enregistrement RNCP", lambda c: french_day(c.rncp_end) if c.rncp_end else "—"),
    ("blocs", lambda c: ", ".join(c.blocs)),
]

_bloc_fields: list[Field[Bloc]] = [
    ("intitulé", lambda b: _q(b.title)),
    ("activité", lambda b: _q(b.activity)),
    ("code RNCP", lambda b: b.rncp_code or "—"),
    ("compétences à présenter au minimum", lambda b: str(b.min_competences_presented or "—")),
]


def _phase_text(p: Phase) -> str:
    return f"{_q(p.label)}, {_minutes(p.minutes)}"


_phase_fields: list[Field[Phase]] = [
    ("libellé", lambda p: _q(p.label)),
    ("durée", lambda p: _minutes(p.minutes)),
    ("entretien", lambda p: _yes_no(p.interview)),
    ("exposé du candidat", lambda p: _yes_no(p.presentation)),
    ("modalités", lambda p: ", ".join(a.label for a in p.alternatives) or "—"),
    ("compteur", lambda p: f"{p.count.label} : {p.count.min} à {p.count.max}" if p.count else "—"),
]


def _phase_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    for code, bloc in new.blocs.items():
        if code not in old.blocs:
            continue  # a new bloc is reported once, as a bloc
        before = {f"{code} › {p.code}": p for p in old.blocs[code].phases}
        after = {f"{code} › {p.code}": p for p in bloc.phases}
        yield from _keyed(Scope.PHASE, before, after, _phase_text, _phase_fields)


def _competence_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    for code, bloc in _common_blocs(old, new):
        before = {c.key: c for c in old.blocs[code].competences}
        after = {c.key: c for c in bloc.competences}
        yield from _keyed(Scope.COMPETENCE, before, after, lambda c: _q(c.wording), [("libellé", lambda c: _q(c.wording))])


def _criterion_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    for code, bloc in _common_blocs(old, new):
        before = {c.key: c for c in old.blocs[code].criteria()}
        after = {c.key: c for c in bloc.criteria()}
        yield from _keyed(Scope.CRITERION, before, after, lambda c: _q(c.label), [("libellé", lambda c: _q(c.label))])


def _common_blocs(old: Referentiel, new: Referentiel) -> Iterator[tuple[str, Bloc]]:
    """Blocs present in both files: inside added or removed blocs, the bloc line says it all."""
    for code, bloc in new.blocs.items():
        if code in old.blocs:
            yield code, bloc


def _vae_changes(old: Referentiel, new: Referentiel) -> Iterator[Change]:
    fields: list[Field[Referentiel]] = [
        ("situations par bloc", lambda r: f"{r.vae.situations_min} à {r.vae.situations_max}"),
        ("durée de l'entretien", lambda r: _minutes(r.vae.interview_minutes)),
        ("libellé de l'entretien", lambda r: _q(r.vae.interview_label)),
    ]
    yield from _field_changes(Scope.VAE, "VAE", old, new, fields)
