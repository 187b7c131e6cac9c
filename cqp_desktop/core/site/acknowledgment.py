"""Ucanss' acknowledgment of a session package, and what the site may do once it holds it. Qt-free.

At Ucanss, `national import` writes one acknowledgment per package: a small JSON file bound to the
package by the SHA-256 of its manifest, naming every candidate and every épreuve (with the hash of its
avis in force) it received, and signed with the Ucanss service key that the Ucanss authority certified
(role "ucanss", core/exchange/trust.py). On the site, `ack import` accepts it only if that signature chains to
the installed Ucanss root, and if it names exactly a package this machine exported for the session —
same manifest hash, same candidates, same épreuves and avis versions (the export is journalled with
them). An unsigned acknowledgment, or one signed by any other key, is refused. From then on the session
counts as synchronised — as long as nothing changed since (the revision must match). Only then may the
jury purge the candidates' personal data (`purge_personal_data`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.exchange.package_format import sha256_hex
from cqp_desktop.core.exchange.ucanss_files import (
    ACK_FORMAT,
    ACK_MAGIC,
)
from cqp_desktop.core.site.package_export import session_epreuve_ids, session_revision
from cqp_desktop.core.site.purge import PURGED_NAME, token
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store

__all__ = ["PURGED_NAME"]  # the GUI and tests read it from here



class AckError(Exception):
    """An acknowledgment or purge the site must refuse; the message is French."""


@dataclass(frozen=True)
class AckResult:
    session_id: int
    session_label: str
    revision: int
    signed_by: str | None
    already: bool
    synchronised: bool


def import_acknowledgment(store: Store, raw: bytes, source: str = "<accusé>") -> AckResult:
    """Check an acknowledgment against this site's exports and record it (idempotent)."""
    from cqp_desktop.core.common import input_files

    try:
        document = input_files.parse_json(raw.decode("utf-8"), source, "Accusé")  # bounded nesting and integers
        body = document["acknowledgment"]
        if body.get("magic") != ACK_MAGIC:
            raise KeyError("magic")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, input_files.InputError):
        raise AckError(f"« {source} » n'est pas un accusé de réception cqp-desktop.") from None
    if not isinstance(body.get("format"), int) or body["format"] > ACK_FORMAT:
        raise AckError(f"« {source} » : format d'accusé {body.get('format')} non pris en charge par cette version.")
    try:
        uuid, revision, digest = str(body["session_uuid"]), int(body["revision"]), str(body["manifest_sha256"])
    except (KeyError, TypeError, ValueError):
        raise AckError(f"« {source} » : accusé incomplet (session, révision ou empreinte manquante).") from None
    signed_by = _check_signature(store, document, body, source)
    row = q.session_with_uuid(store, uuid)
    if row is None:
        raise AckError(f"« {source} » : la session {uuid} n'existe pas sur ce poste (accusé destiné à un autre site ?).")
    session_id, label = row
    exported = q.session_exports(store, session_id)
    export = next((d for d in exported if d.get("manifest_sha256") == digest and d.get("revision") == revision), None)
    if export is None:
        raise AckError(
            f"« {source} » : cet accusé ne correspond à aucun paquet exporté depuis ce poste pour la session "
            f"« {label} » (empreinte de manifeste inconnue) : refusé."
        )
    _same_content(body, export, source)
    ack_sha256 = sha256_hex(canonical_json(body))
    already = q.acknowledgment_known(store, ack_sha256)
    if not already:
        with store.action("package.acknowledged", "session_sync") as act:
            act.entity_id = w.add_acknowledgment(
                store,
                {
                    "session_id": session_id,
                    "revision": revision,
                    "manifest_sha256": digest,
                    "ack_sha256": ack_sha256,
                    "ack_json": json.dumps(document, ensure_ascii=False, sort_keys=True),
                    "acknowledged_at": str(body.get("received_at", "")),
                    "imported_at": store.now(),
                },
            )
            act.details = {"session_id": session_id, "revision": revision, "manifest_sha256": digest, "signed": bool(signed_by)}
    return AckResult(session_id, label, revision, signed_by, already, is_synchronised(store, session_id))


