"""The certification calendar (session months, épreuve window), read from `resources/calendrier.toml`."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from cqp_desktop.resources import resources_dir


def french_day(day: dt.date) -> str:
    """« 1er août 2026 », « 2 août 2026 »: French writes the first day of the month as an ordinal."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS_FR[day.month - 1]} {day.year}"


MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


@dataclass(frozen=True)
class Calendar:
    session_months: tuple[int, ...]
    window_days: int
    jury_paritaire_dates: tuple[dt.date, ...]

    def in_window(self, day: dt.date) -> bool:
        return day.month in self.session_months and day.day <= self.window_days

    def warning(self, day: dt.date) -> str | None:
        """A French warning when an épreuve date falls outside the session calendar, else None."""
        if self.in_window(day):
            return None
        months = ", ".join(MONTHS_FR[m - 1] for m in self.session_months)
        return (
            f"Le {french_day(day)} est hors calendrier : les épreuves ont lieu "
            f"les {self.window_days} premiers jours des mois de session ({months})."
        )

    def next_session_start(self, today: dt.date) -> dt.date:
        """First day of the current session month if its window is still open, else of the next one."""
        if self.in_window(today):
            return today.replace(day=1)
        for month in self.session_months:
            if month > today.month:
                return dt.date(today.year, month, 1)
        return dt.date(today.year + 1, self.session_months[0], 1)


@cache
def load_calendar() -> Calendar:
    return parse_calendar((resources_dir() / "calendrier.toml").read_text(encoding="utf-8"))


def parse_calendar(text: str) -> Calendar:
    """A calendar in the format of `resources/calendrier.toml` (the Ucanss publishes each year's jury dates);
    raises ValueError with a French message when it is not one."""
    try:
        data = tomllib.loads(text)
        dates = tuple(data.get("jury_paritaire_dates", []))
        if not all(isinstance(d, dt.date) for d in dates):
            raise ValueError("jury_paritaire_dates : dates attendues (AAAA-MM-JJ)")
        return Calendar(
            session_months=tuple(data["session_months"]),
            window_days=int(data["window_days"]),
            jury_paritaire_dates=dates,
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"calendrier illisible : {exc}") from None

