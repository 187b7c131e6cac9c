"""Every read of the site database outside `Store` itself, each a named query with a typed row.

Storage is closed: the GUI, the CLIs and the rest of the core never hold the connection nor know a column
name; they ask here (reads) or in core/storage/store_writes.py (writes, each inside an audited action). The
statements are grouped by what they are about, in the order a session lives: people, sessions, épreuves
and their journals, avis and signatures, trust and identities, exports and acknowledgments.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, cast

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store

Row = dict[str, Any]


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Rows as dicts (each typed query says which keys)."""
    return [dict(r) for r in store.connection().query(sql, list(params))]


def _one(store: Store, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first row as a tuple, or None (each typed query says which columns)."""
    row = store.connection().execute(sql, list(params)).fetchone()
    return tuple(row) if row is not None else None


def _scalar(store: Store, sql: str, params: Sequence[Any] = ()) -> Any:
    row = _one(store, sql, params)
    return row[0] if row is not None else None


def _column(store: Store, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    return [r[0] for r in store.connection().execute(sql, list(params)).fetchall()]


def _marks(ids: Sequence[Any]) -> str:
    return ",".join("?" for _ in ids) or "NULL"


# --------------------------------------------------------------------------------------------------
# people and organisations


class OrganismeRow(TypedDict):
    id: int
    code: str
    name: str
    kind: str
    branche: str | None
    certifier_kind: str | None
    certifier_validation: str


class PersonName(NamedTuple):
    """A person's first and last name as stored (core/common/formats.py says how to show them)."""

    first_name: str
    last_name: str


def organismes(store: Store) -> list[OrganismeRow]:
    """Every organisme, caisses first, by name (the people dialog's list and choices)."""
    return _rows(
        store,
        "SELECT id, code, name, kind, branche, certifier_kind, certifier_validation FROM organismes "
        "ORDER BY kind DESC, name",
    )


def organisme(store: Store, organisme_id: int | None) -> Row | None:
    if organisme_id is None:
        return None
    return next(iter(_rows(store, "SELECT * FROM organismes WHERE id = ?", [organisme_id])), None)


def organisme_with_code(store: Store, code: str) -> tuple[int, str] | None:
    """(id, name) of the organisme holding this code."""
    return cast("tuple[int, str] | None", _one(store, "SELECT id, name FROM organismes WHERE code = ?", [code]))


def organisme_public(store: Store, organisme_id: int) -> Row | None:
    """What a subject-access export shows of an organisme."""
    return next(iter(_rows(store, "SELECT code, name, kind, branche FROM organismes WHERE id = ?", [organisme_id])), None)


def organisme_employees(store: Store, organisme_id: int) -> int:
    return int(_scalar(store, "SELECT count(*) FROM candidates WHERE organisme_id = ?", [organisme_id]))


def organisme_experts_of_other_branche(store: Store, organisme_id: int, branche: str | None) -> int:
    return int(_scalar(
        store,
        "SELECT count(*) FROM jury_members WHERE organisme_id = ? AND role = 'expert' AND branche IS NOT ?",
        [organisme_id, branche],
    ))


def organisme_in_signed(store: Store, organisme_id: int) -> int:
    """Signed épreuves where the organisme employs the candidate or a jury member."""
    return int(_scalar(
        store,
        "SELECT count(*) FROM epreuves e JOIN candidates c ON c.id = e.candidate_id "
        "LEFT JOIN jury_members p ON p.id = e.president_id LEFT JOIN jury_members x ON x.id = e.expert_id "
        "WHERE e.locked_at IS NOT NULL AND (c.organisme_id = ? OR p.organisme_id = ? OR x.organisme_id = ?)",
        [organisme_id, organisme_id, organisme_id],
    ))


def is_empty(store: Store) -> bool:
    """No candidate and no organisme yet (a fresh base the demo may fill)."""
    return bool(_scalar(store, "SELECT (SELECT count(*) FROM candidates) + (SELECT count(*) FROM organismes)") == 0)


def candidate(store: Store, candidate_id: int) -> Row | None:
    """The candidate's whole record (every column), or None."""
    return next(iter(_rows(store, "SELECT * FROM candidates WHERE id = ?", [candidate_id])), None)


def candidate_name(store: Store, candidate_id: int) -> PersonName | None:
    row = _one(store, "SELECT first_name, last_name FROM candidates WHERE id = ?", [candidate_id])
    return PersonName(*row) if row else None


def candidate_route(store: Store, candidate_id: int) -> str:
    return str(_scalar(store, "SELECT route FROM candidates WHERE id = ?", [candidate_id]))


def candidate_premss(store: Store, candidate_id: int) -> tuple[int, str | None, str | None]:
    """(pass_premss, its date, who attested it)."""
    return cast("tuple[int, str | None, str | None]", _one(
        store, "SELECT pass_premss, pass_premss_date, pass_premss_attested_by FROM candidates WHERE id = ?", [candidate_id]
    ))


class CandidateListRow(TypedDict):
    id: int
    last_name: str
    first_name: str
    org: str
    cqp: str
    route: str
    pass_premss: int
    purged_at: str | None
    pass_premss_date: str | None
    pass_premss_attested_by: str | None
    planned: int
    signed: int


def candidate_list(store: Store) -> list[CandidateListRow]:
    """Every candidate with their employer's name and épreuves planned / signed (purged ones last)."""
    return _rows(
        store,
        "SELECT c.id, c.last_name, c.first_name, o.name AS org, c.cqp, c.route, c.pass_premss, c.purged_at, "
        "c.pass_premss_date, c.pass_premss_attested_by, "
        "(SELECT count(*) FROM epreuves e WHERE e.candidate_id = c.id) AS planned, "
        "(SELECT count(*) FROM epreuves e WHERE e.candidate_id = c.id AND e.locked_at IS NOT NULL) AS signed "
        "FROM candidates c JOIN organismes o ON o.id = c.organisme_id ORDER BY c.purged_at IS NOT NULL, "
        "c.last_name, c.first_name",
    )


def candidates_by_name(store: Store) -> list[tuple[int, str, str, str]]:
    """(id, last name, first name, CQP) of every candidate, by name."""
    return [tuple(r) for r in store.connection().execute(
        "SELECT id, last_name, first_name, cqp FROM candidates ORDER BY last_name, first_name").fetchall()]


class CandidateHolder(NamedTuple):
    id: int
    first_name: str
    last_name: str
    cqp: str


def candidate_with_person_id(store: Store, person_id: str) -> CandidateHolder | None:
    row = _one(store, "SELECT id, first_name, last_name, cqp FROM candidates WHERE person_id = ?", [person_id])
    return CandidateHolder(*row) if row else None


def namesake_candidate(store: Store, last_name: str, first_name: str, organisme_id: int | None) -> tuple[int, str] | None:
    """(id, CQP) of a candidate of the same name in the same organisme (purged ones left out)."""
    return cast("tuple[int, str] | None", _one(
        store,
        "SELECT id, cqp FROM candidates WHERE lower(last_name) = lower(?) AND lower(first_name) = lower(?) "
        "AND organisme_id IS ? AND purged_at IS NULL",
        [last_name, first_name, organisme_id],
    ))


def purged_candidate_ids(store: Store) -> set[int]:
    return set(_column(store, "SELECT id FROM candidates WHERE purged_at IS NOT NULL"))


class CandidateSideRow(NamedTuple):
    last_name: str
    first_name: str
    organisme_id: int
    organisme: str
    branche: str | None
    organisme_code: str


def candidate_side(store: Store, candidate_id: int) -> CandidateSideRow | None:
    """The candidate and their employer, as the jury rules need them."""
    row = _one(
        store,
        "SELECT c.last_name, c.first_name, c.organisme_id, o.name, o.branche, o.code "
        "FROM candidates c JOIN organismes o ON o.id = c.organisme_id WHERE c.id = ?",
        [candidate_id],
    )
    return CandidateSideRow(*row) if row else None


class DossierHead(NamedTuple):
    last_name: str
    first_name: str
    cqp: str
    route: str
    pass_premss: int
    organisme: str
    branche: str | None
    person_id: str | None


def dossier_head(store: Store, candidate_id: int) -> DossierHead | None:
    row = _one(
        store,
        "SELECT c.last_name, c.first_name, c.cqp, c.route, c.pass_premss, o.name, o.branche, c.person_id "
        "FROM candidates c JOIN organismes o ON o.id = c.organisme_id WHERE c.id = ?",
        [candidate_id],
    )
    return DossierHead(*row) if row else None


class PayloadCandidate(NamedTuple):
    id: int
    last_name: str
    first_name: str
    organisme_code: str
    organisme: str
    branche: str | None
    uuid: str
    cqp: str
    route: str
    pass_premss: int
    pass_premss_date: str | None
    pass_premss_attested_by: str | None
    person_id: str | None


def payload_candidate(store: Store, candidate_id: int) -> PayloadCandidate | None:
    """The candidate as an avis payload names them (signed bytes: columns and order are part of it)."""
    row = _one(
        store,
        "SELECT c.id, c.last_name, c.first_name, o.code, o.name, o.branche, c.uuid, c.cqp, c.route, c.pass_premss, "
        "c.pass_premss_date, c.pass_premss_attested_by, c.person_id "
        "FROM candidates c JOIN organismes o ON o.id = c.organisme_id WHERE c.id = ?",
        [candidate_id],
    )
    return PayloadCandidate(*row) if row else None


def candidate_and_employer(store: Store, candidate_id: int) -> tuple[str, str, str] | None:
    """(first name, last name, employer's name)."""
    return cast("tuple[str, str, str] | None", _one(
        store,
        "SELECT c.first_name, c.last_name, o.name FROM candidates c JOIN organismes o ON o.id = c.organisme_id "
        "WHERE c.id = ?",
        [candidate_id],
    ))


def member(store: Store, member_id: int) -> Row | None:
    """The jury member's whole record (every column), or None."""
    return next(iter(_rows(store, "SELECT * FROM jury_members WHERE id = ?", [member_id])), None)


def member_with_organisme(store: Store, member_id: int) -> Row | None:
    """The member's record and `organisme_name`, the name of their organisme."""
    return next(iter(_rows(
        store,
        "SELECT m.*, o.name AS organisme_name FROM jury_members m JOIN organismes o ON o.id = m.organisme_id "
        "WHERE m.id = ?",
        [member_id],
    )), None)


def member_name(store: Store, member_id: int) -> PersonName | None:
    row = _one(store, "SELECT first_name, last_name FROM jury_members WHERE id = ?", [member_id])
    return PersonName(*row) if row else None


def member_role_and_name(store: Store, member_id: int) -> tuple[str, str, str] | None:
    """(role, first name, last name)."""
    return cast("tuple[str, str, str] | None", _one(store, "SELECT role, first_name, last_name FROM jury_members WHERE id = ?", [member_id]))


def member_training_date(store: Store, member_id: int) -> str | None:
    return cast("str | None", _scalar(store, "SELECT jury_training_date FROM jury_members WHERE id = ?", [member_id]))


def member_with_uuid(store: Store, uuid: str) -> int | None:
    value = _scalar(store, "SELECT id FROM jury_members WHERE uuid = ?", [uuid])
    return int(value) if value is not None else None


class MemberListRow(TypedDict):
    id: int
    last_name: str
    first_name: str
    org: str
    role: str
    branche: str | None
    jury_training_date: str | None
    ident: int


def member_list(store: Store) -> list[MemberListRow]:
    """Every jury member with their organisme's name and whether they hold a signing identity, by name."""
    return _rows(
        store,
        "SELECT m.id, m.last_name, m.first_name, o.name AS org, m.role, m.branche, m.jury_training_date, "
        "(SELECT count(*) FROM signing_identities s WHERE s.member_id = m.id AND s.retired_at IS NULL) AS ident "
        "FROM jury_members m JOIN organismes o ON o.id = m.organisme_id ORDER BY m.last_name, m.first_name",
    )


def member_ids(store: Store, role: str | None = None, *, by: str = "name") -> list[int]:
    """Jury member ids (of one role if given), by name or by id."""
    order = "last_name, first_name" if by == "name" else "id"
    where = " WHERE role = ?" if role else ""
    return [int(i) for i in _column(store, f"SELECT id FROM jury_members{where} ORDER BY {order}", [role] if role else [])]


class JuryPersonRow(NamedTuple):
    id: int
    last_name: str
    first_name: str
    role: str
    organisme_id: int
    organisme: str
    branche: str | None
    jury_training_date: str | None
    organisme_code: str
    organisme_kind: str
    certifier_kind: str | None
    certifier_validation: str | None


def jury_person(store: Store, member_id: int) -> JuryPersonRow | None:
    row = _one(
        store,
        "SELECT m.id, m.last_name, m.first_name, m.role, m.organisme_id, o.name, m.branche, m.jury_training_date, "
        "o.code, o.kind, o.certifier_kind, o.certifier_validation "
        "FROM jury_members m JOIN organismes o ON o.id = m.organisme_id WHERE m.id = ?",
        [member_id],
    )
    return JuryPersonRow(*row) if row else None


def payload_member(store: Store, member_id: int) -> Row | None:
    """The member as an avis payload names them (signed bytes: keys and order are part of it)."""
    row = _one(
        store,
        "SELECT m.id, m.last_name, m.first_name, m.role, o.name, m.branche, m.jury_training_date, m.uuid "
        "FROM jury_members m JOIN organismes o ON o.id = m.organisme_id WHERE m.id = ?",
        [member_id],
    )
    names = ("id", "last_name", "first_name", "role", "organisme", "branche", "jury_training_date", "uuid")
    return dict(zip(names, row)) if row else None


class MemberReportRow(NamedTuple):
    first_name: str
    last_name: str
    organisme: str
    branche: str | None
    jury_training_date: str | None


def member_for_report(store: Store, member_id: int) -> MemberReportRow | None:
    row = _one(
        store,
        "SELECT m.first_name, m.last_name, o.name, m.branche, m.jury_training_date FROM jury_members m "
        "JOIN organismes o ON o.id = m.organisme_id WHERE m.id = ?",
        [member_id],
    )
    return MemberReportRow(*row) if row else None


def member_sittings(store: Store, member_id: int, *, locked: bool | None = None) -> int:
    """Épreuves the member sits in (only signed ones, or only open ones, when `locked` says so)."""
    sql = "SELECT count(*) FROM epreuves WHERE (president_id = ? OR expert_id = ?)"
    if locked is True:
        sql += " AND locked_at IS NOT NULL"
    elif locked is False:
        sql += " AND locked_at IS NULL"
    return int(_scalar(store, sql, [member_id, member_id]))


_JURY_SCOPES = {
    "organisme": ("(c.organisme_id = ? OR e.president_id IN (SELECT id FROM jury_members WHERE organisme_id = ?) "
                  "OR e.expert_id IN (SELECT id FROM jury_members WHERE organisme_id = ?))", 3),
    "candidate": ("e.candidate_id = ?", 1),
    "member": ("(e.president_id = ? OR e.expert_id = ?)", 2),
}


def open_juries(store: Store, scope: str, scope_id: int) -> list[tuple[int, str, str, int | None, int | None]]:
    """(épreuve id, bloc, day, président, expert) of the unsigned épreuves with a jury that concern an
    organisme (its candidates or members), a candidate or a jury member (`scope`)."""
    where, count = _JURY_SCOPES[scope]
    return [tuple(r) for r in store.connection().execute(
        "SELECT e.id, e.bloc, e.planned_date, e.president_id, e.expert_id FROM epreuves e "
        f"JOIN candidates c ON c.id = e.candidate_id WHERE e.locked_at IS NULL AND {where} "
        "AND (e.president_id IS NOT NULL OR e.expert_id IS NOT NULL)",
        [scope_id] * count,
    ).fetchall()]


# --------------------------------------------------------------------------------------------------
# signing identities


def identity_by_fingerprint(store: Store, fingerprint: str) -> tuple[int, str | None, str, str] | None:
    """(member id, retired at, first name, last name) of the identity with this certificate."""
    return cast("tuple[int, str | None, str, str] | None", _one(
        store,
        "SELECT s.member_id, s.retired_at, m.first_name, m.last_name FROM signing_identities s "
        "JOIN jury_members m ON m.id = s.member_id WHERE s.fingerprint = ?",
        [fingerprint],
    ))


def is_known_certificate(store: Store, fingerprint: str, member_id: int | None = None) -> bool:
    """A certificate this site holds as a signing identity (of that member, when given)."""
    if member_id is None:
        return _one(store, "SELECT 1 FROM signing_identities WHERE fingerprint = ?", [fingerprint]) is not None
    return _one(
        store, "SELECT 1 FROM signing_identities WHERE member_id = ? AND fingerprint = ?", [member_id, fingerprint]
    ) is not None


def certificate_requests(store: Store, member_id: int) -> list[Row]:
    """The member's certificate requests, newest first."""
    return _rows(store, "SELECT * FROM certificate_requests WHERE member_id = ? ORDER BY id DESC", [member_id])


# --------------------------------------------------------------------------------------------------
# trust files


def trust_bundle_count(store: Store) -> int:
    return int(_scalar(store, "SELECT count(*) FROM trust_bundles"))


def latest_trust_bundle_id(store: Store) -> int:
    return int(_scalar(store, "SELECT coalesce(max(id), 0) FROM trust_bundles"))


def newest_bundles_json(store: Store) -> list[str]:
    """The newest trust file of each installed root, as stored."""
    return _column(
        store,
        "SELECT b.bundle_json FROM trust_bundles b WHERE b.id = (SELECT id FROM trust_bundles c "
        "WHERE c.root_fingerprint = b.root_fingerprint ORDER BY c.crl_number DESC, c.id DESC LIMIT 1) ORDER BY b.id",
    )


def trust_bundle_installed_at(store: Store, root_fingerprint: str) -> str | None:
    return cast("str | None", _scalar(store, "SELECT max(imported_at) FROM trust_bundles WHERE root_fingerprint = ?", [root_fingerprint]))


# --------------------------------------------------------------------------------------------------
# référentiels


def referentiel_record(store: Store, content_hash: str) -> tuple[str, str, dict[str, Any]] | None:
    """(référentiel id, version, content as imported) of a registered référentiel."""
    row = _one(store, "SELECT ref_id, version, content FROM referentiels WHERE hash = ?", [content_hash])
    return (row[0], row[1], json.loads(row[2])) if row else None


# --------------------------------------------------------------------------------------------------
# sessions


def session(store: Store, session_id: int) -> Row | None:
    return next(iter(_rows(store, "SELECT * FROM cert_sessions WHERE id = ?", [session_id])), None)


def session_label(store: Store, session_id: int) -> str | None:
    return cast("str | None", _scalar(store, "SELECT label FROM cert_sessions WHERE id = ?", [session_id]))


def session_with_uuid(store: Store, uuid: str) -> tuple[int, str] | None:
    """(id, label) of the session with this identifier."""
    return cast("tuple[int, str] | None", _one(store, "SELECT id, label FROM cert_sessions WHERE uuid = ?", [uuid]))


def session_payload(store: Store, session_id: int | None) -> tuple[str, str, str, str] | None:
    """(uuid, label, month, site) as an avis payload names the session."""
    return cast("tuple[str, str, str, str] | None", _one(store, "SELECT uuid, label, month, site FROM cert_sessions WHERE id = ?", [session_id]))


def session_public(store: Store, session_id: int | None) -> Row | None:
    """What a subject-access export shows of a session."""
    return next(iter(_rows(store, "SELECT label, month, site FROM cert_sessions WHERE id = ?", [session_id])), None)


def sessions(store: Store) -> list[tuple[int, str, str]]:
    """(id, label, month) of every session, by month."""
    return [tuple(r) for r in store.connection().execute(
        "SELECT id, label, month FROM cert_sessions ORDER BY month, id").fetchall()]


def first_session(store: Store) -> tuple[int, str] | None:
    """(id, label) of the session created first."""
    return cast("tuple[int, str] | None", _one(store, "SELECT id, label FROM cert_sessions ORDER BY id LIMIT 1"))


def session_of_month(store: Store, month: str) -> int | None:
    value = _scalar(store, "SELECT id FROM cert_sessions WHERE month = ? ORDER BY id LIMIT 1", [month])
    return int(value) if value is not None else None


def session_epreuve_ids(store: Store, session_id: int, mode: str, *, with_cancelled: bool = False) -> list[int]:
    """The session's épreuves of one mode (cancelled ones left out unless asked), by id."""
    cancelled = "" if with_cancelled else " AND id NOT IN (SELECT epreuve_id FROM epreuve_cancellations)"
    return [int(i) for i in _column(
        store, f"SELECT id FROM epreuves WHERE session_id = ? AND mode = ?{cancelled} ORDER BY id", [session_id, mode]
    )]


def session_candidate_ids(store: Store, session_id: int) -> list[int]:
    return [int(i) for i in _column(
        store, "SELECT DISTINCT candidate_id FROM epreuves WHERE session_id = ? ORDER BY candidate_id", [session_id]
    )]


def other_certifying_sessions(store: Store, candidate_id: int, session_id: int) -> list[int]:
    """The candidate's other sessions where they sit a certifying épreuve."""
    return [int(i) for i in _column(
        store,
        "SELECT DISTINCT session_id FROM epreuves WHERE candidate_id = ? AND session_id IS NOT NULL AND session_id != ? "
        "AND mode = 'certification'",
        [candidate_id, session_id],
    )]


def session_candidates(store: Store, session_id: int) -> list[Row]:
    """The session's candidates (id, names, CQP, route, organisme, branche), by name."""
    return _rows(
        store,
        "SELECT DISTINCT c.id, c.last_name, c.first_name, c.cqp, c.route, o.name AS organisme, o.branche "
        "FROM epreuves e JOIN candidates c ON c.id = e.candidate_id JOIN organismes o ON o.id = c.organisme_id "
        "WHERE e.session_id = ? ORDER BY c.last_name, c.first_name, c.id",
        [session_id],
    )


def unpurged_names_of_epreuves(store: Store, epreuve_ids: Sequence[int]) -> list[PersonName]:
    """Names of the candidates of these épreuves whose data are still here, by name."""
    return [PersonName(*r) for r in store.connection().execute(
        f"SELECT DISTINCT c.first_name, c.last_name FROM epreuves e JOIN candidates c ON c.id = e.candidate_id "
        f"WHERE e.id IN ({_marks(epreuve_ids)}) AND c.purged_at IS NULL ORDER BY c.last_name, c.first_name",
        list(epreuve_ids),
    )]


def session_journal_rows(store: Store, epreuve_ids: Sequence[int]) -> int:
    """Rows of the épreuves' append-only journals that a package carries (its revision)."""
    if not epreuve_ids:
        return 0
    marks, ids = _marks(epreuve_ids), list(epreuve_ids)
    total = 0
    for sql in (
        f"SELECT count(*) FROM decisions WHERE epreuve_id IN ({marks})",
        f"SELECT count(*) FROM timer_events WHERE epreuve_id IN ({marks})",
        f"SELECT count(*) FROM notes WHERE epreuve_id IN ({marks})",
        f"SELECT count(*) FROM presented_competences WHERE epreuve_id IN ({marks})",
        f"SELECT count(*) FROM vae_situations WHERE epreuve_id IN ({marks})",
        f"SELECT count(*) FROM avis WHERE signed_at IS NOT NULL AND epreuve_id IN ({marks})",
        f"SELECT count(*) FROM signatures s JOIN avis a ON a.id = s.avis_id WHERE a.epreuve_id IN ({marks})",
    ):
        total += int(_scalar(store, sql, ids))
    return total


def exported_session_labels(store: Store, candidate_id: int) -> list[str]:
    """Labels of the candidate's sessions already packaged for Ucanss, by month."""
    return _column(
        store,
        "SELECT DISTINCT s.label FROM epreuves e JOIN cert_sessions s ON s.id = e.session_id "
        "WHERE e.candidate_id = ? AND EXISTS (SELECT 1 FROM audit a WHERE a.action = 'package.export' "
        "AND a.entity = 'cert_sessions' AND a.entity_id = s.id) ORDER BY s.month",
        [candidate_id],
    )


def session_exports(store: Store, session_id: int) -> list[dict[str, Any]]:
    """The journal details of each export of the session's package (revision, manifest digest, épreuves)."""
    return [json.loads(d) for d in _column(
        store,
        "SELECT details FROM audit WHERE action = 'package.export' AND entity = 'cert_sessions' AND entity_id = ?",
        [session_id],
    )]


def acknowledgment_known(store: Store, ack_sha256: str) -> bool:
    return _one(store, "SELECT 1 FROM session_sync WHERE ack_sha256 = ?", [ack_sha256]) is not None


def acknowledgment_count(store: Store) -> int:
    return int(_scalar(store, "SELECT count(*) FROM session_sync"))


def acknowledged_revision(store: Store, session_id: int) -> int | None:
    """The latest revision of the session the Ucanss acknowledged (None before any)."""
    return cast("int | None", _scalar(store, "SELECT max(revision) FROM session_sync WHERE session_id = ?", [session_id]))


def first_acknowledged_at(store: Store, session_id: int, revision: int) -> str | None:
    return cast("str | None", _scalar(
        store, "SELECT min(imported_at) FROM session_sync WHERE session_id = ? AND revision = ?", [session_id, revision]
    ))


# --------------------------------------------------------------------------------------------------
# épreuves and their journals


def certifying_epreuves_outside_sessions(store: Store) -> int:
    """Certifying épreuves planned without a session: no package can carry them."""
    return int(_scalar(store, "SELECT count(*) FROM epreuves WHERE session_id IS NULL AND mode = 'certification'"))


def open_epreuve_count(store: Store) -> int:
    """Épreuves not yet signed (locked)."""
    return int(_scalar(store, "SELECT count(*) FROM epreuves WHERE locked_at IS NULL"))


def candidate_epreuve_count(store: Store, candidate_id: int, *, locked: bool = False) -> int:
    sql = "SELECT count(*) FROM epreuves WHERE candidate_id = ?" + (" AND locked_at IS NOT NULL" if locked else "")
    return int(_scalar(store, sql, [candidate_id]))


def candidate_epreuves(store: Store, candidate_id: int) -> list[Row]:
    """The candidate's épreuves (every column), by day then id."""
    return _rows(store, "SELECT * FROM epreuves WHERE candidate_id = ? ORDER BY planned_date, id", [candidate_id])


def candidate_epreuves_by_id(store: Store, candidate_id: int) -> list[Row]:
    """(id, bloc, mode, planned_date) of the candidate's épreuves, by id."""
    return _rows(store, "SELECT id, bloc, mode, planned_date FROM epreuves WHERE candidate_id = ? ORDER BY id", [candidate_id])


def session_candidate_epreuves(store: Store, session_id: int, candidate_id: int) -> list[Row]:
    """(id, bloc, planned_date, mode) of one candidate's épreuves in one session, by day."""
    return _rows(
        store,
        "SELECT id, bloc, planned_date, mode FROM epreuves WHERE session_id = ? AND candidate_id = ? "
        "ORDER BY planned_date, id",
        [session_id, candidate_id],
    )


def open_certifying_blocs(store: Store, candidate_id: int) -> list[str]:
    """Blocs of the candidate's certifying épreuves neither signed nor cancelled."""
    return _column(
        store,
        "SELECT e.bloc FROM epreuves e WHERE e.candidate_id = ? AND e.locked_at IS NULL AND e.mode = 'certification' "
        "AND NOT EXISTS (SELECT 1 FROM epreuve_cancellations c WHERE c.epreuve_id = e.id)",
        [candidate_id],
    )


def epreuves_of_day(store: Store, candidate_id: int, day: str) -> list[tuple[int, str, str, str, bool]]:
    """(id, bloc, route, mode, cancelled) of the candidate's épreuves planned that day, by id."""
    return [
        (r[0], r[1], r[2], r[3], bool(r[4]))
        for r in store.connection().execute(
            "SELECT e.id, e.bloc, e.route, e.mode, "
            "EXISTS (SELECT 1 FROM epreuve_cancellations c WHERE c.epreuve_id = e.id) "
            "FROM epreuves e WHERE e.candidate_id = ? AND e.planned_date = ? ORDER BY e.id",
            [candidate_id, day],
        ).fetchall()
    ]


# Every épreuve with its candidate's name, whether cancelled and the last timer event: the home list, read by the
# store and, before the store is open, by the start-up preview (core/storage/home_preview.py).
EPREUVE_OVERVIEW_SQL = """
    SELECT e.id, e.candidate_id, e.planned_date, c.last_name, c.first_name, e.certification, e.bloc, e.route, e.mode,
           e.alternative, e.locked_at,
           EXISTS (SELECT 1 FROM epreuve_cancellations x WHERE x.epreuve_id = e.id) AS cancelled,
           (SELECT kind FROM timer_events t WHERE t.epreuve_id = e.id AND t.kind != 'count'
            ORDER BY t.id DESC LIMIT 1) AS last_kind
    FROM epreuves e JOIN candidates c ON c.id = e.candidate_id
"""


def epreuve_overview_rows(store: Store) -> list[Row]:
    """Every épreuve with its candidate's name, whether cancelled and the last timer event (home list)."""
    return _rows(store, EPREUVE_OVERVIEW_SQL)


class EpreuveHeading(NamedTuple):
    first_name: str
    last_name: str
    bloc: str
    planned_date: str | None


def epreuve_heading(store: Store, epreuve_id: int) -> EpreuveHeading | None:
    """Who and what an épreuve is, to name it in a question."""
    row = _one(
        store,
        "SELECT c.first_name, c.last_name, e.bloc, e.planned_date FROM epreuves e "
        "JOIN candidates c ON c.id = e.candidate_id WHERE e.id = ?",
        [epreuve_id],
    )
    return EpreuveHeading(*row) if row else None


def epreuve_context(store: Store, epreuve_id: int) -> Row | None:
    """The candidate, employer and session of an épreuve, as its report shows them."""
    row = _one(
        store,
        "SELECT c.last_name, c.first_name, o.name, o.branche, o.code, s.label, s.site FROM epreuves e "
        "JOIN candidates c ON c.id = e.candidate_id JOIN organismes o ON o.id = c.organisme_id "
        "LEFT JOIN cert_sessions s ON s.id = e.session_id WHERE e.id = ?",
        [epreuve_id],
    )
    names = ("last_name", "first_name", "organisme", "branche", "organisme_code", "session", "site")
    return dict(zip(names, row)) if row else None


def candidate_purged_for_epreuve(store: Store, epreuve_id: int) -> bool:
    return bool(_scalar(
        store, "SELECT c.purged_at FROM candidates c JOIN epreuves e ON e.candidate_id = c.id WHERE e.id = ?", [epreuve_id]
    ))


def last_clock_kind(store: Store, epreuve_id: int) -> str | None:
    """The kind of the épreuve's last timer event that is not a count ('end' once the clock stopped)."""
    return cast("str | None", _scalar(
        store, "SELECT kind FROM timer_events WHERE epreuve_id = ? AND kind != 'count' ORDER BY id DESC LIMIT 1",
        [epreuve_id],
    ))


def last_decided_criterion(store: Store, epreuve_id: int) -> str | None:
    return cast("str | None", _scalar(store, "SELECT criterion FROM decisions WHERE epreuve_id = ? ORDER BY id DESC LIMIT 1", [epreuve_id]))


def clock_checkpoint(store: Store, epreuve_id: int) -> tuple[str, int] | None:
    """(phase, elapsed ms) the running clock last reached."""
    return cast("tuple[str, int] | None", _one(store, "SELECT phase, elapsed_ms FROM clock_checkpoints WHERE epreuve_id = ?", [epreuve_id]))


def phase_reached(store: Store, epreuve_id: int) -> list[tuple[str, int]]:
    """(phase, furthest elapsed ms) acknowledged by a decision or a note."""
    out: list[tuple[str, int]] = []
    for table in ("decisions", "notes"):
        out += [tuple(r) for r in store.connection().execute(
            f"SELECT phase, max(elapsed_ms) FROM {table} WHERE epreuve_id = ? AND phase IS NOT NULL "
            "AND elapsed_ms IS NOT NULL GROUP BY phase",
            [epreuve_id],
        ).fetchall()]
    return out


def current_presented(store: Store, epreuve_id: int) -> dict[str, bool]:
    """Latest « presented » per competence of the MDR presentation."""
    rows = store.connection().execute(
        "SELECT competence, presented FROM presented_competences WHERE id IN "
        "(SELECT max(id) FROM presented_competences WHERE epreuve_id = ? GROUP BY competence)",
        [epreuve_id],
    ).fetchall()
    return {c: bool(p) for c, p in rows}


def current_situations(store: Store, epreuve_id: int) -> list[tuple[int, str, str, str, int]]:
    """(slot, title, summary, competences JSON, removed) latest per livret 2 slot."""
    return [tuple(r) for r in store.connection().execute(
        "SELECT slot, title, summary, competences, removed FROM vae_situations WHERE id IN "
        "(SELECT max(id) FROM vae_situations WHERE epreuve_id = ? GROUP BY slot)",
        [epreuve_id],
    ).fetchall()]


# journals as the package and the avis payload carry them (the columns and their order are signed)

_JOURNALS = {
    "decisions": "id, criterion, decision, phase, author_id, wall_time, undo_of",
    "timer_events": "id, kind, phase, reason, value, wall_time, mono_ns, elapsed_ms",
    "notes": "id, competence, criterion, text, author_id, wall_time",
    "presented_competences": "id, competence, presented, wall_time",
    "vae_situations": "id, slot, title, summary, competences, removed, wall_time",
}

# what a subject-access export shows of them (no internal ids or authors)
_PUBLIC_JOURNALS = {
    "decisions": "criterion, decision, phase, wall_time, undo_of",
    "notes": "competence, criterion, text, wall_time",
    "timer_events": "kind, phase, reason, value, wall_time, elapsed_ms",
    "presented_competences": "competence, presented, wall_time",
    "vae_situations": "slot, title, summary, competences, removed, wall_time",
}

# what the épreuve minimums count from
_MINIMUM_JOURNALS = {
    "presented_competences": "id, competence, presented",
    "timer_events": "id, kind, phase, value",
    "vae_situations": "id, slot, removed",
}


def journal(store: Store, table: str, epreuve_id: int, *, view: str = "package") -> list[Row]:
    """One journal of an épreuve, oldest first: `view` 'package' (what packages and payloads sign),
    'public' (subject access) or 'minimums' (what the épreuve minimums count)."""
    columns = {"package": _JOURNALS, "public": _PUBLIC_JOURNALS, "minimums": _MINIMUM_JOURNALS}[view][table]
    return _rows(store, f"SELECT {columns} FROM {table} WHERE epreuve_id = ? ORDER BY id", [epreuve_id])


def cancellation_public(store: Store, epreuve_id: int) -> Row | None:
    return next(iter(_rows(
        store, "SELECT reason, cancelled_at FROM epreuve_cancellations WHERE epreuve_id = ?", [epreuve_id]
    )), None)


# --------------------------------------------------------------------------------------------------
# avis, signatures, signed reports


def avis_row(store: Store, avis_id: int) -> Row | None:
    return next(iter(_rows(store, "SELECT * FROM avis WHERE id = ?", [avis_id])), None)


def avis_rows(store: Store, epreuve_id: int) -> list[Row]:
    """Every version of the épreuve's avis, oldest first."""
    return _rows(store, "SELECT * FROM avis WHERE epreuve_id = ? ORDER BY version", [epreuve_id])


def has_signed_avis(store: Store, epreuve_id: int) -> bool:
    return _one(store, "SELECT 1 FROM avis WHERE epreuve_id = ? AND signed_at IS NOT NULL", [epreuve_id]) is not None


def superseded_by_signed(store: Store, avis_id: int) -> bool:
    """A later signed version replaces this avis version."""
    return _one(store, "SELECT 1 FROM avis WHERE supersedes_id = ? AND signed_at IS NOT NULL", [avis_id]) is not None


def signature_rows(store: Store, avis_id: int) -> list[Row]:
    """The avis version's signatures, with `signer_name` (« Prénom NOM »), in signing order."""
    return _rows(
        store,
        "SELECT s.*, m.first_name || ' ' || upper(m.last_name) AS signer_name FROM signatures s "
        "JOIN jury_members m ON m.id = s.signer_id WHERE s.avis_id = ? ORDER BY s.id",
        [avis_id],
    )


def signature_certificate(store: Store, signature_id: int) -> bytes | None:
    value = _scalar(store, "SELECT certificate FROM signatures WHERE id = ?", [signature_id])
    return bytes(value) if value is not None else None


def signed_report_pdf(store: Store, avis_id: int) -> bytes | None:
    """The latest signed report of this avis version: co-signed if the expert signed, else the président's."""
    row = _one(store, "SELECT pdf FROM cosigned_pdfs WHERE avis_id = ? ORDER BY id DESC LIMIT 1", [avis_id])
    if row is None:
        row = _one(store, "SELECT pdf FROM signed_pdfs WHERE avis_id = ?", [avis_id])
    return bytes(row[0]) if row is not None else None


def sealed_row_count(store: Store) -> int:
    return int(_scalar(store, "SELECT count(*) FROM row_seals"))


# --------------------------------------------------------------------------------------------------
# results proclaimed by the jury paritaire national


def candidate_with_uuid(store: Store, uuid: str) -> int | None:
    value = _scalar(store, "SELECT id FROM candidates WHERE uuid = ?", [uuid])
    return int(value) if value is not None else None


def results_known(store: Store, results_sha256: str) -> bool:
    return _one(store, "SELECT 1 FROM proclaimed_results WHERE results_sha256 = ? LIMIT 1", [results_sha256]) is not None


def latest_proclaimed(store: Store, candidate_id: int) -> tuple[str, str] | None:
    """(jury date, result JSON) of the candidate's latest proclamation."""
    return cast("tuple[str, str] | None", _one(
        store,
        "SELECT jury_date, result_json FROM proclaimed_results WHERE candidate_id = ? ORDER BY jury_date DESC, id DESC LIMIT 1",
        [candidate_id],
    ))
