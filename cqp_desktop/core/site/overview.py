"""Read models for the screens: lists the GUI shows, computed from the store. Qt-free."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqp_desktop.core.common.formats import listing_name
from cqp_desktop.core.model.kinds import TimerKind
from cqp_desktop.core.site.epreuve_state import clock_ended
from cqp_desktop.core.site.vae import interview_epreuves
from cqp_desktop.core.storage import store_queries as q

if TYPE_CHECKING:  # the home list is also read before the store opens (core/storage/home_preview.py)
    from cqp_desktop.core.storage.store import Store


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
    if clock_ended(last_event_kind):
        return EpreuveState.TERMINEE
    if last_event_kind in (TimerKind.PAUSE, TimerKind.RECOVERED):
        return EpreuveState.INTERROMPUE
    return EpreuveState.EN_COURS


def epreuve_lines(store: Store, today: dt.date | None = None) -> list[EpreuveLine]:
    """Every épreuve, today's first, then upcoming by date, then past ones (most recent first)."""
    return lines_from_rows(q.epreuve_overview_rows(store), today)


def lines_from_rows(rows_in: Iterable[Mapping[str, Any]], today: dt.date | None = None) -> list[EpreuveLine]:
    """The home list from the rows of store_queries.EPREUVE_OVERVIEW_SQL, in the order epreuve_lines gives."""
    today_iso = (today or dt.date.today()).isoformat()
    rows = [dict(r) for r in rows_in]
    # a VAE candidacy's blocs share one interview, timed on its first épreuve (core/site/vae.py)
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
            candidate=listing_name(r['last_name'], r['first_name']),
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


def preview_lines(db_path: Path, today: dt.date | None = None) -> list[EpreuveLine] | None:
    """The home list before the base is opened (core/storage/home_preview.py), or None when in doubt."""
    from cqp_desktop.core.storage.home_preview import preview_rows

    rows = preview_rows(db_path)
    if rows is None:
        return None
    try:
        return lines_from_rows(rows, today)
    except (KeyError, TypeError, ValueError, AttributeError):  # a foreign or older file
        return None
