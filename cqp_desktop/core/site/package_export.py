"""Writing a session package (`.cqpkg`, format in core/exchange/package_format.py): what a site sends Ucanss
once a jury session is signed. Qt-free. Verification (core/exchange/package_verify.py) needs nothing but the
file — it recomputes every result with the embedded référentiel.

Determinism: exporting the same content twice gives the same manifest and the same members (sorted
entries, fixed zip timestamps, no export time). Only `manifest.sig` differs (ECDSA is randomised).
The `revision` is content-derived: the number of rows in the session's append-only journals, so any
later change (a new signed avis version…) raises it and Ucanss can refuse a replayed older package.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from cqp_desktop import __version__
from cqp_desktop.core.common.files import write_atomic
from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import (
    DATA_NAME,
    ENCRYPTED_SUFFIX,
    FORMAT_VERSION,
    MAGIC,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    SUFFIX,
    PackageError,
    b64,
    certificate_member,
    content_revision,
    encrypt,
    latest_decisions,
    pdf_member,
    readable_json,
    referentiel_member,
    result_data,
    schema_problems,
    sha256_hex,
    zip_bytes,
)
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.model.rules import Mode, evaluate
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest_sha256: str
    revision: int
    epreuves: int
    candidates: int
    size: int
    encrypted: bool




























# --------------------------------------------------------------------------------------------------
# Encryption (CMS EnvelopedData, DER)










# --------------------------------------------------------------------------------------------------
# What goes in a package


CERTIFYING = str(Mode.CERTIFICATION)


def session_row(store: Store, session_id: int) -> dict[str, Any]:
    row = q.session(store, session_id)
    if row is None:
        raise PackageError(f"Session n° {session_id} introuvable dans cette base.")
    return row


def session_epreuve_ids(store: Store, session_id: int) -> list[int]:
    """Certifying épreuves that took place: pre-positionnement never counts and never leaves the site;
    a cancelled épreuve (candidate absent) has nothing to send and must not block the export."""
    return q.session_epreuve_ids(store, session_id, CERTIFYING)


def session_revision(store: Store, session_id: int) -> int:
    """Rows in the session's append-only journals: grows with every later change, never shrinks.

    Counted from what the package carries (decisions, timer events, notes, signed avis versions and
    their signatures), so `package verify` recounts it from the data and a signer cannot declare
    another number (`content_revision`).
    """
    return q.session_journal_rows(store, session_epreuve_ids(store, session_id))




def _signed_bytes(store: Store, avis_id: int, signatures: list[Any]) -> bytes:
    from cqp_desktop.core.site import avis as avis_mod

    for s in signatures:
        if s.role == Role.PRESIDENT and s.payload is not None:
            return bytes(s.payload)
    return avis_mod.signing_payload(store, avis_id)








def build_data(store: Store, session_id: int, pdf_hashes: Mapping[int, str]) -> dict[str, Any]:
    """The session as plain data (see docs/package-format.md). Refuses what Ucanss could not use."""
    from cqp_desktop.core.site import avis as avis_mod
    from cqp_desktop.core.site import double_marking

    session = session_row(store, session_id)
    ids = session_epreuve_ids(store, session_id)
    if not ids:
        raise PackageError(f"Session « {session['label']} » : aucune épreuve de certification à transmettre.")
    problems: list[str] = []
    epreuves: list[dict[str, Any]] = []
    candidate_ids: set[int] = set()
    member_ids: set[int] = set()
    referentiel_hashes: set[str] = set()
    for epreuve_id in ids:
        e = store.epreuve(epreuve_id)
        candidate = q.candidate(store, e["candidate_id"])
        assert candidate is not None
        who = f"épreuve n° {epreuve_id} ({candidate['first_name']} {candidate['last_name']}, bloc {e['bloc']})"
        if candidate.get("purged_at"):
            problems.append(f"{who} : données personnelles déjà effacées, le paquet ne peut plus être refait")
            continue
        versions = [a for a in avis_mod.avis_versions(store, epreuve_id) if a.signed]
        if not versions:
            problems.append(f"{who} : avis non signé")
            continue
        for version in versions:
            for problem in avis_mod.verify_avis_signatures(store, version.id):
                problems.append(f"{who}, avis version {version.version} : {problem}")
        candidate_ids.add(e["candidate_id"])
        referentiel_hashes.add(e["referentiel_hash"])
        decisions = q.journal(store, "decisions", epreuve_id)
        avis_list = []
        for version in versions:
            signatures = avis_mod.signatures(store, version.id)
            avis_list.append(
                {
                    "id": version.id,
                    "version": version.version,
                    "supersedes_id": version.supersedes_id,
                    "computed_validated": version.computed_validated,
                    "jury_validated": version.jury_validated,
                    "justification": version.justification,
                    "comments": version.comments,
                    "preconisations": version.preconisations,
                    "amendment_reason": version.amendment_reason,
                    "created_at": version.created_at,
                    "signed_at": version.signed_at,
                    "signatures": [
                        {
                            "id": s.id,
                            "signer_id": s.signer_id,
                            "role": s.role,
                            "method": s.method,
                            "payload_hash": s.payload_hash,
                            "signature": b64(s.signature),
                            "certificate": keys.fingerprint(keys.load_certificate(s.certificate)) if s.certificate else None,
                            "signed_at": s.signed_at,
                        }
                        for s in signatures
                    ],
                    # the exact bytes the président signed (schema 0008): a superseded version keeps
                    # attesting the data as it was then, e.g. before a name was corrected
                    "signed_payload": json.loads(_signed_bytes(store, version.id, signatures)),
                }
            )
            member_ids.update(s.signer_id for s in signatures)
        member_ids.update(m for m in (e["president_id"], e["expert_id"]) if m is not None)
        referentiel = store.referentiel(e["referentiel_hash"])
        result = evaluate(referentiel, e["bloc"], latest_decisions(decisions))
        epreuves.append(
            {
                "id": epreuve_id,
                "candidate_uuid": candidate["uuid"],
                "certification": e["certification"],
                "bloc": e["bloc"],
                "route": e["route"],
                "mode": e["mode"],
                "alternative": e["alternative"],
                "planned_date": e["planned_date"],
                "referentiel": {"id": e["referentiel_id"], "version": e["referentiel_version"], "hash": e["referentiel_hash"]},
                "president_id": e["president_id"],
                "expert_id": e["expert_id"],
                "locked_at": e["locked_at"],
                "decisions": decisions,
                "timer_events": q.journal(store, "timer_events", epreuve_id),
                "notes": q.journal(store, "notes", epreuve_id),
                # MDR presentation and VAE livret 2: signed by the jury with the rest (core/site/avis.py)
                "presented_competences": q.journal(store, "presented_competences", epreuve_id),
                "vae_situations": q.journal(store, "vae_situations", epreuve_id),
                # both blind markings and their reconciliation, or null (core/site/double_marking.py)
                "double_marking": double_marking.package_data(store, epreuve_id),
                "avis": avis_list,
                "result": result_data(result),
                "pdf": {"path": pdf_member(epreuve_id), "sha256": pdf_hashes[epreuve_id]} if epreuve_id in pdf_hashes else None,
            }
        )
    if problems:
        raise PackageError(
            f"Session « {session['label']} » : paquet impossible tant que ces points ne sont pas réglés :\n- "
            + "\n- ".join(problems)
        )
    candidates = []
    organisme_ids: set[int] = set()
    for cid in sorted(candidate_ids):
        c = q.candidate(store, cid)
        assert c is not None
        organisme_ids.add(c["organisme_id"])
        candidates.append(
            {
                "id": c["id"],
                "uuid": c["uuid"],
                "last_name": c["last_name"],
                "first_name": c["first_name"],
                "organisme_id": c["organisme_id"],
                "cqp": c["cqp"],
                "route": c["route"],
                "pass_premss": bool(c["pass_premss"]),
                # letter 3/B: the CQP needs the Pass et Prem'ss completion, attested (core/site/prerequisite.py)
                "pass_premss_date": c.get("pass_premss_date"),
                "pass_premss_attested_by": c.get("pass_premss_attested_by") or "",
                # the random identifier the Ucanss joins one person's records by (core/model/person_id.py)
                "person_id": c.get("person_id"),
            }
        )
    jury = []
    for mid in sorted(member_ids):
        m = q.member(store, mid)
        assert m is not None
        organisme_ids.add(m["organisme_id"])
        jury.append(
            {
                "id": m["id"],
                "uuid": m["uuid"],
                "last_name": m["last_name"],
                "first_name": m["first_name"],
                "organisme_id": m["organisme_id"],
                "role": m["role"],
                "branche": m["branche"],
                "jury_training_date": m["jury_training_date"],
            }
        )
    organismes = [
        {k: o[k] for k in ("id", "code", "name", "kind", "branche")}
        for o in (q.organisme(store, oid) for oid in sorted(organisme_ids))
        if o is not None
    ]
    return {
        "format": FORMAT_VERSION,
        "session": {
            "uuid": session["uuid"],
            "id": session["id"],
            "label": session["label"],
            "month": session["month"],
            "site": session["site"],
        },
        "organismes": organismes,
        "candidates": candidates,
        "jury": jury,
        "epreuves": epreuves,
    }


def _certificates(data: Mapping[str, Any], store: Store, signer_pem: bytes, pdfs: Any = ()) -> dict[str, bytes]:
    """Every certificate a signature in the package names, by fingerprint, plus the package signer's."""
    out: dict[str, bytes] = {}
    for e in data["epreuves"]:
        for a in e["avis"]:
            for s in a["signatures"]:
                if s["certificate"] and s["certificate"] not in out:
                    certificate = keys.load_certificate(q.signature_certificate(store, s["id"]) or b"")
                    out[s["certificate"]] = certificate.public_bytes(serialization.Encoding.PEM)
    signer = keys.load_certificate(signer_pem)
    out.setdefault(keys.fingerprint(signer), signer.public_bytes(serialization.Encoding.PEM))
    return out


