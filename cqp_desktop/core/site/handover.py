"""Double correction on two laptops: the signed hand-over and return files carried on a USB stick. Qt-free.

1. The président's laptop writes a **hand-over file** (« remise ») for an épreuve in double correction:
   the épreuve, its référentiel, its candidate and its jury, signed with the président's certified key.
2. The expert's laptop (another data folder, the same Ucanss) imports it: the signature must be the
   président's of that épreuve, certified by an installed Ucanss root; the épreuve is created there in
   double correction, the expert marks it alone and closes their observation.
3. The expert's laptop writes a **return file** (« retour »): the expert's own journal of decisions and
   notes and their closure, signed with the expert's certified key, naming the hand-over it answers.
4. The président's laptop imports it into the épreuve the hand-over was made for: refused if it was made
   for another épreuve or laptop, altered, or signed by anyone but the épreuve's expert.

A file is JSON: {format, version, kind ("remise" | "retour"), body, signature (base64), certificate (PEM)};
the signature covers the canonical JSON of {format, version, kind, body}. No network is needed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.model.reconciliation import ROLES
from cqp_desktop.core.model.referentiel import ReferentielError, from_data
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site import site_trust
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store

FORMAT = "cqp-desktop/double-correction"
VERSION = 1
HANDOVER = "remise"
RETURN = "retour"
MAX_BYTES = 8 * 1024 * 1024


class HandoverError(Exception):
    """A hand-over or return file refused, or one that cannot be written; the message is French."""


@dataclass(frozen=True)
class Imported:
    kind: str  # HANDOVER or RETURN
    epreuve_id: int
    signer: str


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _signed_part(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "kind": kind, "body": body}


def _sign(store: Store, member_id: int, role: str, passphrase: str, kind: str, body: dict[str, Any]) -> tuple[bytes, str]:
    problem = site_trust.identity_problem(store, member_id, role)
    if problem is not None:
        raise HandoverError(f"Signature du fichier impossible : {problem}.")
    identity = store.signing_identity(member_id)
    assert identity is not None
    key = store.unlock_signing_key(member_id, passphrase)  # KeyProblem (French) on a wrong passphrase
    signed = _canonical(_signed_part(kind, body))
    document = {
        **_signed_part(kind, body),
        "signature": base64.b64encode(keys.sign(key, signed)).decode("ascii"),
        "certificate": bytes(identity["certificate_pem"]).decode("ascii"),
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"), hashlib.sha256(signed).hexdigest()


def _organisme(store: Store, organisme_id: int) -> dict[str, Any]:
    row = q.organisme(store, organisme_id)
    assert row is not None
    return {"code": row["code"], "name": row["name"], "kind": row["kind"], "branche": row["branche"],
            "certifier_kind": row.get("certifier_kind")}


def _member(store: Store, member_id: int) -> dict[str, Any]:
    m = q.member(store, member_id)
    assert m is not None
    return {
        "uuid": m["uuid"], "last_name": m["last_name"], "first_name": m["first_name"], "role": m["role"],
        "branche": m["branche"], "jury_training_date": m["jury_training_date"],
        "organisme": _organisme(store, m["organisme_id"]),
    }


def _origin(store: Store, epreuve_id: int) -> dict[str, Any]:
    return {"site": store.site_identity(), "epreuve_id": epreuve_id}


# --------------------------------------------------------------------------------------------------
# Writing


def write_handover(store: Store, epreuve_id: int, passphrase: str) -> bytes:
    """The hand-over file of an épreuve in double correction, signed by its président."""
    epreuve = store.epreuve(epreuve_id)
    if not epreuve.get("double_marking"):
        raise HandoverError(f"Épreuve n° {epreuve_id} : pas en double correction, rien à remettre à l'expert(e).")
    if any(h["direction"] == "received" for h in store.handovers(epreuve_id=epreuve_id)):
        raise HandoverError("Cette épreuve a été reçue d'un autre poste : seul le poste du/de la président(e) la remet.")
    if epreuve["locked_at"] is not None:
        raise HandoverError(f"Épreuve n° {epreuve_id} signée : plus rien à remettre.")
    president, expert = (dm.member_id_of(store, epreuve_id, role) for role in ROLES)
    if dm.is_closed(store, epreuve_id, expert) or store.member_decision_rows(epreuve_id, expert):
        raise HandoverError("L'expert(e) a déjà noté sur ce poste : la remise à un autre poste n'a plus lieu d'être.")
    candidate = q.candidate(store, epreuve["candidate_id"])
    assert candidate is not None
    body: dict[str, Any] = {
        "origin": _origin(store, epreuve_id),
        "epreuve": {k: epreuve[k] for k in ("certification", "bloc", "route", "mode", "alternative", "planned_date", "referentiel_hash")},
        "referentiel": store.referentiel_content(epreuve["referentiel_hash"]),
        "candidate": {
            "uuid": candidate["uuid"], "last_name": candidate["last_name"], "first_name": candidate["first_name"],
            "cqp": candidate["cqp"], "route": candidate["route"], "organisme": _organisme(store, candidate["organisme_id"]),
        },
        "president": _member(store, president),
        "expert": _member(store, expert),
        "issued_at": store.now(),
    }
    raw, digest = _sign(store, president, "president", passphrase, HANDOVER, body)
    store.record_handover(epreuve_id, "sent", body["origin"]["site"], epreuve_id, digest,
                          hashlib.sha256(raw).hexdigest(), str(president))
    return raw


def write_return(store: Store, epreuve_id: int, passphrase: str) -> bytes:
    """The expert's return file: their own closed marking, signed by them, answering the hand-over."""
    received = [h for h in store.handovers(epreuve_id=epreuve_id) if h["direction"] == "received"]
    if not received:
        raise HandoverError(f"Épreuve n° {epreuve_id} : elle n'a pas été reçue par un fichier de remise, pas de retour à faire.")
    expert = dm.member_id_of(store, epreuve_id, "expert")
    closures = store.marking_closures(epreuve_id)
    if expert not in closures:
        raise HandoverError("Clôturez d'abord l'observation de l'expert(e) : le retour porte une notation close.")
    m = q.member(store, expert)
    assert m is not None
    body: dict[str, Any] = {
        "origin": {"site": received[-1]["origin_site"], "epreuve_id": received[-1]["origin_epreuve_id"]},
        "handover_sha256": received[-1]["handover_sha256"],
        "expert": {"uuid": m["uuid"], "last_name": m["last_name"], "first_name": m["first_name"]},
        "closed_at": closures[expert],
        "decisions": store.member_decision_rows(epreuve_id, expert),
        "notes": store.member_note_rows(epreuve_id, expert),
    }
    raw, _digest = _sign(store, expert, "expert", passphrase, RETURN, body)
    store.record_handover(epreuve_id, "returned", body["origin"]["site"], body["origin"]["epreuve_id"],
                          received[-1]["handover_sha256"], hashlib.sha256(raw).hexdigest(), str(expert))
    return raw


