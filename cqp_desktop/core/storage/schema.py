"""The schema, as an ordered list of migrations: the one source of truth for every table and trigger.

Each step is a small function applied once, in its own transaction, at start-up. Released steps are
never edited: a change is a new step (tests/data/ keeps a database of each released schema and
tests its upgrade). Immutability is enforced here, in the database, so that no code path — nor a
hand-typed SQL statement — can alter a signed record or the journals.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from cqp_desktop.core.model.founding import BRANCHES

MIGRATION_SET = "cqp_desktop"
migrations = Migrations(MIGRATION_SET)



def known_steps() -> list[str]:
    """Names of every schema step this version of the app knows, in order."""
    return [m.name for m in migrations._migrations]


def _deny(table: str, op: str, message: str, when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table}{condition} "
        f"BEGIN SELECT RAISE(ABORT, '{_sql_text(message)}'); END;"
    )


def _locked_epreuve(table: str) -> str:
    """No row added to an épreuve's journal once the épreuve is signed (byte for byte the trigger of 0001)."""
    return (
        f"CREATE TRIGGER {table}_locked_epreuve BEFORE INSERT ON {table} "
        f"WHEN (SELECT locked_at FROM epreuves WHERE id = NEW.epreuve_id) IS NOT NULL "
        f"BEGIN SELECT RAISE(ABORT, 'épreuve signée : ajout interdit'); END;"
    )


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    branches = ", ".join(f"'{b}'" for b in BRANCHES)
    db.executescript(
        f"""
        CREATE TABLE organismes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('caisse', 'certificateur')),
            branche TEXT CHECK (branche IS NULL OR branche IN ({branches})),
            CHECK (kind = 'certificateur' OR branche IS NOT NULL)
        );

        CREATE TABLE candidates (
            id INTEGER PRIMARY KEY,
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            organisme_id INTEGER NOT NULL REFERENCES organismes(id),
            cqp TEXT NOT NULL,
            route TEXT NOT NULL CHECK (route IN ('formation', 'vae')),
            pass_premss INTEGER NOT NULL DEFAULT 0 CHECK (pass_premss IN (0, 1)),
            created_at TEXT NOT NULL
        );

        CREATE TABLE jury_members (
            id INTEGER PRIMARY KEY,
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            organisme_id INTEGER NOT NULL REFERENCES organismes(id),
            role TEXT NOT NULL CHECK (role IN ('president', 'expert')),
            branche TEXT CHECK (branche IS NULL OR branche IN ({branches})),
            jury_training_date TEXT,
            created_at TEXT NOT NULL
        );

        CREATE TABLE cert_sessions (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            month TEXT NOT NULL,
            site TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );

        CREATE TABLE epreuves (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES cert_sessions(id),
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            referentiel_id TEXT NOT NULL,
            referentiel_version TEXT NOT NULL,
            referentiel_hash TEXT NOT NULL,
            certification TEXT NOT NULL,
            bloc TEXT NOT NULL,
            route TEXT NOT NULL CHECK (route IN ('formation', 'vae')),
            mode TEXT NOT NULL DEFAULT 'certification' CHECK (mode IN ('certification', 'prepositionnement')),
            alternative TEXT,
            planned_date TEXT NOT NULL,
            president_id INTEGER REFERENCES jury_members(id),
            expert_id INTEGER REFERENCES jury_members(id),
            created_at TEXT NOT NULL,
            locked_at TEXT
        );
        CREATE INDEX epreuves_candidate ON epreuves(candidate_id);
        CREATE INDEX epreuves_date ON epreuves(planned_date);

        CREATE TABLE timer_events (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            kind TEXT NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'phase', 'end', 'count', 'recovered')),
            phase TEXT,
            reason TEXT,
            value INTEGER,
            wall_time TEXT NOT NULL,
            mono_ns INTEGER NOT NULL,
            elapsed_ms INTEGER
        );
        CREATE INDEX timer_events_epreuve ON timer_events(epreuve_id, id);

        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            criterion TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('valide', 'non_valide', 'non_observe')),
            phase TEXT,
            author_id INTEGER REFERENCES jury_members(id),
            wall_time TEXT NOT NULL,
            undo_of INTEGER REFERENCES decisions(id)
        );
        CREATE INDEX decisions_epreuve ON decisions(epreuve_id, criterion, id);

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            competence TEXT,
            criterion TEXT,
            text TEXT NOT NULL,
            author_id INTEGER REFERENCES jury_members(id),
            wall_time TEXT NOT NULL
        );
        CREATE INDEX notes_epreuve ON notes(epreuve_id, competence, id);

        CREATE TABLE avis (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            version INTEGER NOT NULL DEFAULT 1,
            supersedes_id INTEGER REFERENCES avis(id),
            computed_validated INTEGER NOT NULL CHECK (computed_validated IN (0, 1)),
            jury_validated INTEGER NOT NULL CHECK (jury_validated IN (0, 1)),
            justification TEXT NOT NULL DEFAULT '',
            comments TEXT NOT NULL DEFAULT '{{}}',
            preconisations TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            signed_at TEXT,
            UNIQUE (epreuve_id, version)
        );

        CREATE TABLE signatures (
            id INTEGER PRIMARY KEY,
            avis_id INTEGER NOT NULL REFERENCES avis(id),
            signer_id INTEGER NOT NULL REFERENCES jury_members(id),
            role TEXT NOT NULL CHECK (role IN ('president', 'expert')),
            method TEXT NOT NULL,
            payload_hash TEXT NOT NULL,
            signature BLOB NOT NULL,
            certificate BLOB,
            drawn_png BLOB,
            signed_at TEXT NOT NULL
        );

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            details TEXT NOT NULL DEFAULT '{{}}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        """
    )
    statements = [
        # Journals are append-only, always.
        _deny("audit", "UPDATE", "journal d'audit : modification interdite"),
        _deny("audit", "DELETE", "journal d'audit : suppression interdite"),
        _deny("decisions", "UPDATE", "décisions : modification interdite (une correction est une nouvelle décision)"),
        _deny("decisions", "DELETE", "décisions : suppression interdite"),
        _deny("timer_events", "UPDATE", "chronométrage : modification interdite"),
        _deny("timer_events", "DELETE", "chronométrage : suppression interdite"),
        _deny("notes", "UPDATE", "notes : modification interdite (une correction est une nouvelle version)"),
        _deny("notes", "DELETE", "notes : suppression interdite"),
        _deny("signatures", "UPDATE", "signature : modification interdite"),
        _deny("signatures", "DELETE", "signature : suppression interdite"),
        # A signed avis is frozen; an amendment is a new version.
        _deny("avis", "UPDATE", "avis signé : modification interdite (créer une nouvelle version)", "OLD.signed_at IS NOT NULL"),
        _deny("avis", "DELETE", "avis signé : suppression interdite", "OLD.signed_at IS NOT NULL"),
        # A locked (signed) épreuve accepts nothing more.
        _deny("epreuves", "UPDATE", "épreuve signée : modification interdite", "OLD.locked_at IS NOT NULL"),
        _deny("epreuves", "DELETE", "épreuve signée : suppression interdite", "OLD.locked_at IS NOT NULL"),
    ]
    for table in ("decisions", "timer_events", "notes"):
        statements.append(_locked_epreuve(table))
    statements.append(
        "CREATE TRIGGER signatures_require_unsigned BEFORE INSERT ON signatures "
        "WHEN (SELECT signed_at FROM avis WHERE id = NEW.avis_id) IS NOT NULL "
        "AND NEW.role = 'president' "
        "BEGIN SELECT RAISE(ABORT, 'avis déjà signé par le président'); END;"
    )
    for statement in statements:
        db.execute(statement)


