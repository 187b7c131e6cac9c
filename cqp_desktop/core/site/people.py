"""Entering and correcting organismes, candidates and jury members. Qt-free.

The Store methods stay the only writers; this module checks what a person typed first, so a bad value
gets one French sentence naming the field and nothing is half-saved. Corrections are limited where a
signed record depends on the value: a candidate whose épreuve is signed may have their name corrected,
not their CQP (the signed avis and the CCP Ucanss will deliver are for that CQP). A correction that would
make a planned jury break the rules (core/site/jury.py) is refused and rolled back.

Audit entries name the fields changed, never the names typed: the journal cannot be purged, and the
candidates' names must disappear from the site once Ucanss holds the session (core/site/acknowledgment.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.formats import french_day, person_name
from cqp_desktop.core.model.founding import BRANCHES
from cqp_desktop.core.model.kinds import Role, Route, role_label, route_label
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store

KINDS = {"caisse": "caisse", "certificateur": "certificateur"}
ROUTES = {str(r): route_label(r) for r in Route}
ROLES = {str(r): role_label(r) for r in Role}
MAX_NAME = 80
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,29}$")


class PeopleError(Exception):
    """What is wrong with the input, one French sentence per problem; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class OrganismeInput:
    code: str
    name: str
    kind: str
    branche: str | None = None
    certifier_kind: str | None = None  # for a 'certificateur': a kind of resources/fondation.toml
    certifier_validation: str = ""  # reference of the Ucanss validation, when that kind needs one


@dataclass(frozen=True)
class CandidateInput:
    last_name: str
    first_name: str
    organisme_id: int | None
    cqp: str
    route: str
    pass_premss: bool = False
    pass_premss_date: str | None = None  # ISO date the trainings were completed (letter 3/B)
    pass_premss_attested_by: str = ""  # who attests it
    person_id: str = ""  # the stable identifier from an earlier record (another site, another year); "" = new


@dataclass(frozen=True)
class MemberInput:
    last_name: str
    first_name: str
    organisme_id: int | None
    role: str
    branche: str | None
    training_date: str | None  # ISO date, or None: not trained yet (cannot sit)


# --------------------------------------------------------------------------------------------------
# checks


def certifications(store: Store) -> dict[str, str]:
    """The CQP a candidate may aim at, code → label, as the active référentiel defines them (the one shipped
    with the app before any is imported): a new certification needs its référentiel file only."""
    from cqp_desktop.core.model.referentiel import load_default

    referentiel = store.active_referentiel() or load_default()
    return {code: f"{code} — {c.title}" for code, c in referentiel.certifications.items()}


def name_problems(value: str, field: str) -> list[str]:
    text = value.strip()
    if not text:
        return [f"{field} : obligatoire."]
    if len(text) > MAX_NAME:
        return [f"{field} : {len(text)} caractères, {MAX_NAME} au plus."]
    if any(ord(c) < 32 for c in text):
        return [f"{field} : caractères de contrôle interdits."]
    return []


def organisme_problems(store: Store, data: OrganismeInput, organisme_id: int | None = None) -> list[str]:
    problems: list[str] = []
    code = data.code.strip().upper()
    if not code:
        problems.append("Code : obligatoire (par ex. CPAM-75).")
    elif not CODE_PATTERN.match(code):
        problems.append("Code : lettres, chiffres, « - », « _ » ou « . » uniquement, 30 caractères au plus.")
    else:
        row = q.organisme_with_code(store, code)
        if row is not None and row[0] != organisme_id:
            problems.append(f"Code : « {code} » est déjà celui de l'organisme {row[1]}.")
    problems += name_problems(data.name, "Nom")
    if data.kind not in KINDS:
        problems.append("Type : choisissez caisse ou certificateur.")
    elif data.kind == "caisse" and data.branche not in BRANCHES:
        problems.append("Branche de législation : obligatoire pour une caisse (" + ", ".join(BRANCHES) + ").")
    elif data.kind == "certificateur" and data.branche is not None and data.branche not in BRANCHES:
        problems.append("Branche de législation : valeur inconnue.")
    if data.kind == "certificateur":
        from cqp_desktop.core.model.founding import load_founding

        founding = load_founding()
        kind = founding.president_kind(data.certifier_kind)
        if kind is None:
            problems.append(
                "Type de certificateur : choisissez " + ", ".join(p.label for p in founding.president_organismes)
                + " (lettre Ucanss du 20/09/2021, 4/D)."
            )
        elif kind.needs_validation and not data.certifier_validation.strip():
            problems.append("Validation par l'Ucanss : indiquez la référence de la décision qui valide cet organisme.")
    return problems