@dataclass(frozen=True)
class PackageSigner:
    """A président(e) who may sign the session's package; `problem` says why they cannot yet (no certificate
    of the Ucanss for the role, revoked, expired…), None when they can."""

    member_id: int
    name: str
    problem: str | None


def package_signers(store: Store, session_id: int) -> list[PackageSigner]:
    """Who may sign the session's package: each président(e) chairing one of its certifying épreuves.
    The one rule of the export dialog, `package export` / `package sessions` and the export itself."""
    from cqp_desktop.core.site import site_trust

    chairs = sorted({store.epreuve(i)["president_id"] for i in session_epreuve_ids(store, session_id)} - {None})
    out = []
    for member_id in chairs:
        member = q.member_role_and_name(store, member_id)
        if member is None or member[0] != Role.PRESIDENT:
            continue
        name = person_name(member[1], member[2])
        out.append(PackageSigner(member_id, name, site_trust.identity_problem(store, member_id, "president")))
    return out


def _package_signer(store: Store, session_id: int, president_id: int) -> dict[str, Any]:
    """The exporting président's identity; refused unless `package_signers` names them without a problem."""
    session_row(store, session_id)
    member = q.member_role_and_name(store, president_id)
    if member is None:
        raise PackageError(f"Membre du jury n° {president_id} introuvable.")
    signer = next((s for s in package_signers(store, session_id) if s.member_id == president_id), None)
    if signer is None:
        name = person_name(member[1], member[2])
        raise PackageError(f"{name} ne préside aucune épreuve de cette session : seul un(e) président(e) signe le paquet.")
    if signer.problem is not None:
        raise PackageError(f"Paquet impossible : {signer.problem}.")
    identity = store.signing_identity(president_id)
    assert identity is not None
    return identity