@migrations(name="0002_signing_identities")
def m0002_signing_identities(db: Database) -> None:
    """Each jury member's certificate and passphrase-encrypted private key (see core/exchange/keys.py)."""
    db.executescript(
        """
        CREATE TABLE signing_identities (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES jury_members(id),
            source TEXT NOT NULL CHECK (source IN ('generated', 'pkcs12')),
            fingerprint TEXT NOT NULL UNIQUE,
            certificate_pem BLOB NOT NULL,
            encrypted_key_pem BLOB NOT NULL,
            created_at TEXT NOT NULL,
            retired_at TEXT
        );
        CREATE INDEX signing_identities_member ON signing_identities(member_id);
        """
    )
    db.execute(
        "CREATE TRIGGER signing_identities_no_update BEFORE UPDATE OF member_id, source, fingerprint, "
        "certificate_pem, encrypted_key_pem, created_at ON signing_identities "
        "BEGIN SELECT RAISE(ABORT, 'identité de signature : modification interdite (en créer une nouvelle)'); END;"
    )
    db.execute(_deny("signing_identities", "DELETE", "identité de signature : suppression interdite"))


@migrations(name="0003_referentiels")
def m0003_referentiels(db: Database) -> None:
    """Every référentiel this machine has used, by content hash, so an épreuve always finds its own.

    Activating a new référentiel affects épreuves planned afterwards only; running ones keep theirs.
    """
    db.executescript(
        """
        CREATE TABLE referentiels (
            hash TEXT PRIMARY KEY,
            ref_id TEXT NOT NULL,
            version TEXT NOT NULL,
            content TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            activated_at TEXT
        );
        """
    )
    db.execute(
        "CREATE TRIGGER referentiels_no_update BEFORE UPDATE OF hash, ref_id, version, content ON referentiels "
        "BEGIN SELECT RAISE(ABORT, 'référentiel enregistré : contenu non modifiable'); END;"
    )
    db.execute(_deny("referentiels", "DELETE", "référentiel enregistré : suppression interdite"))


