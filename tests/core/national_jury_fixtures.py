"""Two sites, three exam centres, two juries paritaires: the world the jury paritaire tests share.

Built through the real APIs: site stores sign their épreuves (tests/core/package_fixtures.py), export
packages, the Ucanss imports them into its national base (trusting the test authority).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cqp_desktop.core.model.calendar import Calendar
from cqp_desktop.core.model.referentiel import Referentiel, canonical_data
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.core.package_fixtures import PASSPHRASE, Site, make_site, sign_epreuve

JURY_1 = dt.date(2026, 11, 18)
JURY_2 = dt.date(2027, 1, 20)
CALENDAR = Calendar(session_months=(2, 4, 6, 10, 12), window_days=15, jury_paritaire_dates=(JURY_1, JURY_2))
CENTRE_A1 = "Centre d'examen de Brocéliande"
CENTRE_A2 = "Centre d'examen du Val-de-Loue"
CENTRE_B = "Centre d'examen d'Armorique"


def new_store(path: Path) -> Store:
    store = Store.open(path)
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    return store


def run_session(
    store: Store, referentiel: Referentiel, site: Site, month: str, centre: str, plans: list[tuple[int, str, tuple[str, ...]]]
) -> int:
    """A session at `centre`: each (candidate, bloc, criteria not validated) run and signed."""
    session = store.add_session(f"Session {month}", month, centre)
    for n, (candidate, bloc, failing) in enumerate(plans):
        alternatives = referentiel.bloc(bloc).alternatives
        e = store.plan_epreuve(
            candidate, referentiel, bloc, f"{month}-0{3 + n}",
            alternative=alternatives[0].code if alternatives else None,
            session_id=session, president_id=site.president_id, expert_id=site.expert_id,
        )
        for criterion in referentiel.bloc(bloc).criteria():
            store.record_decision(e, criterion.key, Decision.NON_VALIDE if criterion.key in failing else Decision.VALIDE)
        sign_epreuve(store, e, site)
    return session


@dataclass
class World:
    a: Store
    b: Store
    packages: list[Path]
    uuids: dict[str, str]  # first name → UUID
    ids: dict[str, int]  # first name → candidate id on its site


GRU_FAIL = ("GRU.C1.1", "GRU.C1.2", "GRU.C2.1", "GRU.C2.2")


def build_world(folder: Path, referentiel: Referentiel) -> World:
    """Site A: Léa (COS) validates GRU and MDR in October at centre A1, then (aiming at the GC now) GDU in
    December at centre A2 — the passerelle; Hugo (GC) fails GRU, validates GDU in October. Site B, December:
    Inès (GC) validates MDR, Nathan (COS) fails POS."""
    a, b = new_store(folder / "a.sqlite3"), new_store(folder / "b.sqlite3")
    site_a, site_b = make_site(a), make_site(b)
    lea = a.add_candidate("Martin", "Léa", site_a.employer_id, "COS", "formation", True, pass_premss_date="2026-03-27", pass_premss_attested_by="Service formation")
    hugo = a.add_candidate("Petit", "Hugo", site_a.employer_id, "GC", "formation", True, pass_premss_date="2026-03-27", pass_premss_attested_by="Service formation")
    ines = b.add_candidate("Garnier", "Inès", site_b.employer_id, "GC", "formation", True, pass_premss_date="2026-03-27", pass_premss_attested_by="Service formation")
    nathan = b.add_candidate("Roux", "Nathan", site_b.employer_id, "COS", "formation", True, pass_premss_date="2026-03-27", pass_premss_attested_by="Service formation")
    packages = []
    october = run_session(a, referentiel, site_a, "2026-10", CENTRE_A1, [(lea, "GRU", ()), (lea, "MDR", ()), (hugo, "GRU", GRU_FAIL), (hugo, "GDU", ())])
    packages.append(export_package(a, october, site_a.president_id, PASSPHRASE, folder / "a-octobre.cqpkg", with_pdfs=False).path)
    a.connection().execute("UPDATE candidates SET cqp = 'GC' WHERE id = ?", [lea])
    a.connection().conn.commit()
    december = run_session(a, referentiel, site_a, "2026-12", CENTRE_A2, [(lea, "GDU", ())])
    packages.append(export_package(a, december, site_a.president_id, PASSPHRASE, folder / "a-decembre.cqpkg", with_pdfs=False).path)
    session_b = run_session(b, referentiel, site_b, "2026-12", CENTRE_B, [(ines, "MDR", ()), (nathan, "POS", ("POS.C12.1",))])
    packages.append(export_package(b, session_b, site_b.president_id, PASSPHRASE, folder / "b-decembre.cqpkg", with_pdfs=False).path)
    uuids = {
        name: store.connection()["candidates"].get(cid)["uuid"]
        for name, store, cid in (("Léa", a, lea), ("Hugo", a, hugo), ("Inès", b, ines), ("Nathan", b, nathan))
    }
    return World(a, b, packages, uuids, {"Léa": lea, "Hugo": hugo, "Inès": ines, "Nathan": nathan})
