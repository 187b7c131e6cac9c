"""The small closed vocabularies the data use, as enums, each with its one French label. Qt-free.

Stored values are the enum values (plain strings in the database and in packages), so an enum member
compares equal to what is read back: `row["route"] == Route.VAE`. Mode (certification or
pré-positionnement) lives with the rules (core/model/rules.py); its label is here with the others.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A jury member's role in an épreuve."""

    PRESIDENT = "president"
    EXPERT = "expert"


class Route(StrEnum):
    """How a candidate comes to the certification."""

    FORMATION = "formation"
    VAE = "vae"


class TimerKind(StrEnum):
    """What a timer event records (core/site/clock.py)."""

    START = "start"
    PHASE = "phase"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"
    COUNT = "count"
    RECOVERED = "recovered"


_ROLE_LABELS: dict[str, str] = {Role.PRESIDENT: "président(e)", Role.EXPERT: "expert(e) métier"}
_ROUTE_LABELS: dict[str, str] = {Route.FORMATION: "formation", Route.VAE: "VAE"}
_MODE_LABELS: dict[str, str] = {"certification": "certification", "prepositionnement": "pré-positionnement (non certifiant)"}
_TIMER_LABELS: dict[str, str] = {
    TimerKind.START: "début", TimerKind.PHASE: "changement de phase", TimerKind.PAUSE: "pause",
    TimerKind.RESUME: "reprise", TimerKind.END: "fin", TimerKind.COUNT: "décompte", TimerKind.RECOVERED: "reprise après incident",
}


def role_label(role: str) -> str:
    """« président(e) », « expert(e) métier »; an unknown value is shown as it is."""
    return _ROLE_LABELS.get(role, role)


def route_label(route: str) -> str:
    """« formation », « VAE »."""
    return _ROUTE_LABELS.get(route, route)


def mode_label(mode: str) -> str:
    """« certification », « pré-positionnement (non certifiant) »."""
    return _MODE_LABELS.get(mode, mode)


def timer_kind_label(kind: str) -> str:
    """« début », « pause », « fin »…"""
    return _TIMER_LABELS.get(kind, kind)
