"""The signed compte rendu of an épreuve: made and PAdES-signed by its président at signing, then
co-signed by its expert in the frame the report leaves for them. Qt-free.

Both steps run inside the avis signature's own transaction (core/site/avis.py): an avis is never signed
without its report, and each épreuve's PDF carries its own jury's signatures — never those of whoever
later exports the session.
"""

from __future__ import annotations

from typing import Any

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def president_report(store: Store, avis_id: int, member_id: int, key: keys.PrivateKey, certificate_pem: bytes) -> bytes:
    """The report of a signed avis, built and PAdES-signed by its président, with the expert's frame as an
    empty signature field (nothing stored: see `sign_as_president`)."""
    from cqp_desktop.core.exchange import pdf_sign
    from cqp_desktop.core.site import avis as av
    from cqp_desktop.core.site import report_pdf

    avis = av.get_avis(store, avis_id)
    boxes: dict[str, Any] = {}
    name = av.member_name(store, member_id)
    pdf = report_pdf.build_epreuve_report(
        store, avis.epreuve_id, avis_id, pdf_signer=f"{name}, président(e) du jury", field_boxes=boxes
    )
    empty = [(pdf_sign.FIELD_EXPERT, *boxes["expert"])] if "expert" in boxes else []
    return pdf_sign.sign_pdf(
        pdf, key, certificate_pem, reason=f"Avis du jury professionnel (version {avis.version})", empty_fields=empty
    )


def sign_as_president(store: Store, avis_id: int, member_id: int, key: keys.PrivateKey, certificate_pem: bytes) -> bytes:
    """Build the report of the avis just signed, sign it and keep it (call inside the signing transaction)."""
    from cqp_desktop.core.site import avis as av

    avis = av.get_avis(store, avis_id)
    signed = president_report(store, avis_id, member_id, key, certificate_pem)
    w.add_signed_pdf(
        store,
        {
            "epreuve_id": avis.epreuve_id,
            "avis_id": avis_id,
            "signer_id": member_id,
            "sha256": _sha256(signed),
            "pdf": signed,
            "created_at": store.now(),
        },
    )
    return signed


def cosign(store: Store, avis_id: int, member_id: int, key: keys.PrivateKey, certificate_pem: bytes, drawn_png: bytes) -> bytes | None:
    """Add the expert's signature to the président's signed report (inside the co-signing transaction).

    None when the avis has no signed report (signed before reports were made at signing time).
    """
    from cqp_desktop.core.exchange import pdf_sign

    pdf = report_for_avis(store, avis_id)
    if pdf is None:
        return None
    signed = pdf_sign.sign_pdf(
        pdf,
        key,
        certificate_pem,
        field_name=pdf_sign.FIELD_EXPERT,
        reason="Contreseing de l'expert(e) métier",
        stamp_png=drawn_png,
    )
    w.add_cosigned_pdf(
        store,
        {"avis_id": avis_id, "signer_id": member_id, "sha256": _sha256(signed), "pdf": signed, "created_at": store.now()},
    )
    return signed


def report_for_avis(store: Store, avis_id: int) -> bytes | None:
    """The latest signed report of this avis version: co-signed if the expert signed, else the président's."""
    return q.signed_report_pdf(store, avis_id)


def report_in_force(store: Store, epreuve_id: int) -> bytes | None:
    """The signed report of the épreuve's avis in force, or None."""
    from cqp_desktop.core.site import avis as av

    current = av.signed_avis(store, epreuve_id)
    return report_for_avis(store, current.id) if current is not None else None