def _organisme(store: Store, organisme_id: int | None) -> dict[str, Any] | None:
    return q.organisme(store, organisme_id)


def candidate_problems(store: Store, data: CandidateInput) -> list[str]:
    problems = name_problems(data.last_name, "Nom") + name_problems(data.first_name, "Prénom")
    organisme = _organisme(store, data.organisme_id)
    if organisme is None:
        problems.append("Organisme employeur : choisissez-en un dans la liste (ajoutez-le d'abord s'il manque).")
    elif organisme["kind"] != "caisse":
        problems.append(
            f"Organisme employeur : {organisme['name']} n'est pas une caisse ; la branche de législation du candidat "
            "est celle de son employeur et sert à choisir l'expert métier."
        )
    known = certifications(store)
    if data.cqp not in known:
        problems.append(f"CQP : choisissez {' ou '.join(known)}.")
    if data.route not in ROUTES:
        problems.append("Voie : choisissez formation ou VAE.")
    if data.pass_premss_date:
        try:
            day = dt.date.fromisoformat(data.pass_premss_date)
        except ValueError:
            problems.append("Pass et Prem'ss : date de fin illisible (AAAA-MM-JJ).")
        else:
            if day > dt.date.today():
                problems.append("Pass et Prem'ss : la date de fin des formations est dans le futur.")
    if (data.pass_premss_date or data.pass_premss_attested_by.strip()) and not data.pass_premss:
        problems.append("Pass et Prem'ss : cochez « suivies intégralement » pour enregistrer l'attestation.")
    problems += name_problems(data.pass_premss_attested_by, "Pass et Prem'ss, attesté par") if data.pass_premss_attested_by.strip() else []
    if data.person_id.strip():
        from cqp_desktop.core.model.person_id import PersonIdError, normalise

        try:
            normalise(data.person_id)
        except PersonIdError as exc:
            problems.append(str(exc))
    return problems


def _person_problems(store: Store, data: CandidateInput, candidate_id: int | None = None) -> list[str]:
    """One record per person on the site: a person taking the other CQP keeps their record (passerelle)."""
    from cqp_desktop.core.model.person_id import normalise

    problems = []
    if data.person_id.strip():
        row = q.candidate_with_person_id(store, normalise(data.person_id))
        if row is not None and row[0] != candidate_id:
            problems.append(
                f"Identifiant candidat : déjà celui de {person_name(row[1], row[2])} (CQP {row[3]}) sur ce poste ; une personne "
                "n'a qu'une fiche : changez son CQP visé sur sa fiche (passerelle), ses CCP sont conservés."
            )
    namesake = q.namesake_candidate(store, data.last_name.strip(), data.first_name.strip(), data.organisme_id)
    if namesake is not None and namesake[0] != candidate_id and not data.person_id.strip():
        problems.append(
            f"{person_name(data.first_name.strip(), data.last_name.strip())} a déjà une fiche (CQP {namesake[1]}) dans cet organisme : "
            "une personne n'a qu'une fiche ; pour l'autre CQP, changez le CQP visé sur sa fiche (passerelle : ses CCP "
            "sont conservés). Un homonyme se distingue par son identifiant candidat."
        )
    return problems


