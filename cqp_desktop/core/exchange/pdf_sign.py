"""PAdES signature of report PDFs with a jury member's key, and their verification (pyHanko).

The signature is appended as an incremental update (`IncrementalPdfFileWriter`): the reportlab bytes
stay as they are and any later rewrite would break the signature, which is what we want. The
président's signature field is invisible (pyHanko 0.38 mis-spaces TrueType text in visible stamps;
the drawn signature is printed in the report); it also places an empty field on the frame the report
leaves for the expert, whose co-signature fills it later with their drawn signature as an image stamp.
A signature is accepted when it is intact, cryptographically valid, covers the whole file (or only
later signatures follow it) and — when trust anchors are given — its certificate chains to the Ucanss
authority at the signing time the signature reports (core/exchange/trust.py).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization

from cqp_desktop.core.exchange import keys


class IdentityStore(Protocol):
    """What signing and checking need of a site's store (core/storage/store.py), without depending on it."""

    def signing_identity(self, member_id: int) -> Mapping[str, Any] | None: ...

    def knows_signing_certificate(self, fingerprint: str) -> bool: ...


FIELD_PRESIDENT = "Signature_president"
FIELD_EXPERT = "Signature_expert"


class PdfSignError(Exception):
    """A PDF that cannot be signed or read; the message is French."""


def quiet_pyhanko() -> None:
    """pyHanko logs a warning with a traceback for every self-signed certificate: keep only errors."""
    for name in ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign.validation", "pyhanko.sign.general"):
        logger = logging.getLogger(name)
        if logger.level != logging.ERROR:  # setting it again clears every logger's cache (for each signature)
            logger.setLevel(logging.ERROR)


RESERVED_BYTES = 4096


@lru_cache(maxsize=16)
def _certificate_parts(certificate_pem: bytes) -> tuple[Any, Any, Any]:
    """The signer's certificate as pyHanko takes it (asn1crypto form) and the signed attributes it goes with,
    made once per certificate: a président signs each of a candidate's reports in turn with the same one, and
    asn1crypto keeps what it has parsed of it. Public data only; the key is converted at each signature."""
    from asn1crypto import x509 as asn1_x509

    from cqp_desktop.core.exchange.pades_attributes import PadesSignedAttributes

    certificate = keys.load_certificate(certificate_pem)
    asn1_cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    return certificate, asn1_cert, PadesSignedAttributes(asn1_cert)


def sign_pdf(
    pdf: bytes,
    key: keys.PrivateKey,
    certificate_pem: bytes,
    *,
    field_name: str = FIELD_PRESIDENT,
    reason: str = "Avis du jury professionnel",
    location: str | None = None,
    signer_name: str | None = None,
    empty_fields: Sequence[tuple[str, int, tuple[float, float, float, float]]] = (),
    stamp_png: bytes | None = None,
) -> bytes:
    """Return `pdf` with a PAdES-B-B signature appended (incremental update).

    `empty_fields` (name, page index, box) are added unsigned first, for later co-signers; signing into
    an existing field with `stamp_png` shows that image (a drawn signature) as the field's appearance.
    """
    from asn1crypto import keys as asn1_keys
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    quiet_pyhanko()
    certificate, asn1_cert, signed_attributes = _certificate_parts(bytes(certificate_pem))
    asn1_key = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    # No certificate registry: pyHanko embeds the signing certificate itself, and a registry holding it again
    # only embedded a second copy of it (the chain to the Ucanss root is checked against the trust file).
    signer = signers.SimpleSigner(
        signing_cert=asn1_cert, signing_key=asn1_key,
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]  # pyHanko's certvalidator is untyped
    )
    signer.signed_attr_prov_spec = signed_attributes  # pyHanko's PAdES attributes, without rebuilding them each time
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=signer_name or keys.subject_name(certificate),
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    stamp_style = None
    if stamp_png is not None:
        from PIL import Image
        from pyhanko import stamp
        from pyhanko.pdf_utils.images import PdfImage

        stamp_style = stamp.StaticStampStyle(background=PdfImage(Image.open(io.BytesIO(stamp_png))), border_width=0)

    def sign(reserved: int | None) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        for name, page, box in empty_fields:
            fields.append_signature_field(
                writer, fields.SigFieldSpec(name, on_page=page, box=tuple(int(round(v)) for v in box))  # type: ignore[arg-type]
            )
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style)
        out = pdf_signer.sign_pdf(writer, bytes_reserved=reserved) if reserved else pdf_signer.sign_pdf(writer)
        signed: bytes = out.getvalue()
        return signed

    try:
        try:
            # A fixed reservation spares pyHanko a dry-run signature to size the container (~20 ms each);
            # 4 KiB holds a P-256 signature and its certificate (a larger one falls back below); every
            # reserved byte is also hashed again at each verification.
            return sign(RESERVED_BYTES)
        except Exception:  # noqa: BLE001 - e.g. an unusually large imported chain: let pyHanko size it
            return sign(None)
    except Exception as exc:  # pyHanko raises many types for a broken input
        raise PdfSignError(f"Signature du PDF impossible : {exc}") from None