# --------------------------------------------------------------------------------------------------
# Reading


def _read(raw: bytes, source: str) -> tuple[dict[str, Any], bytes]:
    if len(raw) > MAX_BYTES:
        raise HandoverError(f"« {source} » : fichier trop volumineux pour un fichier de double correction.")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HandoverError(f"« {source} » : ce n'est pas un fichier de double correction (JSON illisible).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise HandoverError(f"« {source} » : ce n'est pas un fichier de double correction (format inconnu).")
    if document.get("version") != VERSION or document.get("kind") not in (HANDOVER, RETURN):
        raise HandoverError(f"« {source} » : version ou nature du fichier non reconnue.")
    if not isinstance(document.get("body"), dict):
        raise HandoverError(f"« {source} » : contenu absent.")
    return document, _canonical(_signed_part(document["kind"], document["body"]))


def _signer(store: Store, document: dict[str, Any], signed: bytes, role: str, source: str) -> trust.CertifiedSigner:
    """The certified signer of the file, in `role`; refused when unsigned, altered or not certified."""
    try:
        certificate = keys.load_certificate(str(document.get("certificate") or "").encode("ascii"))
        signature = base64.b64decode(str(document.get("signature") or ""), validate=True)
    except (keys.KeyProblem, binascii.Error, ValueError, UnicodeEncodeError):
        raise HandoverError(f"« {source} » : signature ou certificat illisible : fichier refusé.") from None
    if not signature or not keys.verify(certificate, signed, signature):
        raise HandoverError(f"« {source} » : fichier modifié après sa signature (signature invalide) : refusé.")
    label = "président(e)" if role == "president" else "expert(e)"
    try:
        return site_trust.anchors(store).check(certificate, None, role)
    except trust.TrustProblem as exc:
        raise HandoverError(f"« {source} » : le signataire n'est pas un(e) {label} certifié(e) par l'Ucanss ({exc}) : refusé.") from None


def import_file(store: Store, raw: bytes, source: str = "<fichier>", *, expected_epreuve: int | None = None) -> Imported:
    """Import a hand-over (on the expert's laptop) or a return (on the président's laptop).

    `expected_epreuve`: the épreuve open on screen; a return made for another one is refused."""
    document, signed = _read(raw, source)
    digest = hashlib.sha256(signed).hexdigest()
    try:
        if document["kind"] == HANDOVER:
            if expected_epreuve is not None:
                raise HandoverError(f"« {source} » est un fichier de remise : importez-le depuis l'accueil du poste de l'expert(e).")
            return _import_handover(store, document, signed, digest, hashlib.sha256(raw).hexdigest(), source)
        return _import_return(store, document, signed, hashlib.sha256(raw).hexdigest(), source, expected_epreuve)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, HandoverError):
            raise
        raise HandoverError(f"« {source} » : contenu incomplet ou mal formé ({exc}) : refusé.") from None


def _same_person(signer: trust.CertifiedSigner, member: dict[str, Any]) -> bool:
    return signer.member_uuid == member.get("uuid")


def _organisme_id(store: Store, data: dict[str, Any]) -> int:
    found = store.organisme_by_code(data["code"])
    if found is not None:
        return found
    return store.add_organisme(
        data["code"], data["name"], data["kind"], data["branche"], certifier_kind=data.get("certifier_kind"),
    )


