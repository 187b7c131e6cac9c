"""Double correction: the président and the expert mark a certifying épreuve blind, then reconcile. Qt-free.

Each member writes to an own append-only journal (decisions and notes, schema 0060); neither can read the
other's marks or notes before both have closed their observation (`marks_of` refuses). When the second
member closes, the criteria where both agree are settled at once (final = the common mark); each
disagreement then gets a final decision from the jury, with an optional reason. Finals are written to the
épreuve's `decisions` (phase 'reconciliation'), so the 80 % rules, the avis and the package read them as
they read a shared grid. The avis cannot be signed before the reconciliation is complete, and its signed
payload carries `package_data()` (both original markings, the reconciliation and the agreement), the same
object as the session package's `double_marking` key (docs/package-format.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.model.agreement import Agreement, agreement
from cqp_desktop.core.model.reconciliation import ROLE_LABELS, ROLES, latest_marks, latest_notes
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store

RECONCILIATION_PHASE = "reconciliation"


class DoubleMarkingError(Exception):
    """A double-correction action refused; the message is French and says why."""


@dataclass(frozen=True)
class Marker:
    member_id: int
    role: str
    closed_at: str | None


@dataclass(frozen=True)
class Disagreement:
    """One criterion the two members marked differently, with what each wrote about it."""

    criterion: str
    code: str
    label: str
    president: str | None
    expert: str | None
    president_notes: tuple[str, ...]
    expert_notes: tuple[str, ...]
    final: str | None  # settled final decision, None while the jury has not decided
    reason: str


# ------------------------------------------------------------------------------------------------
# Setting


def is_double(store: Store, epreuve_id: int) -> bool:
    return bool(store.epreuve(epreuve_id).get("double_marking"))


def set_double_marking(store: Store, epreuve_id: int, enabled: bool, actor: str = "") -> None:
    """Choose double correction at planning or when the jury is set; never once marking began."""
    epreuve = store.epreuve(epreuve_id)
    if bool(epreuve.get("double_marking")) == bool(enabled):
        return
    if enabled and epreuve["mode"] != str(Mode.CERTIFICATION):
        raise DoubleMarkingError("Double correction réservée aux épreuves de certification (pas au prépositionnement).")
    if epreuve["locked_at"] is not None or store.cancellation(epreuve_id) is not None:
        raise DoubleMarkingError("Épreuve signée ou annulée : la double correction ne peut plus être changée.")
    if store.marking_started(epreuve_id):
        raise DoubleMarkingError(
            "L'épreuve a commencé (chronomètre ou décisions enregistrés) : la double correction ne peut plus être changée."
        )
    try:
        store.set_double_marking(epreuve_id, enabled, actor)
    except StoreError as exc:
        raise DoubleMarkingError(str(exc)) from None


# ------------------------------------------------------------------------------------------------
# Reading


def markers(store: Store, epreuve_id: int) -> list[Marker]:
    """The two markers, président first (only designated members)."""
    epreuve = store.epreuve(epreuve_id)
    closures = store.marking_closures(epreuve_id)
    out = []
    for role in ROLES:
        member_id = epreuve[f"{role}_id"]
        if member_id is not None:
            out.append(Marker(member_id, role, closures.get(member_id)))
    return out


def default_marker(store: Store, epreuve_id: int) -> int | None:
    """Who marks when the épreuve opens: its expert on the laptop that received it by a hand-over file
    (core/site/handover.py), its président otherwise."""
    epreuve = store.epreuve(epreuve_id)
    received = any(h["direction"] == "received" for h in store.handovers(epreuve_id=epreuve_id))
    member: int | None = epreuve["expert_id"] if received else epreuve["president_id"]
    return member


def role_of(store: Store, epreuve_id: int, member_id: int) -> str:
    epreuve = store.epreuve(epreuve_id)
    for role in ROLES:
        if epreuve[f"{role}_id"] == member_id:
            return role
    raise DoubleMarkingError(f"Le membre n° {member_id} ne fait pas partie du jury de cette épreuve.")


def member_id_of(store: Store, epreuve_id: int, role: str) -> int:
    member_id = store.epreuve(epreuve_id)[f"{role}_id"]
    if member_id is None:
        raise DoubleMarkingError(f"{ROLE_LABELS[role]} du jury non désigné(e) : composez le jury d'abord.")
    return int(member_id)






def is_closed(store: Store, epreuve_id: int, member_id: int) -> bool:
    return member_id in store.marking_closures(epreuve_id)


def both_closed(store: Store, epreuve_id: int) -> bool:
    found = markers(store, epreuve_id)
    return len(found) == 2 and all(m.closed_at is not None for m in found)


def _check_view(store: Store, epreuve_id: int, member_id: int, viewer_id: int | None) -> None:
    if viewer_id != member_id and not both_closed(store, epreuve_id):
        raise DoubleMarkingError(
            "Double correction : la notation de l'autre membre du jury reste masquée tant que les deux "
            "observations ne sont pas clôturées."
        )


def marks_of(store: Store, epreuve_id: int, member_id: int, *, viewer_id: int | None) -> dict[str, Decision]:
    """`member_id`'s current marks as `viewer_id` may see them: another member's only once both closed."""
    _check_view(store, epreuve_id, member_id, viewer_id)
    return {c: Decision(d) for c, d in latest_marks(store.member_decision_rows(epreuve_id, member_id)).items()}


def notes_of(
    store: Store, epreuve_id: int, member_id: int, *, viewer_id: int | None
) -> dict[tuple[str | None, str | None], str]:
    _check_view(store, epreuve_id, member_id, viewer_id)
    return latest_notes(store.member_note_rows(epreuve_id, member_id))


# ------------------------------------------------------------------------------------------------
# Marking


def _check_open(store: Store, epreuve_id: int, member_id: int) -> None:
    if not is_double(store, epreuve_id):
        raise DoubleMarkingError("Cette épreuve n'est pas en double correction.")
    role_of(store, epreuve_id, member_id)
    if store.epreuve(epreuve_id)["locked_at"] is not None:
        raise DoubleMarkingError("Épreuve signée : plus aucune modification n'est possible.")
    if is_closed(store, epreuve_id, member_id):
        raise DoubleMarkingError("Observation clôturée : ce membre du jury ne peut plus rien modifier.")


def _criteria(store: Store, epreuve_id: int) -> list[Any]:
    return list(store.epreuve_referentiel(epreuve_id).bloc(store.epreuve(epreuve_id)["bloc"]).criteria())


def record(store: Store, epreuve_id: int, member_id: int, criterion: str, decision: Decision) -> None:
    _check_open(store, epreuve_id, member_id)
    if criterion not in {c.key for c in _criteria(store, epreuve_id)}:
        raise DoubleMarkingError(f"Critère « {criterion} » absent du bloc.")
    store.record_member_decision(epreuve_id, member_id, criterion, Decision(decision))


def undo(store: Store, epreuve_id: int, member_id: int) -> str | None:
    """Undo the member's latest change still in effect (a new row restoring the previous value)."""
    _check_open(store, epreuve_id, member_id)
    rows = store.member_decision_rows(epreuve_id, member_id)
    undone = {r["undo_of"] for r in rows if r["undo_of"] is not None}
    effective = [r for r in rows if r["undo_of"] is None and r["id"] not in undone]
    if not effective:
        return None
    target = effective[-1]
    before = [r for r in effective[:-1] if r["criterion"] == target["criterion"]]
    restored = Decision(before[-1]["decision"]) if before else Decision.NON_OBSERVE
    store.record_member_decision(epreuve_id, member_id, target["criterion"], restored, undo_of=target["id"])
    return str(target["criterion"])


