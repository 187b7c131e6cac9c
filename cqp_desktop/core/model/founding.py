"""The structure the founding letter (Ucanss, 20 September 2021) fixes, read from `resources/fondation.toml`.

One home for those facts: which blocs make each CQP, which are common, each bloc's competences and
épreuve modalities, the 80/80 thresholds, the VAE bounds and the organismes a président may come from.
`departures()` compares a référentiel file with it, so a file that contradicts the letter is refused unless
it declares the change as an intended revision. Qt-free.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from cqp_desktop.resources import resources_dir

FOUNDING_PATH = resources_dir() / "fondation.toml"
BRANCHES = ("Maladie", "Famille", "Retraite", "Recouvrement")  # the branches of the Régime général
KIND_LABELS = {"observation": "observation", "presentation": "présentation", "entretien": "entretien"}


@dataclass(frozen=True)
class FoundingPhase:
    kind: str  # observation | presentation | entretien
    minutes: int
    count_min: int | None = None
    count_max: int | None = None

    def describe(self) -> str:
        text = f"{KIND_LABELS[self.kind]} {self.minutes} min"
        if self.count_min is not None:
            text += f" ({self.count_min} à {self.count_max} éléments)"
        return text


@dataclass(frozen=True)
class FoundingBloc:
    code: str
    competences: tuple[str, ...]
    phases: tuple[FoundingPhase, ...]
    min_competences_presented: int | None


@dataclass(frozen=True)
class PresidentOrganisme:
    """A kind of certifier organisme a président may represent (letter 4/D)."""

    kind: str
    label: str
    needs_validation: bool  # "un autre organisme […] dûment validé par l'Ucanss": the reference is recorded


@dataclass(frozen=True)
class Founding:
    source: str
    competence_percent: int
    bloc_percent: int
    vae_situations_min: int
    vae_situations_max: int
    vae_interview_minutes: int
    certifications: Mapping[str, tuple[str, ...]]
    common_blocs: tuple[str, ...]
    blocs: Mapping[str, FoundingBloc]
    president_organismes: tuple[PresidentOrganisme, ...]
    prerequisite_label: str = ""
    prerequisite_reference: str = ""
    prerequisite_routes: tuple[str, ...] = ()

    def president_kind(self, kind: str | None) -> PresidentOrganisme | None:
        return next((p for p in self.president_organismes if p.kind == kind), None)


@dataclass(frozen=True)
class Departure:
    """One way a référentiel file differs from the letter. `key` is what a revision declares."""

    key: str
    message: str


@cache
def load_founding() -> Founding:
    data = tomllib.loads(FOUNDING_PATH.read_text(encoding="utf-8"))
    blocs = {
        code: FoundingBloc(
            code=code,
            competences=tuple(b["competences"]),
            phases=tuple(
                FoundingPhase(p["kind"], p["minutes"], p.get("count_min"), p.get("count_max")) for p in b["phases"]
            ),
            min_competences_presented=b.get("min_competences_presented"),
        )
        for code, b in data["blocs"].items()
    }
    return Founding(
        source=data["source"],
        competence_percent=data["thresholds"]["competence_percent"],
        bloc_percent=data["thresholds"]["bloc_percent"],
        vae_situations_min=data["vae"]["situations_per_bloc_min"],
        vae_situations_max=data["vae"]["situations_per_bloc_max"],
        vae_interview_minutes=data["vae"]["interview_minutes"],
        certifications={code: tuple(c["blocs"]) for code, c in data["certifications"].items()},
        common_blocs=tuple(data["common"]["blocs"]),
        blocs=blocs,
        president_organismes=tuple(
            PresidentOrganisme(p["kind"], p["label"], bool(p.get("validation", False)))
            for p in data["president_organismes"]
        ),
        prerequisite_label=data["cqp_prerequisite"]["label"],
        prerequisite_reference=data["cqp_prerequisite"]["reference"],
        prerequisite_routes=tuple(data["cqp_prerequisite"]["routes"]),
    )


def phase_of(phase: Mapping[str, Any]) -> FoundingPhase:
    """A référentiel file's phase, seen the way the letter describes it."""
    kind = "entretien" if phase.get("interview") else "presentation" if phase.get("presentation") else "observation"
    count = phase.get("count") or {}
    return FoundingPhase(kind, phase["minutes"], count.get("min"), count.get("max"))


