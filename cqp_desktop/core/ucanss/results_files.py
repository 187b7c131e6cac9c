"""The results the jury paritaire national proclaimed, one signed file per site (core/exchange/ucanss_files.py):
which installation sent each session, and what each site's candidates were delivered. Qt-free."""

from __future__ import annotations

from typing import Any

from cqp_desktop.core.exchange.ucanss_files import RESULTS_FORMAT, RESULTS_MAGIC


def sites(db: Any) -> dict[str, tuple[str, str]]:
    """Session UUID → (site key, site label): which installation sent each session.

    A candidate's UUID is given by one site's database, so sessions sharing a candidate come from the same
    installation; the connected sessions form one site (two sites using the same exam-centre label stay
    apart). The label joins the exam centres its sessions name; the key adds the first session's UUID."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_session: dict[str, str] = {}
    for session_uuid, candidate_uuid in db.execute("SELECT DISTINCT session_uuid, candidate_uuid FROM epreuves"):
        find(session_uuid)
        if candidate_uuid in first_session:
            a, b = find(first_session[candidate_uuid]), find(session_uuid)
            if a != b:
                parent[max(a, b)] = min(a, b)
        else:
            first_session[candidate_uuid] = session_uuid
    labels: dict[str, set[str]] = {}
    session_labels = dict(db.execute("SELECT DISTINCT session_uuid, site FROM packages").fetchall())
    for session_uuid in parent:
        labels.setdefault(find(session_uuid), set()).add(session_labels.get(session_uuid) or "site non renseigné")
    from cqp_desktop.core.ucanss.national_documents import slug

    return {
        s: (f"{slug(' + '.join(sorted(labels[find(s)])))}-{find(s)[:8]}", " + ".join(sorted(labels[find(s)])))
        for s in parent
    }


def results_bodies(db: Any, jury_id: int | None = None) -> dict[str, dict[str, Any]]:
    """Per site (see `sites`), the proclaimed results of its candidates for a closed session, keyed by the
    site key (used in the file name)."""
    from cqp_desktop.core.ucanss import national_jury as nj

    session = nj.require_closed(db, jury_id)
    closed_at, pv_sha256 = db.execute(
        "SELECT closed_at, pv_sha256 FROM jury_closures WHERE jury_id = ?", [session.id]
    ).fetchone()
    of_session = sites(db)
    candidate_site: dict[str, tuple[str, str]] = {}
    for session_uuid, candidate_uuid in db.execute("SELECT DISTINCT session_uuid, candidate_uuid FROM epreuves"):
        candidate_site[candidate_uuid] = of_session[session_uuid]
    per_site: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in nj.session_list(db, session.id):
        d = p.decision
        assert d is not None
        entry = {
            "uuid": p.candidate.uuid,
            "decision_id": d.id,
            "outcome": d.outcome,
            "cqp": list(d.cqp),
            "ccp": [e.as_dict() for e in d.ccp],
            "ccp_held": [e.as_dict() for e in (*p.delivered_before, *d.ccp)],
            "cqp_held": sorted({*p.cqp_before, *d.cqp}),
            "proposed_ccp": list(d.proposed_ccp),
            "departs": d.departs,
            "justification": d.justification,
            "recommendations": d.recommendations,
        }
        per_site.setdefault(candidate_site[p.candidate.uuid], []).append(entry)
    return {
        key: {
            "magic": RESULTS_MAGIC,
            "format": RESULTS_FORMAT,
            "site": label,
            "jury_date": session.jury_date,
            "proclaimed_at": closed_at,
            "pv_sha256": pv_sha256,
            "candidates": sorted(entries, key=lambda e: e["uuid"]),
        }
        for (key, label), entries in sorted(per_site.items())
    }
