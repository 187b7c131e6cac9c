"""Ucanss' consolidation database: verified session packages from every site, CCP capitalised, lists for
the jury paritaire national. Qt-free.

Its own SQLite file and its own migration set (`cqp_national`), opened like the site database (WAL,
synchronous=FULL on every connection, refusal of a newer schema). A package enters only after
`package_verify` found nothing wrong; one package = one transaction. Importing the same package
again changes nothing; an older revision of a session already imported (replay), or the same revision
with other content (conflict), or a candidate UUID already known under other names, is refused with
the reason. Candidates are identified by the UUID their site gave them, never by their names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.common.formats import french_day, listing_name, person_name
from cqp_desktop.core.exchange.package_verify import PdfVerifier, Verdict, verify_bytes
from cqp_desktop.core.exchange.trust import TrustAnchors
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.model.referentiel import Referentiel, from_data
from cqp_desktop.core.model.rules import BlocOutcome, ccp_held, certification_status
from cqp_desktop.core.storage.db import open_migrated
from cqp_desktop.core.storage.errors import StoreError

MIGRATION_SET = "cqp_national"
DB_FILENAME = "cqp-national.sqlite3"
national_migrations = Migrations(MIGRATION_SET)


@national_migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE packages (
            id INTEGER PRIMARY KEY,
            manifest_sha256 TEXT NOT NULL UNIQUE,
            session_uuid TEXT NOT NULL,
            revision INTEGER NOT NULL,
            session_label TEXT NOT NULL,
            session_month TEXT NOT NULL,
            site TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL,
            signer_name TEXT NOT NULL,
            app_version TEXT NOT NULL,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (session_uuid, revision)
        );
        CREATE TABLE candidates (
            uuid TEXT PRIMARY KEY,
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            organisme_code TEXT NOT NULL,
            organisme_name TEXT NOT NULL,
            branche TEXT,
            cqp TEXT NOT NULL,
            route TEXT NOT NULL,
            package_id INTEGER NOT NULL REFERENCES packages(id)
        );
        CREATE TABLE epreuves (
            id INTEGER PRIMARY KEY,
            package_id INTEGER NOT NULL REFERENCES packages(id),
            session_uuid TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            candidate_uuid TEXT NOT NULL REFERENCES candidates(uuid),
            certification TEXT NOT NULL,
            bloc TEXT NOT NULL,
            route TEXT NOT NULL,
            planned_date TEXT NOT NULL,
            referentiel_hash TEXT NOT NULL,
            computed_validated INTEGER NOT NULL,
            jury_validated INTEGER NOT NULL,
            justification TEXT NOT NULL,
            preconisations TEXT NOT NULL,
            avis_version INTEGER NOT NULL,
            UNIQUE (package_id, local_id)
        );
        CREATE INDEX epreuves_candidate ON epreuves(candidate_uuid);
        CREATE TABLE referentiels (
            hash TEXT PRIMARY KEY,
            ref_id TEXT NOT NULL,
            version TEXT NOT NULL,
            content TEXT NOT NULL
        );
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            source TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            reasons TEXT NOT NULL
        );
        """
    )
    for table in ("packages", "epreuves", "referentiels", "rejections"):
        db.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'consolidation : modification interdite'); END;"
        )
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'consolidation : suppression interdite'); END;"
        )


@national_migrations(name="0002_trusted_signers")
def m0002_trusted_signers(db: Database) -> None:
    """Présidents' certificates Ucanss knows. Once one is registered, packages signed by others are refused.

    Site certificates are self-signed: without this list a forger could make a whole package, avis
    signatures included, with keys of their own. Ucanss registers each président's certificate (or
    fingerprint) when it appoints them.
    """
    db.executescript(
        """
        CREATE TABLE trusted_signers (
            fingerprint TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            certificate_pem TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        """
    )


@national_migrations(name="0003_authority")
def m0003_authority(db: Database) -> None:
    """The Ucanss's jury certification authority (core/ucanss/authority.py): root, issued certificates,
    revocations and their signed lists, published référentiels. `trusted_signers` is no longer read:
    trust now comes from certificates the authority issued, not from a list of fingerprints."""
    from cqp_desktop.core.ucanss import authority

    authority.migrate(db)


@national_migrations(name="0004_epreuve_avis_hash")
def m0004_epreuve_avis_hash(db: Database) -> None:
    """The hash of each épreuve's avis in force as imported: the acknowledgment names it, so the site
    knows the Ucanss holds exactly the version its jury signed last."""
    db.execute("ALTER TABLE epreuves ADD COLUMN avis_payload_sha256 TEXT")


