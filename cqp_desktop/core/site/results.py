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

import json
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.exchange.package_format import sha256_hex
from cqp_desktop.core.exchange.ucanss_files import (
    RESULTS_FORMAT,
    RESULTS_MAGIC,
)
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store


class ResultsError(Exception):
    """A results file the site must refuse; the message is French."""


# --------------------------------------------------------------------------------------------------
# Site side


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
    from cqp_desktop.core.common import input_files
    from cqp_desktop.core.site.purge import token

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
            # identifiers as one-way tokens: the journal must not keep what a purge erases (core/site/purge.py)
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
    from cqp_desktop.core.site import site_trust

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
