"""A complete GRU épreuve ready for an avis: jury with signing keys, decisions, notes, timer events."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage.store import Store
from tests.trust_helpers import certify

PASSPHRASE = "phrase secrète du jury"
EXPERT_PASSPHRASE = "phrase de l'experte"


def tiny_png(width: int = 40, height: int = 12, stroke: int = 0) -> bytes:
    """A small grey-scale PNG with a diagonal stroke: a stand-in for a drawn signature."""
    rows = b""
    for y in range(height):
        row = bytearray([255] * width)
        x = (y * width // height + stroke) % width
        row[x] = 0
        rows += b"\x00" + bytes(row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class Jury:
    epreuve_id: int
    president_id: int
    expert_id: int
    other_president_id: int
    candidate_id: int
    session_id: int


def make_epreuve(
    store: Store,
    referentiel: Referentiel,
    *,
    decide: bool = True,
    failing: tuple[str, ...] = (),
    with_timer: bool = True,
    bloc: str = "GRU",
) -> Jury:
    """GRU épreuve of Léa Martin (COS); every criterion validated except `failing` (set non validé)."""
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    employer = store.add_organisme("CPAM-BRC", "CPAM de Brocéliande", "caisse", "Maladie")
    other = store.add_organisme("CPAM-VDL", "CPAM du Val-de-Loue", "caisse", "Maladie")
    president = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", other, "expert", "Maladie", "2025-01-20")
    second = store.add_jury_member("Ferrand", "Olivier", ucanss, "president", None, "2024-11-05")
    for member, phrase in ((president, PASSPHRASE), (expert, EXPERT_PASSPHRASE), (second, PASSPHRASE)):
        certify(store, member, phrase)
    candidate = store.add_candidate("Martin", "Léa", employer, "COS", "formation", True)
    session = store.add_session("Session 12/2026", "2026-12", "Centre d'examen de Brocéliande")
    epreuve = store.plan_epreuve(
        candidate,
        referentiel,
        bloc,
        "2026-12-02",
        alternative="double_ecoute" if bloc == "GRU" else None,
        session_id=session,
        president_id=president,
        expert_id=expert,
    )
    if with_timer and bloc == "GRU":
        # core/site/clock.py semantics: elapsed_ms is the phase's own elapsed time; a "phase" event names the
        # phase that just finished and carries its overrun in `value`.
        minute = 60_000
        events = [
            ("start", "observation", 0, None, None),
            ("pause", "observation", 12 * minute, "appel entrant urgent", None),
            ("resume", "observation", 12 * minute, None, None),
            ("phase", "observation", 31 * minute, None, 1 * minute),
            ("count", "courriers", 5 * minute, None, 3),
            ("phase", "courriers", 19 * minute, None, 0),
            ("end", "entretien", 21 * minute + 30_000, None, 1 * minute + 30_000),
        ]
        for n, (kind, phase, elapsed, reason, value) in enumerate(events):
            store.add_timer_event(
                epreuve, kind, mono_ns=n * 1_000_000_000, elapsed_ms=elapsed, phase=phase, reason=reason, value=value
            )
    if decide:
        for criterion in referentiel.bloc(bloc).criteria():
            decision = Decision.NON_VALIDE if criterion.key in failing else Decision.VALIDE
            store.record_decision(epreuve, criterion.key, decision, author_id=president)
        store.add_note(epreuve, "Reformule la demande avant de répondre.", competence=f"{bloc}.C1", author_id=expert)
    return Jury(epreuve, president, expert, second, candidate, session)


def meet_minimums(store: Store, epreuve_id: int) -> None:
    """Record what the letter requires of the épreuve's conduct, where a test skipped it.

    GRU: a count of courriers/courriels within bounds; MDR: the minimum of competences presented; VAE: one
    livret 2 situation. Tests that are about signing, not about running an épreuve, call it before signing.
    """
    from cqp_desktop.core.site.epreuve_minimums import presented_count, recorded_count, situation_count

    epreuve = store.epreuve(epreuve_id)
    if epreuve["mode"] != "certification":
        return
    bloc = store.epreuve_referentiel(epreuve_id).bloc(epreuve["bloc"])
    now = store.now()
    if epreuve["route"] == "vae":
        if situation_count(store, epreuve_id) == 0:
            key = bloc.competences[0].key
            store.connection().execute(
                "INSERT INTO vae_situations (epreuve_id, slot, title, summary, competences, wall_time) VALUES (?,?,?,?,?,?)",
                [epreuve_id, 1, "Situation significative", "", f'["{key}"]', now],
            )
        return
    for phase in bloc.phases:
        if phase.count is not None and recorded_count(store, epreuve_id, phase.code) is None:
            store.add_timer_event(epreuve_id, "count", mono_ns=0, elapsed_ms=0, phase=phase.code, value=phase.count.min)
    if any(p.presentation for p in bloc.phases) and bloc.min_competences_presented:
        for competence in bloc.competences[presented_count(store, epreuve_id) : bloc.min_competences_presented]:
            store.connection().execute(
                "INSERT INTO presented_competences (epreuve_id, competence, presented, wall_time) VALUES (?,?,1,?)",
                [epreuve_id, competence.key, now],
            )
