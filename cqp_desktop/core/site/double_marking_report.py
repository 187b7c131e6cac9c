"""The compte rendu's « Double correction » section: the agreement, each member's original mark beside
the final decision, the reasons, and each member's own notes (core/site/double_marking.py)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from cqp_desktop.core.model.reconciliation import ROLE_LABELS, latest_marks, latest_notes
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.reports.pdf_toolkit import LIGHT, NNBSP, WIDTH, Styles, fr, grid
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site.avis import member_name
from cqp_desktop.core.site.report_pdf import _decision_cell
from cqp_desktop.core.storage.store import Store


def section(store: Store, epreuve_id: int, st: Styles) -> list[Flowable]:
    """Nothing for an épreuve marked by the jury together."""
    data = dm.package_data(store, epreuve_id)
    if data is None:
        return []
    epreuve = store.epreuve(epreuve_id)
    bloc = store.epreuve_referentiel(epreuve_id).bloc(epreuve["bloc"])
    out: list[Flowable] = [Paragraph(fr("Double correction"), st.h2)]
    names = {m["role"]: member_name(store, m["member_id"]) for m in data["markers"]}
    closed = "; ".join(
        f"{ROLE_LABELS[m['role']]} {names[m['role']]} : observation clôturée le {m['closed_at'][:16].replace('T', ' à ')}"
        if m["closed_at"] else f"{ROLE_LABELS[m['role']]} {names[m['role']]} : observation non clôturée"
        for m in data["markers"]
    )
    out.append(Paragraph(fr(
        "Chaque membre du jury a noté seul, sans voir la notation de l'autre ; les critères notés à l'identique "
        "sont réglés d'office, chaque désaccord est décidé par le jury. Les règles des 80 % portent sur les "
        f"décisions finales. {closed}."
    ), st.small))
    figures = dm.agreement_of(store, epreuve_id)
    if figures is not None:
        out.append(Paragraph(f"<b>Accord des deux notations</b>{NNBSP}: {fr(figures.french())}", st.body))
    rows: list[list[Any]] = [[Paragraph(fr(h), st.cell_bold) for h in (
        "Critère", f"Président(e) {names.get('president', '')}", f"Expert(e) {names.get('expert', '')}", "Décision finale", "Motif",
    )]]
    settled = {r["criterion"]: r for r in data["reconciliation"]}
    marks = {m["role"]: latest_marks(m["decisions"]) for m in data["markers"]}
    extra = []
    for n, criterion in enumerate(bloc.criteria(), start=1):
        a, b = marks.get("president", {}).get(criterion.key), marks.get("expert", {}).get(criterion.key)
        row = settled.get(criterion.key)
        rows.append([
            Paragraph(criterion.code, st.cell),
            _decision_cell(Decision(a or "non_observe"), st),
            _decision_cell(Decision(b or "non_observe"), st),
            _decision_cell(Decision(row["final"]), st) if row else Paragraph(fr("à décider"), st.cell),
            Paragraph(fr(row["reason"] if row else ""), st.cell),
        ])
        if (a or "non_observe") != (b or "non_observe"):
            extra.append(("BACKGROUND", (0, n), (-1, n), LIGHT))
    out.append(grid(rows, [16 * mm, 34 * mm, 34 * mm, 26 * mm, WIDTH - 110 * mm], extra=extra))
    out.append(Paragraph(fr("Lignes grisées : désaccords entre les deux membres."), st.small))
    for m in data["markers"]:
        notes = latest_notes(m["notes"])
        texts = [f"{key[1] or key[0] or 'général'} : {text}" for key, text in notes.items() if text.strip()]
        if texts:
            out.append(Paragraph(
                f"<b>{fr('Notes de ' + names[m['role']])}</b>{NNBSP}: " + fr(" · ".join(texts)),
                st.body,
            ))
    return out