_REFUSALS = {
    "unsigned": "accusé non signé par l'Ucanss : refusé (aucune purge possible)",
    "unreadable": "signature ou certificat de l'accusé illisible",
    "altered": "signature de l'accusé invalide (accusé modifié) : refusé",
    "foreign": "accusé refusé, son signataire n'est pas l'Ucanss : {detail}",
}


def _check_signature(store: Store, document: dict[str, Any], body: dict[str, Any], source: str) -> str:
    """The Ucanss service signature, chained to the installed root; the signer's name, or AckError."""
    from cqp_desktop.core.site import site_trust

    return site_trust.require_ucanss_signer(store, document, body, source, _REFUSALS, AckError)


def _same_content(body: dict[str, Any], export: dict[str, Any], source: str) -> None:
    """The acknowledgment must name exactly what the export held: candidates, épreuves, avis versions."""
    if "candidates" not in export or "epreuves" not in export:
        raise AckError(f"« {source} » : l'export accusé date d'une version sans liste de contenu : ré-exportez la session.")
    if sorted(token(str(c)) for c in body.get("candidates") or []) != sorted(export["candidates"]):
        raise AckError(
            f"« {source} » : l'accusé ne nomme pas exactement les candidats exportés "
            f"({len(body.get('candidates') or [])} au lieu de {len(export['candidates'])}) : refusé, aucune purge possible."
        )
    named = body.get("epreuves")
    expected = sorted(canonical_json(e) for e in export["epreuves"])
    if not isinstance(named, list) or sorted(canonical_json(e) for e in named) != expected:
        raise AckError(
            f"« {source} » : l'accusé ne nomme pas exactement les épreuves et versions d'avis exportées : refusé, "
            "aucune purge possible."
        )


def sync_state(store: Store, session_id: int) -> tuple[int | None, int]:
    """(latest acknowledged revision or None, current revision of the session)."""
    return q.acknowledged_revision(store, session_id), session_revision(store, session_id)


def is_synchronised(store: Store, session_id: int) -> bool:
    """Ucanss acknowledged a package holding everything the session holds now."""
    acknowledged, current = sync_state(store, session_id)
    return acknowledged is not None and acknowledged == current


def purge_personal_data(store: Store, session_id: int, actor: str = "", *, data_dir: Path | None = None) -> list[int]:
    """Erase the personal data of the session's candidates once Ucanss holds the session; return the ids.

    Refused unless synchronised. A candidate who also sits in a session not yet synchronised keeps
    their data until that one is acknowledged too. What is erased, and how the files forget it, is
    core/site/purge.py; `data_dir` (default: the database's folder) is where older backups are replaced.
    """
    from cqp_desktop.core.site import purge

    label = q.session_label(store, session_id)
    if label is None:
        raise AckError(f"Session n° {session_id} introuvable.")
    blocker = sync_blocker(label, *sync_state(store, session_id))
    if blocker:
        raise AckError(f"{blocker} Aucune donnée n'a été effacée.")
    candidates = q.session_candidate_ids(store, session_id)
    exported = {store.epreuve(i)["candidate_id"] for i in session_epreuve_ids(store, session_id)}
    purgeable = []
    for cid in candidates:
        if cid not in exported:
            continue  # only pre-positionnement here: never sent to Ucanss, nothing acknowledged
        others = q.other_certifying_sessions(store, cid, session_id)
        if all(is_synchronised(store, other) for other in others):
            purgeable.append(cid)
    already = q.purged_candidate_ids(store)
    purge.zero_freed_pages(store)
    purge.erase(store, session_id, [c for c in purgeable if c not in already], actor)
    problem = purge.forget_on_disk(store, data_dir if data_dir is not None else _data_dir(store))
    if problem:
        raise AckError(f"Noms effacés de la base, mais {problem}")
    return purgeable


def _data_dir(store: Store) -> Path | None:
    from cqp_desktop.core.storage.backup import BackupError, data_dir_of

    try:
        return data_dir_of(store)
    except BackupError:
        return None


