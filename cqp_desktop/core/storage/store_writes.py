"""Every write to the site database made outside `Store`'s own methods, each a named statement.

Each runs inside the caller's audited action (`with store.action(...)`): `Store.writing` refuses a write
outside one, so no row is ever written without its journal entry and seal. The caller keeps the rule
(what may be written, what the journal says); this module keeps the table and column names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store


def _insert(store: Store, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = store.writing().execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


# --------------------------------------------------------------------------------------------------
# épreuves


def set_epreuve_jury(store: Store, epreuve_id: int, president_id: int | None, expert_id: int | None) -> None:
    store.writing().execute(
        "UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?", [president_id, expert_id, epreuve_id]
    )


def add_presented(store: Store, epreuve_id: int, competence: str, presented: bool) -> int:
    """One entry of the MDR presentation journal."""
    return _insert(store, "presented_competences", {
        "epreuve_id": epreuve_id, "competence": competence, "presented": int(presented), "wall_time": store.now(),
    })


def add_vae_situation(
    store: Store, epreuve_id: int, slot: int, title: str, summary: str, competences_json: str, removed: bool
) -> int:
    """One entry of the livret 2 situations journal."""
    return _insert(store, "vae_situations", {
        "epreuve_id": epreuve_id, "slot": slot, "title": title, "summary": summary, "competences": competences_json,
        "removed": int(removed), "wall_time": store.now(),
    })


# --------------------------------------------------------------------------------------------------
# avis and signatures


def add_avis(store: Store, row: dict[str, Any]) -> int:
    """A new avis version (first draft or correction of a signed one)."""
    return _insert(store, "avis", row)


def update_avis_draft(store: Store, avis_id: int, values: dict[str, Any], amendment_reason: str | None = None) -> None:
    """Rewrite an unsigned version's content (and the reason of a correction, when it is one)."""
    store.writing().execute(
        "UPDATE avis SET computed_validated = ?, jury_validated = ?, justification = ?, comments = ?, "
        "preconisations = ? WHERE id = ?",
        [values["computed_validated"], values["jury_validated"], values["justification"], values["comments"],
         values["preconisations"], avis_id],
    )
    if amendment_reason is not None:
        store.writing().execute("UPDATE avis SET amendment_reason = ? WHERE id = ?", [amendment_reason, avis_id])


def set_avis_computed(store: Store, avis_id: int, validated: bool) -> None:
    store.writing().execute("UPDATE avis SET computed_validated = ? WHERE id = ?", [int(validated), avis_id])


def mark_avis_signed(store: Store, avis_id: int, signed_at: str) -> None:
    store.writing().execute("UPDATE avis SET signed_at = ? WHERE id = ?", [signed_at, avis_id])


def add_signature(store: Store, row: dict[str, Any]) -> int:
    return _insert(store, "signatures", row)


def add_signed_pdf(store: Store, row: dict[str, Any]) -> int:
    """The président's signed report of an avis version."""
    return _insert(store, "signed_pdfs", row)


def add_cosigned_pdf(store: Store, row: dict[str, Any]) -> int:
    """The report co-signed by the expert."""
    return _insert(store, "cosigned_pdfs", row)


# --------------------------------------------------------------------------------------------------
# trust and exchanges with the Ucanss


def add_trust_bundle(store: Store, row: dict[str, Any]) -> int:
    return _insert(store, "trust_bundles", row)


def add_certificate_request(store: Store, row: dict[str, Any]) -> int:
    return _insert(store, "certificate_requests", row)


def add_acknowledgment(store: Store, row: dict[str, Any]) -> int:
    """An acknowledgment of receipt of a session package from the Ucanss."""
    return _insert(store, "session_sync", row)


def add_proclaimed_result(store: Store, row: dict[str, Any]) -> int:
    """A candidate's result as the jury paritaire national proclaimed it (a signed results file)."""
    return _insert(store, "proclaimed_results", row)