@national_migrations(name="0005_candidate_person")
def m0005_candidate_person(db: Database) -> None:
    """The person's stable identifier (joins a person's records across sites and years, core/model/person_id.py)
    and the Pass et Prem'ss attestation the CQP requires (letter 3/B), as the packages carry them."""
    db.execute("ALTER TABLE candidates ADD COLUMN person_id TEXT")
    db.execute("ALTER TABLE candidates ADD COLUMN pass_premss_date TEXT")
    db.execute("ALTER TABLE candidates ADD COLUMN pass_premss_attested_by TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX candidates_person ON candidates(person_id)")


@national_migrations(name="0050_jury_paritaire")
def m0050_jury_paritaire(db: Database) -> None:
    """The jury paritaire national (core/ucanss/national_jury.py): its sessions on calendar dates, its decisions
    (append-only: a correction is a new decision) and, once the deliberation is closed, the signed
    procès-verbal."""
    from cqp_desktop.core.ucanss import national_jury

    national_jury.migrate(db)


@national_migrations(name="0060_examiner_analytics")
def m0060_examiner_analytics(db: Database) -> None:
    """What the examiner analytics keep of each imported épreuve (core/ucanss/examiner_analytics.py): who sat,
    final and, in double correction, each member's own marks per criterion. Packages imported before this
    migration are not in it (their marks were not kept); their next revision will be."""
    from cqp_desktop.core.ucanss import examiner_analytics

    examiner_analytics.migrate(db)