def _member_id(store: Store, data: dict[str, Any]) -> int:
    found = store.id_by_uuid("jury_members", data["uuid"])
    if found is not None:
        return found
    return store.add_jury_member(
        data["last_name"], data["first_name"], _organisme_id(store, data["organisme"]), data["role"], data["branche"],
        data["jury_training_date"], uuid=data["uuid"],
    )


def _import_handover(store: Store, document: dict[str, Any], signed: bytes, digest: str, file_digest: str, source: str) -> Imported:
    body = document["body"]
    signer = _signer(store, document, signed, "president", source)
    if not _same_person(signer, body["president"]):
        raise HandoverError(
            f"« {source} » : signé par {signer.first_name} {signer.last_name.upper()}, qui n'est pas le/la "
            "président(e) de l'épreuve remise : refusé."
        )
    origin = body["origin"]
    if origin["site"] == store.site_identity():
        raise HandoverError(f"« {source} » a été fait sur ce poste : il s'importe sur le poste de l'expert(e).")
    already = [h for h in store.handovers(origin=(origin["site"], origin["epreuve_id"])) if h["direction"] == "received"]
    if already:
        if already[-1]["handover_sha256"] == digest:
            return Imported(HANDOVER, already[-1]["epreuve_id"], signer.name)
        raise HandoverError(f"« {source} » : une autre remise de cette épreuve a déjà été importée sur ce poste : refusé.")
    content = body["referentiel"]
    try:
        referentiel = from_data(content, source)
    except ReferentielError as exc:
        raise HandoverError(f"« {source} » : référentiel invalide ({exc}).") from None
    if referentiel.content_hash != body["epreuve"]["referentiel_hash"]:
        raise HandoverError(f"« {source} » : le référentiel joint n'est pas celui de l'épreuve (empreinte différente).")
    published = site_trust.anchors(store).referentiels
    if referentiel.content_hash not in published and not _registered(store, referentiel.content_hash):
        raise HandoverError(f"« {source} » : référentiel {referentiel.label} non publié par l'Ucanss : refusé.")
    e, c = body["epreuve"], body["candidate"]
    try:
        with store.atomic():
            store.register_referentiel(content)
            candidate = store.id_by_uuid("candidates", c["uuid"]) or store.add_candidate(
                c["last_name"], c["first_name"], _organisme_id(store, c["organisme"]), c["cqp"], c["route"], uuid=c["uuid"],
            )
            president, expert = _member_id(store, body["president"]), _member_id(store, body["expert"])
            epreuve_id = store.plan_epreuve(
                candidate, store.referentiel(referentiel.content_hash), e["bloc"], e["planned_date"], route=e["route"],
                alternative=e["alternative"], president_id=president, expert_id=expert,
            )
            store.set_double_marking(epreuve_id, True)
            store.record_handover(epreuve_id, "received", origin["site"], origin["epreuve_id"], digest, file_digest)
    except StoreError as exc:
        raise HandoverError(f"« {source} » : import impossible : {exc}") from None
    return Imported(HANDOVER, epreuve_id, signer.name)


def _registered(store: Store, content_hash: str) -> bool:
    try:
        store.referentiel(content_hash)
    except StoreError:
        return False
    return True


def _import_return(
    store: Store, document: dict[str, Any], signed: bytes, file_digest: str, source: str, expected: int | None
) -> Imported:
    body = document["body"]
    origin = body["origin"]
    if origin["site"] != store.site_identity():
        raise HandoverError(f"« {source} » : retour fait pour une épreuve d'un autre poste : refusé.")
    epreuve_id = int(origin["epreuve_id"])
    sent = [h for h in store.handovers(epreuve_id=epreuve_id) if h["direction"] == "sent"]
    if not sent or body["handover_sha256"] not in {h["handover_sha256"] for h in sent}:
        raise HandoverError(f"« {source} » : ce retour ne répond à aucune remise faite ici pour l'épreuve n° {epreuve_id} : refusé.")
    if expected is not None and expected != epreuve_id:
        raise HandoverError(
            f"« {source} » : fichier fait pour une autre épreuve (n° {epreuve_id}), pas pour celle-ci (n° {expected}) : refusé."
        )
    signer = _signer(store, document, signed, "expert", source)
    expert = dm.member_id_of(store, epreuve_id, "expert")
    member = q.member(store, expert)
    assert member is not None
    if not _same_person(signer, member):
        raise HandoverError(
            f"« {source} » : signé par {signer.first_name} {signer.last_name.upper()}, qui n'est pas l'expert(e) "
            "de cette épreuve : refusé."
        )
    try:
        with store.atomic():
            dm.import_marking(store, epreuve_id, expert, body["decisions"], body["notes"], str(body["closed_at"]))
            store.record_handover(epreuve_id, "imported", origin["site"], epreuve_id, body["handover_sha256"], file_digest)
    except (dm.DoubleMarkingError, StoreError) as exc:
        raise HandoverError(f"« {source} » : {exc}") from None
    return Imported(RETURN, epreuve_id, signer.name)
