"""The jury's avis on an épreuve: draft, finalisation rules, signature, lock and amendment. Qt-free.

Life of an avis
---------------
1. `draft_avis()` keeps one unsigned draft per épreuve (upsert): the jury's decision (bloc validé or
   not), a justification when it departs from the rules engine's result, a comment per competence and
   the préconisations (mandatory whenever the jury does not validate the bloc).
2. `open_items()` lists, in French, what still blocks finalisation: a président or expert not
   designated, criteria still non observé. `avis_problems()` adds what the avis itself lacks.
3. `sign_avis()` by the épreuve's **président** decrypts their key with their passphrase, signs the
   canonical payload (below), stores the signature and the drawn signature (PNG), sets
   `avis.signed_at`, locks the épreuve and makes the PAdES-signed compte rendu (core/site/signed_report.py)
   — all in ONE transaction. Only a member whose certificate the Ucanss issued for that role may sign
   (core/site/site_trust.py). Triggers then forbid any change to
   the avis, the signature, the épreuve and its decisions, notes and timer events. The épreuve's
   **expert** may then co-sign the same payload.
4. A correction is `amend()`: a new version (version + 1, `supersedes_id` = old id, a mandatory
   reason) that is signed again; the payload of the new version names the old one and its hash.

Signing payload (format "cqp-desktop/avis", version 1)
-----------------------------------------------------
`signing_payload(store, avis_id)` returns UTF-8 bytes of JSON with sorted keys, no insignificant
whitespace (separators "," and ":"), non-ASCII kept as is. It is a pure function of the database
content, so a verifier rebuilds it and compares its SHA-256 (`payload_hash`, hex) with the stored one.
Top-level keys:

- `format` = "cqp-desktop/avis", `format_version` = 2 (1 before the Ucanss authority: no session, uuids, cqp…)
- `avis`: id, version, computed_validated, jury_validated, departs_from_computed, justification,
  comments {competence key: text} (empty texts dropped), preconisations, amendment_reason,
  supersedes (null, or {id, version, payload_hash} of the president's signature of the old version)
- `epreuve`: id, certification, bloc, route, mode, alternative, planned_date, session_id,
  session {uuid, label, month, site}, referentiel {id, version, hash}, candidate {id, uuid,
  last_name, first_name, cqp, route, pass_premss, pass_premss_date, pass_premss_attested_by, person_id,
  organisme {code, name, branche}}, president and
  expert {id, uuid, last_name, first_name, role, organisme, branche, jury_training_date}
  (version 2: everything the Ucanss relies on in a package is signed by the épreuve's own jury)
- `result`: the rules engine's output: bloc {validated, acquired, total, required},
  competences [{key, validated, total, required, acquired}], explanation [French lines]
- `decisions`: {criterion key: "valide" | "non_valide" | "non_observe"} for every criterion of the bloc
- `decision_journal`: every decision row [{id, criterion, decision, phase, author_id, wall_time, undo_of}]
- `notes`: every note row [{id, competence, criterion, text, author_id, wall_time}]
- `timer_events`: every timer event [{id, kind, phase, reason, value, wall_time, mono_ns, elapsed_ms}]
- `presented_competences`: the MDR presentation journal [{id, competence, presented, wall_time}] (v2)
- `vae_situations`: the livret 2 journal [{id, slot, title, summary, competences, removed, wall_time}] (v2)
- `double_marking` (only for an épreuve in double correction, core/site/double_marking.py): both members' own
  journals, their closure times, the reconciliation and the agreement — the package's `double_marking` object

The signature (`signatures.signature`) is ECDSA-SHA256 (DER) or RSA PKCS#1 v1.5 over the payload bytes
(`core.keys.sign`); `signatures.certificate` holds the signer's PEM certificate and `signatures.payload`
(schema 0008) the exact signed bytes, so verification needs nothing but the row
(`verify_avis_signatures` also rebuilds the payload and names what changed since signing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.model.rules import BlocResult, Decision, evaluate
from cqp_desktop.core.site.epreuve_state import clock_left_running
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store

PAYLOAD_FORMAT = "cqp-desktop/avis"
PAYLOAD_VERSION = 2
SIGNATURE_METHOD = "cqp-avis-v1"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class AvisError(Exception):
    """An avis action the user must correct first; the message is French and says what to do."""


@dataclass(frozen=True)
class AvisRecord:
    id: int
    epreuve_id: int
    version: int
    supersedes_id: int | None
    computed_validated: bool
    jury_validated: bool
    justification: str
    comments: dict[str, str]
    preconisations: str
    amendment_reason: str
    created_at: str
    signed_at: str | None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def departs_from_computed(self) -> bool:
        """True when the jury's avis differs from the rules: flagged on every report and package."""
        return self.computed_validated != self.jury_validated