def sign_pdf_as(store: IdentityStore, member_id: int, passphrase: str, pdf: bytes, **kwargs: object) -> bytes:
    """Sign with the member's stored identity; a wrong passphrase raises keys.KeyProblem (French)."""
    identity = store.signing_identity(member_id)
    if identity is None:
        raise PdfSignError("Aucune identité de signature pour ce membre du jury sur ce poste.")
    key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), passphrase)
    return sign_pdf(pdf, key, bytes(identity["certificate_pem"]), **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PdfSignatureCheck:
    field: str
    signer: str
    fingerprint: str
    intact: bool
    valid: bool
    whole_file: bool  # covers the whole file, or only signatures were appended after it
    known_signer: bool | None  # None when no store was given
    signed_at: str
    certificate: Any = None  # cryptography x509.Certificate of the signer
    trust_problem: str | None = None  # why the signer is not trusted (None: trusted, or no anchors given)
    signer_info: Any = None  # trust.CertifiedSigner when trusted

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file and self.known_signer is not False and not self.trust_problem


def check_pdf(pdf: bytes, store: IdentityStore | None = None, anchors: Any = None) -> list[PdfSignatureCheck]:
    """Validate every signature of the PDF; raise PdfSignError when the file is not a readable PDF."""
    from cryptography import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    quiet_pyhanko()
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        raise PdfSignError(f"Fichier PDF illisible : {exc}") from None
    checks: list[PdfSignatureCheck] = []
    for index, sig in enumerate(embedded):
        last = index == len(embedded) - 1
        certificate = x509.load_der_x509_certificate(sig.signer_cert.dump())
        digest = keys.fingerprint(certificate)
        try:
            # No OS trust store: self-signed jury certificates are checked by fingerprint below.
            status = validate_pdf_signature(sig, signer_validation_context=ValidationContext(trust_roots=[]))
            intact, valid = bool(status.intact), bool(status.valid)
            if last:
                whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
            else:  # an earlier signature: only later signatures/form filling may follow it
                level = status.modification_level
                whole = status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and level is not None and (
                    level <= ModificationLevel.FORM_FILLING
                )
            moment = status.signer_reported_dt.isoformat() if status.signer_reported_dt else ""
        except Exception:
            intact = valid = whole = False
            moment = ""
        trust_problem = info = None
        if anchors is not None:
            from cqp_desktop.core.exchange import trust

            try:
                info = anchors.check(certificate, trust.parse_moment(moment), None)
            except trust.TrustProblem as exc:
                trust_problem = str(exc)
        known = None
        if store is not None:
            known = store.knows_signing_certificate(digest)
        checks.append(
            PdfSignatureCheck(
                sig.field_name, keys.subject_name(certificate), digest, intact, valid, whole, known, moment,
                certificate, trust_problem, info,
            )
        )
    return checks


def pdf_problems(pdf: bytes, store: IdentityStore | None = None, anchors: Any = None) -> list[str]:
    """French problems with the PDF's signatures; [] when it carries at least one sound signature."""
    try:
        checks = check_pdf(pdf, store, anchors)
    except PdfSignError as exc:
        return [str(exc)]
    if not checks:
        return ["Le PDF ne porte aucune signature électronique."]
    return signature_problems(checks)


def signature_problems(checks: list[PdfSignatureCheck]) -> list[str]:
    """French problems found in already-checked signatures (shared by the site and `package verify`)."""
    problems = []
    for c in checks:
        who = f"signature « {c.field} » ({c.signer})"
        if not c.intact:
            problems.append(f"{who} : le document a été modifié après la signature")
        elif not c.valid:
            problems.append(f"{who} : signature cryptographique invalide")
        elif not c.whole_file:
            problems.append(f"{who} : des modifications ont été ajoutées après la signature")
        if c.known_signer is False:
            problems.append(f"{who} : certificat inconnu sur ce poste")
        if c.trust_problem:
            problems.append(f"{who} : {c.trust_problem}")
    return problems
