"""The signed attributes of a PAdES signature, with the signing-certificate-v2 attribute made once per certificate.

pyHanko builds that attribute (a hash of the certificate, its issuer and serial number) afresh at each signature,
as a new asn1crypto tree; asn1crypto serialises a new tree again each time an enclosing structure is copied or
dumped, so that attribute alone cost ≈ 4 ms of a ≈ 13 ms signature. Here pyHanko's own provider list is used
unchanged (`CAdESSignedAttributeProviderSpec`, as pyHanko picks it for a PAdES signature), except that the
signing-certificate-v2 value is pyHanko's, computed once per certificate and re-read from its DER bytes: a parsed
value is dumped by copying its bytes. The attribute bytes are the same; only the work is not repeated.
Imported only when a PDF is signed (pyHanko is slow to import).
"""

from __future__ import annotations

from collections.abc import Iterable

from asn1crypto import tsp, x509
from pyhanko.sign import attributes
from pyhanko.sign.general import as_signing_certificate_v2
from pyhanko.sign.signers.pdf_cms import CAdESSignedAttributeProviderSpec, PdfCMSSignedAttributes


class _KnownSigningCertificate(attributes.SigningCertificateV2Provider):
    """pyHanko's signing-certificate-v2 provider, returning a value computed beforehand."""

    def __init__(self, signing_cert: x509.Certificate, value: tsp.SigningCertificateV2) -> None:
        super().__init__(signing_cert=signing_cert)
        self.value = value

    async def build_attr_value(self, dry_run: bool = False) -> tsp.SigningCertificateV2:
        return self.value


class PadesSignedAttributes(attributes.SignedAttributeProviderSpec):
    """What pyHanko signs for a PAdES-B-B signature without timestamp, for one certificate (set it as the signer's
    `signed_attr_prov_spec`; reusable for every signature made with that certificate)."""

    def __init__(self, signing_cert: x509.Certificate) -> None:
        self.signing_cert = signing_cert
        self.value = tsp.SigningCertificateV2.load(as_signing_certificate_v2(signing_cert).dump())
        # PAdES: no signing-time attribute (the time is in the signature dictionary), no CAdES extras, no timestamp
        self.pyhanko_spec = CAdESSignedAttributeProviderSpec(
            attr_settings=PdfCMSSignedAttributes(), signing_cert=signing_cert, is_pades=True, timestamper=None
        )

    def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str) -> Iterable[attributes.CMSAttributeProvider]:
        for provider in self.pyhanko_spec.signed_attr_providers(data_digest, digest_algorithm):
            if isinstance(provider, attributes.SigningCertificateV2Provider):
                yield _KnownSigningCertificate(self.signing_cert, self.value)
            else:
                yield provider