def member_problems(store: Store, data: MemberInput) -> list[str]:
    problems = name_problems(data.last_name, "Nom") + name_problems(data.first_name, "Prénom")
    organisme = _organisme(store, data.organisme_id)
    if organisme is None:
        problems.append("Organisme : choisissez-en un dans la liste (ajoutez-le d'abord s'il manque).")
    if data.role not in ROLES:
        problems.append("Rôle : choisissez président(e) ou expert(e) métier.")
    elif data.role == Role.EXPERT:
        if data.branche not in BRANCHES:
            problems.append("Branche de législation : obligatoire pour un expert métier (" + ", ".join(BRANCHES) + ").")
        elif organisme is not None and organisme["kind"] == "caisse" and organisme["branche"] != data.branche:
            problems.append(
                f"Branche de législation : {organisme['name']} relève de la branche {organisme['branche']}, "
                f"pas {data.branche}."
            )
    if data.training_date:
        try:
            day = dt.date.fromisoformat(data.training_date)
        except ValueError:
            problems.append(f"Date de formation des jurys : « {data.training_date} » n'est pas une date (AAAA-MM-JJ).")
        else:
            if day.year < 2000:
                problems.append("Date de formation des jurys : antérieure à 2000, vérifiez-la.")
    return problems


# --------------------------------------------------------------------------------------------------
# what depends on a person


def signed_epreuves(store: Store, candidate_id: int) -> int:
    return q.candidate_epreuve_count(store, candidate_id, locked=True)


def exported_sessions(store: Store, candidate_id: int) -> list[str]:
    """Labels of the candidate's sessions already packaged for Ucanss: a correction must reach Ucanss too."""
    return q.exported_session_labels(store, candidate_id)


def planned_epreuves(store: Store, candidate_id: int) -> int:
    return q.candidate_epreuve_count(store, candidate_id)


def member_sittings(store: Store, member_id: int, *, locked: bool | None = None) -> int:
    return q.member_sittings(store, member_id, locked=locked)


def organisme_in_signed(store: Store, organisme_id: int) -> int:
    return q.organisme_in_signed(store, organisme_id)


# What a signed épreuve rests on: these fields of a record it names can no longer change.
CANDIDATE_FROZEN_ONCE_SIGNED = frozenset({"organisme_id", "route"})
MEMBER_FROZEN_ONCE_SIGNED = frozenset({"organisme_id", "role", "branche", "jury_training_date"})
ORGANISME_FROZEN_ONCE_SIGNED = frozenset({"code", "kind", "branche"})


@dataclass(frozen=True)
class Editable:
    """Which fields of a candidate, jury member or organisme may still be corrected: the one rule of the
    people dialog (which fields it enables) and of the corrections themselves (which they refuse)."""

    signed: int  # signed épreuves the record appears in
    purged: bool  # personal data erased after synchronisation: nothing may change
    frozen: frozenset[str]

    def may_change(self, field: str) -> bool:
        return not self.purged and field not in self.frozen


def candidate_editable(store: Store, candidate_id: int) -> Editable:
    current = q.candidate(store, candidate_id) or {}
    signed = signed_epreuves(store, candidate_id)
    return Editable(signed, bool(current.get("purged_at")), CANDIDATE_FROZEN_ONCE_SIGNED if signed else frozenset())


def member_editable(store: Store, member_id: int) -> Editable:
    signed = member_sittings(store, member_id, locked=True)
    return Editable(signed, False, MEMBER_FROZEN_ONCE_SIGNED if signed else frozenset())


def organisme_editable(store: Store, organisme_id: int) -> Editable:
    signed = organisme_in_signed(store, organisme_id)
    return Editable(signed, False, ORGANISME_FROZEN_ONCE_SIGNED if signed else frozenset())


def _composition_guard(store: Store, scope: str, scope_id: int) -> Callable[[], None]:
    """A check for Store.update_*: refuse (and roll back) a correction that breaks a planned jury."""

    def check() -> None:
        problems = _composition_problems(store, scope, scope_id)
        if problems:
            raise PeopleError(["Correction refusée, elle rendrait un jury non conforme :", *problems])

    return check


