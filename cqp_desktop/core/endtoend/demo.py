"""A demo database with fictional organismes, candidates and a jury, so the app can be tried at once.

Every name here is invented. Candidates cover both CQP and both routes; each branche has two caisses
so that an expert from another organisme of the candidate's branche always exists. A demo Ucanss
authority is created with a fresh key each time (never a key from the repository) and certifies every
jury member, whose key is protected by the demo passphrase (DEMO_PASSPHRASE unless another is given),
so avis can be signed and a session exported at once (never use it for real data).

`headless()` builds both sides in two folders with no display: the Ucanss (authority and national
base) and a site that trusts it, with one session whose épreuves are run, signed and co-signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqp_desktop.core.model.calendar import load_calendar
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store

if TYPE_CHECKING:
    from cqp_desktop.core.endtoend.enrolment import LocalAuthority

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

PREMSS_DATE = "2026-03-27"  # Pass et Prem'ss completion attested for the demo's formation candidates
CERTIFIER_KINDS = {"UCANSS": "ucanss", "I410": "institut_4_10"}  # kinds of resources/fondation.toml

DEMO_PASSPHRASE = "demo-jury-2026"
DEMO_AUTHORITY_FOLDER = "ucanss-demo"  # beside the demo database: the demo's own Ucanss side

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
    return q.is_empty(store)


def populate(
    store: Store,
    referentiel: Referentiel,
    today: dt.date | None = None,
    *,
    authority: LocalAuthority | None = None,
    passphrase: str = DEMO_PASSPHRASE,
) -> DemoSummary:
    """Fill an empty database: two épreuves today (to try the app at once), the others in the next
    certification session month. Every jury member is certified by `authority` (a demo authority beside the database when None).
    """
    today = today or dt.date.today()
    if authority is None:
        from cqp_desktop.core.endtoend.enrolment import LocalAuthority
        from cqp_desktop.core.storage.backup import data_dir_of

        authority = LocalAuthority.in_folder(data_dir_of(store) / DEMO_AUTHORITY_FOLDER, passphrase)
        authority.publish_referentiel(_content(store, referentiel))
    authority.trust(store)
    org_ids = {
        code: store.add_organisme(code, name, kind, branche, certifier_kind=CERTIFIER_KINDS.get(code))
        for code, name, kind, branche in ORGANISMES
    }
    jury_ids = {
        last: store.add_jury_member(last, first, org_ids[org], role, branche, trained)
        for last, first, org, role, branche, trained in JURY
    }
    for last, *_ in JURY:
        authority.enrol(store, jury_ids[last], passphrase)
    organisme_names = {code: name for code, name, _kind, _branche in ORGANISMES}
    cand_ids = {
        last: store.add_candidate(
            last, first, org_ids[org], cqp, route, premss,
            pass_premss_date=PREMSS_DATE if premss else None,
            pass_premss_attested_by=f"Responsable formation, {organisme_names[org]}" if premss else "",
        )
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


def _content(store: Store, referentiel: Referentiel) -> dict[str, Any]:
    record = q.referentiel_record(store, referentiel.content_hash)
    assert record is not None, referentiel.content_hash
    return record[2]


@dataclass(frozen=True)
class HeadlessSummary:
    root_fingerprint: str
    session_id: int
    session_label: str
    candidates: int
    jury_members: int
    signed: int


def headless(site: Path, ucanss: Path, passphrase: str = DEMO_PASSPHRASE) -> HeadlessSummary:
    """A demo Ucanss (new authority, national base) in `ucanss` and a site trusting it in `site`, with a
    session of the demo whose certifying épreuves are run, signed by their président and co-signed."""
    from cqp_desktop import paths
    from cqp_desktop.core.endtoend.enrolment import LocalAuthority
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    authority = LocalAuthority.in_folder(ucanss, passphrase)
    authority.publish_referentiel(canonical_data(default_referentiel_path()))
    site.mkdir(parents=True, exist_ok=True)
    store = Store.open(paths.database_path(site))
    try:
        referentiel = store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        summary = populate(store, referentiel, authority=authority, passphrase=passphrase)
        session_id = q.first_session(store)
        assert session_id is not None
        signed = run_session(store, session_id[0], passphrase)
        root = keys.fingerprint(authority.root())
    finally:
        store.close()
        authority.db.close()
    return HeadlessSummary(root, session_id[0], session_id[1], summary.candidates, summary.jury_members, signed)


def run_session(store: Store, session_id: int, passphrase: str) -> int:
    """Run every certifying épreuve of the session with a simulated clock, then sign and co-sign each
    avis: a believable day of a jury, most blocs validated, one not (with préconisations)."""
    from cqp_desktop.core.site import avis
    from cqp_desktop.core.site.runner import EpreuveRunner

    ids = q.session_epreuve_ids(store, session_id, str(Mode.CERTIFICATION), with_cancelled=True)
    for index, epreuve_id in enumerate(ids):
        clock = _SimulatedClock()
        runner = EpreuveRunner(store, epreuve_id, now_ns=clock)
        epreuve = store.epreuve(epreuve_id)
        runner.start()
        failing = index == 1  # one bloc not validated: the avis then carries préconisations
        for n, criterion in enumerate(runner.bloc.criteria()):
            clock.advance(20)
            decision = Decision.NON_VALIDE if failing and n % 2 == 0 else Decision.VALIDE
            runner.set_decision(criterion.key, decision)
        first = runner.bloc.competences[0]
        runner.save_note(first.key, "Reformule la demande et vérifie la compréhension de l'usager.")
        if runner.has_presentation:
            for competence in runner.bloc.competences[:2]:
                runner.set_presented(competence.key, True)
        if runner.is_vae:
            runner.set_situation(1, "Accueil d'un assuré en situation de rupture de droits",
                                 "Analyse du dossier, ouverture des droits, orientation vers le service social.",
                                 [c.key for c in runner.bloc.competences[:2]])
        while not runner.ended:
            if runner.clock.current.count_min is not None:
                runner.set_count(max(runner.clock.current.count_min, 3))
            clock.advance(60)
            runner.next_phase()
        validated = runner.result().validated
        avis_id = avis.draft_avis(
            store,
            epreuve_id,
            validated,
            comments={first.key: "Posture professionnelle adaptée."},
            preconisations="" if validated else "Reprendre le bloc après un accompagnement par un tuteur sur les compétences non acquises.",
        )
        avis.sign_avis(store, avis_id, epreuve["president_id"], passphrase, DEMO_SIGNATURE_PNG)
        avis.sign_avis(store, avis_id, epreuve["expert_id"], passphrase, DEMO_SIGNATURE_PNG)
    return len(ids)


class _SimulatedClock:
    """A monotonic clock the demo advances by hand (seconds), as the tests' fake clock does."""

    def __init__(self) -> None:
        self.ns = 10**12

    def __call__(self) -> int:
        return self.ns

    def advance(self, seconds: float) -> None:
        self.ns += int(seconds * 1e9)


def _signature_png() -> bytes:
    """A drawn-signature stand-in (a small PNG made here, no image library needed)."""
    import struct
    import zlib

    width, height = 120, 36
    rows = b""
    for y in range(height):
        row = bytearray([255] * width)
        for x in range(width):
            if abs((y - height / 2) - 10 * __import__("math").sin(x / 9)) < 1.2:
                row[x] = 20
        rows += b"\x00" + bytes(row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


DEMO_SIGNATURE_PNG = _signature_png()