def save_note(
    store: Store, epreuve_id: int, member_id: int, text: str, *, competence: str | None = None, criterion: str | None = None
) -> bool:
    _check_open(store, epreuve_id, member_id)
    current = latest_notes(store.member_note_rows(epreuve_id, member_id)).get((competence, criterion), "")
    if current == text:
        return False
    store.add_member_note(epreuve_id, member_id, text, competence=competence, criterion=criterion)
    return True


def closing_blockers(store: Store, epreuve_id: int, member_id: int) -> list[str]:
    """What the member must still mark before closing (a criterion left non observé)."""
    marks = latest_marks(store.member_decision_rows(epreuve_id, member_id))
    return [
        f"Critère {c.code} non observé : {c.label}"
        for c in _criteria(store, epreuve_id)
        if marks.get(c.key, str(Decision.NON_OBSERVE)) == str(Decision.NON_OBSERVE)
    ]


def close(store: Store, epreuve_id: int, member_id: int, *, closed_at: str | None = None) -> None:
    """« Clôturer mon observation »: the member's marks are final. When the other member has closed too,
    the criteria both marked alike are settled in the same transaction."""
    _check_open(store, epreuve_id, member_id)
    blockers = closing_blockers(store, epreuve_id, member_id)
    if blockers:
        raise DoubleMarkingError("Clôture impossible :\n- " + "\n- ".join(blockers))
    with store.atomic():
        store.close_member_marking(epreuve_id, member_id, closed_at)
        if both_closed(store, epreuve_id):
            _settle_agreed(store, epreuve_id)