def open_national(path: Path | str) -> Database:
    """The consolidation database: opened like a site's (pragmas, newer/damaged refused, migrations)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def not_a_site_database(db: Database, applied: set[str]) -> None:
        site_tables = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'candidates'"
        ).fetchone()[0]
        if site_tables and not applied:
            raise StoreError(f"« {path} » n'est pas une base de consolidation nationale (base d'un site ?).")

    return open_migrated(path, national_migrations, "La base de consolidation", guard=not_a_site_database)


# --------------------------------------------------------------------------------------------------
# Import


class ImportRejected(Exception):
    """A package that may not enter the consolidation; `reasons` are French sentences."""

    def __init__(self, source: str, reasons: list[str]):
        self.source = source
        self.reasons = reasons
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([f"Paquet « {self.source} » refusé :", *(f"  - {r}" for r in self.reasons)])


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    status: str  # "importé" | "déjà importé"
    package_id: int
    session_uuid: str
    session_label: str
    revision: int
    manifest_sha256: str
    candidates: int
    epreuves: int
    acknowledgment: dict[str, Any]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def import_package(
    db: Database,
    raw: bytes,
    *,
    source: str = "<paquet>",
    key_file: bytes | None = None,
    passphrase: str | None = None,
    certificate: bytes | None = None,
    pdf_verifier: PdfVerifier | None = None,
    clock: Callable[[], str] = _now,
    trust: TrustAnchors | None = None,
) -> ImportOutcome:
    """Verify then import one package in one transaction; raise ImportRejected with every reason.

    Trust is the Ucanss authority's held in `db` (core/ucanss/authority.py), unless `trust` is given.
    """
    from cqp_desktop.core.ucanss import authority

    verdict = verify_bytes(
        raw,
        source=source,
        trust=trust if trust is not None else authority.anchors(db),
        key_file=key_file,
        passphrase=passphrase,
        certificate=certificate,
        pdf_verifier=pdf_verifier,
    )
    return admit(db, verdict, source, clock)


def admit(db: Database, verdict: Verdict, source: str, clock: Callable[[], str] = _now) -> ImportOutcome:
    """Enter one verified package (or record its refusal) in one transaction — nested in the caller's, if any
    (core/ucanss/national_import.py commits a batch at once); raise ImportRejected with every reason."""
    if not verdict.ok:
        _reject(db, source, verdict.manifest_sha256, verdict.problems, clock)
    assert verdict.manifest is not None and verdict.data is not None
    existing = db.execute("SELECT id FROM packages WHERE manifest_sha256 = ?", [verdict.manifest_sha256]).fetchone()
    if existing is not None:
        return _outcome(db, existing[0], source, "déjà importé")
    reasons = _conflicts(db, verdict)
    if reasons:
        _reject(db, source, verdict.manifest_sha256, reasons, clock)
    try:
        with db.atomic():
            package_id = _insert_package(db, verdict, source, clock())
    except sqlite3.IntegrityError:
        # another process imported this session's revision between our checks and our write
        existing = db.execute("SELECT id FROM packages WHERE manifest_sha256 = ?", [verdict.manifest_sha256]).fetchone()
        if existing is not None:
            return _outcome(db, existing[0], source, "déjà importé")
        _reject(db, source, verdict.manifest_sha256, _conflicts(db, verdict) or ["import concurrent : relancez l'import"], clock)
    return _outcome(db, package_id, source, "importé")


def _reject(db: Database, source: str, digest: str, reasons: list[str], clock: Callable[[], str]) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO rejections (at, source, manifest_sha256, reasons) VALUES (?,?,?,?)",
            [clock(), source, digest, json.dumps(reasons, ensure_ascii=False)],
        )
    raise ImportRejected(source, reasons)


def _conflicts(db: Database, verdict: Verdict) -> list[str]:
    manifest, data = verdict.manifest, verdict.data
    assert manifest is not None and data is not None
    reasons = []
    uuid, revision = manifest["session"]["uuid"], manifest["revision"]
    latest = db.execute(
        "SELECT revision, manifest_sha256 FROM packages WHERE session_uuid = ? ORDER BY revision DESC LIMIT 1", [uuid]
    ).fetchone()
    if latest is not None:
        if revision < latest[0]:
            reasons.append(
                f"rejeu refusé : ce paquet est la révision {revision} de la session « {manifest['session']['label']} », "
                f"la révision {latest[0]} plus récente est déjà importée"
            )
        elif revision == latest[0]:
            reasons.append(
                f"conflit : la révision {revision} de la session « {manifest['session']['label']} » est déjà importée "
                "avec un contenu différent (deux paquets différents pour le même état de session)"
            )
    if latest is not None and revision > latest[0]:
        reasons += _regressions(db, uuid, data)
    names = _known(db, "SELECT uuid, last_name, first_name FROM candidates WHERE uuid IN ({})", data["candidates"])
    for c in data["candidates"]:
        known = names.get(c["uuid"])
        if known is not None and (known[0].casefold(), known[1].casefold()) != (
            c["last_name"].casefold(),
            c["first_name"].casefold(),
        ):
            reasons.append(
                f"conflit d'identité : le candidat {c['uuid']} est déjà connu sous le nom {known[1]} {known[0]}, "
                f"ce paquet le nomme {c['first_name']} {c['last_name']}"
            )
    return reasons


def _regressions(db: Database, session_uuid: str, data: dict[str, Any]) -> list[str]:
    """A newer revision may add, never take away: an épreuve already received, or a newer avis version
    of it, must still be there (a package assembled without a correcting version is refused)."""
    latest = db.execute(
        "SELECT id FROM packages WHERE session_uuid = ? ORDER BY revision DESC LIMIT 1", [session_uuid]
    ).fetchone()
    known = {
        row[0]: row[1]
        for row in db.execute("SELECT local_id, avis_version FROM epreuves WHERE package_id = ?", [latest[0]])
    }
    present = {e["id"]: max(a["version"] for a in e["avis"]) for e in data["epreuves"]}
    reasons = []
    for local_id, version in sorted(known.items()):
        if local_id not in present:
            reasons.append(f"épreuve n° {local_id} déjà reçue dans une révision précédente mais absente de ce paquet : refusé")
        elif present[local_id] < version:
            reasons.append(
                f"épreuve n° {local_id} : avis version {present[local_id]} alors que la version {version} a déjà été reçue "
                "(version corrective retirée) : refusé"
            )
    return reasons


def _insert_package(db: Database, verdict: Verdict, source: str, at: str) -> int:
    manifest, data = verdict.manifest, verdict.data
    assert manifest is not None and data is not None
    jury = {m["id"]: m for m in data["jury"]}
    signer = jury.get(manifest["signer"]["member_id"], {})
    cursor = db.execute(
        "INSERT INTO packages (manifest_sha256, session_uuid, revision, session_label, session_month, site, "
        "signer_fingerprint, signer_name, app_version, source, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            verdict.manifest_sha256,
            manifest["session"]["uuid"],
            manifest["revision"],
            data["session"]["label"],
            data["session"]["month"],
            data["session"]["site"],
            manifest["signer"]["fingerprint"],
            person_name(signer.get('first_name', ''), signer.get('last_name', '')).strip(),
            manifest["app_version"],
            Path(source).name,
            at,
        ],
    )
    package_id = int(cursor.lastrowid or 0)
    organismes = {o["id"]: o for o in data["organismes"]}
    month = data["session"]["month"]
    months = _known(
        db, "SELECT c.uuid, p.session_month FROM candidates c JOIN packages p ON p.id = c.package_id WHERE c.uuid IN ({})",
        data["candidates"],
    )
    rows = []
    for c in data["candidates"]:
        o = organismes[c["organisme_id"]]
        known = months.get(c["uuid"])
        if known is not None and known[0] > month:
            continue  # a package of an older session arriving late: the newer description stays
        rows.append(
            [c["uuid"], c["last_name"], c["first_name"], o["code"], o["name"], o["branche"], c["cqp"], c["route"], package_id,
             c["person_id"], c["pass_premss_date"], c["pass_premss_attested_by"]]
        )
    db.conn.executemany(  # one statement per package (the national import enters one every few milliseconds)
        "INSERT INTO candidates (uuid, last_name, first_name, organisme_code, organisme_name, branche, cqp, route, "
            "package_id, person_id, pass_premss_date, pass_premss_attested_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(uuid) DO UPDATE SET organisme_code = excluded.organisme_code, "
            "organisme_name = excluded.organisme_name, branche = excluded.branche, cqp = excluded.cqp, "
            "route = excluded.route, package_id = excluded.package_id, person_id = excluded.person_id, "
            "pass_premss_date = excluded.pass_premss_date, pass_premss_attested_by = excluded.pass_premss_attested_by",
        rows,
    )
    rows = []
    for e in data["epreuves"]:
        avis = max(e["avis"], key=lambda a: a["version"])
        rows.append(
            [
                package_id,
                manifest["session"]["uuid"],
                e["id"],
                e["candidate_uuid"],
                e["certification"],
                e["bloc"],
                e["route"],
                e["planned_date"],
                e["referentiel"]["hash"],
                int(verdict.recomputed[e["id"]]["validated"]),
                int(avis["jury_validated"]),
                avis["justification"],
                avis["preconisations"],
                avis["version"],
                next(s["payload_hash"] for s in avis["signatures"] if s["role"] == Role.PRESIDENT),
            ]
        )
    db.conn.executemany(
        "INSERT INTO epreuves (package_id, session_uuid, local_id, candidate_uuid, certification, bloc, route, "
        "planned_date, referentiel_hash, computed_validated, jury_validated, justification, preconisations, "
        "avis_version, avis_payload_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    for content_hash, referentiel in verdict.referentiels.items():
        if db.execute("SELECT 1 FROM referentiels WHERE hash = ?", [content_hash]).fetchone():
            continue  # every package embeds the same few: store each once
        entry = next(r for r in manifest["referentiels"] if r["hash"] == content_hash)
        member = json.loads(_member_content(verdict, entry["path"]))
        db.execute(
            "INSERT OR IGNORE INTO referentiels (hash, ref_id, version, content) VALUES (?,?,?,?)",
            [content_hash, referentiel.id, referentiel.version, canonical_json(member).decode("utf-8")],
        )
    from cqp_desktop.core.ucanss import examiner_analytics

    examiner_analytics.record_session(db, data, package_id=package_id, referentiels=verdict.referentiels)
    return package_id


def _known(db: Database, sql: str, candidates: list[dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    """Rows about a package's candidates already in the base, by UUID: one query (`sql` has `IN ({})`)."""
    uuids = list(dict.fromkeys(c["uuid"] for c in candidates))
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(uuids), 500):  # SQLite's bound on the parameters of one statement
        chunk = uuids[start:start + 500]
        found.update((row[0], tuple(row[1:])) for row in db.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return found


def _member_content(verdict: Verdict, path: str) -> bytes:
    return verdict.members[path]


def _outcome(db: Database, package_id: int, source: str, status: str) -> ImportOutcome:
    row = next(db.query("SELECT * FROM packages WHERE id = ?", [package_id]))
    epreuves = db.execute("SELECT count(*) FROM epreuves WHERE package_id = ?", [package_id]).fetchone()[0]
    candidates = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT candidate_uuid FROM epreuves WHERE package_id = ? ORDER BY candidate_uuid", [package_id]
        )
    ]
    from cqp_desktop.core.exchange.ucanss_files import acknowledgment_body

    epreuve_list = [
        {"id": r[0], "avis_version": r[1], "payload_sha256": r[2] or ""}
        for r in db.execute(
            "SELECT local_id, avis_version, avis_payload_sha256 FROM epreuves WHERE package_id = ? ORDER BY local_id",
            [package_id],
        )
    ]
    return ImportOutcome(
        source=source,
        status=status,
        package_id=package_id,
        session_uuid=row["session_uuid"],
        session_label=row["session_label"],
        revision=row["revision"],
        manifest_sha256=row["manifest_sha256"],
        candidates=len(candidates),
        epreuves=epreuves,
        acknowledgment=acknowledgment_body(row, candidates, epreuve_list),
    )


