"""PAdES signature of the report: verified by pyHanko and independently by poppler's pdfsig."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from cqp_desktop.core.exchange import pdf_sign
from cqp_desktop.core.exchange.keys import KeyProblem
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.signed_report import report_for_avis
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, make_epreuve, tiny_png


@pytest.fixture
def signed(store: Store, referentiel: Referentiel):
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    pdf = report_for_avis(store, avis_id)  # made and signed within the président's signature
    assert pdf is not None
    return jury, avis_id, pdf


def pdfsig(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def tamper(pdf: bytes) -> bytes:
    """Flip one byte inside the signed range (the report's own content stream area)."""
    data = bytearray(pdf)
    at = data.index(b"stream", len(data) // 3) + 20
    data[at] ^= 0x01
    return bytes(data)


def test_signed_report_verifies(store: Store, signed) -> None:
    jury, _avis_id, pdf = signed
    checks = pdf_sign.check_pdf(pdf, store)
    assert len(checks) == 1
    check = checks[0]
    assert check.ok and check.signer == "Anne DELORME" and check.field == pdf_sign.FIELD_PRESIDENT
    assert check.fingerprint == store.signing_identity(jury.president_id)["fingerprint"]
    assert pdf_sign.pdf_problems(pdf, store) == []


def test_tampered_byte_fails_verification(store: Store, signed) -> None:
    problems = pdf_sign.pdf_problems(tamper(signed[2]), store)
    assert problems and "modifié après la signature" in problems[0]


def test_unsigned_or_unreadable_pdf_is_reported(store: Store) -> None:
    assert pdf_sign.pdf_problems(b"pas un pdf")[0].startswith("Fichier PDF illisible")


def test_unknown_certificate_is_flagged(store: Store, signed, tmp_path) -> None:
    from cqp_desktop.core.storage.store import Store as S

    other = S.open(tmp_path / "other.sqlite3")
    try:
        assert any("certificat inconnu" in p for p in pdf_sign.pdf_problems(signed[2], other))
    finally:
        other.close()


def test_wrong_passphrase_gives_a_french_message_and_signs_nothing(store: Store, signed) -> None:
    jury, avis_id, pdf = signed
    with pytest.raises(KeyProblem, match="Phrase secrète incorrecte"):
        av.sign_avis(store, avis_id, jury.expert_id, "mauvaise phrase", tiny_png())
    assert report_for_avis(store, avis_id) == pdf  # no co-signed copy was kept


def test_report_of_an_unsigned_avis_is_refused(store: Store, referentiel: Referentiel) -> None:
    from cqp_desktop.core.site.report_pdf import build_epreuve_report

    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    assert pdf_sign.pdf_problems(build_epreuve_report(store, jury.epreuve_id)) == [
        "Le PDF ne porte aucune signature électronique."
    ]
    assert report_for_avis(store, avis_id) is None


def test_expert_cosignature_fills_its_frame_and_keeps_both_valid(store: Store, signed) -> None:
    from cqp_desktop.core.site import site_trust

    jury, avis_id, pdf = signed
    av.sign_avis(store, avis_id, jury.expert_id, EXPERT_PASSPHRASE, tiny_png(stroke=3))
    both = report_for_avis(store, avis_id)
    assert both is not None and both.startswith(pdf)  # an incremental update of the président's file
    checks = pdf_sign.check_pdf(both, store, site_trust.anchors(store))
    assert [c.ok for c in checks] == [True, True]
    assert {c.field: c.signer_info.role for c in checks} == {"Signature_president": "president", "Signature_expert": "expert"}


def test_no_pyhanko_warning_spam(store: Store, signed, capfd) -> None:
    pdf_sign.check_pdf(signed[2], store)
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) absent")
def test_pdfsig_reports_valid_and_detects_tampering(signed, tmp_path) -> None:
    out = pdfsig(signed[2], tmp_path)
    assert "Signature Field Name: Signature_president" in out
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    tampered = pdfsig(tamper(signed[2]), tmp_path)
    assert "Signature is Valid." not in tampered


def test_a_signature_larger_than_the_reservation_falls_back_to_pyhanko_sizing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    from reportlab.pdfgen import canvas

    from cqp_desktop.core.exchange import keys as keys_mod
    from cqp_desktop.core.exchange import pdf_sign as ps

    monkeypatch.setattr(ps, "RESERVED_BYTES", 256)  # far too small for any CMS signature
    material = keys_mod.generate(keys_mod.SignerInfo("Delorme", "Anne", "president", "Ucanss"), "phrase secrète")
    key = keys_mod.load_private_key(material.encrypted_key_pem, "phrase secrète")
    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.drawString(100, 100, "compte rendu")
    page.save()
    signed = ps.sign_pdf(buf.getvalue(), key, material.certificate_pem, field_name="Signature_president")
    assert ps.pdf_problems(signed) == []  # without a store the signer is not looked up
