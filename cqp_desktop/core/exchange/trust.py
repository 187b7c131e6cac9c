"""Who may sign: the Ucanss authority's certificate profile and the check of a signer against it. Qt-free.

A signature counts only when its certificate chains to a root the machine trusts (the Ucanss jury
certification authority, installed on a site from a trust bundle, held by the Ucanss itself), was valid
at the signing moment, is not revoked, and carries the role it signs in. A certificate a package or an
acknowledgment carries is only a candidate: it proves nothing until it passes `TrustAnchors.check`.

Chain building, validity periods and revocation (the authority's CRL, point-in-time) are pyHanko's
certvalidator's job; this module only states the profile (roles as certificate-policy OIDs, the jury
member's stable identifier as the subject's UID) and reads it back from a validated certificate.

Roles: a président signs as président, an expert as expert, and the Ucanss' service key signs
acknowledgments. A certificate revoked for key compromise invalidates every signature it made, whatever
the date the laptop recorded; for any other reason (the member left, a new key) signatures made before
the revocation stay valid.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from cqp_desktop.core.common.formats import french_day, person_name
from cqp_desktop.core.exchange import keys

# A private arc (ITU-T X.667 UUID-based OID, 2.25.<uuid as integer>) for cqp-desktop's policies.
POLICY_ARC = "2.25.218072439061624453917395733611396145152"
ROLE_OIDS = {
    "president": x509.ObjectIdentifier(f"{POLICY_ARC}.1.1"),
    "expert": x509.ObjectIdentifier(f"{POLICY_ARC}.1.2"),
    "ucanss": x509.ObjectIdentifier(f"{POLICY_ARC}.1.3"),
}
ROLE_LABELS = {"president": "président(e) du jury", "expert": "expert(e) métier", "ucanss": "service Ucanss (accusés)"}
ROLE_TITLES = {"president": "Président du jury", "expert": "Expert métier", "ucanss": "Ucanss - accusés de réception"}

BUNDLE_MAGIC = "cqp-desktop/trust-bundle"
BUNDLE_FORMAT = 1


class TrustProblem(Exception):
    """A signer or a trust file that must be refused; the message is French and names the reason."""


@dataclass(frozen=True)
class CertifiedSigner:
    """What a validated certificate says about its holder."""

    fingerprint: str
    serial: int
    role: str
    member_uuid: str | None
    last_name: str
    first_name: str
    organisme: str
    not_after: dt.datetime
    issuer: str

    @property
    def name(self) -> str:
        return person_name(self.first_name, self.last_name).strip()

    def describe(self) -> str:
        return (
            f"{self.name}, {ROLE_LABELS.get(self.role, self.role)}, certificat {self.fingerprint[:16]}… "
            f"(n° de série {self.serial:x}, émis par {self.issuer})"
        )


# --------------------------------------------------------------------------------------------------
# The profile


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def certificate_role(certificate: x509.Certificate) -> str | None:
    """The cqp-desktop role a certificate's policies grant, or None (a certificate of another profile)."""
    try:
        policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies).value
    except x509.ExtensionNotFound:
        return None
    granted = {p.policy_identifier for p in policies}
    roles = [role for role, oid in ROLE_OIDS.items() if oid in granted]
    return roles[0] if len(roles) == 1 else None


