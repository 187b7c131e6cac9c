"""How the app writes a person's name and a date for a French reader: one home for each. Qt-free.

Names: « Léa MARTIN » in sentences and signatures (`person_name`), « MARTIN Léa » in lists sorted by name
(`listing_name`). Dates: « 02/12/2026 » (`french_day`), a moment in local time « 02/12/2026 à 09:30 »
(`french_moment`). The long form « 2 décembre 2026 » of letters is core/model/calendar.py's `french_day`.
"""

from __future__ import annotations

import datetime as dt


def person_name(first_name: str, last_name: str) -> str:
    """« Léa MARTIN »."""
    return f"{first_name} {last_name.upper()}"


def listing_name(last_name: str, first_name: str) -> str:
    """« MARTIN Léa »: how a list sorted by name shows a person."""
    return f"{last_name.upper()} {first_name}"


def french_day(day: dt.date | str | None, missing: str = "") -> str:
    """« 02/12/2026 » from a date or an ISO text (a timestamp's day); `missing` when there is none, and an
    unreadable text as it is."""
    if day is None or day == "":
        return missing
    if isinstance(day, str):
        try:
            return dt.date.fromisoformat(day[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return day
    return day.strftime("%d/%m/%Y")


def french_moment(moment: dt.datetime | str | None, missing: str = "—", *, at: str = " à ") -> str:
    """« 02/12/2026 à 09:30 » in local time, from a datetime or an ISO timestamp; `at` joins day and time."""
    if moment is None or moment == "":
        return missing
    if isinstance(moment, str):
        try:
            return dt.datetime.fromisoformat(moment).astimezone().strftime(f"%d/%m/%Y{at}%H:%M")
        except ValueError:
            return moment
    return moment.astimezone().strftime(f"%d/%m/%Y{at}%H:%M")


def capitalised(text: str) -> str:
    """« formation » → « Formation » (a table cell, a title); « VAE » stays."""
    return text[:1].upper() + text[1:]