def _composition_problems(store: Store, scope: str, scope_id: int) -> list[str]:
    """Rules broken by the juries of unsigned épreuves of the scope (read inside the open transaction)."""
    from cqp_desktop.core.site.jury import check_epreuve_jury  # jury imports store: keep the import local

    problems = []
    for row in q.open_juries(store, scope, scope_id):
        epreuve_id, bloc, day, president, expert = row
        if president is None or expert is None:
            continue
        for problem in check_epreuve_jury(store, epreuve_id, president, expert):
            problems.append(f"Épreuve {bloc} du {day} : {problem}")
    return problems


# --------------------------------------------------------------------------------------------------
# writing (through Store methods only)


def add_organisme(store: Store, data: OrganismeInput) -> int:
    problems = organisme_problems(store, data)
    if problems:
        raise PeopleError(problems)
    branche = data.branche if data.kind == "caisse" else None
    certifier = data.kind == "certificateur"
    return store.add_organisme(
        data.code.strip().upper(),
        data.name.strip(),
        data.kind,
        branche,
        certifier_kind=data.certifier_kind if certifier else None,
        certifier_validation=data.certifier_validation.strip() if certifier else "",
    )


def update_organisme(store: Store, organisme_id: int, data: OrganismeInput) -> list[str]:
    """Correct an organisme; returns the fields changed. Type, branche and code are frozen once signed."""
    current = _organisme(store, organisme_id)
    if current is None:
        raise PeopleError([f"Organisme n° {organisme_id} introuvable."])
    problems = organisme_problems(store, data, organisme_id)
    if problems:
        raise PeopleError(problems)
    changes = {
        "code": data.code.strip().upper(),
        "name": data.name.strip(),
        "kind": data.kind,
        "branche": data.branche if data.kind == "caisse" else None,
        "certifier_kind": data.certifier_kind if data.kind == "certificateur" else None,
        "certifier_validation": data.certifier_validation.strip() if data.kind == "certificateur" else "",
    }
    changes = {k: v for k, v in changes.items() if current[k] != v}
    if not all(organisme_editable(store, organisme_id).may_change(k) for k in changes):
        raise PeopleError(
            [
                f"{current['name']} figure dans des épreuves signées : son code, son type et sa branche ne peuvent plus "
                "changer (les avis signés reposent sur eux). Seul le nom peut être corrigé."
            ]
        )
    employees = q.organisme_employees(store, organisme_id)
    if changes.get("kind") == "certificateur" and employees:
        raise PeopleError(
            [f"Type : {employees} candidat(s) ont {current['name']} pour employeur ; un employeur de candidats reste une caisse."]
        )
    if "branche" in changes and changes.get("kind", current["kind"]) == "caisse":
        experts = q.organisme_experts_of_other_branche(store, organisme_id, changes["branche"])
        if experts:
            raise PeopleError(
                [
                    f"Branche de législation : {experts} expert(s) métier de {current['name']} relèvent d'une autre branche ; "
                    "corrigez-les d'abord (onglet Membres du jury)."
                ]
            )
    if not changes:
        return []
    store.update_organisme(
        organisme_id, changes, check=_composition_guard(store, "organisme", organisme_id)
    )
    return sorted(changes)


def _accepted(problems: list[str], data: CandidateInput | MemberInput) -> tuple[str, str, int]:
    """The names (trimmed) and organisme of a new person, or PeopleError with the problems found."""
    if problems:
        raise PeopleError(problems)
    assert data.organisme_id is not None
    return data.last_name.strip(), data.first_name.strip(), data.organisme_id


def _person_fields(data: CandidateInput | MemberInput) -> dict[str, Any]:
    """What a candidate and a jury member share: the names (trimmed) and the organisme."""
    return {"last_name": data.last_name.strip(), "first_name": data.first_name.strip(), "organisme_id": data.organisme_id}


def add_candidate(store: Store, data: CandidateInput) -> int:
    problems = candidate_problems(store, data)
    if not problems:
        problems = _person_problems(store, data)
    last_name, first_name, organisme_id = _accepted(problems, data)
    from cqp_desktop.core.model.person_id import normalise

    return store.add_candidate(
        last_name,
        first_name,
        organisme_id,
        data.cqp,
        data.route,
        data.pass_premss,
        pass_premss_date=data.pass_premss_date or None,
        pass_premss_attested_by=data.pass_premss_attested_by.strip(),
        person_id=normalise(data.person_id) if data.person_id.strip() else None,
    )


