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