def describe_certificate(certificate: x509.Certificate) -> CertifiedSigner:
    """The holder as the certificate names them (not a trust decision: see TrustAnchors.check)."""
    subject = certificate.subject
    return CertifiedSigner(
        fingerprint=keys.fingerprint(certificate),
        serial=certificate.serial_number,
        role=certificate_role(certificate) or "",
        member_uuid=_attribute(subject, NameOID.USER_ID) or None,
        last_name=_attribute(subject, NameOID.SURNAME),
        first_name=_attribute(subject, NameOID.GIVEN_NAME),
        organisme=_attribute(subject, NameOID.ORGANIZATION_NAME),
        not_after=certificate.not_valid_after_utc,
        issuer=_attribute(certificate.issuer, NameOID.COMMON_NAME) or certificate.issuer.rfc4514_string(),
    )


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def parse_moment(value: str | None) -> dt.datetime | None:
    """An ISO timestamp as recorded by the site (UTC when no offset), or None when absent/unreadable."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# --------------------------------------------------------------------------------------------------
# Trust anchors and the check


def _anchors_from_der(roots: list[bytes], crls: list[bytes], referentiels: dict[str, dict[str, Any]]) -> TrustAnchors:
    return TrustAnchors(
        roots=[x509.load_der_x509_certificate(r) for r in roots],
        crls=[x509.load_der_x509_crl(c) for c in crls],
        referentiels=referentiels,
    )


@dataclass
class TrustAnchors:
    """The roots a machine trusts, their revocation lists, and the référentiels the Ucanss published."""

    roots: list[x509.Certificate] = field(default_factory=list)
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
    referentiels: dict[str, dict[str, Any]] = field(default_factory=dict)  # hash → {id, version}
    _cache: dict[tuple[str, str, str], CertifiedSigner | str] = field(default_factory=dict, repr=False)
    # (fingerprint, role) → (earliest, latest) moments validated: a certificate's good period is one
    # interval (validity ∩ before any revocation), so every moment between two good ones is good too.
    _good: dict[tuple[str, str], tuple[dt.datetime, dt.datetime, CertifiedSigner]] = field(default_factory=dict, repr=False)

    @property
    def empty(self) -> bool:
        return not self.roots

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to the national import's worker processes as DER bytes (cryptography objects do not pickle);
        the caches start empty there."""
        der = serialization.Encoding.DER
        return (_anchors_from_der, ([r.public_bytes(der) for r in self.roots], [c.public_bytes(der) for c in self.crls],
                                    dict(self.referentiels)))

    def root_fingerprints(self) -> set[str]:
        return {keys.fingerprint(r) for r in self.roots}

    def _context(self, moment: dt.datetime) -> Any:
        from asn1crypto import crl as asn1_crl
        from asn1crypto import x509 as asn1_x509
        from pyhanko_certvalidator import ValidationContext

        return ValidationContext(
            trust_roots=[asn1_x509.Certificate.load(r.public_bytes(serialization.Encoding.DER)) for r in self.roots],
            crls=[asn1_crl.CertificateList.load(c.public_bytes(serialization.Encoding.DER)) for c in self.crls],
            allow_fetching=False,
            moment=moment,
            revocation_mode="require",  # no CRL from the authority = no trust: the site must install one
            retroactive_revinfo=True,  # the CRL at hand speaks for the signing moment, even if issued later
        )

    def validation_context(self, moment: dt.datetime) -> Any:
        """A pyHanko ValidationContext for PDF signatures checked at `moment`."""
        return self._context(moment)

    def check(self, certificate: x509.Certificate, moment: dt.datetime | None, role: str | None = None) -> CertifiedSigner:
        """The signer, if `certificate` chains to a trusted root, was valid at `moment`, is not revoked
        (see the module docstring) and grants `role`; otherwise TrustProblem with the French reason."""
        moment = moment or dt.datetime.now(dt.UTC)
        fp = keys.fingerprint(certificate)
        good = self._good.get((fp, role or ""))
        if good is not None and good[0] <= moment <= good[1]:
            return good[2]
        key = (fp, moment.isoformat(), role or "")
        cached = self._cache.get(key)
        if cached is None:
            try:
                cached = self._check(certificate, moment, role)
            except TrustProblem as exc:
                cached = str(exc)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = cached
        if isinstance(cached, str):
            raise TrustProblem(cached)
        lo, hi = (moment, moment) if good is None else (min(good[0], moment), max(good[1], moment))
        if good is None or moment > good[1]:
            hi = max(hi, self._probe_end(certificate, role, hi))
        self._good[(fp, role or "")] = (lo, hi, cached)
        return cached

    def _probe_end(self, certificate: x509.Certificate, role: str | None, hi: dt.datetime) -> dt.datetime:
        """The latest moment the certificate can be good at, if a full validation there succeeds; else `hi`.

        Signatures of one site come in increasing moments: without this, each new package validated its
        signers again at a moment just past the good interval. The candidate end is the earliest of the
        certificate's and its root's expiry, the next update of its issuer's revocation lists and one
        second before its revocation, if any; it counts only once `_check` (chain, validity, CRL, role)
        accepted it there — the good period being one interval, every moment in between is then good."""
        ends = [certificate.not_valid_after_utc]
        ends += [r.not_valid_after_utc for r in self.roots if r.subject == certificate.issuer]
        for crl in self.crls:
            if crl.issuer != certificate.issuer:
                continue
            if crl.next_update_utc is not None:
                ends.append(crl.next_update_utc)
            entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if entry is not None:
                ends.append(entry.revocation_date_utc - dt.timedelta(seconds=1))
        end = min(ends)
        if end <= hi:
            return hi
        try:
            self._check(certificate, end, role)
        except TrustProblem:
            return hi
        return end

    def check_all(self, uses: Iterable[tuple[x509.Certificate, dt.datetime | None, str | None]]) -> None:
        """Validate each certificate at the earliest and latest moment it is used (two validations per
        certificate instead of one per signature); failures are left for the individual `check` calls."""
        spans: dict[tuple[str, str], tuple[x509.Certificate, dt.datetime, dt.datetime, str | None]] = {}
        for certificate, moment, role in uses:
            moment = moment or dt.datetime.now(dt.UTC)
            key = (keys.fingerprint(certificate), role or "")
            _, lo, hi, _ = spans.get(key, (certificate, moment, moment, role))
            spans[key] = (certificate, min(lo, moment), max(hi, moment), role)
        for certificate, lo, hi, role in spans.values():
            try:
                self.check(certificate, lo, role)
                self.check(certificate, hi, role)
            except TrustProblem:
                continue

    def _check(self, certificate: x509.Certificate, moment: dt.datetime, role: str | None) -> CertifiedSigner:
        from asn1crypto import x509 as asn1_x509
        from pyhanko_certvalidator import CertificateValidator
        from pyhanko_certvalidator.errors import (
            ExpiredError,
            InsufficientRevinfoError,
            InvalidCertificateError,
            NotYetValidError,
            PathBuildingError,
            PathValidationError,
            RevokedError,
        )

        signer = describe_certificate(certificate)
        who = f"certificat de « {keys.subject_name(certificate)} » ({signer.fingerprint[:16]}…)"
        if self.empty:
            raise TrustProblem(f"{who} : aucune autorité de certification Ucanss installée sur ce poste")
        if keys.fingerprint(certificate) in self.root_fingerprints():
            raise TrustProblem(f"{who} : le certificat racine de l'autorité ne signe pas de documents")
        compromised = self._compromised(certificate)
        if compromised is not None:
            raise TrustProblem(f"{who} : révoqué pour compromission de la clé le {french_day(compromised)}")
        validator = CertificateValidator(
            asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
            validation_context=self._context(moment),
        )
        when = f"{moment:%d/%m/%Y %H:%M} UTC"
        try:
            asyncio.run(validator.async_validate_usage({"digital_signature"}))  # type: ignore[no-untyped-call]  # pyHanko's certvalidator is untyped
        except RevokedError:
            raise TrustProblem(f"{who} : révoqué par l'Ucanss avant la signature ({when})") from None
        except ExpiredError:
            raise TrustProblem(f"{who} : expiré à la date de signature ({when})") from None
        except NotYetValidError:
            raise TrustProblem(f"{who} : pas encore valide à la date de signature ({when})") from None
        except InsufficientRevinfoError:
            raise TrustProblem(f"{who} : liste de révocation de l'Ucanss absente : installez-la") from None
        except (PathBuildingError, InvalidCertificateError):
            raise TrustProblem(f"{who} : non délivré par une autorité Ucanss reconnue (certificat auto-signé ou étranger)") from None
        except PathValidationError:
            raise TrustProblem(f"{who} : chaîne de certification invalide (certificat falsifié ?)") from None
        except Exception as exc:  # noqa: BLE001 - certvalidator raises many types on malformed input
            raise TrustProblem(f"{who} : vérification impossible ({type(exc).__name__})") from None
        if not signer.role:
            raise TrustProblem(f"{who} : ce certificat n'accorde aucun rôle de jury cqp-desktop")
        if role is not None and signer.role != role:
            raise TrustProblem(
                f"{who} : certifié comme {ROLE_LABELS.get(signer.role, signer.role)}, "
                f"il ne peut pas signer comme {ROLE_LABELS.get(role, role)}"
            )
        return signer

    def _compromised(self, certificate: x509.Certificate) -> dt.datetime | None:
        for crl in self.crls:
            if crl.issuer != certificate.issuer:
                continue
            entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if entry is None:
                continue
            try:
                reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
            except x509.ExtensionNotFound:
                continue
            if reason == x509.ReasonFlags.key_compromise:
                return entry.revocation_date_utc
        return None