def update_candidate(store: Store, candidate_id: int, data: CandidateInput) -> list[str]:
    """Correct a candidate; returns the fields changed.

    Once an épreuve is signed the organisme and the route are frozen. The CQP aimed at may change at any
    time — the passerelle between COS and GC: the person keeps their record and every CCP (each signed
    épreuve keeps the CQP it was taken for), and the dossier then shows only the blocs left. It cannot
    change while an épreuve of a bloc the new CQP does not have is planned and not signed.
    """
    current = q.candidate(store, candidate_id)
    if current is None:
        raise PeopleError([f"Candidat n° {candidate_id} introuvable."])
    editable = candidate_editable(store, candidate_id)
    if editable.purged:
        raise PeopleError(["Données de ce candidat effacées après synchronisation avec l'Ucanss : plus de correction possible."])
    problems = candidate_problems(store, data)
    if not problems:
        problems = _person_problems(store, data, candidate_id)
    if problems:
        raise PeopleError(problems)
    from cqp_desktop.core.model.person_id import normalise

    changes = {
        **_person_fields(data),
        "cqp": data.cqp,
        "route": data.route,
        "pass_premss": int(data.pass_premss),
        "pass_premss_date": data.pass_premss_date or None,
        "pass_premss_attested_by": data.pass_premss_attested_by.strip(),
        "person_id": normalise(data.person_id) if data.person_id.strip() else current.get("person_id"),
    }
    changes = {k: v for k, v in changes.items() if k in current and current[k] != v}
    refusals = []
    if "cqp" in changes:
        referentiel = store.active_referentiel()
        keeps = set(referentiel.certification(data.cqp).blocs) if referentiel and data.cqp in referentiel.certifications else set()
        stranded = [
            bloc
            for bloc in q.open_certifying_blocs(store, candidate_id)
            if bloc not in keeps
        ]
        if stranded:
            refusals.append(
                f"CQP : une épreuve du bloc {', '.join(sorted(set(stranded)))} (CQP {current['cqp']}) est planifiée et non "
                f"signée ; le CQP {data.cqp} n'a pas ce bloc : signez-la ou annulez-la avant de changer de CQP."
            )
    if "organisme_id" in changes and not editable.may_change("organisme_id"):
        refusals.append(
            "Organisme employeur : figure dans des épreuves signées (la composition du jury en dépend) ; non modifiable."
        )
    if "route" in changes and not editable.may_change("route"):
        refusals.append("Voie : des épreuves signées ont été passées par cette voie ; non modifiable.")
    if refusals:
        raise PeopleError(refusals)
    if not changes:
        return []
    store.update_candidate(
        candidate_id, changes, check=_composition_guard(store, "candidate", candidate_id)
    )
    return sorted(changes)


def add_member(store: Store, data: MemberInput) -> int:
    last_name, first_name, organisme_id = _accepted(member_problems(store, data), data)
    return store.add_jury_member(
        last_name,
        first_name,
        organisme_id,
        data.role,
        data.branche if data.role == Role.EXPERT else None,
        data.training_date or None,
    )


def update_member(store: Store, member_id: int, data: MemberInput) -> list[str]:
    """Correct a jury member; returns the fields changed. Role, organisme and branche are frozen once they signed."""
    current = q.member(store, member_id)
    if current is None:
        raise PeopleError([f"Membre du jury n° {member_id} introuvable."])
    problems = member_problems(store, data)
    if problems:
        raise PeopleError(problems)
    changes = {
        **_person_fields(data),
        "role": data.role,
        "branche": data.branche if data.role == Role.EXPERT else None,
        "jury_training_date": data.training_date or None,
    }
    changes = {k: v for k, v in changes.items() if current[k] != v}
    editable = member_editable(store, member_id)
    if not all(editable.may_change(k) for k in changes):
        raise PeopleError(
            [
                f"Ce membre a siégé dans {editable.signed} épreuve(s) signée(s) : rôle, organisme, branche et date de formation "
                "ne peuvent plus changer (le jury signé reposait sur eux). Seuls le nom et le prénom peuvent être corrigés."
            ]
        )
    if not changes:
        return []
    store.update_jury_member(
        member_id,
        changes,
        check=_composition_guard(store, "member", member_id),
    )
    return sorted(changes)


