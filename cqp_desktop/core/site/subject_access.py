"""Everything the site holds about one candidate, for the candidate who asks (GDPR right of access). Qt-free.

Two files: a JSON document with every record that concerns them (their file, each épreuve with its
decisions, notes, timing, MDR presentation, livret 2 situations, every avis version and who signed it,
the sessions and their transmission to the Ucanss), and a PDF that says the same in French for a person.
Nothing is left out because it is awkward: the jury's notes are the candidate's data too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.formats import french_day, person_name
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


class SubjectAccessError(Exception):
    """The export cannot be made; the message is French."""


def collect(store: Store, candidate_id: int) -> dict[str, Any]:
    """The candidate's data as plain JSON-able values."""
    from cqp_desktop.core.site import avis as av
    from cqp_desktop.core.site import double_marking

    found = q.candidate(store, candidate_id)
    if found is None:
        raise SubjectAccessError(f"Candidat n° {candidate_id} introuvable sur ce poste.")
    candidate = found
    organisme = q.organisme_public(store, candidate["organisme_id"])
    epreuves = []
    for e in q.candidate_epreuves(store, candidate_id):
        eid = e["id"]
        versions = []
        for version in av.avis_versions(store, eid):
            versions.append(
                {
                    "version": version.version,
                    "jury_validated": version.jury_validated,
                    "computed_validated": version.computed_validated,
                    "justification": version.justification,
                    "comments": version.comments,
                    "preconisations": version.preconisations,
                    "amendment_reason": version.amendment_reason,
                    "signed_at": version.signed_at,
                    "signatures": [
                        {"signer": s.signer_name, "role": s.role, "signed_at": s.signed_at, "payload_sha256": s.payload_hash}
                        for s in av.signatures(store, version.id)
                    ],
                }
            )
        epreuves.append(
            {
                **{k: e[k] for k in ("id", "certification", "bloc", "route", "mode", "alternative", "planned_date", "locked_at")},
                "jury": {
                    role: av.member_name(store, e[f"{role}_id"]) for role in ("president", "expert") if e.get(f"{role}_id")
                },
                "session": q.session_public(store, e["session_id"]),
                **{table: q.journal(store, table, eid, view="public") for table in (
                    "decisions", "notes", "timer_events", "presented_competences", "vae_situations")},
                "cancellation": q.cancellation_public(store, eid),
                "avis": versions,
                # double correction: each member's own marks and notes, the reconciliation (core/site/double_marking.py)
                "double_marking": double_marking.package_data(store, eid),
            }
        )
    return {
        "format": "cqp-desktop/donnees-candidat",
        "format_version": 1,
        "exported_at": store.now(),
        "candidate": {k: v for k, v in candidate.items()},
        "organisme": organisme,
        "epreuves": epreuves,
    }


@dataclass(frozen=True)
class SubjectExport:
    json_path: Path
    pdf_path: Path
    epreuves: int


def export(store: Store, candidate_id: int, folder: Path) -> SubjectExport:
    """Write `candidat-<n>.json` and `candidat-<n>.pdf` in `folder` (atomically, owner-only), and journal it."""
    from cqp_desktop.core.common.files import write_atomic
    from cqp_desktop.core.exchange.package_format import readable_json

    data = collect(store, candidate_id)
    folder = Path(folder)
    if not folder.is_dir():
        raise SubjectAccessError(f"Dossier « {folder} » introuvable.")
    json_path, pdf_path = folder / f"candidat-{candidate_id}.json", folder / f"candidat-{candidate_id}.pdf"
    try:
        write_atomic(json_path, readable_json(data))
        write_atomic(pdf_path, _pdf(data))
    except OSError as exc:
        raise SubjectAccessError(f"Écriture impossible dans « {folder} » : {exc.strerror or exc}.") from None
    with store.action("candidate.subject_access", "candidates") as act:
        act.entity_id = candidate_id
        act.details = {"epreuves": len(data["epreuves"])}
    return SubjectExport(json_path, pdf_path, len(data["epreuves"]))


def _pdf(data: dict[str, Any]) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    from cqp_desktop.core.reports.pdf_toolkit import fr, french_date, grid, render, styles

    st = styles()
    c = data["candidate"]
    name = person_name(c['first_name'], c['last_name']).strip()
    story: list[Any] = [
        Paragraph(fr("Données détenues sur ce poste"), st.title),
        Paragraph(fr(f"{name} — CQP visé {c['cqp']}, voie {c['route']}, identifiant {c.get('uuid') or '—'}"), st.body),
        Paragraph(fr(f"Organisme : {(data['organisme'] or {}).get('name', '—')} ; extrait du {french_date(data['exported_at'])}."), st.body),
        Paragraph(
            fr("Ce document reprend, en clair, le fichier JSON joint qui contient l'intégralité des enregistrements."), st.small
        ),
        Spacer(1, 6),
    ]
    for e in data["epreuves"]:
        story.append(Paragraph(fr(f"Épreuve n° {e['id']} — bloc {e['bloc']} ({e['certification']}), {french_date(e['planned_date'])}"), st.h2))
        jury = ", ".join(f"{'président(e)' if role == 'president' else 'expert(e)'} {who}" for role, who in e["jury"].items())
        story.append(Paragraph(fr(f"Jury : {jury or '—'} ; modalité {e['mode']}."), st.body))
        if e["cancellation"]:
            story.append(Paragraph(fr(f"Épreuve annulée : {e['cancellation']['reason']}."), st.body))
        decisions: dict[str, str] = {}
        for d in e["decisions"]:
            decisions[d["criterion"]] = d["decision"]
        if decisions:
            story.append(grid([["Critère", "Décision"], *[[k, v.replace("_", " ")] for k, v in decisions.items()]], [90, 120]))
        for n in e["notes"]:
            story.append(Paragraph(fr(f"Note ({n['competence'] or 'générale'}) : {n['text']}"), st.small))
        for m in (e.get("double_marking") or {}).get("markers", []):
            who = "président(e)" if m["role"] == "president" else "expert(e)"
            for n in m["notes"]:
                story.append(Paragraph(fr(f"Note de l'{who} en double correction ({n['criterion'] or n['competence'] or 'générale'}) : {n['text']}"), st.small))
        for s in e["vae_situations"]:
            story.append(Paragraph(fr(f"Livret 2, situation {s['slot']} : {s['title']} — {s['summary']}"), st.small))
        for a in e["avis"]:
            signed = "; ".join(f"{x['signer']} ({x['role']}) le {french_date(x['signed_at'])}" for x in a["signatures"]) or "non signé"
            story.append(
                Paragraph(
                    fr(f"Avis version {a['version']} : bloc {'validé' if a['jury_validated'] else 'non validé'} ; signé par {signed}."),
                    st.body,
                )
            )
            if a["preconisations"]:
                story.append(Paragraph(fr(f"Préconisations : {a['preconisations']}"), st.small))
    return render(story, f"Données de {name}", f"cqp-desktop — données détenues sur {name} — {french_day(dt.date.today())}")


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