# --------------------------------------------------------------------------------------------------
# Trust bundles: what the Ucanss publishes for the sites


def bundle_body(
    root: x509.Certificate, crl: x509.CertificateRevocationList, referentiels: Iterable[dict[str, Any]], issued_at: str
) -> dict[str, Any]:
    return {
        "magic": BUNDLE_MAGIC,
        "format": BUNDLE_FORMAT,
        "root": pem(root).decode("ascii"),
        "crl": crl.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "referentiels": sorted(
            ({"id": r["id"], "version": r["version"], "hash": r["hash"]} for r in referentiels), key=lambda r: r["hash"]
        ),
        "issued_at": issued_at,
    }


def canonical(data: Any) -> bytes:
    from cqp_desktop.core.common.canonical import canonical_json

    return canonical_json(data)


@dataclass(frozen=True)
class Bundle:
    root: x509.Certificate
    crl: x509.CertificateRevocationList
    crl_number: int
    referentiels: list[dict[str, Any]]
    issued_at: str
    body: dict[str, Any]

    @property
    def root_fingerprint(self) -> str:
        return keys.fingerprint(self.root)


def read_bundle(raw: bytes, source: str = "<fichier>") -> Bundle:
    """Parse and check a trust bundle: its root signs both the CRL and the body. TrustProblem otherwise."""
    from cqp_desktop.core.common import input_files

    try:
        document = input_files.parse_json(raw.decode("utf-8"), source, "Fichier de confiance")  # bounded nesting
        body = document["bundle"]
        signature = base64.b64decode(str(document["signature"]), validate=True)
        if not isinstance(body, dict) or body.get("magic") != BUNDLE_MAGIC:
            raise KeyError("magic")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, input_files.InputError):
        raise TrustProblem(f"« {source} » n'est pas un fichier de confiance Ucanss cqp-desktop.") from None
    if body.get("format") != BUNDLE_FORMAT:
        raise TrustProblem(f"« {source} » : format {body.get('format')!r} non pris en charge par cette version.")
    try:
        root = x509.load_pem_x509_certificate(str(body["root"]).encode("ascii"))
        crl = x509.load_pem_x509_crl(str(body["crl"]).encode("ascii"))
        referentiels = [
            {"id": str(r["id"]), "version": str(r["version"]), "hash": str(r["hash"])} for r in body["referentiels"]
        ]
        issued_at = str(body["issued_at"])
    except (KeyError, TypeError, ValueError, UnicodeEncodeError):
        raise TrustProblem(f"« {source} » : contenu illisible (certificat racine, liste de révocation ou référentiels).") from None
    try:
        constraints = root.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or not constraints.ca:
        raise TrustProblem(f"« {source} » : le certificat racine n'est pas un certificat d'autorité.")
    if root.issuer != root.subject or not keys.issued_by(root, root):
        raise TrustProblem(f"« {source} » : le certificat racine n'est pas auto-signé correctement.")
    if crl.issuer != root.subject or not crl.is_signature_valid(root.public_key()):  # type: ignore[arg-type]
        raise TrustProblem(f"« {source} » : la liste de révocation n'est pas signée par l'autorité du fichier.")
    if not keys.verify(root, canonical(body), signature):
        raise TrustProblem(f"« {source} » : signature de l'autorité invalide (fichier modifié) : refusé.")
    try:
        number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        number = 0
    return Bundle(root, crl, number, referentiels, issued_at, body)


def bundle_file(body: dict[str, Any], signature: bytes) -> bytes:
    from cqp_desktop.core.exchange.package_format import readable_json

    return readable_json({"bundle": body, "signature": base64.b64encode(signature).decode("ascii")})