def parse_french_date(text: str) -> str | None:
    """'12/03/2025' or '2025-03-12' → '2025-03-12'; '' → None; anything else raises PeopleError."""
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1])).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise PeopleError([f"Date de formation des jurys : « {text} » n'est pas une date (JJ/MM/AAAA)."]) from None


# --------------------------------------------------------------------------------------------------
# signing identities (the key stays on this machine, encrypted with the member's passphrase)


@dataclass(frozen=True)
class IdentitySummary:
    """What the identity dialog shows of a member's current signing identity."""

    subject: str
    fingerprint: str
    created_at: str
    source: str  # 'generated' | 'pkcs12'
    valid_until: str

    @property
    def short_fingerprint(self) -> str:
        """First 8 bytes of the SHA-256, grouped: enough to compare by eye with the certificate's holder."""
        head = self.fingerprint[:16].upper()
        return ":".join(head[i : i + 2] for i in range(0, 16, 2)) + "…"


def identity_summary(store: Store, member_id: int) -> IdentitySummary | None:
    from cqp_desktop.core.exchange import keys  # cryptography: only when needed

    row = store.signing_identity(member_id)
    if row is None:
        return None
    certificate = keys.load_certificate(bytes(row["certificate_pem"]))
    return IdentitySummary(
        subject=keys.subject_name(certificate),
        fingerprint=row["fingerprint"],
        created_at=row["created_at"],
        source=row["source"],
        valid_until=certificate.not_valid_after_utc.date().isoformat(),
    )


def _member_row(store: Store, member_id: int) -> dict[str, Any]:
    row = q.member_with_organisme(store, member_id)
    if row is None:
        raise PeopleError([f"Membre du jury n° {member_id} introuvable."])
    return row