# --------------------------------------------------------------------------------------------------
# Consolidation


@dataclass
class BlocRecord:
    bloc: str
    certification: str
    validated: bool
    computed_validated: bool
    date: str
    session_label: str
    site: str
    preconisations: str
    justification: str


@dataclass(frozen=True)
class Candidate:
    """A candidate as the national base knows them (the newest session describes the person)."""

    uuid: str
    last_name: str
    first_name: str
    organisme: str
    cqp: str
    route: str

    @property
    def name(self) -> str:
        return listing_name(self.last_name, self.first_name)


@dataclass(frozen=True)
class CandidateStatus(Candidate):
    held: tuple[str, ...]  # blocs with a CCP, any session, any site
    cqp_obtained: tuple[str, ...]  # certifications whose blocs are all held (GRU/MDR count for both)
    missing: tuple[str, ...]  # blocs of the candidate's CQP still to certify
    records: list[BlocRecord] = field(default_factory=list)
    withheld: tuple[str, ...] = ()  # why no CQP is proposed although every bloc is held (Pass et Prem'ss)
    person_id: str = ""  # the stable identifier joining a person's records across sites and years

    def preconisations(self) -> list[BlocRecord]:
        """Latest non-validated épreuve of each bloc still without a CCP: what the jury recommended."""
        latest: dict[str, BlocRecord] = {}
        for r in self.records:
            if not r.validated and r.bloc not in self.held:
                latest[r.bloc] = r
        return [latest[b] for b in sorted(latest)]

    def ccp(self) -> list[BlocRecord]:
        """First validation of each bloc: the CCP to deliver."""
        first: dict[str, BlocRecord] = {}
        for r in self.records:
            if r.validated and r.bloc not in first:
                first[r.bloc] = r
        return [first[b] for b in self.held]