def build_members(
    store: Store, session_id: int, president_id: int, *, pdfs: Mapping[int, bytes] | None = None
) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every member but the signature, and the manifest (unsigned). Deterministic for a given content.

    The épreuve PDFs are each épreuve's own signed compte rendu (core/site/signed_report.py) unless `pdfs`
    gives them (an empty mapping leaves them out).
    """
    with store.snapshot():  # the data and the PDFs it names come from one state of the base
        return _build_members(store, session_id, president_id, pdfs)


def _build_members(
    store: Store, session_id: int, president_id: int, pdfs: Mapping[int, bytes] | None
) -> tuple[dict[str, bytes], dict[str, Any]]:
    from cqp_desktop.core.site import signed_report

    identity = _package_signer(store, session_id, president_id)
    ids = session_epreuve_ids(store, session_id)
    if pdfs is None:
        pdfs = {i: pdf for i in ids if (pdf := signed_report.report_in_force(store, i)) is not None}
    pdfs = {k: v for k, v in pdfs.items() if k in ids}
    data = build_data(store, session_id, {k: sha256_hex(v) for k, v in pdfs.items()})
    problems = schema_problems("data", data)
    if problems:  # a bug, not a user error: say so plainly rather than ship a package Ucanss will refuse
        raise PackageError("Données du paquet non conformes au schéma (anomalie du logiciel) :\n- " + "\n- ".join(problems))
    members: dict[str, bytes] = {DATA_NAME: readable_json(data)}
    referentiels = []
    for content_hash in sorted({e["referentiel"]["hash"] for e in data["epreuves"]}):
        row = q.referentiel_record(store, content_hash)
        if row is None:
            raise PackageError(f"Référentiel d'empreinte {content_hash} absent de cette base.")
        path = referentiel_member(content_hash)
        members[path] = readable_json(row[2])
        referentiels.append({"id": row[0], "version": row[1], "hash": content_hash, "path": path})
    signer_pem = bytes(identity["certificate_pem"])
    for fp, pem in _certificates(data, store, signer_pem, pdfs.values()).items():
        members[certificate_member(fp)] = pem
    for epreuve_id, pdf in pdfs.items():
        members[pdf_member(epreuve_id)] = pdf
    signer_fp = keys.fingerprint(keys.load_certificate(signer_pem))
    manifest = {
        "magic": MAGIC,
        "format": FORMAT_VERSION,
        "app_version": __version__,
        "session": {"uuid": data["session"]["uuid"], "label": data["session"]["label"], "month": data["session"]["month"]},
        "revision": content_revision(data),
        "referentiels": referentiels,
        "signer": {"member_id": president_id, "fingerprint": signer_fp, "certificate": certificate_member(signer_fp)},
        "members": [
            {"path": path, "sha256": sha256_hex(content), "size": len(content)} for path, content in sorted(members.items())
        ],
    }
    problems = schema_problems("manifest", manifest)
    if problems:
        raise PackageError("Manifeste non conforme au schéma (anomalie du logiciel) :\n- " + "\n- ".join(problems))
    return members, manifest


def build_package(
    store: Store, session_id: int, president_id: int, passphrase: str, *, pdfs: Mapping[int, bytes] | None = None
) -> tuple[bytes, bytes]:
    """(zip bytes, manifest bytes). Raises PackageError or keys.KeyProblem (wrong passphrase)."""
    members, manifest = build_members(store, session_id, president_id, pdfs=pdfs)
    return _signed_archive(store, members, manifest, president_id, passphrase)


def _signed_archive(
    store: Store, members: dict[str, bytes], manifest: dict[str, Any], president_id: int, passphrase: str
) -> tuple[bytes, bytes]:
    key = store.unlock_signing_key(president_id, passphrase)  # re-encrypts a key stored by an older version
    manifest_bytes = readable_json(manifest)
    members[MANIFEST_NAME] = manifest_bytes
    members[SIGNATURE_NAME] = keys.sign(key, manifest_bytes)
    return zip_bytes(members), manifest_bytes


def default_file_name(store: Store, session_id: int, encrypted: bool = False) -> str:
    session = session_row(store, session_id)
    stem = f"session-{session['month']}-{session['uuid'][:8]}"
    return stem + (ENCRYPTED_SUFFIX if encrypted else SUFFIX)


def export_package(
    store: Store,
    session_id: int,
    president_id: int,
    passphrase: str,
    destination: Path,
    *,
    encrypt_to: bytes | None = None,
    pdfs: Mapping[int, bytes] | None = None,
    with_pdfs: bool = True,
) -> ExportResult:
    """Build, sign, optionally encrypt and write the package atomically; check it as the Ucanss will;
    journal the export with exactly what it holds (the acknowledgment must name the same).

    `destination` may be a folder (the file gets its default name) or a file path. The épreuve PDFs are
    the signed comptes rendus kept at each avis signature unless `pdfs` gives them; `with_pdfs=False`
    leaves them out.
    """
    from cqp_desktop.core.exchange import package_verify
    from cqp_desktop.core.site import site_trust
    from cqp_desktop.core.site.purge import token
    from cqp_desktop.core.storage.integrity import verify_integrity

    with store.snapshot():  # what is checked is what is packed, whatever another connection writes meanwhile
        altered = verify_integrity(store)  # the journal and every sealed row, before anything is signed
        if altered:
            raise PackageError("Export refusé, la base ne correspond plus à son journal : " + " ".join(altered))
        members, manifest = build_members(store, session_id, president_id, pdfs=pdfs if with_pdfs else {})
    archive, manifest_bytes = _signed_archive(store, members, manifest, president_id, passphrase)
    payload = encrypt(archive, encrypt_to) if encrypt_to is not None else archive
    destination = Path(destination)
    path = destination / default_file_name(store, session_id, encrypt_to is not None) if destination.is_dir() else destination
    try:
        write_atomic(path, payload)
        written = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"Écriture du paquet « {path} » impossible : {exc.strerror or exc}.") from None
    # The file as written is checked the way the Ucanss will check it (the plain archive, when encrypted).
    problems = ["le fichier relu diffère de ce qui a été écrit (support défaillant ?)"] if written != payload else []
    verdict = package_verify.verify_bytes(
        written if encrypt_to is None else archive, source=str(path), trust=site_trust.anchors(store)
    )
    problems += verdict.problems
    if problems:
        path.unlink(missing_ok=True)
        raise PackageError(
            "Le paquet écrit ne passe pas la vérification que fera l'Ucanss ; il a été supprimé :\n- " + "\n- ".join(problems)
        )
    manifest = json.loads(manifest_bytes)
    digest = sha256_hex(manifest_bytes)
    assert verdict.data is not None
    data = verdict.data
    with store.action("package.export", "cert_sessions", str(president_id)) as act:
        act.entity_id = session_id
        act.details = {
            "manifest_sha256": digest,
            "revision": manifest["revision"],
            "encrypted": encrypt_to is not None,
            # who was exported, as one-way tokens: the journal must not keep identifiers a purge erases
            "candidates": sorted(token(c["uuid"]) for c in data["candidates"]),
            "epreuves": exported_epreuves(data),
        }
    return ExportResult(
        path=path,
        manifest_sha256=digest,
        revision=manifest["revision"],
        epreuves=len(data["epreuves"]),
        candidates=len(data["candidates"]),
        size=len(payload),
        encrypted=encrypt_to is not None,
    )


def exported_epreuves(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each épreuve a package holds with its avis in force (id, version, payload hash): what an
    acknowledgment must name exactly."""
    out = []
    for e in data["epreuves"]:
        current = max(e["avis"], key=lambda a: a["version"])
        president = [s for s in current["signatures"] if s["role"] == Role.PRESIDENT]
        out.append({"id": e["id"], "avis_version": current["version"], "payload_sha256": president[0]["payload_hash"] if president else ""})
    return sorted(out, key=lambda x: x["id"])