def _modalities(phases: tuple[FoundingPhase, ...]) -> str:
    return " + ".join(p.describe() for p in phases) if phases else "aucune"


def departures(data: Mapping[str, Any], founding: Founding | None = None) -> Iterator[Departure]:
    """Every departure of an already validated référentiel file (raw data) from the founding structure."""
    founding = founding or load_founding()
    thresholds = data["thresholds"]
    if (thresholds["competence_percent"], thresholds["bloc_percent"]) != (founding.competence_percent, founding.bloc_percent):
        yield Departure(
            "seuils",
            f"seuils {thresholds['competence_percent']} % / {thresholds['bloc_percent']} % ; la lettre fixe "
            f"{founding.competence_percent} % des critères par compétence et {founding.bloc_percent} % des compétences par bloc",
        )
    vae = data["vae"]
    found = (vae["situations_per_bloc_min"], vae["situations_per_bloc_max"], vae["interview_minutes"])
    wanted = (founding.vae_situations_min, founding.vae_situations_max, founding.vae_interview_minutes)
    if found != wanted:
        yield Departure(
            "vae",
            f"VAE : {found[0]} à {found[1]} situation(s) par bloc et entretien de {found[2]} min ; la lettre fixe "
            f"{wanted[0]} à {wanted[1]} situations par bloc et un entretien de {wanted[2]} min",
        )
    certifications = {c["code"]: tuple(c["blocs"]) for c in data["certifications"]}
    for code, blocs in founding.certifications.items():
        have = certifications.get(code)
        if have is None:
            yield Departure(f"{code}.blocs", f"CQP {code} absent ; la lettre le compose des blocs {', '.join(blocs)}")
        elif set(have) != set(blocs):
            yield Departure(
                f"{code}.blocs",
                f"CQP {code} composé des blocs {', '.join(have)} ; la lettre fixe {', '.join(blocs)}",
            )
    for code in certifications:
        if code not in founding.certifications:
            yield Departure(f"{code}.blocs", f"CQP {code} inconnu de la lettre (seuls {', '.join(founding.certifications)})")
    shared = set.intersection(*(set(b) for b in certifications.values())) if certifications else set()
    if shared != set(founding.common_blocs):
        yield Departure(
            "blocs_communs",
            f"blocs communs aux CQP : {', '.join(sorted(shared)) or 'aucun'} ; la lettre fixe "
            f"{', '.join(founding.common_blocs)} (les passerelles entre COS et GC)",
        )
    bloc_data = {b["code"]: b for b in data["blocs"]}
    for code, expected in founding.blocs.items():
        bloc = bloc_data.get(code)
        if bloc is None:
            continue  # its absence is a departure of the certifications that need it
        competences = tuple(c["code"] for c in bloc["competences"])
        if competences != expected.competences:
            yield Departure(
                f"{code}.competences",
                f"bloc {code} : compétences {', '.join(competences)} ; la lettre fixe {', '.join(expected.competences)}",
            )
        phases = tuple(phase_of(p) for p in bloc["phases"])
        if phases != expected.phases:
            yield Departure(
                f"{code}.modalites",
                f"bloc {code} : épreuve {_modalities(phases)} ; la lettre fixe {_modalities(expected.phases)}",
            )
        minimum = bloc.get("min_competences_presented")
        if minimum != expected.min_competences_presented:
            yield Departure(
                f"{code}.modalites",
                f"bloc {code} : {minimum or 'aucune'} compétence(s) à aborder dans la présentation ; la lettre fixe "
                f"{expected.min_competences_presented or 'aucune présentation'}",
            )