@migrations(name="0004_avis_amendment_reason")
def m0004_avis_amendment_reason(db: Database) -> None:
    """Why a signed avis was corrected: kept on the new version, signed with it (see core/site/avis.py)."""
    db.execute("ALTER TABLE avis ADD COLUMN amendment_reason TEXT NOT NULL DEFAULT ''")


# A UUID v4 made by SQLite itself, so every insert path gets one without code changes.
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || lower(hex(randomblob(6)))"
)


@migrations(name="0005_package_sync")
def m0005_package_sync(db: Database) -> None:
    """Stable identities across sites, Ucanss acknowledgments, and the purge of candidates' names.

    A candidate (and a session) gets a UUID on the site that created it: Ucanss consolidates CCP across
    sessions and sites by that UUID, never by names (homonyms, typos, purge). A session is
    "synchronised" once the acknowledgment Ucanss signed for its package is imported here; only then may
    the candidates' names be purged (see core/site/acknowledgment.py).
    """
    import uuid

    for table in ("candidates", "cert_sessions"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        for (row_id,) in db.execute(f"SELECT id FROM {table}").fetchall():
            db.execute(f"UPDATE {table} SET uuid = ? WHERE id = ?", [str(uuid.uuid4()), row_id])
        db.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        db.execute(
            f"CREATE TRIGGER {table}_uuid_on_insert AFTER INSERT ON {table} WHEN NEW.uuid IS NULL "
            f"BEGIN UPDATE {table} SET uuid = {_SQL_UUID4} WHERE id = NEW.id; END;"
        )
        db.execute(
            f"CREATE TRIGGER {table}_uuid_fixed BEFORE UPDATE OF uuid ON {table} "
            f"WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid "
            f"BEGIN SELECT RAISE(ABORT, 'identifiant stable : modification interdite'); END;"
        )
    db.execute("ALTER TABLE candidates ADD COLUMN purged_at TEXT")
    db.executescript(
        """
        CREATE TABLE session_sync (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES cert_sessions(id),
            revision INTEGER NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            ack_sha256 TEXT NOT NULL UNIQUE,
            ack_json TEXT NOT NULL,
            acknowledged_at TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE INDEX session_sync_session ON session_sync(session_id, revision);
        """
    )
    db.execute(_deny("session_sync", "UPDATE", "accusé de réception : modification interdite"))
    db.execute(_deny("session_sync", "DELETE", "accusé de réception : suppression interdite"))


@migrations(name="0006_runner_records")
def m0006_runner_records(db: Database) -> None:
    """What the épreuve runner records beyond decisions: MDR presented competences, VAE livret 2 situations.

    Both are append-only journals like decisions: the current value is the latest row per key.
    """
    db.executescript(
        """
        CREATE TABLE presented_competences (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            competence TEXT NOT NULL,
            presented INTEGER NOT NULL CHECK (presented IN (0, 1)),
            wall_time TEXT NOT NULL
        );
        CREATE INDEX presented_competences_epreuve ON presented_competences(epreuve_id, competence, id);

        CREATE TABLE vae_situations (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            slot INTEGER NOT NULL CHECK (slot >= 1),
            title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            competences TEXT NOT NULL DEFAULT '[]',
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            wall_time TEXT NOT NULL
        );
        CREATE INDEX vae_situations_epreuve ON vae_situations(epreuve_id, slot, id);
        """
    )
    for table, what in (("presented_competences", "compétences présentées"), ("vae_situations", "situations du livret 2")):
        db.execute(_deny(table, "UPDATE", f"{what} : modification interdite (une correction est une nouvelle ligne)"))
        db.execute(_deny(table, "DELETE", f"{what} : suppression interdite"))
        db.execute(_locked_epreuve(table))


@migrations(name="0007_signed_pdfs")
def m0007_signed_pdfs(db: Database) -> None:
    """Each épreuve report PDF once signed (PAdES), kept as is so a package made twice carries the same bytes.

    A PDF signature embeds its signing time: re-signing at every export would change the package's
    manifest. The signed file is a signed record like any other: never changed, never deleted.
    """
    db.executescript(
        """
        CREATE TABLE signed_pdfs (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            avis_id INTEGER NOT NULL REFERENCES avis(id),
            signer_id INTEGER NOT NULL REFERENCES jury_members(id),
            sha256 TEXT NOT NULL,
            pdf BLOB NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (avis_id)
        );
        """
    )
    db.execute(_deny("signed_pdfs", "UPDATE", "PDF signé : modification interdite"))
    db.execute(_deny("signed_pdfs", "DELETE", "PDF signé : suppression interdite"))


@migrations(name="0008_signature_payload")
def m0008_signature_payload(db: Database) -> None:
    """The exact bytes each avis signature covers (core/site/avis.py), kept so a later change of a person's
    record can be told apart from tampering, and so packages can carry what was signed."""
    db.execute("ALTER TABLE signatures ADD COLUMN payload BLOB")


@migrations(name="0009_no_silent_replace")
def m0009_no_silent_replace(db: Database) -> None:
    """`INSERT OR REPLACE` / `REPLACE` deletes the conflicting row *without* firing DELETE triggers when
    `recursive_triggers` is off — the default of every other SQLite tool (sqlite3 shell, DB Browser).
    The app's own connections have it on, but a journal entry, a signature or a signed avis could be
    swapped by hand from such a tool. Refuse any insert that collides with a frozen row.

    `referentiels` is registered with `INSERT OR IGNORE` by the app: there a colliding insert is
    skipped (RAISE(IGNORE)), which leaves the stored référentiel untouched as well.
    """
    always = (
        "audit", "decisions", "timer_events", "notes", "signatures", "presented_competences", "vae_situations",
        "signed_pdfs", "session_sync", "signing_identities",
    )
    frozen: list[tuple[str, str, str]] = [(t, "", "ABORT") for t in always]
    frozen += [
        ("avis", "old_.signed_at IS NOT NULL", "ABORT"),
        ("epreuves", "old_.locked_at IS NOT NULL", "ABORT"),
        ("referentiels", "", "IGNORE"),
    ]
    for table, extra, action in frozen:
        match = " OR ".join(
            "(" + " AND ".join(f"old_.{c} = NEW.{c}" for c in columns) + ")" for columns in _unique_keys(db, table)
        )
        condition = f"EXISTS (SELECT 1 FROM {table} AS old_ WHERE ({match}){' AND ' + extra if extra else ''})"
        raise_ = "RAISE(IGNORE)" if action == "IGNORE" else f"RAISE(ABORT, '{_sql_text(f'{table} : remplacement interdit')}')"
        db.execute(f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} WHEN {condition} BEGIN SELECT {raise_}; END;")


def _unique_keys(db: Database, table: str) -> list[tuple[str, ...]]:
    """The column sets an insert into `table` can collide on: its primary key and its unique indexes."""
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    pk = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    keys: list[tuple[str, ...]] = [pk] if pk else [("rowid",)]
    for index in db.execute(f"PRAGMA index_list({table})").fetchall():
        if index[2]:  # unique
            columns = tuple(r[2] for r in db.execute(f"PRAGMA index_info({index[1]})").fetchall())
            if columns and columns not in keys:
                keys.append(columns)
    return keys


@migrations(name="0010_acknowledged_elapsed")
def m0010_acknowledged_elapsed(db: Database) -> None:
    """Each decision and note also records the elapsed time of its phase when it was acknowledged.

    After a crash the clock resumes from the latest acknowledged moment of the running phase — a timer
    event, a decision or a note — instead of the last timer event only (see core/site/clock.py).
    """
    db.execute("ALTER TABLE decisions ADD COLUMN elapsed_ms INTEGER")
    db.execute("ALTER TABLE notes ADD COLUMN phase TEXT")
    db.execute("ALTER TABLE notes ADD COLUMN elapsed_ms INTEGER")


@migrations(name="0011_signatures_by_avis")
def m0011_signatures_by_avis(db: Database) -> None:
    """`avis.signatures()` looks signatures up by avis: without an index every call scanned the whole
    table (certificates, drawn PNGs, signed payloads), so each export and verification got slower with
    every signed épreuve on the site (measured: 3.9 ms per call after 140 sessions, growing linearly)."""
    db.execute("CREATE INDEX signatures_avis ON signatures(avis_id, id)")


@migrations(name="0012_clock_checkpoints")
def m0012_clock_checkpoints(db: Database) -> None:
    """The running clock's latest elapsed time per épreuve, rewritten about twice a second.

    Not a journal (no audit entry, one row per épreuve): it only narrows what a crash can lose to
    under a second, where the last acknowledged action could be minutes old during a quiet observation.
    """
    db.executescript(
        """
        CREATE TABLE clock_checkpoints (
            epreuve_id INTEGER PRIMARY KEY REFERENCES epreuves(id),
            phase TEXT NOT NULL,
            elapsed_ms INTEGER NOT NULL,
            wall_time TEXT NOT NULL
        );
        """
    )


@migrations(name="0013_epreuve_cancellations")
def m0013_epreuve_cancellations(db: Database) -> None:
    """An épreuve that did not take place (candidate absent, cancelled) — recorded, never deleted.

    Only an épreuve that never started can be cancelled; it then leaves the session package, so an
    absence does not block the session's export.
    """
    db.executescript(
        """
        CREATE TABLE epreuve_cancellations (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL UNIQUE REFERENCES epreuves(id),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            cancelled_at TEXT NOT NULL
        );
        """
    )
    db.execute(_deny("epreuve_cancellations", "UPDATE", "annulation d'épreuve : modification interdite"))
    db.execute(_deny("epreuve_cancellations", "DELETE", "annulation d'épreuve : suppression interdite"))
    db.execute(
        "CREATE TRIGGER epreuve_cancellations_only_unstarted BEFORE INSERT ON epreuve_cancellations "
        "WHEN (SELECT locked_at FROM epreuves WHERE id = NEW.epreuve_id) IS NOT NULL "
        "OR EXISTS (SELECT 1 FROM timer_events WHERE epreuve_id = NEW.epreuve_id) "
        "OR EXISTS (SELECT 1 FROM decisions WHERE epreuve_id = NEW.epreuve_id) "
        "BEGIN SELECT RAISE(ABORT, 'épreuve commencée : elle ne peut plus être annulée'); END;"
    )
    for table in ("timer_events", "decisions"):
        db.execute(
            f"CREATE TRIGGER {table}_cancelled_epreuve BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM epreuve_cancellations WHERE epreuve_id = NEW.epreuve_id) "
            f"BEGIN SELECT RAISE(ABORT, 'épreuve annulée : rien ne peut plus y être enregistré'); END;"
        )


@migrations(name="0014_trust")
def m0014_trust(db: Database) -> None:
    """The Ucanss as the root of trust (see core/exchange/trust.py).

    - Each jury member gets a stable UUID, the identifier the Ucanss certifies in their certificate:
      a signature names the person recorded in the épreuve's jury by it, not by a name.
    - `trust_bundles`: every trust file imported from the Ucanss (root certificate, revocation list,
      published référentiels, signed by the root); the newest per root is in force.
    - `certificate_requests`: a member's key made here, waiting for the Ucanss's certificate; the key
      never leaves the machine, only the request does.
    - `cosigned_pdfs`: the compte rendu once the expert co-signed it (an incremental PAdES signature on
      the président's signed file, in the frame the report left for it); `signed_pdfs` keeps the
      président's version. The one in force is the latest of the avis in force.
    """
    import uuid

    db.execute("ALTER TABLE jury_members ADD COLUMN uuid TEXT")
    for (row_id,) in db.execute("SELECT id FROM jury_members").fetchall():
        db.execute("UPDATE jury_members SET uuid = ? WHERE id = ?", [str(uuid.uuid4()), row_id])
    db.execute("CREATE UNIQUE INDEX jury_members_uuid ON jury_members(uuid)")
    db.execute(
        "CREATE TRIGGER jury_members_uuid_on_insert AFTER INSERT ON jury_members WHEN NEW.uuid IS NULL "
        f"BEGIN UPDATE jury_members SET uuid = {_SQL_UUID4} WHERE id = NEW.id; END;"
    )
    db.execute(
        "CREATE TRIGGER jury_members_uuid_fixed BEFORE UPDATE OF uuid ON jury_members "
        "WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid "
        "BEGIN SELECT RAISE(ABORT, 'identifiant stable : modification interdite'); END;"
    )
    db.executescript(
        """
        CREATE TABLE trust_bundles (
            id INTEGER PRIMARY KEY,
            root_fingerprint TEXT NOT NULL,
            crl_number INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            bundle_json TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE INDEX trust_bundles_root ON trust_bundles(root_fingerprint, crl_number);
        CREATE TABLE certificate_requests (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES jury_members(id),
            encrypted_key_pem BLOB NOT NULL,
            request_pem BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX certificate_requests_member ON certificate_requests(member_id, id);
        CREATE TABLE cosigned_pdfs (
            id INTEGER PRIMARY KEY,
            avis_id INTEGER NOT NULL REFERENCES avis(id),
            signer_id INTEGER NOT NULL REFERENCES jury_members(id),
            sha256 TEXT NOT NULL,
            pdf BLOB NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (avis_id, signer_id)
        );
        """
    )
    for table, what in (
        ("trust_bundles", "fichier de confiance"),
        ("certificate_requests", "demande de certificat"),
        ("cosigned_pdfs", "PDF contresigné"),
    ):
        db.execute(_deny(table, "UPDATE", f"{what} : modification interdite"))
        db.execute(_deny(table, "DELETE", f"{what} : suppression interdite"))


@migrations(name="0040_president_organismes")
def m0040_president_organismes(db: Database) -> None:
    """Which certifier an organisme is, so the président's organisme can be checked (letter 4/D).

    `certifier_kind` is one of the kinds `resources/fondation.toml` lists (Ucanss, Institut 4.10, a caisse
    nationale, an organisme validated by the Ucanss); `certifier_validation` holds the reference of that
    validation. Certifier organismes already named after the Ucanss or the Institut 4.10 are filled in;
    any other one must be completed before its présidents can sit.
    """
    for statement in (
        "ALTER TABLE organismes ADD COLUMN certifier_kind TEXT",
        "ALTER TABLE organismes ADD COLUMN certifier_validation TEXT NOT NULL DEFAULT ''",
        "UPDATE organismes SET certifier_kind = 'ucanss' WHERE kind = 'certificateur' "
        "AND (upper(code) = 'UCANSS' OR lower(name) = 'ucanss')",
        "UPDATE organismes SET certifier_kind = 'institut_4_10' WHERE kind = 'certificateur' AND certifier_kind IS NULL "
        "AND (lower(name) LIKE '%institut 4.10%' OR lower(name) LIKE '%institut 4,10%')",
    ):
        db.execute(statement)


@migrations(name="0040_candidate_path")
def m0040_candidate_path(db: Database) -> None:
    """One record per person across both CQP, and the Pass et Prem'ss attestation the CQP requires.

    `person_id` (core/model/person_id.py) is the stable, random identifier the national base joins a person's
    records by, across sites and years; each existing candidate gets one. `pass_premss_date` and
    `pass_premss_attested_by` record when the trainings were completed and who attests it (letter 3/B):
    without them the CQP is not shown as obtained. An existing « suivi » tick keeps its meaning, with the
    attestation to complete.
    """
    from cqp_desktop.core.model.person_id import new_person_id

    db.execute("ALTER TABLE candidates ADD COLUMN person_id TEXT")
    db.execute("ALTER TABLE candidates ADD COLUMN pass_premss_date TEXT")
    db.execute("ALTER TABLE candidates ADD COLUMN pass_premss_attested_by TEXT NOT NULL DEFAULT ''")
    for (row_id,) in db.execute("SELECT id FROM candidates").fetchall():
        db.execute("UPDATE candidates SET person_id = ? WHERE id = ?", [new_person_id(), row_id])
    db.execute("CREATE UNIQUE INDEX candidates_person_id ON candidates(person_id)")


# 0020 is applied after every step that rewrites existing rows (0040_*): sealing comes last, so an upgrade
# never edits a row it has just sealed. A later step that changes rows must seal them again.
# Tables whose rows the audit chain seals (core/storage/integrity.py): every table with an integer id written by the
# app's actions. `referentiels` (content fixed by its hash and a trigger), `audit` itself and the clock
# checkpoints (rewritten twice a second, not a record) are not sealed.
SEALED_TABLES = (
    "organismes", "candidates", "jury_members", "cert_sessions", "epreuves", "timer_events", "decisions", "notes",
    "avis", "signatures", "signing_identities", "session_sync", "presented_competences", "vae_situations",
    "signed_pdfs", "epreuve_cancellations", "trust_bundles", "certificate_requests", "cosigned_pdfs",
    "proclaimed_results", "member_decisions", "member_notes", "marking_closures", "reconciliations",
    "marking_handovers",
)


@migrations(name="0020_integrity_seals")
def m0020_integrity_seals(db: Database) -> None:
    """The journal commits to the content of the rows each action wrote, and the database gets an identity
    shared with its anchor file (core/storage/anchor.py, core/storage/integrity.py).

    `audit.seals` lists, for each row an action inserted or changed, the SHA-256 of its columns; the entry's
    hash covers that list, so a row edited with plain SQL no longer matches its seal. `row_seals` keeps the
    latest seal of each row, so the check at start does not replay the whole journal. Rows written before
    this step have no seal: `integrity_state.baseline` records, per table, the highest id they reached.
    `anchored_at` stays NULL until the anchor file is first written: after that, a missing anchor file is
    reported instead of being silently recreated.
    """
    import json
    import uuid

    db.execute("ALTER TABLE audit ADD COLUMN seals TEXT")
    db.executescript(
        """
        CREATE TABLE row_seals (
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            audit_id INTEGER NOT NULL,
            ncols INTEGER NOT NULL,
            digest TEXT,
            UNIQUE (tbl, row_id)
        );
        CREATE INDEX row_seals_audit ON row_seals(audit_id);
        CREATE TABLE integrity_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            anchor_id TEXT NOT NULL,
            baseline TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            anchored_at TEXT
        );
        """
    )
    existing = set(db.table_names())  # a table made by a later step starts sealed from its first row
    baseline = {t: db.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in SEALED_TABLES if t in existing}
    db.execute(
        "INSERT INTO integrity_state (id, anchor_id, baseline) VALUES (1, ?, ?)",
        [str(uuid.uuid4()), json.dumps(baseline, sort_keys=True)],
    )
    db.execute(_deny("integrity_state", "DELETE", "identité de la base : suppression interdite"))
    # A private key stored by an earlier version is re-encrypted (scrypt) at its next unlock: its encrypted
    # form may now change, in an audited action that seals the row; the certificate never does.
    db.execute("DROP TRIGGER signing_identities_no_update")
    db.execute(
        "CREATE TRIGGER signing_identities_no_update BEFORE UPDATE OF member_id, source, fingerprint, "
        "certificate_pem, created_at ON signing_identities "
        "BEGIN SELECT RAISE(ABORT, 'identité de signature : modification interdite (en créer une nouvelle)'); END;"
    )
    db.execute(
        "CREATE TRIGGER integrity_state_fixed BEFORE UPDATE OF anchor_id, baseline ON integrity_state "
        "BEGIN SELECT RAISE(ABORT, 'identité de la base : modification interdite'); END;"
    )


@migrations(name="0020_session_list_indexes")
def m0020_session_list_indexes(db: Database) -> None:
    """The session list (export dialog, `package sessions`) looked up, for every session, its épreuves by
    session, each épreuve's avis, and the journal's exports and corrections by action and id — all without
    an index: 4 s with 10,009 épreuves (each lookup a scan of a 90 MB base). These indexes make each one a
    seek (benchmarks: « Liste des sessions »)."""
    db.execute("CREATE INDEX epreuves_session ON epreuves(session_id, mode)")
    db.execute("CREATE INDEX avis_epreuve ON avis(epreuve_id, signed_at)")
    db.execute("CREATE INDEX audit_action_entity ON audit(action, entity_id)")


@migrations(name="0051_proclaimed_results")
def m0051_proclaimed_results(db: Database) -> None:
    """Results proclaimed by the jury paritaire national, imported from the Ucanss's signed results file
    (core/site/results.py): the CQP and CCP delivered, distinct from what the professional jury proposed."""
    db.executescript(
        """
        CREATE TABLE proclaimed_results (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            jury_date TEXT NOT NULL,
            decision_id INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            result_json TEXT NOT NULL,
            results_sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (results_sha256, candidate_id)
        );
        CREATE INDEX proclaimed_results_candidate ON proclaimed_results(candidate_id, jury_date, id);
        CREATE TRIGGER proclaimed_results_no_update BEFORE UPDATE ON proclaimed_results
        BEGIN SELECT RAISE(ABORT, 'résultat proclamé : modification interdite'); END;
        CREATE TRIGGER proclaimed_results_no_delete BEFORE DELETE ON proclaimed_results
        BEGIN SELECT RAISE(ABORT, 'résultat proclamé : suppression interdite'); END;
        """
    )


@migrations(name="0060_double_marking")
def m0060_double_marking(db: Database) -> None:
    """Double correction (core/site/double_marking.py): each jury member marks a certifying épreuve blind.

    `epreuves.double_marking` is set at planning or when the jury is set, never once marking began. Each
    member has an own append-only journal of decisions and notes; `marking_closures` records when a member
    closed their observation (nothing more from them afterwards); `reconciliations` records how each criterion
    was settled, the final decision being written to `decisions` (phase 'reconciliation') as today.
    `marking_handovers` records the signed files of the two-laptop way (core/site/handover.py): the hand-over
    sent by the président's laptop or received on the expert's, the expert's return written or imported.
    """
    db.execute(
        "ALTER TABLE epreuves ADD COLUMN double_marking INTEGER NOT NULL DEFAULT 0 CHECK (double_marking IN (0, 1))"
    )
    db.executescript(
        """
        CREATE TABLE member_decisions (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            member_id INTEGER NOT NULL REFERENCES jury_members(id),
            criterion TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('valide', 'non_valide', 'non_observe')),
            wall_time TEXT NOT NULL,
            undo_of INTEGER REFERENCES member_decisions(id)
        );
        CREATE INDEX member_decisions_epreuve ON member_decisions(epreuve_id, member_id, id);

        CREATE TABLE member_notes (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            member_id INTEGER NOT NULL REFERENCES jury_members(id),
            competence TEXT,
            criterion TEXT,
            text TEXT NOT NULL,
            wall_time TEXT NOT NULL
        );
        CREATE INDEX member_notes_epreuve ON member_notes(epreuve_id, member_id, id);

        CREATE TABLE marking_closures (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            member_id INTEGER NOT NULL REFERENCES jury_members(id),
            closed_at TEXT NOT NULL,
            UNIQUE (epreuve_id, member_id)
        );

        CREATE TABLE reconciliations (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            criterion TEXT NOT NULL,
            president TEXT CHECK (president IS NULL OR president IN ('valide', 'non_valide', 'non_observe')),
            expert TEXT CHECK (expert IS NULL OR expert IN ('valide', 'non_valide', 'non_observe')),
            final TEXT NOT NULL CHECK (final IN ('valide', 'non_valide', 'non_observe')),
            reason TEXT NOT NULL DEFAULT '',
            author_id INTEGER REFERENCES jury_members(id),
            decision_id INTEGER NOT NULL REFERENCES decisions(id),
            wall_time TEXT NOT NULL
        );
        CREATE INDEX reconciliations_epreuve ON reconciliations(epreuve_id, criterion, id);

        CREATE TABLE marking_handovers (
            id INTEGER PRIMARY KEY,
            epreuve_id INTEGER NOT NULL REFERENCES epreuves(id),
            direction TEXT NOT NULL CHECK (direction IN ('sent', 'received', 'returned', 'imported')),
            origin_site TEXT NOT NULL,
            origin_epreuve_id INTEGER NOT NULL,
            handover_sha256 TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX marking_handovers_epreuve ON marking_handovers(epreuve_id, direction);
        CREATE INDEX marking_handovers_origin ON marking_handovers(origin_site, origin_epreuve_id);
        """
    )
    tables = (
        ("member_decisions", "décisions d'un membre"),
        ("member_notes", "notes d'un membre"),
        ("marking_closures", "clôture d'une observation"),
        ("reconciliations", "conciliation"),
        ("marking_handovers", "fichier de double correction"),
    )
    for table, what in tables:
        db.execute(_deny(table, "UPDATE", f"{what} : modification interdite (une correction est une nouvelle ligne)"))
        db.execute(_deny(table, "DELETE", f"{what} : suppression interdite"))
        db.execute(_locked_epreuve(table))
    for table in ("member_decisions", "member_notes"):
        db.execute(
            f"CREATE TRIGGER {table}_after_closure BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM marking_closures WHERE epreuve_id = NEW.epreuve_id "
            f"AND member_id = NEW.member_id) "
            f"BEGIN SELECT RAISE(ABORT, 'observation clôturée : ajout interdit'); END;"
        )
    db.execute(
        "CREATE TRIGGER epreuves_double_marking_fixed BEFORE UPDATE OF double_marking ON epreuves "
        "WHEN NEW.double_marking IS NOT OLD.double_marking AND ("
        "EXISTS (SELECT 1 FROM decisions WHERE epreuve_id = OLD.id) "
        "OR EXISTS (SELECT 1 FROM member_decisions WHERE epreuve_id = OLD.id) "
        "OR EXISTS (SELECT 1 FROM timer_events WHERE epreuve_id = OLD.id)) "
        "BEGIN SELECT RAISE(ABORT, 'double correction : notation déjà commencée'); END;"
    )
    db.execute(
        "CREATE TRIGGER epreuves_double_marking_certifying BEFORE UPDATE OF double_marking ON epreuves "
        "WHEN NEW.double_marking = 1 AND NEW.mode != 'certification' "
        "BEGIN SELECT RAISE(ABORT, 'double correction : réservée aux épreuves de certification'); END;"
    )