def _latest_referentiel(db: Database) -> Referentiel | None:
    rows = list(db.query("SELECT content FROM referentiels"))
    refs = [from_data(json.loads(r["content"])) for r in rows]
    return max(refs, key=lambda r: (r.valid_from, r.version)) if refs else None


def capitalise(
    referentiel: Referentiel | None, cqp: str, outcomes: list[tuple[str, bool]]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(CCP held, CQP obtained, blocs of `cqp` still missing) from every certifying outcome of a candidate.

    A bloc validated once holds its CCP for good, whatever came before or after; a CCP on a common bloc
    (GRU, MDR) counts for every CQP that has it (rules.certification_status).
    """
    held_set = ccp_held(BlocOutcome(bloc, validated) for bloc, validated in outcomes)
    if referentiel is None:
        return tuple(sorted(held_set)), (), ()
    held = tuple(b for b in referentiel.blocs if b in held_set)
    obtained = tuple(code for code in referentiel.certifications if certification_status(referentiel, code, held).cqp)
    missing = certification_status(referentiel, cqp, held).missing if cqp in referentiel.certifications else ()
    return held, obtained, missing


def _prerequisite(row: dict[str, Any], columns: set[str]) -> tuple[str, ...]:
    """Why the CQP is withheld (letter 3/B: Pass et Prem'ss completed, attested), from what the package carried.

    The attestation travels as `pass_premss_date` / `pass_premss_attested_by` on the candidate; a base whose
    import does not store it yet cannot know it, so no CQP is proposed rather than one proposed on faith.
    """
    from cqp_desktop.core.model.founding import load_founding

    founding = load_founding()
    if row.get("route") not in founding.prerequisite_routes:
        return ()
    if "pass_premss_date" not in columns:
        return (f"attestation Pass et Prem'ss non transmise par le paquet ({founding.prerequisite_reference})",)
    if row.get("pass_premss_date") and (row.get("pass_premss_attested_by") or "").strip():
        return ()
    return (f"prérequis Pass et Prem'ss non attesté ({founding.prerequisite_reference})",)


def prerequisite_missing(db: Database, candidate_uuid: str) -> tuple[str, ...]:
    """Why a CQP cannot be delivered to this candidate whatever their CCP (Pass et Prem'ss, letter 3/B), from what
    their latest package carried; () when nothing withholds it. The jury paritaire's proposals use it too."""
    columns = {r[1] for r in db.execute("PRAGMA table_info(candidates)").fetchall()}
    rows = list(db.query("SELECT * FROM candidates WHERE uuid = ?", [candidate_uuid]))
    return _prerequisite(rows[0], columns) if rows else ()


def consolidated(db: Database) -> list[CandidateStatus]:
    """Every person with the CCP they hold across sessions and sites, from each session's latest revision.

    Records are joined by the person's stable identifier (`person_id`, core/model/person_id.py) when the base
    holds it, else by the site record's UUID: the same person's COS and GC épreuves, on any site and in any
    year, capitalise together. The CQP is proposed only when every bloc is held *and* the Pass et Prem'ss
    completion is attested (`CandidateStatus.withheld` says why not).
    """
    referentiel = _latest_referentiel(db)
    columns = {r[1] for r in db.execute("PRAGMA table_info(candidates)").fetchall()}
    rows = db.query(
        """
        SELECT e.*, p.session_label, p.site FROM epreuves e JOIN packages p ON p.id = e.package_id
        WHERE p.revision = (SELECT max(revision) FROM packages q WHERE q.session_uuid = p.session_uuid)
        ORDER BY e.planned_date, e.id
        """
    )
    records: dict[str, list[BlocRecord]] = {}
    for r in rows:
        records.setdefault(r["candidate_uuid"], []).append(
            BlocRecord(
                bloc=r["bloc"],
                certification=r["certification"],
                validated=bool(r["jury_validated"]),
                computed_validated=bool(r["computed_validated"]),
                date=r["planned_date"],
                session_label=r["session_label"],
                site=r["site"],
                preconisations=r["preconisations"],
                justification=r["justification"],
            )
        )
    people: dict[str, list[dict[str, Any]]] = {}
    for c in db.query(
        "SELECT c.*, p.session_month FROM candidates c JOIN packages p ON p.id = c.package_id "
        "ORDER BY p.session_month, c.uuid"
    ):
        people.setdefault(c.get("person_id") or c["uuid"], []).append(c)
    out: list[Any] = []
    for person_rows in people.values():
        c = person_rows[-1]  # the newest session describes the person (CQP aimed at, employer)
        mine = sorted(
            (r for row in person_rows for r in records.get(row["uuid"], [])), key=lambda r: r.date
        )
        held, obtained, missing = capitalise(referentiel, c["cqp"], [(r.bloc, r.validated) for r in mine])
        withheld = _prerequisite(c, columns) if obtained else ()
        out.append(
            CandidateStatus(
                uuid=c["uuid"],
                last_name=c["last_name"],
                first_name=c["first_name"],
                organisme=c["organisme_name"],
                cqp=c["cqp"],
                route=c["route"],
                held=held,
                cqp_obtained=() if withheld else obtained,
                missing=missing,
                records=mine,
                withheld=withheld,
                person_id=c.get("person_id") or "",
            )
        )
    out.sort(key=lambda s: (s.last_name, s.first_name, s.uuid))
    return out


CSV_HEADER = [
    "identifiant candidat",
    "nom",
    "prénom",
    "organisme",
    "CQP visé",
    "voie",
    "CCP à délivrer",
    "CQP proposé",
    "blocs restant à certifier",
    "préconisations",
    "avis s'écartant du calcul",
]


def export_csv(db: Database) -> str:
    """One line per candidate, `;`-separated (opens in French spreadsheets), for the jury paritaire national."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for c in consolidated(db):
        departs = [f"{r.bloc} ({r.date}) : {r.justification}" for r in c.records if r.validated != r.computed_validated]
        writer.writerow(
            [
                c.uuid,
                c.last_name,
                c.first_name,
                c.organisme,
                c.cqp,
                c.route,
                ", ".join(c.held),
                ", ".join(c.cqp_obtained) or ("non : " + " ; ".join(c.withheld) if c.withheld else "non"),
                ", ".join(c.missing),
                " | ".join(f"{r.bloc} : {r.preconisations}" for r in c.preconisations()),
                " | ".join(departs),
            ]
        )
    return buffer.getvalue()


def write_csv(db: Database, path: Path) -> None:
    from cqp_desktop.core.common.files import write_atomic

    write_atomic(path, ("\ufeff" + export_csv(db)).encode("utf-8"))


# --------------------------------------------------------------------------------------------------
# PDF for the jury paritaire national


def export_pdf(db: Database, *, generated_on: str | None = None) -> bytes:
    """Three lists: candidates proposed for a CQP, CCP to deliver, préconisations for blocs not validated.

    Same typography as the épreuve reports (core/site/report_pdf.py: DejaVu Sans, French spacing).
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Paragraph, Spacer

    from cqp_desktop.core.reports.pdf_toolkit import fr, render, styles

    st = styles()
    page = landscape(A4)
    statuses = consolidated(db)
    packages = db.execute("SELECT count(*), count(DISTINCT session_uuid) FROM packages").fetchone()
    day = french_day(generated_on or dt.date.today().isoformat())

    def table(header: list[str], rows: list[list[str]], widths: list[float]) -> list[Flowable]:
        if not rows:
            return [Paragraph(fr("Aucun."), st.small)]
        return fast_grid(header, rows, [w * mm for w in widths])

    proposed = [
        [c.name, c.organisme, c.cqp, ", ".join(c.cqp_obtained), ", ".join(c.held), c.uuid[:8]]
        for c in statuses
        if c.cqp_obtained
    ]
    withheld = [[c.name, c.organisme, c.cqp, ", ".join(c.held), " ; ".join(c.withheld)] for c in statuses if c.withheld]
    ccp = [
        [
            c.name,
            c.organisme,
            r.bloc,
            f"{french_day(r.date)} — {r.session_label}",
            r.site,
            "oui : " + r.justification if r.validated != r.computed_validated else "non",
        ]
        for c in statuses
        for r in c.ccp()
    ]
    recommendations = [
        [c.name, c.organisme, r.bloc, french_day(r.date), r.preconisations or "(aucune préconisation transmise)"]
        for c in statuses
        for r in c.preconisations()
    ]
    story: list[Flowable] = [
        Paragraph(fr("Jury paritaire national — CQP COS et GC"), st.title),
        Paragraph(
            fr(
                f"Consolidation du {day} : {packages[0]} paquet(s) vérifié(s), {packages[1]} session(s), "
                f"{len(statuses)} candidat(s). Les CCP sont capitalisés d'une session et d'un site à l'autre ; "
                "GRU et MDR valent pour les deux CQP."
            ),
            st.subtitle,
        ),
        Paragraph(fr(f"Candidats proposés pour le CQP ({len(proposed)})"), st.h2),
        *table(["Candidat", "Organisme", "CQP visé", "CQP proposé", "CCP détenus", "Identifiant"], proposed, [60, 62, 20, 25, 55, 25]),
        Paragraph(fr(f"CQP retenus : tous les blocs détenus, prérequis manquant ({len(withheld)})"), st.h2),
        *table(["Candidat", "Organisme", "CQP visé", "CCP détenus", "Prérequis manquant"], withheld, [55, 55, 20, 40, 97]),
        Paragraph(fr(f"CCP à délivrer ({len(ccp)})"), st.h2),
        *table(["Candidat", "Organisme", "Bloc", "Épreuve", "Site", "Avis s'écartant du calcul"], ccp, [55, 55, 14, 50, 45, 48]),
        Paragraph(fr(f"Préconisations — blocs non validés ({len(recommendations)})"), st.h2),
        *table(["Candidat", "Organisme", "Bloc", "Épreuve", "Préconisations du jury"], recommendations, [55, 55, 14, 25, 118]),
        Spacer(1, 6 * mm),
        Paragraph(
            fr("Le jury paritaire national délibère souverainement ; cette liste reprend les avis des jurys professionnels."),
            st.small,
        ),
    ]
    return render(story, "Jury paritaire national — consolidation", f"cqp-desktop — consolidation nationale du {day}", pagesize=page)


def fast_grid(header: list[str], rows: list[list[str]], widths: list[float]) -> list[Any]:
    """A long list as plain text cells wrapped to their column (reportlab's `simpleSplit`), laid out one
    page-sized table at a time: the same grid as `pdf_toolkit.grid` (header repeated on each page) without
    one Paragraph per cell nor one giant table split again page after page — 10,000 candidates in
    seconds instead of a minute. Text gets `fr`'s French spacing (narrow no-break space before « : ; ! ? »)."""
    from reportlab.lib.utils import simpleSplit

    from cqp_desktop.core.reports.pdf_toolkit import NNBSP, styles

    st = styles()
    regular, bold = st.cell.fontName, st.cell_bold.fontName
    size, leading = st.cell.fontSize, st.cell.leading
    inner = [w - 6 for w in widths]  # LEFTPADDING + RIGHTPADDING

    from reportlab.pdfbase.pdfmetrics import stringWidth

    seen: dict[tuple[str, float, str], list[str]] = {}  # organismes, sites, préconisations repeat

    def wrap(text: str, width: float, font: str) -> list[str]:
        key = (text, width, font)
        lines = seen.get(key)
        if lines is None:
            for mark in (":", ";", "!", "?"):
                text = text.replace(f" {mark}", f"{NNBSP}{mark}")
            fits = "\n" not in text and stringWidth(text, font, size) <= width
            lines = seen[key] = [text] if fits else (simpleSplit(text, font, size, width) or [""])
        return lines

    def cells(row: list[str], font: str) -> tuple[list[str], float]:
        lines = [wrap(c, w, font) for c, w in zip(row, inner)]
        return ["\n".join(x) for x in lines], max(len(x) for x in lines) * leading + 4.5

    head, head_height = cells(header, bold)
    body = [cells(r, regular) for r in rows]
    return [_PagedGrid(head, head_height, [b[0] for b in body], [b[1] for b in body], widths, (regular, bold, size, leading))]


class _PagedGrid:
    """Rows that become one reportlab Table per page as the frame asks (see `fast_grid`)."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from reportlab.platypus import Flowable

        class PagedGrid(Flowable):
            def __init__(self, head: list[Any], head_height: float, rows: list[Any], heights: list[float], widths: list[float],
                         font: tuple[Any, ...], start: int = 0) -> None:
                super().__init__()
                self.head, self.head_height, self.rows, self.heights = head, head_height, rows, heights
                self.widths, self.font, self.start = widths, font, start
                self._table: Any = None

            def _make(self, end: int) -> Any:
                from reportlab.platypus import Table, TableStyle

                from cqp_desktop.core.reports.pdf_toolkit import GRID_STYLE, LIGHT

                regular, bold, size, leading = self.font
                table = Table(
                    [self.head, *self.rows[self.start : end]],
                    colWidths=list(self.widths),
                    rowHeights=[self.head_height, *self.heights[self.start : end]],
                )
                table.setStyle(
                    TableStyle(
                        [
                            ("FONT", (0, 0), (-1, -1), regular, size, leading),
                            ("FONT", (0, 0), (-1, 0), bold, size, leading),
                            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                            *GRID_STYLE,
                        ]
                    )
                )
                return table

            def wrap(self, aw, ah):  # type: ignore[no-untyped-def]  # noqa: ANN001
                return sum(self.widths), self.head_height + sum(self.heights[self.start :])

            def split(self, aw: float, ah: float) -> list[Any]:
                room, end = ah - self.head_height, self.start
                while end < len(self.rows) and room >= self.heights[end]:
                    room -= self.heights[end]
                    end += 1
                if end == self.start:
                    return []  # not even one row fits: next frame
                rest = PagedGrid(self.head, self.head_height, self.rows, self.heights, self.widths, self.font, end)
                return [self._make(end), rest] if end < len(self.rows) else [self._make(end)]

            def draw(self) -> None:
                table = self._make(len(self.rows))
                table.wrapOn(self.canv, sum(self.widths), self.wrap(0, 0)[1])  # type: ignore[no-untyped-call]  # reportlab's
                table.drawOn(self.canv, 0, 0)

        return PagedGrid(*args, **kwargs)


def write_pdf(db: Database, path: Path) -> None:
    from cqp_desktop.core.common.files import write_atomic

    write_atomic(path, export_pdf(db))


def database_file(db: Database) -> str:
    """The path of the national base's file (to name it in a message)."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def imported_sessions(db: Database) -> list[dict[str, Any]]:
    """One line per imported session: label, month, site, latest revision, versions, last import, signer."""
    return list(db.query(
        "SELECT session_label, session_month, site, max(revision) AS revision, count(*) AS versions, "
        "max(imported_at) AS imported_at, (SELECT signer_name FROM packages q WHERE q.session_uuid = p.session_uuid "
        "ORDER BY revision DESC LIMIT 1) AS signer FROM packages p GROUP BY session_uuid ORDER BY session_month, session_label"
    ))


def latest_rejections(db: Database, limit: int = 20) -> list[dict[str, Any]]:
    """The latest refused packages (at, source, reasons as JSON), newest first."""
    return list(db.query("SELECT at, source, reasons FROM rejections ORDER BY id DESC LIMIT ?", [limit]))
