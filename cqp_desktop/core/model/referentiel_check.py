"""`referentiel check`: a file's defects, its departures from the founding letter, and what it says. Qt-free.

A file first has to load (`referentiel.load`: schema, duplicate keys, whole numbers, references). It is
then compared with the founding structure (`core/model/founding.py`): a departure is an error unless the file
declares it in its `[revision]` table (then it is listed as a warning, so an intended renewal is loaded on
purpose, never by accident). The summary lists what the app will apply: blocs per CQP, thresholds,
durations — what a reader checks against the official documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.founding import Departure, departures
from cqp_desktop.core.model.referentiel import Problem, Referentiel, ReferentielError, canonical_data, from_data


@dataclass(frozen=True)
class CheckReport:
    referentiel: Referentiel
    errors: tuple[Departure, ...]  # undeclared departures: the file is refused
    warnings: tuple[str, ...]  # declared departures, and declarations that match nothing

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self) -> ReferentielError:
        """The refusal, in the same shape as any other référentiel defect."""
        path = self.referentiel.path or Path("<données>")
        return ReferentielError(
            path,
            [
                Problem(
                    "structure",
                    f"{d.message} — écart à la lettre Ucanss non déclaré (déclarez « {d.key} » dans "
                    "[revision] departures s'il s'agit d'une révision voulue)",
                )
                for d in self.errors
            ],
        )


def check_data(data: dict[str, Any], path: Path | str = "<données>") -> CheckReport:
    """Load already-read content (raises ReferentielError on any defect) and compare it with the letter."""
    referentiel = from_data(data, path)
    found = list(departures(data))
    declared = set(referentiel.revision.departures) if referentiel.revision else set()
    errors = tuple(d for d in found if d.key not in declared)
    reference = referentiel.revision.reference if referentiel.revision is not None else ""
    warnings = [f"révision déclarée ({reference}) : {d.message}" for d in found if d.key in declared]
    keys = {d.key for d in found}
    warnings += [f"révision déclarée pour « {k} », mais le fichier suit la lettre sur ce point" for k in sorted(declared - keys)]
    return CheckReport(referentiel, errors, tuple(warnings))


def check_file(path: Path | str) -> CheckReport:
    return check_data(canonical_data(path), path)


def summary(referentiel: Referentiel) -> list[str]:
    """What the file sets, in French, one line each: thresholds, blocs per CQP, durations, VAE."""
    t = referentiel.thresholds
    lines = [
        f"Seuils : une compétence est acquise à {t.competence_percent} % de ses critères validés, "
        f"un bloc est validé à {t.bloc_percent} % de ses compétences acquises",
    ]
    for cert in referentiel.certifications.values():
        end = f", enregistrement RNCP jusqu'au {french_day(cert.rncp_end)}" if cert.rncp_end else ""
        lines.append(f"CQP {cert.code} ({cert.rncp or 'RNCP ?'}{end}) : {len(cert.blocs)} blocs {', '.join(cert.blocs)}")
    common = sorted(referentiel.common_blocs(), key=list(referentiel.blocs).index)
    lines.append(f"Blocs communs (passerelle entre CQP) : {', '.join(common) or 'aucun'}")
    for bloc in referentiel.blocs.values():
        parts = []
        for phase in bloc.phases:
            text = f"{phase.label.lower()} {phase.minutes} min"
            if phase.alternatives:
                text += " (" + " ou ".join(a.label.lower() for a in phase.alternatives) + ")"
            if phase.count:
                text += f" ({phase.count.min} à {phase.count.max} {phase.count.label})"
            parts.append(text)
        total = sum(p.minutes for p in bloc.phases)
        criteria = sum(1 for _ in bloc.criteria())
        line = (
            f"Bloc {bloc.code} ({len(bloc.competences)} compétences, {criteria} critères) : "
            + " + ".join(parts) + f" = {total} min"
        )
        if bloc.min_competences_presented:
            line += f" ; au moins {bloc.min_competences_presented} compétences abordées dans la présentation"
        lines.append(line)
    vae = referentiel.vae
    lines.append(
        f"VAE : livret 2 avec {vae.situations_min} à {vae.situations_max} situation(s) par bloc, "
        f"un entretien de {vae.interview_minutes} min pour la candidature"
    )
    lines.append(
        f"Validité : du {french_day(referentiel.valid_from)} au {french_day(referentiel.valid_until)}"
    )
    return lines