def _both_marks(store: Store, epreuve_id: int) -> tuple[dict[str, str], dict[str, str]]:
    p, e = (member_id_of(store, epreuve_id, role) for role in ROLES)
    return (
        latest_marks(store.member_decision_rows(epreuve_id, p)),
        latest_marks(store.member_decision_rows(epreuve_id, e)),
    )


def _settle_agreed(store: Store, epreuve_id: int) -> None:
    president, expert = _both_marks(store, epreuve_id)
    rows = []
    for c in _criteria(store, epreuve_id):
        a, b = president.get(c.key), expert.get(c.key)
        if (a or "non_observe") == (b or "non_observe"):
            rows.append((c.key, a, b, Decision(a or "non_observe"), ""))
    if rows:
        store.record_reconciliations(epreuve_id, rows, member_id_of(store, epreuve_id, "president"))


def import_marking(
    store: Store, epreuve_id: int, member_id: int, decisions: Sequence[Mapping[str, Any]],
    notes: Sequence[Mapping[str, Any]], closed_at: str,
) -> None:
    """A member's closed marking made on another laptop (core/site/handover.py): their journal with its own
    times, then their closure, in ONE transaction; the agreed criteria are settled if both are closed."""
    _check_open(store, epreuve_id, member_id)
    if store.member_decision_rows(epreuve_id, member_id) or store.member_note_rows(epreuve_id, member_id):
        raise DoubleMarkingError("Ce membre du jury a déjà noté sur ce poste : import refusé (rien n'est remplacé).")
    known = {c.key for c in _criteria(store, epreuve_id)}
    with store.atomic():
        ids: dict[int, int] = {}
        for row in decisions:
            if row["criterion"] not in known:
                raise DoubleMarkingError(f"Critère « {row['criterion']} » absent du bloc : import refusé.")
            undo_of = ids.get(row["undo_of"]) if row.get("undo_of") is not None else None
            ids[row["id"]] = store.record_member_decision(
                epreuve_id, member_id, row["criterion"], Decision(row["decision"]), wall_time=row["wall_time"], undo_of=undo_of
            )
        for row in notes:
            store.add_member_note(
                epreuve_id, member_id, row["text"], competence=row.get("competence"), criterion=row.get("criterion"),
                wall_time=row["wall_time"],
            )
        store.close_member_marking(epreuve_id, member_id, closed_at)
        if both_closed(store, epreuve_id):
            _settle_agreed(store, epreuve_id)


# ------------------------------------------------------------------------------------------------
# Reconciliation


def _settled(store: Store, epreuve_id: int) -> dict[str, dict[str, Any]]:
    return {r["criterion"]: r for r in store.reconciliation_rows(epreuve_id)}


