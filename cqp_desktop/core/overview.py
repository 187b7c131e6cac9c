"""Read models for the screens: lists the GUI shows, computed from the store. Qt-free."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cqp_desktop.core.vae import interview_epreuves

if TYPE_CHECKING:  # the home list is also read before the store opens (core/home_preview.py)
    from cqp_desktop.core.store import Store


class EpreuveState(StrEnum):
    A_VENIR = "à venir"
    EN_COURS = "en cours"
    INTERROMPUE = "interrompue"
    TERMINEE = "terminée"
    SIGNEE = "signée"
    ANNULEE = "annulée"


@dataclass(frozen=True)
class EpreuveLine:
    id: int
    planned_date: str
    candidate: str
    certification: str
    bloc: str
    route: str
    mode: str
    alternative: str | None
    state: EpreuveState
    candidate_id: int = 0


def state_from(last_event_kind: str | None, locked: bool, cancelled: bool = False) -> EpreuveState:
    """The state shown on the home screen, derived from the timer journal (never stored twice)."""
    if cancelled:
        return EpreuveState.ANNULEE
    if locked:
        return EpreuveState.SIGNEE
    if last_event_kind is None:
        return EpreuveState.A_VENIR
    if last_event_kind == "end":
        return EpreuveState.TERMINEE
    if last_event_kind in ("pause", "recovered"):
        return EpreuveState.INTERROMPUE
    return EpreuveState.EN_COURS


EPREUVE_ROWS = """
    SELECT e.id, e.candidate_id, e.planned_date, c.last_name, c.first_name, e.certification, e.bloc, e.route, e.mode,
           e.alternative, e.locked_at,
           EXISTS (SELECT 1 FROM epreuve_cancellations x WHERE x.epreuve_id = e.id) AS cancelled,
           (SELECT kind FROM timer_events t WHERE t.epreuve_id = e.id AND t.kind != 'count'
            ORDER BY t.id DESC LIMIT 1) AS last_kind
    FROM epreuves e JOIN candidates c ON c.id = e.candidate_id
"""


def epreuve_lines(store: Store, today: dt.date | None = None) -> list[EpreuveLine]:
    """Every épreuve, today's first, then upcoming by date, then past ones (most recent first)."""
    return lines_from_rows(store.db.query(EPREUVE_ROWS), today)


def lines_from_rows(rows_in: Iterable[Mapping[str, Any]], today: dt.date | None = None) -> list[EpreuveLine]:
    """The home list from the rows of EPREUVE_ROWS (as mappings), in the order epreuve_lines gives."""
    today_iso = (today or dt.date.today()).isoformat()
    rows = [dict(r) for r in rows_in]
    # a VAE candidacy's blocs share one interview, timed on its first épreuve (core/vae.py)
    timed_by = interview_epreuves(
        (r["id"], r["candidate_id"], r["planned_date"], r["route"], r["mode"], bool(r["cancelled"])) for r in rows
    )
    last_kind = {r["id"]: r["last_kind"] for r in rows}
    for r in rows:
        r["last_kind"] = last_kind[timed_by.get(r["id"], r["id"])]
    lines = [
        EpreuveLine(
            id=r["id"],
            planned_date=r["planned_date"],
            candidate=f"{r['last_name'].upper()} {r['first_name']}",
            certification=r["certification"],
            bloc=r["bloc"],
            route=r["route"],
            mode=r["mode"],
            alternative=r["alternative"],
            state=state_from(r["last_kind"], r["locked_at"] is not None, bool(r["cancelled"])),
            candidate_id=r["candidate_id"],
        )
        for r in rows
    ]

    today_lines = [line for line in lines if line.planned_date == today_iso]
    upcoming = sorted((line for line in lines if line.planned_date > today_iso), key=lambda x: (x.planned_date, x.id))
    past = sorted((line for line in lines if line.planned_date < today_iso), key=lambda x: (x.planned_date, x.id))
    return today_lines + upcoming + past[::-1]