@dataclass(frozen=True)
class SignatureRecord:
    id: int
    avis_id: int
    signer_id: int
    role: str
    method: str
    payload_hash: str
    signature: bytes
    certificate: bytes | None
    drawn_png: bytes | None
    signed_at: str
    signer_name: str = field(default="")
    payload: bytes | None = None  # the exact signed bytes (schema 0008); None on older rows


# --------------------------------------------------------------------------------------------------
# Reading


def _record(row: Mapping[str, Any]) -> AvisRecord:
    return AvisRecord(
        id=row["id"],
        epreuve_id=row["epreuve_id"],
        version=row["version"],
        supersedes_id=row["supersedes_id"],
        computed_validated=bool(row["computed_validated"]),
        jury_validated=bool(row["jury_validated"]),
        justification=row["justification"],
        comments=json.loads(row["comments"] or "{}"),
        preconisations=row["preconisations"],
        amendment_reason=row.get("amendment_reason", "") or "",
        created_at=row["created_at"],
        signed_at=row["signed_at"],
    )


def get_avis(store: Store, avis_id: int) -> AvisRecord:
    row = q.avis_row(store, avis_id)
    if row is None:
        raise AvisError(f"Avis n° {avis_id} introuvable.")
    return _record(row)


def avis_versions(store: Store, epreuve_id: int) -> list[AvisRecord]:
    """Every version of the épreuve's avis, oldest first."""
    return [_record(r) for r in q.avis_rows(store, epreuve_id)]


def current_avis(store: Store, epreuve_id: int) -> AvisRecord | None:
    """The latest version, signed or draft (None before any avis)."""
    versions = avis_versions(store, epreuve_id)
    return versions[-1] if versions else None


def signed_avis(store: Store, epreuve_id: int) -> AvisRecord | None:
    """The latest signed version: the avis in force."""
    signed = [a for a in avis_versions(store, epreuve_id) if a.signed]
    return signed[-1] if signed else None


def signatures(store: Store, avis_id: int) -> list[SignatureRecord]:
    rows = q.signature_rows(store, avis_id)
    return [
        SignatureRecord(
            id=r["id"],
            avis_id=r["avis_id"],
            signer_id=r["signer_id"],
            role=r["role"],
            method=r["method"],
            payload_hash=r["payload_hash"],
            signature=bytes(r["signature"]),
            certificate=bytes(r["certificate"]) if r["certificate"] is not None else None,
            drawn_png=bytes(r["drawn_png"]) if r["drawn_png"] is not None else None,
            signed_at=r["signed_at"],
            signer_name=r["signer_name"],
            payload=bytes(r["payload"]) if r.get("payload") is not None else None,
        )
        for r in rows
    ]


def computed_result(store: Store, epreuve_id: int) -> BlocResult:
    """What the rules engine says from the current decisions (the avis records it, never recomputes it)."""
    epreuve = store.epreuve(epreuve_id)
    return evaluate(store.epreuve_referentiel(epreuve_id), epreuve["bloc"], store.current_decisions(epreuve_id))


def member_name(store: Store, member_id: int | None) -> str:
    if member_id is None:
        return ""
    name = q.member_name(store, member_id)
    return person_name(name.first_name, name.last_name) if name else f"membre n° {member_id}"


# --------------------------------------------------------------------------------------------------
# Finalisation rules


