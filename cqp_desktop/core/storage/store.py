"""Every write the app makes, each one its own committed transaction, journalled in the audit chain.

The UI calls one method per user action and shows the result only after the method returns: by then
the row and its audit entry are committed (WAL, synchronous=FULL). Decisions, notes and timer events
are append-only; the current state is the latest row, so history and undo come for free.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.model.referentiel import Referentiel, from_data, from_trusted
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.storage import seals as seals_mod
from cqp_desktop.core.storage.db import open_database, write_failure
from cqp_desktop.core.storage.errors import StoreError

if TYPE_CHECKING:
    from cqp_desktop.core.exchange.keys import KeyMaterial
    from cqp_desktop.core.storage import anchor as anchor_mod

GENESIS = "0" * 64


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def audit_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """Each journal entry commits to the previous one, so a removed or edited entry breaks the chain.
    (Entries written before schema step 0020; later ones: `sealed_hash`.)"""
    return hashlib.sha256((prev_hash + "|").encode("utf-8") + canonical_json(entry)).hexdigest()


def sealed_hash(prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: int | None,
                details: str, seals: str) -> str:
    """The hash of an entry that seals rows (schema step 0020 on): over the stored texts themselves, so that
    verifying a long journal parses nothing (the seals text lists table, id, columns, digest)."""
    fields = (at, actor, action, entity, "" if entity_id is None else str(entity_id), details, seals)
    body = "\x1f".join(f"{len(f)}:{f}" for f in fields)
    return hashlib.sha256(("v2|" + prev_hash + "|" + body).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class DecisionRow:
    id: int
    criterion: str
    decision: Decision
    phase: str | None
    author_id: int | None
    wall_time: str
    undo_of: int | None


class Store:
    """The app's single writer. Pass a `wall_clock` to make timestamps deterministic in tests."""

    def __init__(self, db: Database, wall_clock: Callable[[], dt.datetime] = utc_now):
        self._db = db
        self.wall_clock = wall_clock
        self._referentiels: dict[str, Referentiel] = {}
        self.anchor: anchor_mod.Writer | None = None  # set by core/storage/integrity.py for a database file
        self._head: tuple[int, str, str] | None = None  # (id, hash, at) of the last entry this store wrote
        self._columns: dict[str, list[str]] = {}
        self._in_action = 0  # depth of open audited actions (see `writing`)
        self._in_snapshot = False  # inside `snapshot`: reads only
        self._file: str = db.execute("PRAGMA database_list").fetchone()[2]  # "" for a base in memory
        self.sealing = _install_seal_triggers(db)

    @classmethod
    def open(
        cls, path: Path | str, wall_clock: Callable[[], dt.datetime] = utc_now, *, adopt: bool = False
    ) -> Store:
        """Open the site database and check it against its anchor (core/storage/integrity.py).

        `adopt` takes the database as it is (a backup the user chose to restore) and re-anchors it.
        Raises `IntegrityProblem` (a StoreError) when something is missing or was altered.
        """
        from cqp_desktop.core.storage import integrity

        path = Path(path)
        integrity.check_files(path, adopt=adopt)
        store = cls(open_database(path), wall_clock)
        try:
            integrity.attach(store, path, adopt=adopt)
        except BaseException:
            store.close()
            raise
        return store

    def companion(self) -> Store:
        """Another connection to this base, for one job on a worker thread (a SQLite connection belongs to the
        thread that made it): call it on that thread, close it there.

        It writes through the same audited actions, and SQLite orders its transactions with this store's; it
        leaves the anchor file to this store, which `follow`s once the job has ended (the anchor may lag behind
        the base for that moment, as after a crash, never run ahead of it). Refused for a base held in memory.
        """
        from cqp_desktop.core.storage.db import connect

        if not self._file:
            raise StoreError("Base en mémoire : aucun travail de fond ne peut s'y connecter.")
        return Store(connect(self._file), self.wall_clock)

    def follow(self) -> None:
        """Bring the anchor up to the journal's head after a companion's job (on this store's thread)."""
        row = self._db.execute("SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        if row is not None and (self._head is None or row[0] > self._head[0]):
            self._head = (int(row[0]), str(row[1]), str(row[2]))
            self._write_anchor()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees one state of the base (a read transaction), whatever another connection
        commits meanwhile: a package's data and the PDFs it ships come from the same moment. Reads only."""
        if self._db.conn.in_transaction:  # already inside a transaction: that one is the snapshot
            yield
            return
        self._db.execute("BEGIN")
        self._in_snapshot = True
        try:
            yield
        finally:
            self._in_snapshot = False
            self._db.conn.rollback()  # nothing was written: ending the read transaction is all it does

    def connection(self) -> Database:
        """The open database, for the STORAGE modules only (schema, integrity, seals, backup, purge, anchor,
        store_queries, store_writes) and tests that stage corruption. Everything else calls a named query
        (core/storage/store_queries.py) or an audited write (core/storage/store_writes.py): a test enforces it."""
        return self._db

    def writing(self) -> Database:
        """The database for a write inside an audited action (`with store.action(...)`); refused outside one,
        so that no row is ever written without its journal entry."""
        if not self._in_action:
            raise StoreError("Écriture hors d'une action journalisée : refusée.")
        return self._db

    def close(self) -> None:
        if self.anchor is not None:
            self.anchor.close()
        self._db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Several actions as one transaction (e.g. a new session and its épreuve); the anchor follows
        once the whole is committed."""
        with self._db.atomic():
            yield
        self._write_anchor()

    # ---------------------------------------------------------------------------------------------
    # plumbing

    def now(self) -> str:
        return iso(self.wall_clock())

    @contextmanager
    def action(self, action: str, entity: str, actor: str = "") -> Iterator[_Action]:
        """One user action = one transaction holding its rows and its audit entry.

        A disk failure becomes `WriteFailed` (French message), with the transaction rolled back.
        """
        if self._in_snapshot:  # its end rolls back: a write there would vanish
            raise StoreError("Écriture pendant une lecture figée de la base : refusée (anomalie du logiciel).")
        try:
            with self._db.atomic():
                act = _Action()
                self._in_action += 1
                try:
                    yield act
                finally:
                    self._in_action -= 1
                self._audit(action, entity, act.entity_id, act.details, actor)
        except sqlite3.OperationalError as exc:
            failure = write_failure(exc)
            if failure is None:
                raise
            raise failure from exc
        self._write_anchor()

    def _write_anchor(self) -> None:
        """After the outermost commit only: the anchor never runs ahead of the database."""
        if self.anchor is None or self._head is None or self._db.conn.in_transaction:
            return
        seq, hash_, at = self._head
        if seq > self.anchor.head.seq:
            from dataclasses import replace

            self.anchor.write(replace(self.anchor.head, seq=seq, hash=hash_, at=at))

    def _audit(self, action: str, entity: str, entity_id: int | None, details: dict[str, Any], actor: str) -> None:
        row = self._db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        entry: dict[str, Any] = {
            "at": self.now(),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "details": details,
        }
        sealed = self._take_seals() if self.sealing else None
        details_text = json.dumps(details, sort_keys=True, ensure_ascii=False)
        columns = "at, actor, action, entity, entity_id, details, prev_hash, hash"
        if sealed is None:  # a base not yet migrated (kill harness reading an old file)
            digest = audit_hash(prev, entry)
            values = [entry["at"], actor, action, entity, entity_id, details_text, prev, digest]
        else:
            seals_text = seals_mod.encode(sealed)
            digest = sealed_hash(prev, entry["at"], actor, action, entity, entity_id, details_text, seals_text)
            columns += ", seals"
            values = [entry["at"], actor, action, entity, entity_id, details_text, prev, digest, seals_text]
        cursor = self._db.execute(f"INSERT INTO audit ({columns}) VALUES ({', '.join('?' for _ in values)})", values)
        audit_id = int(cursor.lastrowid or 0)
        if sealed:
            self._db.conn.executemany(
                "INSERT INTO row_seals (tbl, row_id, audit_id, ncols, digest) VALUES (?,?,?,?,?) "
                "ON CONFLICT(tbl, row_id) DO UPDATE SET audit_id = excluded.audit_id, ncols = excluded.ncols, "
                "digest = excluded.digest",
                [(t, i, audit_id, n, d) for t, i, n, d in sealed],
            )
        self._head = (audit_id, digest, entry["at"])

    def table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[1] for r in self._db.execute(f"PRAGMA table_info({table})").fetchall()]
        return self._columns[table]

    def _take_seals(self) -> list[list[Any]]:
        """The seal of every row this action inserted, changed or deleted (collected by temporary triggers)."""
        touched = self._db.execute("SELECT tbl, row_id FROM temp.touched_rows ORDER BY tbl, row_id").fetchall()
        if not touched:
            return []
        self._db.execute("DELETE FROM temp.touched_rows")
        sealed: list[list[Any]] = []
        for table, row_id in touched:
            columns = self.table_columns(table)
            row = self._db.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [row_id]
            ).fetchone()
            sealed.append([table, row_id, len(columns), seals_mod.row_digest(row) if row is not None else None])
        return sealed

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self._db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        return int(cursor.lastrowid or 0)

    def audit_entries(self) -> list[dict[str, Any]]:
        return list(self._db.query("SELECT * FROM audit ORDER BY id"))

    def verify_audit_chain(self) -> list[str]:
        """Problems found in the journal's hash chain (empty when intact)."""
        return verify_chain(self.audit_entries())

    # ---------------------------------------------------------------------------------------------
    # people and organisations

    def add_organisme(
        self,
        code: str,
        name: str,
        kind: str = "caisse",
        branche: str | None = None,
        *,
        certifier_kind: str | None = None,
        certifier_validation: str = "",
    ) -> int:
        """`certifier_kind` (a kind of resources/fondation.toml) says which certifier a 'certificateur' is."""
        with self.action("organisme.add", "organismes") as act:
            act.entity_id = self._insert(
                "organismes",
                {
                    "code": code,
                    "name": name,
                    "kind": kind,
                    "branche": branche,
                    "certifier_kind": certifier_kind,
                    "certifier_validation": certifier_validation,
                },
            )
            act.details = {"code": code, "branche": branche}
        return act.entity_id

    def add_candidate(
        self,
        last_name: str,
        first_name: str,
        organisme_id: int,
        cqp: str,
        route: str,
        pass_premss: bool = False,
        *,
        pass_premss_date: str | None = None,
        pass_premss_attested_by: str = "",
        person_id: str | None = None,
        uuid: str | None = None,
    ) -> int:
        """`person_id`: the person's stable identifier from an earlier record elsewhere; drawn here if None.
        `uuid`: the candidate's identifier on another laptop of the site (hand-over file); drawn if None."""
        from cqp_desktop.core.model.person_id import new_person_id

        with self.action("candidate.add", "candidates") as act:
            act.entity_id = self._insert(
                "candidates",
                {
                    "last_name": last_name,
                    "first_name": first_name,
                    "organisme_id": organisme_id,
                    "cqp": cqp,
                    "route": route,
                    "pass_premss": int(pass_premss),
                    "pass_premss_date": pass_premss_date,
                    "pass_premss_attested_by": pass_premss_attested_by,
                    "person_id": person_id or new_person_id(),
                    "created_at": self.now(),
                    **({"uuid": uuid} if uuid else {}),
                },
            )
            act.details = {"cqp": cqp, "route": route}
        return act.entity_id

    def add_jury_member(
        self,
        last_name: str,
        first_name: str,
        organisme_id: int,
        role: str,
        branche: str | None,
        jury_training_date: str | None,
        *,
        uuid: str | None = None,
    ) -> int:
        """`uuid`: the member's certified identifier, when the member comes from another laptop's file."""
        with self.action("jury_member.add", "jury_members") as act:
            act.entity_id = self._insert(
                "jury_members",
                {
                    "last_name": last_name,
                    "first_name": first_name,
                    "organisme_id": organisme_id,
                    "role": role,
                    "branche": branche,
                    "jury_training_date": jury_training_date,
                    "created_at": self.now(),
                    **({"uuid": uuid} if uuid else {}),
                },
            )
            act.details = {"role": role, "branche": branche}
        return act.entity_id

    def add_session(self, label: str, month: str, site: str = "") -> int:
        with self.action("session.add", "cert_sessions") as act:
            act.entity_id = self._insert(
                "cert_sessions", {"label": label, "month": month, "site": site, "created_at": self.now()}
            )
            act.details = {"month": month}
        return act.entity_id

    def add_signing_identity(self, member_id: int, material: KeyMaterial, source: str = "generated") -> int:
        """Store a member's certificate and encrypted key; an older identity of the member is retired."""
        from cqp_desktop.core.exchange.keys import fingerprint, load_certificate  # cryptography: only when needed

        certificate = load_certificate(material.certificate_pem)
        with self.action("signing_identity.add", "signing_identities", str(member_id)) as act:
            self._db.execute(
                "UPDATE signing_identities SET retired_at = ? WHERE member_id = ? AND retired_at IS NULL",
                [self.now(), member_id],
            )
            act.entity_id = self._insert(
                "signing_identities",
                {
                    "member_id": member_id,
                    "source": source,
                    "fingerprint": fingerprint(certificate),
                    "certificate_pem": material.certificate_pem,
                    "encrypted_key_pem": material.encrypted_key_pem,
                    "created_at": self.now(),
                },
            )
            act.details = {"member_id": member_id, "fingerprint": fingerprint(certificate), "source": source}
        return act.entity_id

    def unlock_signing_key(self, member_id: int, passphrase: str) -> Any:
        """The member's private key, opened with the passphrase (KeyProblem when wrong). A key stored with
        an older, cheaper encryption is re-encrypted now (audited), while the passphrase is at hand."""
        from cqp_desktop.core.exchange import keys

        identity = self.signing_identity(member_id)
        if identity is None:
            raise StoreError("Aucune identité de signature pour ce membre du jury sur ce poste.")
        stored = bytes(identity["encrypted_key_pem"])
        key = keys.load_private_key(stored, passphrase)
        if keys.needs_reencryption(stored):
            renewed = keys.reencrypt(key, passphrase)
            with self.action("signing_identity.reencrypt", "signing_identities", str(member_id)) as act:
                act.entity_id = identity["id"]
                self._db.execute("UPDATE signing_identities SET encrypted_key_pem = ? WHERE id = ?", [renewed, identity["id"]])
                act.details = {"member_id": member_id, "fingerprint": identity["fingerprint"], "kdf": "scrypt"}
        return key

    def knows_signing_certificate(self, fingerprint: str) -> bool:
        """Whether the certificate is one of this site's jury identities (past or current)."""
        return self._db.execute("SELECT 1 FROM signing_identities WHERE fingerprint = ?", [fingerprint]).fetchone() is not None

    def signing_identity(self, member_id: int) -> dict[str, Any] | None:
        """The member's current identity (certificate and encrypted key), or None."""
        rows = list(
            self._db.query(
                "SELECT * FROM signing_identities WHERE member_id = ? AND retired_at IS NULL ORDER BY id DESC LIMIT 1",
                [member_id],
            )
        )
        return rows[0] if rows else None

    # ---------------------------------------------------------------------------------------------
    # people corrections (core/site/people.py validates first; audit names the fields, never the values)

    _PEOPLE_COLUMNS = {
        "organismes": ("code", "name", "kind", "branche", "certifier_kind", "certifier_validation"),
        "candidates": (
            "last_name", "first_name", "organisme_id", "cqp", "route", "pass_premss", "pass_premss_date",
            "pass_premss_attested_by", "person_id",
        ),
        "jury_members": ("last_name", "first_name", "organisme_id", "role", "branche", "jury_training_date"),
    }

    def _update_person(
        self, table: str, action: str, row_id: int, changes: dict[str, Any], check: Callable[[], None] | None, actor: str
    ) -> None:
        unknown = set(changes) - set(self._PEOPLE_COLUMNS[table])
        if unknown:
            raise StoreError(f"{table} : champ(s) non modifiable(s) : {', '.join(sorted(unknown))}.")
        with self.action(action, table, actor) as act:
            act.entity_id = row_id
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                self._db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*changes.values(), row_id])
            if check is not None:
                check()  # raising here rolls the whole correction back
            act.details = {"fields": sorted(changes)}

    def update_organisme(
        self, organisme_id: int, changes: dict[str, Any], *, check: Callable[[], None] | None = None, actor: str = ""
    ) -> None:
        self._update_person("organismes", "organisme.update", organisme_id, changes, check, actor)

    def update_candidate(
        self, candidate_id: int, changes: dict[str, Any], *, check: Callable[[], None] | None = None, actor: str = ""
    ) -> None:
        self._update_person("candidates", "candidate.update", candidate_id, changes, check, actor)

    def update_jury_member(
        self, member_id: int, changes: dict[str, Any], *, check: Callable[[], None] | None = None, actor: str = ""
    ) -> None:
        self._update_person("jury_members", "jury_member.update", member_id, changes, check, actor)

    # end of people corrections
    # ---------------------------------------------------------------------------------------------
    # référentiels

    def register_referentiel(self, content: dict[str, Any], *, activate: bool = False) -> Referentiel:
        """Keep a validated référentiel's content by hash; optionally make it the one for new épreuves."""
        referentiel = from_data(content)
        with self.action("referentiel.register", "referentiels") as act:
            self._db.execute(
                "INSERT OR IGNORE INTO referentiels (hash, ref_id, version, content, imported_at) VALUES (?,?,?,?,?)",
                [
                    referentiel.content_hash,
                    referentiel.id,
                    referentiel.version,
                    json.dumps(content, ensure_ascii=False, sort_keys=True),
                    self.now(),
                ],
            )
            if activate:
                self._db.execute(
                    "UPDATE referentiels SET activated_at = ? WHERE hash = ?", [self.now(), referentiel.content_hash]
                )
            act.details = {"hash": referentiel.content_hash, "version": referentiel.version, "activate": activate}
        self._referentiels.pop(referentiel.content_hash, None)
        return referentiel

    def current_referentiel(self) -> Referentiel:
        """The active référentiel, which a running app always has (AppContext activates the shipped one)."""
        referentiel = self.active_referentiel()
        if referentiel is None:
            raise StoreError("Aucun référentiel actif : importez-en un (Fichier › Référentiel…).")
        return referentiel

    def active_referentiel(self) -> Referentiel | None:
        """The référentiel activated last: the one new épreuves are planned with."""
        row = self._db.execute(
            "SELECT hash FROM referentiels WHERE activated_at IS NOT NULL ORDER BY activated_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        return self.referentiel(row[0]) if row else None

    def referentiel(self, content_hash: str) -> Referentiel:
        """The référentiel an épreuve was planned with, by its content hash."""
        if content_hash not in self._referentiels:
            row = self._db.execute("SELECT content FROM referentiels WHERE hash = ?", [content_hash]).fetchone()
            if row is None:
                raise StoreError(f"Référentiel d'empreinte {content_hash} absent de cette base.")
            self._referentiels[content_hash] = from_trusted(json.loads(row[0]), content_hash)
        return self._referentiels[content_hash]

    def epreuve_referentiel(self, epreuve_id: int) -> Referentiel:
        return self.referentiel(self.epreuve(epreuve_id)["referentiel_hash"])

    # ---------------------------------------------------------------------------------------------
    # épreuves

    def plan_epreuve(
        self,
        candidate_id: int,
        referentiel: Referentiel,
        bloc: str,
        planned_date: str,
        *,
        route: str | None = None,
        mode: Mode = Mode.CERTIFICATION,
        alternative: str | None = None,
        session_id: int | None = None,
        president_id: int | None = None,
        expert_id: int | None = None,
    ) -> int:
        candidate = self._db.table("candidates").get(candidate_id)
        certification = candidate["cqp"]
        if certification not in referentiel.certifications:
            raise StoreError(f"Certification « {certification} » absente du référentiel {referentiel.label}.")
        if bloc not in referentiel.certification(certification).blocs:
            raise StoreError(f"Le bloc « {bloc} » ne fait pas partie du CQP {certification}.")
        known = {a.code for a in referentiel.bloc(bloc).alternatives}
        if alternative is not None and alternative not in known:
            raise StoreError(f"Modalité « {alternative} » inconnue pour le bloc {bloc}.")
        if self._db.execute("SELECT 1 FROM referentiels WHERE hash = ?", [referentiel.content_hash]).fetchone() is None:
            raise StoreError(f"Référentiel {referentiel.label} non enregistré dans cette base : importez-le d'abord.")
        with self.action("epreuve.plan", "epreuves") as act:
            act.entity_id = self._insert(
                "epreuves",
                {
                    "session_id": session_id,
                    "candidate_id": candidate_id,
                    "referentiel_id": referentiel.id,
                    "referentiel_version": referentiel.version,
                    "referentiel_hash": referentiel.content_hash,
                    "certification": certification,
                    "bloc": bloc,
                    "route": route or candidate["route"],
                    "mode": str(mode),
                    "alternative": alternative,
                    "planned_date": planned_date,
                    "president_id": president_id,
                    "expert_id": expert_id,
                    "created_at": self.now(),
                },
            )
            act.details = {"candidate_id": candidate_id, "bloc": bloc, "mode": str(mode)}
        return act.entity_id

    def cancel_epreuve(self, epreuve_id: int, reason: str, actor: str = "") -> int:
        """Record that an épreuve did not take place (e.g. candidate absent). Only before it starts."""
        reason = reason.strip()
        if not reason:
            raise StoreError("Indiquez le motif de l'annulation (par ex. « candidat absent »).")
        try:
            with self.action("epreuve.cancel", "epreuve_cancellations", actor) as act:
                act.entity_id = self._insert(
                    "epreuve_cancellations",
                    {"epreuve_id": epreuve_id, "reason": reason, "cancelled_at": self.now()},
                )
                act.details = {"epreuve_id": epreuve_id}
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise StoreError("Cette épreuve est déjà annulée.") from None
            raise StoreError(f"Annulation refusée : {exc}.") from None
        return act.entity_id

    def cancellation(self, epreuve_id: int) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM epreuve_cancellations WHERE epreuve_id = ?", [epreuve_id]))
        return rows[0] if rows else None

    def epreuve(self, epreuve_id: int) -> dict[str, Any]:
        """The épreuve's row (read several times by each report and each check: one plain SELECT, where sqlite-utils'
        `get` asked SQLite for the table's columns each time). Raises StoreError for an unknown id."""
        cursor = self._db.execute("SELECT * FROM epreuves WHERE id = ?", [epreuve_id])
        row = cursor.fetchone()
        if row is None:
            raise StoreError(f"Épreuve n° {epreuve_id} absente de cette base.")
        return dict(zip([c[0] for c in cursor.description], row))

    def lock_epreuve(self, epreuve_id: int, actor: str = "") -> None:
        with self.action("epreuve.lock", "epreuves", actor) as act:
            act.entity_id = epreuve_id
            self._db.execute("UPDATE epreuves SET locked_at = ? WHERE id = ?", [self.now(), epreuve_id])

    # ---------------------------------------------------------------------------------------------
    # decisions

    def record_decision(
        self,
        epreuve_id: int,
        criterion: str,
        decision: Decision,
        *,
        phase: str | None = None,
        author_id: int | None = None,
        elapsed_ms: int | None = None,
    ) -> int:
        with self.action("decision.set", "decisions", str(author_id or "")) as act:
            act.entity_id = self._insert(
                "decisions",
                {
                    "epreuve_id": epreuve_id,
                    "criterion": criterion,
                    "decision": str(Decision(decision)),
                    "phase": phase,
                    "author_id": author_id,
                    "wall_time": self.now(),
                    "elapsed_ms": elapsed_ms,  # phase time when acknowledged (runner recovery point)
                },
            )
            act.details = {"epreuve_id": epreuve_id, "criterion": criterion, "decision": str(decision)}
        return act.entity_id

    def decision_rows(self, epreuve_id: int) -> list[DecisionRow]:
        return [
            DecisionRow(
                id=r["id"],
                criterion=r["criterion"],
                decision=Decision(r["decision"]),
                phase=r["phase"],
                author_id=r["author_id"],
                wall_time=r["wall_time"],
                undo_of=r["undo_of"],
            )
            for r in self._db.query("SELECT * FROM decisions WHERE epreuve_id = ? ORDER BY id", [epreuve_id])
        ]

    def current_decisions(self, epreuve_id: int) -> dict[str, Decision]:
        """The latest decision per criterion (undos are rows too)."""
        rows = self._db.execute(
            "SELECT criterion, decision FROM decisions WHERE id IN "
            "(SELECT max(id) FROM decisions WHERE epreuve_id = ? GROUP BY criterion)",
            [epreuve_id],
        ).fetchall()
        return {criterion: Decision(decision) for criterion, decision in rows}

    def undo_last_decision(
        self, epreuve_id: int, author_id: int | None = None, elapsed_ms: int | None = None
    ) -> DecisionRow | None:
        """Undo the latest change still in effect by appending a row that restores the previous value."""
        rows = self.decision_rows(epreuve_id)
        undone = {r.undo_of for r in rows if r.undo_of is not None}
        effective = [r for r in rows if r.undo_of is None and r.id not in undone]
        if not effective:
            return None
        target = effective[-1]
        before = [r for r in effective[:-1] if r.criterion == target.criterion]
        restored = before[-1].decision if before else Decision.NON_OBSERVE
        with self.action("decision.undo", "decisions", str(author_id or "")) as act:
            act.entity_id = self._insert(
                "decisions",
                {
                    "epreuve_id": epreuve_id,
                    "criterion": target.criterion,
                    "decision": str(restored),
                    "phase": target.phase,
                    "author_id": author_id,
                    "wall_time": self.now(),
                    "undo_of": target.id,
                    "elapsed_ms": elapsed_ms,
                },
            )
            act.details = {"epreuve_id": epreuve_id, "criterion": target.criterion, "restored": str(restored)}
        return self.decision_rows(epreuve_id)[-1]

    # ---------------------------------------------------------------------------------------------
    # notes and timer events

    def add_note(
        self,
        epreuve_id: int,
        text: str,
        *,
        competence: str | None = None,
        criterion: str | None = None,
        author_id: int | None = None,
        phase: str | None = None,
        elapsed_ms: int | None = None,
    ) -> int:
        with self.action("note.set", "notes", str(author_id or "")) as act:
            act.entity_id = self._insert(
                "notes",
                {
                    "epreuve_id": epreuve_id,
                    "competence": competence,
                    "criterion": criterion,
                    "text": text,
                    "author_id": author_id,
                    "wall_time": self.now(),
                    "phase": phase,  # phase and its time when acknowledged (runner recovery point)
                    "elapsed_ms": elapsed_ms,
                },
            )
            act.details = {"epreuve_id": epreuve_id, "competence": competence, "criterion": criterion}
        return act.entity_id

    def current_notes(self, epreuve_id: int) -> dict[tuple[str | None, str | None], str]:
        """Latest note text per (competence, criterion); None keys hold the épreuve-wide note."""
        rows = self._db.execute(
            "SELECT competence, criterion, text FROM notes WHERE id IN (SELECT max(id) FROM notes "
            "WHERE epreuve_id = ? GROUP BY coalesce(competence, ''), coalesce(criterion, ''))",
            [epreuve_id],
        ).fetchall()
        return {(c, k): t for c, k, t in rows}

    def add_timer_event(
        self,
        epreuve_id: int,
        kind: str,
        *,
        mono_ns: int,
        elapsed_ms: int | None = None,
        phase: str | None = None,
        reason: str | None = None,
        value: int | None = None,
    ) -> int:
        with self.action(f"timer.{kind}", "timer_events") as act:
            act.entity_id = self._insert(
                "timer_events",
                {
                    "epreuve_id": epreuve_id,
                    "kind": kind,
                    "phase": phase,
                    "reason": reason,
                    "value": value,
                    "wall_time": self.now(),
                    "mono_ns": mono_ns,
                    "elapsed_ms": elapsed_ms,
                },
            )
            act.details = {"epreuve_id": epreuve_id, "phase": phase, "reason": reason, "value": value}
        return act.entity_id

    def checkpoint_clock(self, epreuve_id: int, phase: str, elapsed_ms: int) -> None:
        """Durably note how far the running clock got (see schema step 0012); not an audited action."""
        try:
            with self._db.atomic():
                self._db.execute(
                    "INSERT INTO clock_checkpoints (epreuve_id, phase, elapsed_ms, wall_time) VALUES (?,?,?,?) "
                    "ON CONFLICT(epreuve_id) DO UPDATE SET phase = excluded.phase, "
                    "elapsed_ms = excluded.elapsed_ms, wall_time = excluded.wall_time",
                    [epreuve_id, phase, elapsed_ms, self.now()],
                )
        except sqlite3.OperationalError as exc:
            failure = write_failure(exc)
            if failure is None:
                raise
            raise failure from exc

    def timer_events(self, epreuve_id: int) -> list[dict[str, Any]]:
        return list(self._db.query("SELECT * FROM timer_events WHERE epreuve_id = ? ORDER BY id", [epreuve_id]))

    # ---------------------------------------------------------------------------------------------
    # double correction (rules in core/site/double_marking.py; every statement it needs is here)

    def set_double_marking(self, epreuve_id: int, enabled: bool, actor: str = "") -> None:
        """The database refuses the change once marking began, or on a non-certifying épreuve (schema 0060)."""
        try:
            with self.action("epreuve.double_marking", "epreuves", actor) as act:
                act.entity_id = epreuve_id
                self._db.execute("UPDATE epreuves SET double_marking = ? WHERE id = ?", [int(enabled), epreuve_id])
                act.details = {"epreuve_id": epreuve_id, "double_marking": bool(enabled)}
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"Double correction impossible : {_trigger_text(exc)}.") from None

    def marking_started(self, epreuve_id: int) -> bool:
        return any(
            self._db.execute(f"SELECT 1 FROM {table} WHERE epreuve_id = ? LIMIT 1", [epreuve_id]).fetchone()
            for table in ("decisions", "member_decisions", "timer_events")
        )

    def record_member_decision(
        self, epreuve_id: int, member_id: int, criterion: str, decision: Decision, *,
        wall_time: str | None = None, undo_of: int | None = None,
    ) -> int:
        """One row of a member's own journal; `wall_time` is given when the row comes from the expert's laptop."""
        with self.action("member_decision.set", "member_decisions", str(member_id)) as act:
            act.entity_id = self._insert(
                "member_decisions",
                {
                    "epreuve_id": epreuve_id,
                    "member_id": member_id,
                    "criterion": criterion,
                    "decision": str(Decision(decision)),
                    "wall_time": wall_time or self.now(),
                    "undo_of": undo_of,
                },
            )
            act.details = {"epreuve_id": epreuve_id, "member_id": member_id, "criterion": criterion}
        return act.entity_id

    def member_decision_rows(self, epreuve_id: int, member_id: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self._db.query(
            "SELECT id, criterion, decision, wall_time, undo_of FROM member_decisions "
            "WHERE epreuve_id = ? AND member_id = ? ORDER BY id", [epreuve_id, member_id])]

    def add_member_note(
        self, epreuve_id: int, member_id: int, text: str, *, competence: str | None = None,
        criterion: str | None = None, wall_time: str | None = None,
    ) -> int:
        with self.action("member_note.set", "member_notes", str(member_id)) as act:
            act.entity_id = self._insert(
                "member_notes",
                {
                    "epreuve_id": epreuve_id,
                    "member_id": member_id,
                    "competence": competence,
                    "criterion": criterion,
                    "text": text,
                    "wall_time": wall_time or self.now(),
                },
            )
            act.details = {"epreuve_id": epreuve_id, "member_id": member_id, "competence": competence}
        return act.entity_id

    def member_note_rows(self, epreuve_id: int, member_id: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self._db.query(
            "SELECT id, competence, criterion, text, wall_time FROM member_notes "
            "WHERE epreuve_id = ? AND member_id = ? ORDER BY id", [epreuve_id, member_id])]

    def close_member_marking(self, epreuve_id: int, member_id: int, closed_at: str | None = None) -> int:
        try:
            with self.action("member_marking.close", "marking_closures", str(member_id)) as act:
                act.entity_id = self._insert(
                    "marking_closures",
                    {"epreuve_id": epreuve_id, "member_id": member_id, "closed_at": closed_at or self.now()},
                )
                act.details = {"epreuve_id": epreuve_id, "member_id": member_id}
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise StoreError("Observation déjà clôturée pour ce membre du jury.") from None
            raise StoreError(f"Clôture refusée : {_trigger_text(exc)}.") from None
        return act.entity_id

    def marking_closures(self, epreuve_id: int) -> dict[int, str]:
        """closed_at per member who closed their observation."""
        return {m: at for m, at in self._db.execute(
            "SELECT member_id, closed_at FROM marking_closures WHERE epreuve_id = ?", [epreuve_id]).fetchall()}

    def record_reconciliations(
        self, epreuve_id: int, rows: Iterable[tuple[str, str | None, str | None, Decision, str]], author_id: int | None
    ) -> None:
        """Settle criteria (criterion, président's mark, expert's mark, final, reason) in ONE action: each final
        is also a decision of the épreuve (phase 'reconciliation'), the one the rules and the avis read."""
        rows = list(rows)
        with self.action("reconciliation.set", "reconciliations", str(author_id or "")) as act:
            now = self.now()
            for criterion, president, expert, final, reason in rows:
                decision_id = self._insert(
                    "decisions",
                    {
                        "epreuve_id": epreuve_id,
                        "criterion": criterion,
                        "decision": str(Decision(final)),
                        "phase": "reconciliation",
                        "author_id": author_id,
                        "wall_time": now,
                    },
                )
                act.entity_id = self._insert(
                    "reconciliations",
                    {
                        "epreuve_id": epreuve_id,
                        "criterion": criterion,
                        "president": president,
                        "expert": expert,
                        "final": str(Decision(final)),
                        "reason": reason,
                        "author_id": author_id,
                        "decision_id": decision_id,
                        "wall_time": now,
                    },
                )
            act.details = {"epreuve_id": epreuve_id, "criteria": [r[0] for r in rows]}

    def reconciliation_rows(self, epreuve_id: int) -> list[dict[str, Any]]:
        """Every reconciliation row in order (the latest per criterion is in force)."""
        return [dict(r) for r in self._db.query(
            "SELECT id, criterion, president, expert, final, reason, author_id, decision_id, wall_time "
            "FROM reconciliations WHERE epreuve_id = ? ORDER BY id", [epreuve_id])]

    # hand-over files of double correction on two laptops (rules in core/site/handover.py)

    def site_identity(self) -> str:
        """This database's identity (schema 0020): the hand-over files name the laptop they come from."""
        row = self._db.execute("SELECT anchor_id FROM integrity_state WHERE id = 1").fetchone()
        if row is None:
            raise StoreError("Base sans identité : ouvrez-la avec l'application pour la mettre à jour.")
        return str(row[0])

    def referentiel_content(self, content_hash: str) -> dict[str, Any]:
        row = self._db.execute("SELECT content FROM referentiels WHERE hash = ?", [content_hash]).fetchone()
        if row is None:
            raise StoreError(f"Référentiel d'empreinte {content_hash} absent de cette base.")
        return dict(json.loads(row[0]))

    def id_by_uuid(self, table: str, uuid: str) -> int | None:
        assert table in ("candidates", "jury_members")
        row = self._db.execute(f"SELECT id FROM {table} WHERE uuid = ?", [uuid]).fetchone()
        return int(row[0]) if row else None

    def organisme_by_code(self, code: str) -> int | None:
        row = self._db.execute("SELECT id FROM organismes WHERE code = ?", [code]).fetchone()
        return int(row[0]) if row else None

    def record_handover(
        self, epreuve_id: int, direction: str, origin_site: str, origin_epreuve_id: int, handover_sha256: str,
        file_sha256: str, actor: str = "",
    ) -> int:
        with self.action(f"handover.{direction}", "marking_handovers", actor) as act:
            act.entity_id = self._insert(
                "marking_handovers",
                {
                    "epreuve_id": epreuve_id,
                    "direction": direction,
                    "origin_site": origin_site,
                    "origin_epreuve_id": origin_epreuve_id,
                    "handover_sha256": handover_sha256,
                    "file_sha256": file_sha256,
                    "at": self.now(),
                },
            )
            act.details = {"epreuve_id": epreuve_id, "direction": direction}
        return act.entity_id

    def handovers(self, *, epreuve_id: int | None = None, origin: tuple[str, int] | None = None) -> list[dict[str, Any]]:
        params: list[Any]
        if epreuve_id is not None:
            sql, params = "epreuve_id = ?", [epreuve_id]
        else:
            assert origin is not None
            sql, params = "origin_site = ? AND origin_epreuve_id = ?", [*origin]
        return [dict(r) for r in self._db.query(f"SELECT * FROM marking_handovers WHERE {sql} ORDER BY id", params)]


