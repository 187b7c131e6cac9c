"""The site's side of trust: the Ucanss's trust files installed here, members' enrolment, who may sign.

A site trusts what the Ucanss published to it (core/exchange/trust.py): the first trust file installs the root
(its fingerprint is shown to be compared with the one the Ucanss announces); later files from the same
root update the revocation list and the published référentiels, and an older list never replaces a
newer one. A jury member enrols by making a key here and sending a certificate request; the certificate
the Ucanss returns is installed only if it chains to an installed root and matches a key waiting here.
Signing is refused, with the reason, to anyone whose certificate is not certified, expired or revoked.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store


class EnrolmentError(Exception):
    """An enrolment or trust-file step refused; the message is French."""


@dataclass(frozen=True)
class BundleInstalled:
    root_fingerprint: str
    root_name: str
    crl_number: int
    referentiels: int
    new_root: bool
    already: bool


def _bundles(store: Store) -> list[trust.Bundle]:
    """The newest trust file of each installed root."""
    return [trust.read_bundle(text.encode("utf-8"), "base du site") for text in q.newest_bundles_json(store)]


def anchors(store: Store) -> trust.TrustAnchors:
    """What this site trusts now (empty when no trust file was ever installed).

    Kept on the store until another trust file is installed: parsing the files and validating the same
    certificates again for every member of a list would cost ~20 ms each.
    """
    latest = q.latest_trust_bundle_id(store)
    cached = getattr(store, "_trust_anchors", None)
    if cached is not None and cached[0] == latest:
        remembered: trust.TrustAnchors = cached[1]
        return remembered
    bundles = _bundles(store)
    result = trust.TrustAnchors(
        roots=[b.root for b in bundles],
        crls=[b.crl for b in bundles],
        referentiels={r["hash"]: {"id": r["id"], "version": r["version"]} for b in bundles for r in b.referentiels},
    )
    store._trust_anchors = (latest, result)  # type: ignore[attr-defined]
    return result


def install_bundle(store: Store, raw: bytes, source: str = "<fichier>", *, new_root: bool = False) -> BundleInstalled:
    """Install or update the Ucanss's trust file; a second, different root needs `new_root=True`."""
    try:
        bundle = trust.read_bundle(raw, source)
    except trust.TrustProblem as exc:
        raise EnrolmentError(str(exc)) from None
    installed = {b.root_fingerprint: b for b in _bundles(store)}
    fp = bundle.root_fingerprint
    name = keys.subject_name(bundle.root)
    current = installed.get(fp)
    if current is None and installed and not new_root:
        raise EnrolmentError(
            f"« {source} » vient d'une autre autorité (« {name} », empreinte {fp[:16]}…) que celle installée sur ce "
            "poste : refusé. Si l'Ucanss a annoncé une nouvelle autorité, installez-la explicitement."
        )
    if current is not None and bundle.crl_number < current.crl_number:
        raise EnrolmentError(
            f"« {source} » est plus ancien (liste de révocation n° {bundle.crl_number}) que celui installé "
            f"(n° {current.crl_number}) : refusé."
        )
    already = current is not None and current.body == bundle.body
    if not already:
        with store.action("trust.install", "trust_bundles") as act:
            act.entity_id = w.add_trust_bundle(
                store,
                {
                    "root_fingerprint": fp,
                    "crl_number": bundle.crl_number,
                    "issued_at": bundle.issued_at,
                    "bundle_json": json.dumps({"bundle": bundle.body, "signature": json.loads(raw)["signature"]}, ensure_ascii=False),
                    "imported_at": store.now(),
                },
            )
            act.details = {"root_fingerprint": fp, "crl_number": bundle.crl_number, "referentiels": len(bundle.referentiels)}
    return BundleInstalled(fp, name, bundle.crl_number, len(bundle.referentiels), current is None, already)


# --------------------------------------------------------------------------------------------------
# Enrolment


def _member(store: Store, member_id: int) -> dict[str, Any]:
    row = q.member_with_organisme(store, member_id)
    if row is None:
        raise EnrolmentError(f"Membre du jury n° {member_id} introuvable.")
    return row


def signer_info(store: Store, member_id: int) -> tuple[keys.SignerInfo, str]:
    m = _member(store, member_id)
    return keys.SignerInfo(m["last_name"], m["first_name"], m["role"], m["organisme_name"], m["branche"]), m["uuid"]


def request_certificate(store: Store, member_id: int, passphrase: str) -> bytes:
    """Make the member's key here and return the certificate request (PEM) to send to the Ucanss."""
    info, member_uuid = signer_info(store, member_id)
    request = keys.make_request(info, member_uuid, passphrase)
    with store.action("certificate.request", "certificate_requests", str(member_id)) as act:
        act.entity_id = w.add_certificate_request(
            store,
            {
                "member_id": member_id,
                "encrypted_key_pem": request.encrypted_key_pem,
                "request_pem": request.request_pem,
                "created_at": store.now(),
            },
        )
        act.details = {"member_id": member_id}
    return request.request_pem