def open_items(store: Store, epreuve_id: int) -> list[str]:
    """What still blocks finalisation, in French, one line each (empty when the épreuve can be signed)."""
    epreuve = store.epreuve(epreuve_id)
    referentiel = store.epreuve_referentiel(epreuve_id)
    items: list[str] = []
    cancelled = store.cancellation(epreuve_id)
    if cancelled is not None:
        return [f"Épreuve annulée ({cancelled['reason']}) : pas d'avis à rendre"]
    if epreuve["president_id"] is None:
        items.append("Président(e) du jury non désigné(e)")
    if epreuve["expert_id"] is None:
        items.append("Expert(e) métier non désigné(e)")
    for member_id in (epreuve["president_id"], epreuve["expert_id"]):
        if member_id is None:
            continue
        if not q.member_training_date(store, member_id):
            items.append(f"{member_name(store, member_id)} : formation des jurys professionnels non renseignée")
    if clock_left_running(store, epreuve_id):
        items.append("Épreuve non terminée : arrêtez le chronomètre (fin de la dernière phase) avant de signer")
    from cqp_desktop.core.site import double_marking

    pending = double_marking.open_items(store, epreuve_id)
    if pending:  # the final decisions do not exist yet: the reconciliation makes them
        return items + pending
    decisions = store.current_decisions(epreuve_id)
    for criterion in referentiel.bloc(epreuve["bloc"]).criteria():
        if decisions.get(criterion.key, Decision.NON_OBSERVE) == Decision.NON_OBSERVE:
            items.append(f"Critère {criterion.code} non observé : {criterion.label}")
    return items


def avis_problems(computed_validated: bool, jury_validated: bool, justification: str, preconisations: str) -> list[str]:
    """What the avis itself lacks before signing (pure: the dialog uses it live)."""
    problems: list[str] = []
    if not jury_validated and not preconisations.strip():
        problems.append("Préconisations obligatoires : le bloc n'est pas validé")
    if computed_validated != jury_validated and not justification.strip():
        problems.append("Justification obligatoire : l'avis s'écarte du résultat calculé")
    return problems


def signing_blockers(store: Store, avis_id: int) -> list[str]:
    """Everything that prevents the président from signing this avis now."""
    avis = get_avis(store, avis_id)
    if avis.signed:
        return [f"L'avis version {avis.version} est déjà signé"]
    computed = computed_result(store, avis.epreuve_id).validated
    from cqp_desktop.core.site.epreuve_minimums import minimum_blockers  # the letter's épreuve conditions

    blockers = (
        open_items(store, avis.epreuve_id)
        + minimum_blockers(store, avis.epreuve_id)
        + avis_problems(computed, avis.jury_validated, avis.justification, avis.preconisations)
    )
    if avis.supersedes_id is not None and not avis.amendment_reason.strip():
        blockers.append("Motif de la correction obligatoire")
    return blockers


# --------------------------------------------------------------------------------------------------
# Writing


def _clean_comments(store: Store, epreuve_id: int, comments: Mapping[str, str]) -> dict[str, str]:
    bloc = store.epreuve_referentiel(epreuve_id).bloc(store.epreuve(epreuve_id)["bloc"])
    known = {c.key for c in bloc.competences}
    unknown = sorted(set(comments) - known)
    if unknown:
        raise AvisError(f"Commentaire sur une compétence inconnue du bloc {bloc.code} : {', '.join(unknown)}.")
    return {k: v.strip() for k, v in sorted(comments.items()) if v and v.strip()}


def draft_avis(
    store: Store,
    epreuve_id: int,
    jury_validated: bool,
    justification: str = "",
    comments: Mapping[str, str] | None = None,
    preconisations: str = "",
    *,
    amendment_reason: str | None = None,
    author_id: int | None = None,
) -> int:
    """Create or update the épreuve's unsigned draft; refuse when the latest version is signed.

    `amendment_reason` updates the reason of an unsigned correction (ignored on a first version).
    """
    comments_json = json.dumps(_clean_comments(store, epreuve_id, comments or {}), ensure_ascii=False, sort_keys=True)
    computed = computed_result(store, epreuve_id).validated
    latest = current_avis(store, epreuve_id)
    if latest is not None and latest.signed:
        raise AvisError(
            f"L'avis version {latest.version} est signé et ne peut plus être modifié : "
            "créez une nouvelle version (correction motivée)."
        )
    if latest is None and store.epreuve(epreuve_id)["locked_at"] is not None:
        raise AvisError("Épreuve verrouillée : aucun avis ne peut y être ajouté.")
    values = {
        "computed_validated": int(computed),
        "jury_validated": int(bool(jury_validated)),
        "justification": justification.strip(),
        "comments": comments_json,
        "preconisations": preconisations.strip(),
    }
    with store.action("avis.draft", "avis", str(author_id or "")) as act:
        if latest is None:
            act.entity_id = w.add_avis(store, {"epreuve_id": epreuve_id, "version": 1, "created_at": store.now(), **values})
        else:
            act.entity_id = latest.id
            correcting = amendment_reason is not None and latest.supersedes_id is not None
            w.update_avis_draft(store, latest.id, values, amendment_reason.strip() if correcting else None)  # type: ignore[union-attr]
        act.details = {"epreuve_id": epreuve_id, "jury_validated": bool(jury_validated), "computed": computed}
    return act.entity_id


