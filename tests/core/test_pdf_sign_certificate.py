"""The signer's certificate is prepared once per certificate (core/exchange/pdf_sign.py): consecutive signatures with it
stay whole, each verified, each carrying that certificate — and another signer's is never mixed in."""

from __future__ import annotations

import io

from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader

from cqp_desktop.core.exchange import keys, pdf_sign
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.report_pdf import build_epreuve_report
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import PASSPHRASE, make_epreuve


def _certificates(pdf: bytes) -> list[bytes]:
    (signature,) = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    return [c.chosen.dump() for c in signature.signed_data["certificates"]]


def test_consecutive_signatures_each_carry_their_own_certificate_only(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    pdf = build_epreuve_report(store, jury.epreuve_id)
    signed = []
    for member in (jury.president_id, jury.president_id, jury.other_president_id, jury.president_id):
        identity = store.signing_identity(member)
        assert identity is not None
        key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), PASSPHRASE)
        certificate = bytes(identity["certificate_pem"])
        out = pdf_sign.sign_pdf(pdf, key, certificate)
        expected = keys.load_certificate(certificate)
        checks = pdf_sign.check_pdf(out, store)
        assert [c.ok for c in checks] == [True]
        assert checks[0].fingerprint == keys.fingerprint(expected)
        assert set(_certificates(out)) == {expected.public_bytes(serialization.Encoding.DER)}  # its own, no other
        signed.append(out)
    assert len(signed) == 4


def test_signed_attributes_are_those_pyhanko_makes_for_pades(store: Store, referentiel: Referentiel) -> None:
    """The signing-certificate-v2 attribute is made once per certificate (core/exchange/pades_attributes.py): the
    signed attributes stay byte for byte those of pyHanko's own PAdES signer for the same document digest."""
    import asyncio

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    jury = make_epreuve(store, referentiel)
    pdf = build_epreuve_report(store, jury.epreuve_id)
    identity = store.signing_identity(jury.president_id)
    assert identity is not None
    key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), PASSPHRASE)
    certificate = bytes(identity["certificate_pem"])
    plain = signers.SimpleSigner(  # pyHanko's signer as it comes
        signing_cert=asn1_x509.Certificate.load(keys.load_certificate(certificate).public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        ),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )

    async def pyhanko_attributes(digest: bytes) -> bytes:
        attrs = await plain.signed_attrs(digest, "sha256", use_pades=True)
        return bytes(attrs.contents)

    for _ in range(2):  # the second signature reuses what the first one prepared
        out = pdf_sign.sign_pdf(pdf, key, certificate)
        (signature,) = PdfFileReader(io.BytesIO(out), strict=False).embedded_signatures
        assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        ours = signature.signer_info["signed_attrs"]
        assert [a["type"].native for a in ours] == ["content_type", "message_digest", "signing_certificate_v2"]
        digest = next(a for a in ours if a["type"].native == "message_digest")["values"][0].native
        assert ours.contents == asyncio.run(pyhanko_attributes(digest))  # inside SignerInfo the tag differs: the contents
        assert [c.ok for c in pdf_sign.check_pdf(out, store)] == [True]
