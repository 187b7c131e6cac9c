"""A demo database with fictional organismes, candidates and a jury, so the app can be tried at once.

Every name here is invented. Candidates cover both CQP and both routes; each branche has two caisses
so that an expert from another organisme of the candidate's branche always exists. Every jury member
gets a signing identity protected by the documented passphrase DEMO_PASSPHRASE, so avis can be signed
and a session exported at once (never use it for real data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cqp_desktop.core import keys
from cqp_desktop.core.calendar import load_calendar
from cqp_desktop.core.referentiel import Referentiel
from cqp_desktop.core.rules import Mode
from cqp_desktop.core.store import Store

ORGANISMES = [
    # code, name, kind, branche
    ("UCANSS", "Ucanss", "certificateur", None),
    ("I410", "Institut 4.10", "certificateur", None),
    ("CPAM-BRC", "CPAM de Brocéliande", "caisse", "Maladie"),
    ("CPAM-VDL", "CPAM du Val-de-Loue", "caisse", "Maladie"),
    ("CAF-LTS", "CAF de Lutèce-Sud", "caisse", "Famille"),
    ("CAF-ARM", "CAF d'Armorique", "caisse", "Famille"),
    ("CARSAT-CTA", "Carsat Côte-d'Argent", "caisse", "Retraite"),
    ("CARSAT-MTB", "Carsat Monts-Bleus", "caisse", "Retraite"),
    ("URSSAF-VFL", "Urssaf Val-Fleuri", "caisse", "Recouvrement"),
    ("URSSAF-PLN", "Urssaf Plaine-du-Nord", "caisse", "Recouvrement"),
]

DEMO_PASSPHRASE = "demo-jury-2026"

JURY = [
    # last, first, organisme code, role, branche, training date
    ("Delorme", "Anne", "UCANSS", "president", None, "2025-03-12"),
    ("Ferrand", "Olivier", "I410", "president", None, "2024-11-05"),
    ("Nguyen", "Sophie", "CPAM-VDL", "expert", "Maladie", "2025-01-20"),
    ("Lambert", "Karim", "CPAM-BRC", "expert", "Maladie", "2024-06-18"),
    ("Royer", "Claire", "CAF-ARM", "expert", "Famille", "2025-05-07"),
    ("Benali", "Yanis", "CARSAT-MTB", "expert", "Retraite", "2024-09-30"),
    ("Girard", "Hélène", "URSSAF-PLN", "expert", "Recouvrement", "2025-02-14"),
    ("Morel", "Thomas", "CAF-LTS", "expert", "Famille", None),  # not trained yet: cannot sit
]

CANDIDATES = [
    # last, first, organisme code, cqp, route, pass_premss
    ("Martin", "Léa", "CPAM-BRC", "COS", "formation", True),
    ("Petit", "Hugo", "CAF-LTS", "GC", "formation", True),
    ("Garnier", "Inès", "CARSAT-CTA", "GC", "vae", False),
    ("Roux", "Nathan", "URSSAF-VFL", "COS", "vae", False),
    ("Fontaine", "Chloé", "CPAM-VDL", "GC", "formation", True),
    ("Chevalier", "Malik", "CAF-ARM", "COS", "formation", True),
]


@dataclass(frozen=True)
class DemoSummary:
    organismes: int
    candidates: int
    jury_members: int
    epreuves: int


def is_empty(store: Store) -> bool:
    return store.db["candidates"].count == 0 and store.db["organismes"].count == 0


def populate(store: Store, referentiel: Referentiel, today: dt.date | None = None) -> DemoSummary:
    """Fill an empty database: two épreuves today (to try the app at once), the others in the next
    certification session month."""
    today = today or dt.date.today()
    org_ids = {code: store.add_organisme(code, name, kind, branche) for code, name, kind, branche in ORGANISMES}
    jury_ids = {
        last: store.add_jury_member(last, first, org_ids[org], role, branche, trained)
        for last, first, org, role, branche, trained in JURY
    }
    organisme_names = {code: name for code, name, _kind, _branche in ORGANISMES}
    for last, first, org, role, branche, _trained in JURY:
        info = keys.SignerInfo(last, first, role, organisme_names[org], branche)
        store.add_signing_identity(jury_ids[last], keys.generate(info, DEMO_PASSPHRASE))
    cand_ids = {
        last: store.add_candidate(last, first, org_ids[org], cqp, route, premss)
        for last, first, org, cqp, route, premss in CANDIDATES
    }
    month = load_calendar().next_session_start(today)
    session_id = store.add_session(f"Session {month:%m/%Y}", f"{month:%Y-%m}", "Centre d'examen de Brocéliande")

    def day(n: int | None) -> str:
        return today.isoformat() if n is None else (month + dt.timedelta(days=n - 1)).isoformat()

    plans = [
        # candidate, bloc, day of month, alternative, president, expert, mode
        ("Martin", "GRU", None, "double_ecoute", "Delorme", "Nguyen", Mode.CERTIFICATION),  # today
        ("Martin", "MDR", None, None, "Delorme", "Nguyen", Mode.CERTIFICATION),  # today
        ("Martin", "POS", 3, "accueil_physique", "Delorme", "Nguyen", Mode.CERTIFICATION),
        ("Petit", "GRU", 3, "accueil_physique", "Ferrand", "Royer", Mode.CERTIFICATION),
        ("Petit", "GDU", 4, None, "Ferrand", "Royer", Mode.CERTIFICATION),
        ("Garnier", "GDU", 7, None, "Delorme", "Benali", Mode.CERTIFICATION),
        ("Roux", "TD", 8, None, "Ferrand", "Girard", Mode.CERTIFICATION),
        ("Fontaine", "MDR", 9, None, "Delorme", "Lambert", Mode.CERTIFICATION),
        ("Chevalier", "GRU", 10, "double_ecoute", "Ferrand", "Royer", Mode.PREPOSITIONNEMENT),
    ]
    for last, bloc, n, alternative, president, expert, mode in plans:
        store.plan_epreuve(
            cand_ids[last],
            referentiel,
            bloc,
            day(n),
            alternative=alternative,
            mode=mode,
            session_id=session_id,
            president_id=jury_ids[president],
            expert_id=jury_ids[expert],
        )
    return DemoSummary(len(org_ids), len(cand_ids), len(jury_ids), len(plans))