def amend(
    store: Store,
    avis_id: int,
    *,
    reason: str,
    jury_validated: bool | None = None,
    justification: str | None = None,
    comments: Mapping[str, str] | None = None,
    preconisations: str | None = None,
    author_id: int | None = None,
) -> int:
    """Start a correction of a signed avis: a new unsigned version referencing it (sign it afterwards).

    Fields left as None are copied from the signed version.
    """
    old = get_avis(store, avis_id)
    if not old.signed:
        raise AvisError("Seul un avis signé se corrige par une nouvelle version : modifiez directement le brouillon.")
    latest = current_avis(store, old.epreuve_id)
    assert latest is not None
    if latest.id != old.id:
        raise AvisError(
            f"L'avis version {old.version} a déjà été remplacé par la version {latest.version} : corrigez la dernière version."
        )
    if not reason.strip():
        raise AvisError("Motif de la correction obligatoire.")
    new_comments = old.comments if comments is None else _clean_comments(store, old.epreuve_id, comments)
    with store.action("avis.amend", "avis", str(author_id or "")) as act:
        act.entity_id = w.add_avis(
            store,
            {
                "epreuve_id": old.epreuve_id,
                "version": old.version + 1,
                "supersedes_id": old.id,
                "computed_validated": int(computed_result(store, old.epreuve_id).validated),
                "jury_validated": int(old.jury_validated if jury_validated is None else bool(jury_validated)),
                "justification": (old.justification if justification is None else justification).strip(),
                "comments": json.dumps(new_comments, ensure_ascii=False, sort_keys=True),
                "preconisations": (old.preconisations if preconisations is None else preconisations).strip(),
                "amendment_reason": reason.strip(),
                "created_at": store.now(),
            },
        )
        act.details = {"epreuve_id": old.epreuve_id, "supersedes_id": old.id, "version": old.version + 1}
    return act.entity_id


# --------------------------------------------------------------------------------------------------
# Payload