def _install_seal_triggers(db: Database) -> bool:
    """Per-connection (TEMP) triggers that note every row written to a sealed table, so that each audit entry
    seals exactly what its action wrote, whichever code path wrote it. False on a schema without seals."""
    from cqp_desktop.core.storage.schema import SEALED_TABLES

    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_seals'").fetchone() is None:
        return False
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched_rows (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, "
               "PRIMARY KEY (tbl, row_id)) WITHOUT ROWID")
    for table in SEALED_TABLES:
        for op, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table}_{op.lower()} AFTER {op} ON main.{table} "
                f"BEGIN INSERT OR IGNORE INTO touched_rows VALUES ('{table}', {ref}.id); END"
            )
    return True


def _trigger_text(exc: sqlite3.IntegrityError) -> str:
    """The French text a schema trigger raised (RAISE(ABORT, ...)), as is."""
    return str(exc).strip()


class _Action:
    """What an action tells the journal: the row it made and a few facts (never personal data)."""

    def __init__(self) -> None:
        self.entity_id: int | None = None
        self.details: dict[str, Any] = {}


AUDIT_COLUMNS = "id, at, actor, action, entity, entity_id, details, prev_hash, hash, seals"


def verify_chain(entries: Iterable[dict[str, Any]], prev: str = GENESIS) -> list[str]:
    """Problems in a run of journal entries, in id order, starting after the entry whose hash is `prev`."""
    return verify_chain_rows(
        ((r["id"], r["at"], r["actor"], r["action"], r["entity"], r["entity_id"], r["details"], r["prev_hash"],
          r["hash"], r.get("seals")) for r in entries),
        prev,
    )


def verify_chain_rows(rows: Iterable[tuple[Any, ...]], prev: str = GENESIS) -> list[str]:
    """The same over plain tuples in AUDIT_COLUMNS order (the long check at start and before an export)."""
    problems: list[str] = []
    for row_id, at, actor, action, entity, entity_id, details, prev_hash, hash_, seals in rows:
        if prev_hash != prev:
            problems.append(f"entrée {row_id} : maillon précédent absent ou modifié")
        if seals is not None:
            expected = sealed_hash(prev_hash, at, actor, action, entity, entity_id, details, seals)
        else:
            try:
                expected = audit_hash(prev_hash, {"at": at, "actor": actor, "action": action, "entity": entity,
                                                  "entity_id": entity_id, "details": json.loads(details)})
            except (ValueError, TypeError):
                expected = ""
        if expected != hash_:
            problems.append(f"entrée {row_id} : contenu modifié après écriture")
        prev = hash_
    return problems