def disagreements(store: Store, epreuve_id: int) -> list[Disagreement]:
    """Each criterion the members marked differently, side by side with both members' notes on it."""
    if not both_closed(store, epreuve_id):
        raise DoubleMarkingError("Conciliation possible une fois les deux observations clôturées.")
    president, expert = _both_marks(store, epreuve_id)
    notes = {role: latest_notes(store.member_note_rows(epreuve_id, member_id_of(store, epreuve_id, role))) for role in ROLES}
    settled = _settled(store, epreuve_id)
    bloc = store.epreuve_referentiel(epreuve_id).bloc(store.epreuve(epreuve_id)["bloc"])
    competence_of = {c.key: comp.key for comp in bloc.competences for c in comp.criteria}
    out = []
    for c in _criteria(store, epreuve_id):
        a, b = president.get(c.key), expert.get(c.key)
        if (a or "non_observe") == (b or "non_observe"):
            continue

        def about(role: str, key: str = c.key) -> tuple[str, ...]:
            found, competence = notes[role], competence_of[key]
            texts = [found.get((competence, key), ""), found.get((competence, None), "")]
            return tuple(t for t in texts if t.strip())

        row = settled.get(c.key)
        out.append(
            Disagreement(
                c.key, c.code, c.label, a, b, about("president"), about("expert"),
                row["final"] if row else None, row["reason"] if row else "",
            )
        )
    return out


def settle(store: Store, epreuve_id: int, criterion: str, final: Decision, reason: str = "", author_id: int | None = None) -> None:
    """The jury's final decision on one disagreement (a new row replaces an earlier choice until signing)."""
    if store.epreuve(epreuve_id)["locked_at"] is not None:
        raise DoubleMarkingError("Épreuve signée : plus aucune modification n'est possible.")
    found = {d.criterion: d for d in disagreements(store, epreuve_id)}
    if criterion not in found:
        raise DoubleMarkingError(f"Critère « {criterion} » : pas de désaccord à concilier.")
    final = Decision(final)
    if final == Decision.NON_OBSERVE:
        raise DoubleMarkingError("Décision finale : choisissez « validé » ou « non validé ».")
    d = found[criterion]
    author = author_id if author_id is not None else member_id_of(store, epreuve_id, "president")
    store.record_reconciliations(epreuve_id, [(criterion, d.president, d.expert, final, reason.strip())], author)


def reconciliation_complete(store: Store, epreuve_id: int) -> bool:
    if not both_closed(store, epreuve_id):
        return False
    settled = _settled(store, epreuve_id)
    return all(c.key in settled for c in _criteria(store, epreuve_id))


def open_items(store: Store, epreuve_id: int) -> list[str]:
    """What double correction still needs before the avis can be signed (French, for avis.open_items)."""
    if not is_double(store, epreuve_id):
        return []
    items = []
    for m in markers(store, epreuve_id):
        if m.closed_at is None:
            items.append(f"Double correction : observation de {ROLE_LABELS[m.role].lower()} non clôturée")
    if not items:
        pending = [d.code for d in disagreements(store, epreuve_id) if d.final is None]
        if pending:
            items.append(f"Double correction : désaccords à concilier ({', '.join(pending)})")
    return items


def agreement_of(store: Store, epreuve_id: int) -> Agreement | None:
    """Agreement of the two markings (None before both closed, or for a jointly marked épreuve)."""
    if not is_double(store, epreuve_id) or not both_closed(store, epreuve_id):
        return None
    president, expert = _both_marks(store, epreuve_id)
    return agreement(president, expert, [c.key for c in _criteria(store, epreuve_id)])


def package_data(store: Store, epreuve_id: int) -> dict[str, Any] | None:
    """The `double_marking` object of the package contract (None for a jointly marked épreuve)."""
    if not is_double(store, epreuve_id):
        return None
    criteria = [c.key for c in _criteria(store, epreuve_id)]
    out_markers = []
    marks: dict[str, dict[str, str]] = {}
    for m in markers(store, epreuve_id):
        rows = store.member_decision_rows(epreuve_id, m.member_id)
        marks[m.role] = latest_marks(rows)
        out_markers.append(
            {
                "member_id": m.member_id,
                "role": m.role,
                "closed_at": m.closed_at,
                "decisions": rows,
                "notes": store.member_note_rows(epreuve_id, m.member_id),
            }
        )
    settled = _settled(store, epreuve_id)
    reconciliation = [
        {
            "criterion": key,
            "president": settled[key]["president"],
            "expert": settled[key]["expert"],
            "final": settled[key]["final"],
            "reason": settled[key]["reason"],
            "wall_time": settled[key]["wall_time"],
        }
        for key in criteria
        if key in settled
    ]
    figures = agreement(marks.get("president", {}), marks.get("expert", {}), criteria).as_data()
    return {"markers": out_markers, "reconciliation": reconciliation, "agreement": figures}