def payload_hash(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _member(store: Store, member_id: int | None) -> dict[str, Any] | None:
    if member_id is None:
        return None
    return q.payload_member(store, member_id) or {"id": member_id}


def _result_payload(result: BlocResult) -> dict[str, Any]:
    """The computed result as the payload signs it: the bloc's counts, each competence, the explanation."""
    data = result.as_data()
    competences = data.pop("competences")
    return {"bloc": data, "competences": competences, "explanation": result.explanation()}


def _payload_data(store: Store, avis: AvisRecord) -> dict[str, Any]:
    epreuve = store.epreuve(avis.epreuve_id)
    referentiel = store.epreuve_referentiel(avis.epreuve_id)
    result = computed_result(store, avis.epreuve_id)
    cand = q.payload_candidate(store, epreuve["candidate_id"])
    assert cand is not None, epreuve["candidate_id"]  # an épreuve's candidate is never deleted (foreign key)
    session = q.session_payload(store, epreuve["session_id"])
    current = store.current_decisions(avis.epreuve_id)
    supersedes = None
    if avis.supersedes_id is not None:
        old = get_avis(store, avis.supersedes_id)
        president = [s for s in signatures(store, old.id) if s.role == Role.PRESIDENT]
        supersedes = {
            "id": old.id,
            "version": old.version,
            "payload_hash": president[0].payload_hash if president else None,
        }
    return {
        "format": PAYLOAD_FORMAT,
        "format_version": PAYLOAD_VERSION,
        "avis": {
            "id": avis.id,
            "version": avis.version,
            "computed_validated": avis.computed_validated,
            "jury_validated": avis.jury_validated,
            "departs_from_computed": avis.departs_from_computed,
            "justification": avis.justification,
            "comments": avis.comments,
            "preconisations": avis.preconisations,
            "amendment_reason": avis.amendment_reason,
            "supersedes": supersedes,
        },
        "epreuve": {
            "id": epreuve["id"],
            "certification": epreuve["certification"],
            "bloc": epreuve["bloc"],
            "route": epreuve["route"],
            "mode": epreuve["mode"],
            "alternative": epreuve["alternative"],
            "planned_date": epreuve["planned_date"],
            "session_id": epreuve["session_id"],
            "session": dict(zip(("uuid", "label", "month", "site"), session)) if session else None,
            "referentiel": {
                "id": epreuve["referentiel_id"],
                "version": epreuve["referentiel_version"],
                "hash": epreuve["referentiel_hash"],
            },
            "candidate": {
                "id": cand[0],
                "last_name": cand[1],
                "first_name": cand[2],
                "organisme": {"code": cand[3], "name": cand[4], "branche": cand[5]},
                "uuid": cand[6],
                "cqp": cand[7],
                "route": cand[8],
                "pass_premss": bool(cand[9]),
                "pass_premss_date": cand[10],
                "pass_premss_attested_by": cand[11] or "",
                "person_id": cand[12],
            },
            "president": _member(store, epreuve["president_id"]),
            "expert": _member(store, epreuve["expert_id"]),
        },
        "result": _result_payload(result),
        "decisions": {
            c.key: str(current.get(c.key, Decision.NON_OBSERVE)) for c in referentiel.bloc(epreuve["bloc"]).criteria()
        },
        "decision_journal": [
            {
                "id": r.id,
                "criterion": r.criterion,
                "decision": str(r.decision),
                "phase": r.phase,
                "author_id": r.author_id,
                "wall_time": r.wall_time,
                "undo_of": r.undo_of,
            }
            for r in store.decision_rows(avis.epreuve_id)
        ],
        "notes": q.journal(store, "notes", avis.epreuve_id),
        "timer_events": q.journal(store, "timer_events", avis.epreuve_id),
        "presented_competences": q.journal(store, "presented_competences", avis.epreuve_id),
        "vae_situations": q.journal(store, "vae_situations", avis.epreuve_id),
    }


def signing_payload(store: Store, avis_id: int, version: int = PAYLOAD_VERSION) -> bytes:
    """The canonical bytes every signature of this avis covers (see the module docstring).

    `version=1` rebuilds the older format, so a signature made before version 2 is still compared
    with the data as that format saw it (it is no longer accepted by the Ucanss: see core/exchange/trust.py).
    """
    avis = get_avis(store, avis_id)
    data = _payload_data(store, avis)
    from cqp_desktop.core.site import double_marking

    marking = double_marking.package_data(store, avis.epreuve_id)
    if marking is not None:  # both original markings and the reconciliation, under the jury's signature
        data["double_marking"] = marking
    if version == 1:
        data["format_version"] = 1
        data.pop("presented_competences", None)
        data.pop("vae_situations", None)
        epreuve = data["epreuve"]
        epreuve.pop("session", None)
        for key in ("uuid", "cqp", "route", "pass_premss", "pass_premss_date", "pass_premss_attested_by", "person_id"):
            epreuve["candidate"].pop(key, None)
        for role in ("president", "expert"):
            if isinstance(epreuve.get(role), dict):
                epreuve[role].pop("uuid", None)
    return canonical_json(data)


def payload_version(payload: bytes | None) -> int:
    try:
        return int(json.loads(payload or b"{}").get("format_version", PAYLOAD_VERSION))
    except (ValueError, TypeError, AttributeError):
        return PAYLOAD_VERSION


# --------------------------------------------------------------------------------------------------
# Signing


def _signer_role(store: Store, avis: AvisRecord, member_id: int) -> str:
    epreuve = store.epreuve(avis.epreuve_id)
    if member_id == epreuve["president_id"]:
        return "president"
    if member_id == epreuve["expert_id"]:
        return "expert"
    raise AvisError(f"{member_name(store, member_id)} ne fait pas partie du jury de cette épreuve : signature refusée.")


def sign_avis(store: Store, avis_id: int, member_id: int, passphrase: str, drawn_png: bytes) -> int:
    """Sign as the épreuve's président (finalises and locks) or, afterwards, co-sign as its expert.

    Raises AvisError (rules) or keys.KeyProblem (wrong passphrase), both with a French message; on
    any refusal nothing is written.
    """
    from cqp_desktop.core.exchange import keys  # cryptography loads on first use, not at start-up

    avis = get_avis(store, avis_id)
    role = _signer_role(store, avis, member_id)
    name = member_name(store, member_id)
    existing = signatures(store, avis_id)
    if role == Role.EXPERT:
        if not avis.signed:
            raise AvisError(
                f"{name} est l'expert(e) métier : l'avis doit d'abord être signé par le/la président(e) du jury."
            )
        if any(s.signer_id == member_id for s in existing):
            raise AvisError(f"{name} a déjà contresigné cet avis.")
    else:
        if avis.signed:
            raise AvisError(f"L'avis version {avis.version} est déjà signé par le/la président(e).")
        latest = current_avis(store, avis.epreuve_id)
        if latest is not None and latest.id != avis.id:
            raise AvisError(f"Cette version a été remplacée par la version {latest.version} : signez la dernière.")
        blockers = signing_blockers(store, avis_id)
        if blockers:
            raise AvisError("Signature impossible :\n- " + "\n- ".join(blockers))
    if not drawn_png or not drawn_png.startswith(PNG_MAGIC):
        raise AvisError(f"Signature manuscrite de {name} absente : signez dans le cadre prévu.")
    from cqp_desktop.core.site import signed_report, site_trust

    problem = site_trust.identity_problem(store, member_id, role)
    if problem is not None:
        raise AvisError(f"Signature refusée : {problem}.")
    identity = store.signing_identity(member_id)
    assert identity is not None
    key = store.unlock_signing_key(member_id, passphrase)  # re-encrypts a key stored by an older version
    certificate_pem = bytes(identity["certificate_pem"])
    if role == Role.EXPERT:
        payload = signing_payload(store, avis_id)
    with store.action("avis.sign", "signatures", str(member_id)) as act:
        if role == Role.PRESIDENT:
            # The computed result is refreshed inside the transaction so the signed payload is current.
            w.set_avis_computed(store, avis_id, computed_result(store, avis.epreuve_id).validated)
            payload = signing_payload(store, avis_id)
        digest = payload_hash(payload)
        signed_at = store.now()
        act.entity_id = w.add_signature(
            store,
            {
                "avis_id": avis_id,
                "signer_id": member_id,
                "role": role,
                "method": SIGNATURE_METHOD,
                "payload_hash": digest,
                "signature": keys.sign(key, payload),
                "certificate": certificate_pem,
                "drawn_png": drawn_png,
                "signed_at": signed_at,
                "payload": payload,
            },
        )
        if role == Role.PRESIDENT:
            w.mark_avis_signed(store, avis_id, signed_at)
            if store.epreuve(avis.epreuve_id)["locked_at"] is None:
                store.lock_epreuve(avis.epreuve_id, actor=str(member_id))
            signed_report.sign_as_president(store, avis_id, member_id, key, certificate_pem)
        else:
            signed_report.cosign(store, avis_id, member_id, key, certificate_pem, drawn_png)
        act.details = {
            "avis_id": avis_id,
            "epreuve_id": avis.epreuve_id,
            "version": avis.version,
            "role": role,
            "payload_hash": digest,
            "supersedes_id": avis.supersedes_id,
        }
    return act.entity_id


SECTIONS = (
    # (path in the payload, French name) — used to say *what* changed since a signature
    (("avis",), "contenu de l'avis"),
    (("epreuve", "candidate"), "fiche du candidat"),
    (("epreuve", "president"), "fiche du président du jury"),
    (("epreuve", "expert"), "fiche de l'expert métier"),
    (("epreuve", "referentiel"), "référentiel de l'épreuve"),
    (("epreuve",), "données de l'épreuve"),
    (("decisions",), "décisions"),
    (("decision_journal",), "journal des décisions"),
    (("notes",), "notes"),
    (("timer_events",), "chronométrage"),
    (("presented_competences",), "compétences abordées (MDR)"),
    (("vae_situations",), "situations du livret 2"),
    (("double_marking",), "double correction (notations des deux membres, conciliation)"),
    (("result",), "résultat calculé"),
)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def changed_sections(signed: bytes, current: bytes) -> list[str]:
    """French names of the parts of the payload that differ (most specific first, no repeats)."""
    try:
        old, new = json.loads(signed), json.loads(current)
    except ValueError:
        return ["données signées illisibles"]
    names: list[str] = []
    specific: set[tuple[str, ...]] = set()
    for path, name in SECTIONS:
        if _get(old, path) == _get(new, path):
            continue
        if len(path) == 1 and path[0] == "epreuve":
            rest_old = {k: v for k, v in (old.get("epreuve") or {}).items() if ("epreuve", k) not in specific}
            rest_new = {k: v for k, v in (new.get("epreuve") or {}).items() if ("epreuve", k) not in specific}
            if rest_old == rest_new:
                continue
        specific.add(path)
        names.append(name)
    covered = {path[0] for path, _ in SECTIONS}
    if any(old.get(k) != new.get(k) for k in (set(old) | set(new)) - covered):
        names.append("format des données")
    return names


def verify_avis_signatures(store: Store, avis_id: int) -> list[str]:
    """Check every signature of the avis; return the problems found (French), [] if all is well.

    With the stored signed bytes (schema 0008) the signature is checked on them, then they are compared
    with the data rebuilt from the database, naming what changed (a corrected name is told apart from
    changed decisions). Older rows without stored bytes are checked against the rebuilt payload only.
    """
    from cqp_desktop.core.exchange import keys  # cryptography loads on first use, not at start-up

    avis = get_avis(store, avis_id)
    epreuve = store.epreuve(avis.epreuve_id)
    problems: list[str] = []
    rows = signatures(store, avis_id)
    if avis.signed and not any(s.role == Role.PRESIDENT for s in rows):
        problems.append(f"Avis version {avis.version} marqué signé sans signature du président")
    if rows and not avis.signed:
        problems.append(f"Avis version {avis.version} porte des signatures mais n'est pas marqué signé")
    if avis.signed and epreuve["locked_at"] is None:
        problems.append("Avis signé mais épreuve non verrouillée")
    rebuilt: dict[int, bytes] = {}
    # A version replaced by a later *signed* version attests the data as it was: the newer signature
    # vouches for the data as it is now (e.g. a corrected name), so only its own bytes are checked.
    superseded = q.superseded_by_signed(store, avis_id)
    for s in rows:
        who = f"signature {'du président' if s.role == 'president' else 'de l’expert'} ({s.signer_name})"
        expected = epreuve["president_id"] if s.role == Role.PRESIDENT else epreuve["expert_id"]
        if s.signer_id != expected:
            problems.append(f"{who} : le signataire n'est pas le membre du jury désigné pour ce rôle")
        version = payload_version(s.payload)
        if version not in rebuilt:
            rebuilt[version] = signing_payload(store, avis_id, version)
        current = rebuilt[version]
        signed = s.payload if s.payload is not None else current
        if payload_hash(signed) != s.payload_hash:
            problems.append(f"{who} : données signées altérées (empreinte différente)")
        if s.payload is not None and signed != current and not superseded:
            problems.append(f"{who} : modifié depuis la signature : {', '.join(changed_sections(signed, current))}")
        elif s.payload is None and payload_hash(current) != s.payload_hash:
            problems.append(f"{who} : les données de l'avis ou de l'épreuve ont changé depuis la signature")
        if s.certificate is None:
            problems.append(f"{who} : certificat absent")
            continue
        try:
            certificate = keys.load_certificate(s.certificate)
        except keys.KeyProblem:
            problems.append(f"{who} : certificat illisible")
            continue
        if not keys.verify(certificate, signed, s.signature):
            problems.append(f"{who} : signature cryptographique invalide")
        if not q.is_known_certificate(store, keys.fingerprint(certificate), s.signer_id):
            problems.append(f"{who} : certificat inconnu pour ce membre du jury")
    if avis.supersedes_id is not None:
        old = [s for s in signatures(store, avis.supersedes_id) if s.role == Role.PRESIDENT]
        if not old:
            problems.append(f"Avis version {avis.version} : la version remplacée n'est pas signée")
    return problems