def passphrase_problems(passphrase: str, confirmation: str) -> list[str]:
    from cqp_desktop.core.exchange.keys import MIN_PASSPHRASE

    if len(passphrase) < MIN_PASSPHRASE:
        return [f"Phrase secrète : au moins {MIN_PASSPHRASE} caractères."]
    if passphrase != confirmation:
        return ["Confirmation : les deux phrases secrètes saisies diffèrent."]
    return []


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A hint shown while a passphrase is typed: 0 (refused) to 3 (solid), and what to do about it.

    A rough estimate (length × log2 of the alphabets used, repeated characters counted once): it only
    nudges towards long phrases; the rule that refuses is the minimum length (keys.MIN_PASSPHRASE).
    """
    import math

    from cqp_desktop.core.exchange.keys import MIN_PASSPHRASE

    if len(passphrase) < MIN_PASSPHRASE:
        return 0, f"Trop courte : {len(passphrase)} caractère(s) sur {MIN_PASSPHRASE} au moins."
    pool = sum(size for test, size in (
        (str.islower, 26), (str.isupper, 26), (str.isdigit, 10), (lambda c: c.isascii() and not c.isalnum(), 33),
        (lambda c: not c.isascii(), 64),
    ) if any(test(c) for c in passphrase))
    distinct = len(set(passphrase))
    bits = min(len(passphrase), 2 * distinct) * math.log2(max(pool, 2))
    if distinct <= 3 or bits < 60:
        return 1, "Faible : ajoutez un ou deux mots, des chiffres ou une majuscule."
    if bits < 80:
        return 2, "Correcte : une phrase de quatre mots ou plus serait plus sûre."
    return 3, "Solide."


def create_identity(store: Store, member_id: int, passphrase: str, confirmation: str) -> bytes:
    """A new EC P-256 key kept here and the certificate request (PEM) to send to the Ucanss.

    The member cannot sign until the certificate the Ucanss returns is installed
    (core/site_trust.install_certificate); until then a current identity stays in force.
    """
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.site import site_trust

    _member_row(store, member_id)
    problems = passphrase_problems(passphrase, confirmation)
    if problems:
        raise PeopleError(problems)
    try:
        return site_trust.request_certificate(store, member_id, passphrase)
    except (keys.KeyProblem, site_trust.EnrolmentError) as exc:
        raise PeopleError([str(exc)]) from None


@dataclass(frozen=True)
class IdentityState:
    """Whether a member may sign now, in a few words for a table and in full for the person reading it."""

    kind: str  # 'certified' | 'pending' | 'none' | 'expired' | 'revoked' | 'uncertified'
    label: str
    problem: str | None  # site_trust.identity_problem's sentence, None when the member may sign
    valid_until: dt.date | None = None
    pending: bool = False  # a request made here still waits for its certificate

    @property
    def may_sign(self) -> bool:
        return self.problem is None


def identity_state(store: Store, member_id: int, now: dt.datetime | None = None) -> IdentityState:
    """The member's certificate as the signing check sees it (core/site_trust.identity_problem)."""
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.site import site_trust

    member = _member_row(store, member_id)
    problem = site_trust.identity_problem(store, member_id, member["role"], now)
    pending = site_trust.pending_request(store, member_id) is not None
    waiting = " ; nouvelle demande envoyée" if pending else ""
    row = store.signing_identity(member_id)
    if row is None:
        if pending:
            return IdentityState("pending", "demande envoyée, certificat attendu", problem, pending=True)
        return IdentityState("none", "non certifié(e) : aucune clé", problem)
    certificate = keys.load_certificate(bytes(row["certificate_pem"]))
    until = certificate.not_valid_after_utc.date()
    if problem is None:
        return IdentityState("certified", f"certifié(e) jusqu'au {french_day(until)}{waiting}", None, until, pending)
    moment = now or dt.datetime.now(dt.UTC)
    if certificate.not_valid_after_utc < moment:
        return IdentityState("expired", f"expiré le {french_day(until)}{waiting}", problem, until, pending)
    for crl in site_trust.anchors(store).crls:
        if crl.issuer == certificate.issuer:
            entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if entry is not None:
                revoked = french_day(entry.revocation_date_utc.date())
                return IdentityState("revoked", f"révoqué le {revoked}{waiting}", problem, until, pending)
    return IdentityState("uncertified", f"non certifié par l'Ucanss{waiting}", problem, until, pending)


def import_identity(
    store: Store, member_id: int, p12: bytes, p12_password: str, passphrase: str, confirmation: str, source: str = "fichier"
) -> int:
    """An existing certificate (.p12/.pfx) becomes the member's identity, its key re-encrypted with their passphrase."""
    from cqp_desktop.core.exchange import keys

    _member_row(store, member_id)
    problems = passphrase_problems(passphrase, confirmation)
    if problems:
        raise PeopleError(problems)
    try:
        material = keys.import_pkcs12(p12, p12_password, passphrase)
    except keys.KeyProblem as exc:
        raise PeopleError([f"« {source} » : {exc}"]) from None
    fingerprint = keys.fingerprint(keys.load_certificate(material.certificate_pem))
    row = q.identity_by_fingerprint(store, fingerprint)
    if row is not None:
        owner = person_name(row[2], row[3])
        if row[0] == member_id and row[1] is None:
            raise PeopleError([f"« {source} » : ce certificat est déjà l'identité de signature de {owner}."])
        if row[0] == member_id:
            raise PeopleError([f"« {source} » : ce certificat a déjà servi à {owner} puis a été remplacé ; il ne peut pas redevenir actif."])
        raise PeopleError([f"« {source} » : ce certificat est déjà enregistré pour {owner} sur ce poste."])
    return store.add_signing_identity(member_id, material, "pkcs12")