def pending_request(store: Store, member_id: int) -> dict[str, Any] | None:
    """The member's latest request not yet answered by an installed certificate."""
    rows = q.certificate_requests(store, member_id)[:1]
    if not rows:
        return None
    identity = store.signing_identity(member_id)
    if identity is not None and bytes(identity["encrypted_key_pem"]) == bytes(rows[0]["encrypted_key_pem"]):
        return None
    return rows[0]


def install_certificate(store: Store, certificate_pem: bytes, source: str = "<certificat>") -> int:
    """Install the certificate the Ucanss issued for a request made here; return the member's id."""
    try:
        certificate = keys.load_certificate(certificate_pem)
    except keys.KeyProblem:
        raise EnrolmentError(f"« {source} » : certificat illisible.") from None
    said = trust.describe_certificate(certificate)
    found = q.member_with_uuid(store, said.member_uuid or "")
    if found is None:
        raise EnrolmentError(f"« {source} » : ce certificat ne désigne aucun membre du jury de ce poste.")
    member_id = found
    member = _member(store, member_id)
    try:
        trust_anchors = anchors(store)
        trust_anchors.check(certificate, None, member["role"])
    except trust.TrustProblem as exc:
        raise EnrolmentError(f"« {source} » : {exc}.") from None
    requests = q.certificate_requests(store, member_id)
    match = next(
        (r for r in requests if keys.same_public_key(certificate, keys.load_request(bytes(r["request_pem"])))), None
    )
    if match is None:
        raise EnrolmentError(
            f"« {source} » : ce certificat ne correspond à aucune demande faite sur ce poste pour "
            f"{person_name(member['first_name'], member['last_name'])} (clé différente)."
        )
    pem = trust.pem(certificate)
    store.add_signing_identity(member_id, keys.KeyMaterial(bytes(match["encrypted_key_pem"]), pem), "generated")
    return member_id


# --------------------------------------------------------------------------------------------------
# Who may sign


def identity_problem(store: Store, member_id: int, role: str, moment: dt.datetime | None = None) -> str | None:
    """Why the member may not sign in `role` now (French), or None when their certificate is trusted."""
    identity = store.signing_identity(member_id)
    member = _member(store, member_id)
    name = person_name(member['first_name'], member['last_name'])
    if identity is None:
        if pending_request(store, member_id) is not None:
            return f"{name} : demande de certificat envoyée, certificat de l'Ucanss pas encore installé"
        return f"{name} n'a pas d'identité de signature certifiée par l'Ucanss sur ce poste"
    certificate = keys.load_certificate(bytes(identity["certificate_pem"]))
    # the end of the current minute (never earlier than now: a revocation made a second ago counts), so a
    # list of members refreshed within the minute reuses each validation
    moment = moment or dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    try:
        signer = anchors(store).check(certificate, moment, role)
    except trust.TrustProblem as exc:
        return f"{name} ne peut pas signer : {exc}"
    if signer.member_uuid != member["uuid"]:
        return f"{name} ne peut pas signer : le certificat désigne un autre membre du jury"
    return None


def require_certified(store: Store, member_id: int, role: str) -> None:
    problem = identity_problem(store, member_id, role)
    if problem is not None:
        raise EnrolmentError(problem + ".")


# --------------------------------------------------------------------------------------------------
# Files the Ucanss sends back (acknowledgments, proclaimed results)


class UcanssSignatureProblem(Exception):
    """Why a file said to come from the Ucanss is refused: `kind` is unsigned, unreadable, altered or foreign."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(kind)
        self.kind, self.detail = kind, detail


def ucanss_signer(store: Store, document: dict[str, Any], body: dict[str, Any]) -> str:
    """The signer's name when `document` carries a signature over the canonical `body` made with a key the
    installed Ucanss root certified for the role "ucanss"; UcanssSignatureProblem otherwise."""
    import base64
    import binascii

    from cqp_desktop.core.common.canonical import canonical_json

    signature, pem = document.get("signature"), document.get("certificate")
    if not signature or not pem:
        raise UcanssSignatureProblem("unsigned")
    try:
        certificate = keys.load_certificate(str(pem).encode("ascii"))
        raw_signature = base64.b64decode(str(signature), validate=True)
    except (keys.KeyProblem, binascii.Error, ValueError, UnicodeEncodeError):
        raise UcanssSignatureProblem("unreadable") from None
    if not keys.verify(certificate, canonical_json(body), raw_signature):
        raise UcanssSignatureProblem("altered")
    try:
        return anchors(store).check(certificate, None, "ucanss").name
    except trust.TrustProblem as exc:
        raise UcanssSignatureProblem("foreign", str(exc)) from None


def require_ucanss_signer(
    store: Store, document: dict[str, Any], body: dict[str, Any], source: str,
    refusals: dict[str, str], error: type[Exception],
) -> str:
    """`ucanss_signer`, its problem raised as `error` « source » : wording, the wording being the caller's for
    each kind of problem ('unsigned', 'unreadable', 'altered', 'foreign' with {detail})."""
    try:
        return ucanss_signer(store, document, body)
    except UcanssSignatureProblem as exc:
        raise error(f"« {source} » : " + refusals[exc.kind].format(detail=exc.detail) + ".") from None
