"""The session summary (PDF) for the jury paritaire national: every candidate of a certification session.

For each candidate: the blocs taken in the session with the computed result, the jury's avis (an avis
that departs from the computed result is flagged « ÉCART »), its signature state and the
préconisations; then the CCP held — capitalised over every session, from signed certifying avis only
(pre-positionnement never counts) — and the CQP status (rules.ccp_held / certification_status).
The jury paritaire is sovereign: the document presents avis, it decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from cqp_desktop.core.common.formats import listing_name
from cqp_desktop.core.model.rules import BlocOutcome, Mode, ccp_held, certification_status
from cqp_desktop.core.reports.pdf_toolkit import AMBER, GREEN, GREY, LIGHT, MARGIN, RED, Styles, boxed, fr, french_date, grid, render, styles
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.prerequisite import candidate_withheld
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN


@dataclass(frozen=True)
class SessionLine:
    """One épreuve of the session as the summary shows it."""

    epreuve_id: int
    bloc: str
    planned_date: str
    mode: str
    computed_validated: bool
    avis: av.AvisRecord | None


def _hex(colour: colors.Color) -> str:
    return "#" + str(colour.hexval())[2:]


def _outcomes(store: Store, candidate_id: int) -> list[BlocOutcome]:
    """Every signed avis of the candidate, all sessions: what capitalisation counts."""
    outcomes = []
    for row in q.candidate_epreuves_by_id(store, candidate_id):
        signed = av.signed_avis(store, row["id"])
        if signed is not None:
            outcomes.append(BlocOutcome(row["bloc"], signed.jury_validated, Mode(row["mode"]), row["planned_date"]))
    return outcomes


def build_session_summary(store: Store, session_id: int) -> bytes:
    """The summary PDF of one certification session (cert_sessions.id)."""
    st = styles()
    session = q.session(store, session_id)
    assert session is not None, session_id
    candidates = q.session_candidates(store, session_id)
    story: list[Flowable] = [
        Paragraph(fr("Synthèse de session — jury paritaire national"), st.title),
        Paragraph(
            fr(f"{session['label']} ({session['month']})" + (f" — {session['site']}" if session["site"] else "")),
            st.subtitle,
        ),
        Paragraph(
            fr(
                "Avis des jurys professionnels présentés au jury paritaire national (CPNEFP), qui délibère souverainement. "
                "« ÉCART » signale un avis du jury différent du résultat calculé par les règles des 80 % : sa justification "
                "figure dans le compte rendu d'épreuve."
            ),
            st.small,
        ),
        Spacer(1, 6),
    ]
    counts = {"epreuves": 0, "validated": 0, "unsigned": 0, "departs": 0, "cqp": 0}
    for cand in candidates:
        story.append(KeepTogether(_candidate_block(store, session_id, cand, st, counts)))
    totals = (
        f"{len(candidates)} candidat(s), {counts['epreuves']} épreuve(s) ; {counts['validated']} bloc(s) validé(s) "
        f"selon l'avis du jury ; {counts['departs']} avis en écart au résultat calculé ; "
        f"{counts['unsigned']} avis non signé(s) ; {counts['cqp']} CQP complet(s)."
    )
    story.insert(4, boxed(Paragraph(fr(totals), st.body), LIGHT, GREY, WIDTH))
    story.insert(5, Spacer(1, 6))
    if not candidates:
        story.append(Paragraph(fr("Aucune épreuve dans cette session."), st.body))
    footer = f"cqp-desktop — synthèse de la session {session['label']}"
    return render(story, f"Synthèse de session — {session['label']}", footer, pagesize=PAGE)


def _candidate_block(store: Store, session_id: int, cand: dict[str, Any], st: Styles, counts: dict[str, int]) -> list[Flowable]:
    rows = q.session_candidate_epreuves(store, session_id, cand["id"])
    head = (
        f"{listing_name(cand['last_name'], cand['first_name'])} — {cand['organisme']}"
        + (f" (branche {cand['branche']})" if cand["branche"] else "")
        + f" — CQP {cand['cqp']}, {'VAE' if cand['route'] == 'vae' else 'formation'}"
    )
    out: list[Flowable] = [Paragraph(fr(head), st.h3)]
    table = [[Paragraph(fr(h), st.cell_bold) for h in ("Bloc", "Date", "Résultat calculé", "Avis du jury", "Signature", "Préconisations")]]
    extra: list[tuple[Any, ...]] = []
    referentiel = None
    for index, row in enumerate(rows, start=1):
        referentiel = store.epreuve_referentiel(row["id"])
        computed = av.computed_result(store, row["id"])
        current = av.current_avis(store, row["id"])
        counts["epreuves"] += 1
        computed_text = f"{'validé' if computed.validated else 'non validé'} ({computed.acquired}/{computed.total} compétences)"
        if row["mode"] != Mode.CERTIFICATION:
            computed_text += " — pré-positionnement, ne compte pas"
        if current is None:
            verdict, signature, precos = "aucun avis", "—", ""
            counts["unsigned"] += 1
        else:
            colour = _hex(GREEN if current.jury_validated else RED)
            verdict = f'<font color="{colour}"><b>{"validé" if current.jury_validated else "non validé"}</b></font>'
            if current.departs_from_computed:
                verdict += " <b>— ÉCART</b>"
                extra.append(("BACKGROUND", (3, index), (3, index), AMBER))
                counts["departs"] += 1
            if current.signed:
                signature = f"signé le {french_date(current.signed_at)} (version {current.version})"
                if current.jury_validated and row["mode"] == Mode.CERTIFICATION:
                    counts["validated"] += 1
            else:
                signature = f"<b>non signé</b> (version {current.version})"
                counts["unsigned"] += 1
            precos = current.preconisations
        table.append(
            [
                Paragraph(fr(row["bloc"]), st.cell_bold),
                Paragraph(french_date(row["planned_date"]), st.cell),
                Paragraph(fr(computed_text), st.cell),
                Paragraph(verdict if current else fr(verdict), st.cell),
                Paragraph(signature if current else "—", st.cell),
                Paragraph(fr(precos) if precos else "—", st.cell),
            ]
        )
    out.append(grid(table, [16 * mm, 22 * mm, 52 * mm, 38 * mm, 48 * mm, WIDTH - 176 * mm], extra=extra))
    if referentiel is not None:
        held = ccp_held(_outcomes(store, cand["id"]))
        status = certification_status(referentiel, cand["cqp"], held, candidate_withheld(store, cand["id"]))
        if status.cqp:
            counts["cqp"] += 1
        colour = _hex(GREEN if status.cqp else GREY)
        out.append(
            Paragraph(
                f'<font color="{colour}"><b>{fr(status.explanation())}</b></font>'
                + fr(" (CCP capitalisés d'après les avis signés, toutes sessions)"),
                st.body,
            )
        )
    out.append(Spacer(1, 4))
    return out


__all__ = ["build_session_summary"]