@dataclass(frozen=True)
class SessionState:
    """Where a session stands on its way to Ucanss (what `package sessions` and the GUI show)."""

    id: int
    label: str
    month: str
    epreuves: int  # certifying épreuves
    signed: int  # with a signed avis
    revision: int
    exported_revision: int | None
    acknowledged_revision: int | None
    purged: bool

    @property
    def state(self) -> str:
        if self.purged:
            return "synchronisée, noms effacés"
        if self.acknowledged_revision is not None and self.acknowledged_revision == self.revision:
            return "synchronisée"
        if self.exported_revision is not None and self.exported_revision == self.revision:
            return "paquet exporté, en attente d'accusé"
        if self.exported_revision is not None:
            return "modifiée depuis le dernier paquet : à ré-exporter"
        if self.epreuves and self.signed == self.epreuves:
            return "prête à exporter"
        return "avis à signer"


def export_blocker(state: SessionState | None) -> str:
    """Why the session's package cannot be made yet, in French ('' when it can): the export dialog's rule;
    the export itself then names épreuve by épreuve what is missing (core/site/package_export.py)."""
    if state is None:
        return "Aucune session."
    if not state.epreuves:
        return "Aucune épreuve de certification dans cette session."
    if state.signed < state.epreuves:
        return f"{state.epreuves - state.signed} avis reste(nt) à signer avant l'export."
    return ""


def sync_blocker(label: str, acknowledged: int | None, current: int) -> str:
    """Why the session is not synchronised with the Ucanss, in French ('' when it is): personal data may be
    erased only once the Ucanss acknowledged the package holding everything the session holds now."""
    if acknowledged is None:
        return (f"Session « {label} » non synchronisée : importez d'abord l'accusé de réception de l'Ucanss "
                "(effacement possible seulement quand l'Ucanss a accusé réception du paquet).")
    if acknowledged != current:
        return (
            f"Session « {label} » modifiée depuis le dernier paquet reçu par l'Ucanss (révision {current}, "
            f"accusé pour la révision {acknowledged}) : exportez et faites accuser réception du nouveau paquet."
        )
    return ""


def purge_blocker(state: SessionState | None) -> str:
    """Why the session's personal data cannot be erased now, in French ('' when they can): the purge
    button's rule, the same as `purge_personal_data`'s."""
    if state is None or not state.epreuves:
        return "Rien à effacer."
    if state.purged:
        return "Noms déjà effacés pour cette session."
    return sync_blocker(state.label, state.acknowledged_revision, state.revision)


def session_states(store: Store) -> list[SessionState]:
    out = []
    for session_id, label, month in q.sessions(store):
        ids = session_epreuve_ids(store, session_id)
        signed = sum(1 for i in ids if q.has_signed_avis(store, i))
        exports = [int(d["revision"]) for d in q.session_exports(store, session_id) if d.get("revision") is not None]
        acknowledged, revision = sync_state(store, session_id)
        purged = bool(ids) and all(q.candidate_purged_for_epreuve(store, i) for i in ids)
        out.append(
            SessionState(session_id, label, month, len(ids), signed, revision, max(exports) if exports else None, acknowledged, purged)
        )
    return out


@dataclass(frozen=True)
class PurgeReminder:
    session_id: int
    label: str
    days: int  # since the acknowledgment that made the session synchronised


def purge_reminders(store: Store, today: dt.date, after_days: int) -> list[PurgeReminder]:
    """Synchronised sessions whose personal data are still here more than `after_days` after the
    acknowledgment (the retention rule, a setting): what the home screen and `package sessions` remind."""
    import datetime as dt

    out = []
    for state in session_states(store):
        if state.purged or state.acknowledged_revision is None or state.acknowledged_revision != state.revision:
            continue
        try:
            since = dt.datetime.fromisoformat(q.first_acknowledged_at(store, state.id, state.revision)).date()  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        days = (today - since).days
        if days >= after_days:
            out.append(PurgeReminder(state.id, state.label, days))
    return out
