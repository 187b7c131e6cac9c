"""The proclaimed results the Ucanss sends back to each site, and their import on the site. Qt-free.

After the jury paritaire national closed its deliberation, `national results` writes one file per site:
the results of that site's candidates only (named by the UUID the site gave them, never by name), each
with the CQP and the CCP the jury delivered (where and when each was earned) or its adjournment and
recommendations, signed with the Ucanss service key (role "ucanss"). On the site, `results import`
accepts it only if that signature chains to the installed Ucanss root and every candidate it names is
one of this site's; it then records the proclaimed result — distinct from what the professional jury
proposed — and the candidate's dossier shows it. Records are append-only: a later proclamation adds a
row, the latest one per candidate is shown with every CCP delivered so far.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core import keys
from cqp_desktop.core.canonical import canonical_json
from cqp_desktop.core.package import readable_json, sha256_hex
from cqp_desktop.core import store_queries as q
from cqp_desktop.core import store_writes as w
from cqp_desktop.core.store import Store

RESULTS_MAGIC = "cqp-desktop/results"
RESULTS_FORMAT = 1
RESULTS_SUFFIX = ".resultats.json"


class ResultsError(Exception):
    """A results file the site must refuse; the message is French."""


# --------------------------------------------------------------------------------------------------
# Ucanss side


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
    from cqp_desktop.core.national_documents import slug

    return {
        s: (f"{slug(' + '.join(sorted(labels[find(s)])))}-{find(s)[:8]}", " + ".join(sorted(labels[find(s)])))
        for s in parent
    }


def results_bodies(db: Any, jury_id: int | None = None) -> dict[str, dict[str, Any]]:
    """Per site (see `sites`), the proclaimed results of its candidates for a closed session, keyed by the
    site key (used in the file name)."""
    from cqp_desktop.core import national_jury as nj

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


def results_file(body: dict[str, Any], key: Any, certificate: Any) -> bytes:
    """The body signed with the Ucanss service key, with its certificate (as acknowledgments are)."""
    from cryptography.hazmat.primitives import serialization

    return readable_json(
        {
            "results": body,
            "signature": base64.b64encode(keys.sign(key, canonical_json(body))).decode("ascii"),
            "certificate": certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        }
    )


# --------------------------------------------------------------------------------------------------
# Site side


def migrate(db: Any) -> None:
    """Site migration 0051: proclaimed results, one row per candidate per results file; append-only."""
    db.executescript(
        """
        CREATE TABLE proclaimed_results (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            jury_date TEXT NOT NULL,
            decision_id INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            result_json TEXT NOT NULL,
            results_sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (results_sha256, candidate_id)
        );
        CREATE INDEX proclaimed_results_candidate ON proclaimed_results(candidate_id, jury_date, id);
        CREATE TRIGGER proclaimed_results_no_update BEFORE UPDATE ON proclaimed_results
        BEGIN SELECT RAISE(ABORT, 'résultat proclamé : modification interdite'); END;
        CREATE TRIGGER proclaimed_results_no_delete BEFORE DELETE ON proclaimed_results
        BEGIN SELECT RAISE(ABORT, 'résultat proclamé : suppression interdite'); END;
        """
    )


@dataclass(frozen=True)
class ResultsImported:
    jury_date: str
    candidates: int
    cqp: int
    ccp: int
    signed_by: str
    already: bool


def import_results(store: Store, raw: bytes, source: str = "<résultats>") -> ResultsImported:
    """Check a results file (Ucanss signature chained to the installed root, only this site's candidates)
    and record each proclaimed result; importing the same file again changes nothing."""
    from cqp_desktop.core import input_files
    from cqp_desktop.core.purge import token

    try:
        document = input_files.parse_json(raw.decode("utf-8"), source, "Résultats")  # bounded nesting
        body = document["results"]
        if body.get("magic") != RESULTS_MAGIC:
            raise KeyError("magic")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, input_files.InputError):
        raise ResultsError(f"« {source} » n'est pas un fichier de résultats du jury paritaire national.") from None
    if not isinstance(body.get("format"), int) or body["format"] > RESULTS_FORMAT:
        raise ResultsError(f"« {source} » : format de résultats {body.get('format')} non pris en charge par cette version.")
    signed_by = _check_signature(store, document, body, source)
    try:
        jury_date = str(body["jury_date"])
        entries = list(body["candidates"])
        uuids = [str(e["uuid"]) for e in entries]
    except (KeyError, TypeError):
        raise ResultsError(f"« {source} » : fichier de résultats incomplet (date du jury ou candidats manquants).") from None
    ids: dict[str, int] = {}
    for uuid in uuids:
        found = q.candidate_with_uuid(store, uuid)
        if found is None:
            raise ResultsError(
                f"« {source} » nomme le candidat {uuid}, inconnu sur ce poste : fichier destiné à un autre site, refusé "
                "(rien n'a été enregistré)."
            )
        ids[uuid] = found
    digest = sha256_hex(canonical_json(body))
    already = q.results_known(store, digest)
    if not already:
        with store.action("results.import", "proclaimed_results") as act:
            for e in entries:
                act.entity_id = w.add_proclaimed_result(
                    store,
                    {
                        "candidate_id": ids[str(e["uuid"])],
                        "jury_date": jury_date,
                        "decision_id": int(e["decision_id"]),
                        "outcome": str(e["outcome"]),
                        "result_json": json.dumps(e, ensure_ascii=False, sort_keys=True),
                        "results_sha256": digest,
                        "imported_at": store.now(),
                    },
                )
            # identifiers as one-way tokens: the journal must not keep what a purge erases (core/purge.py)
            act.details = {"jury_date": jury_date, "candidates": sorted(token(u) for u in uuids), "results_sha256": digest}
    return ResultsImported(
        jury_date,
        len(entries),
        sum(len(e.get("cqp", [])) for e in entries),
        sum(len(e.get("ccp", [])) for e in entries),
        signed_by,
        already,
    )


_REFUSALS = {
    "unsigned": "résultats non signés par l'Ucanss : refusé",
    "unreadable": "signature ou certificat des résultats illisible",
    "altered": "signature des résultats invalide (fichier modifié) : refusé",
    "foreign": "résultats refusés, leur signataire n'est pas l'Ucanss : {detail}",
}


def _check_signature(store: Store, document: dict[str, Any], body: dict[str, Any], source: str) -> str:
    """The Ucanss service signature, chained to the installed root (as for acknowledgments); or ResultsError."""
    from cqp_desktop.core import site_trust

    return site_trust.require_ucanss_signer(store, document, body, source, _REFUSALS, ResultsError)


@dataclass(frozen=True)
class Proclaimed:
    """What the jury paritaire national proclaimed for a candidate (latest proclamation)."""

    jury_date: str
    outcome: str
    cqp_held: tuple[str, ...]
    ccp_held: tuple[dict[str, str], ...]
    recommendations: str
    departs: bool
    justification: str


def proclaimed(store: Store, candidate_id: int) -> Proclaimed | None:
    row = q.latest_proclaimed(store, candidate_id)
    if row is None:
        return None
    e = json.loads(row[1])
    return Proclaimed(
        row[0],
        str(e.get("outcome", "")),
        tuple(e.get("cqp_held", [])),
        tuple(e.get("ccp_held", [])),
        str(e.get("recommendations", "")),
        bool(e.get("departs")),
        str(e.get("justification", "")),
    )
