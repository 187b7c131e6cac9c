"""The jury paritaire national (CPNEFP): its sessions, its decisions, its proclamation. Qt-free.

The letter: the national joint jury « délibère et certifie les compétences des candidats sur la base du
dossier de certification en se référant aux référentiels et à l'avis rédigé par le jury professionnel »,
« proclame les résultats et délivre le CQP (COS ou GC) et le CCP pour chaque bloc validé », and « le jury
est souverain dans sa décision ».

Here a jury session sits on a date of the published calendar. Its list holds every candidate with an
épreuve (latest revision of its session package, dated on or before the jury) that no earlier, closed
jury has deliberated on. The professional juries' avis make the proposal (CCP for each bloc their avis
validated; the CQP when every bloc of a CQP is then held, GRU and MDR counting for both). The jury's
decision names the CCP it delivers; it may depart from the proposal (sovereign) but must say why; a bloc
evaluated and not delivered needs recommendations (taken from the professional jury's préconisations
unless the jury writes its own). Decisions are append-only: a correction before closing is a new
decision, the latest one is in force. Closing the deliberation requires a decision for every candidate
on the list; it stores the signed procès-verbal and freezes the session: the results are proclaimed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.calendar import Calendar, load_calendar
from cqp_desktop.core.model.referentiel import Referentiel, from_data
from cqp_desktop.core.model.rules import certification_status
from cqp_desktop.core.ucanss.national import Candidate, prerequisite_missing


class JuryError(Exception):
    """A jury step refused; the message is French and names what is wrong."""


def migrate(db: Database) -> None:
    """Tables of the jury paritaire national (national migration 0050): sessions, append-only decisions,
    closures holding the signed procès-verbal. No update, no delete; no decision once a session is closed."""
    db.executescript(
        """
        CREATE TABLE jury_sessions (
            id INTEGER PRIMARY KEY,
            jury_date TEXT NOT NULL UNIQUE,
            members TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE jury_decisions (
            id INTEGER PRIMARY KEY,
            jury_id INTEGER NOT NULL REFERENCES jury_sessions(id),
            candidate_uuid TEXT NOT NULL REFERENCES candidates(uuid),
            ccp_json TEXT NOT NULL,
            cqp_json TEXT NOT NULL,
            proposed_ccp_json TEXT NOT NULL,
            covers_json TEXT NOT NULL,
            departs INTEGER NOT NULL,
            justification TEXT NOT NULL,
            recommendations TEXT NOT NULL,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX jury_decisions_jury ON jury_decisions(jury_id, candidate_uuid, id);
        CREATE TABLE jury_closures (
            jury_id INTEGER PRIMARY KEY REFERENCES jury_sessions(id),
            closed_at TEXT NOT NULL,
            pv_sha256 TEXT NOT NULL,
            pv_pdf BLOB NOT NULL
        );
        CREATE TRIGGER jury_decisions_closed BEFORE INSERT ON jury_decisions
        WHEN EXISTS (SELECT 1 FROM jury_closures WHERE jury_id = NEW.jury_id)
        BEGIN SELECT RAISE(ABORT, 'jury paritaire clos : aucune décision ne peut plus être enregistrée'); END;
        """
    )
    for table in ("jury_sessions", "jury_decisions", "jury_closures"):
        db.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'jury paritaire : modification interdite'); END;"
        )
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'jury paritaire : suppression interdite'); END;"
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class JurySession:
    id: int
    jury_date: str  # ISO day
    members: str
    created_at: str
    closed_at: str | None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


@dataclass(frozen=True)
class EpreuveLine:
    """One épreuve as the national base holds it (latest revision of its session)."""

    session_uuid: str
    local_id: int
    avis_version: int
    bloc: str
    certification: str
    date: str
    session_label: str
    site: str
    validated: bool  # the professional jury's avis
    computed_validated: bool
    justification: str
    preconisations: str

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.session_uuid, self.local_id, self.avis_version)


@dataclass(frozen=True)
class Earned:
    """Where and when a CCP was earned, and which jury paritaire delivered it."""

    bloc: str
    certification: str  # the CQP under which the bloc was evaluated
    date: str
    session_label: str
    site: str
    jury_date: str

    def as_dict(self) -> dict[str, str]:
        return {
            "bloc": self.bloc,
            "certification": self.certification,
            "date": self.date,
            "session": self.session_label,
            "site": self.site,
            "jury_date": self.jury_date,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Earned:
        return cls(d["bloc"], d["certification"], d["date"], d["session"], d["site"], d["jury_date"])


@dataclass(frozen=True)
class JuryDecision:
    id: int
    jury_id: int
    candidate_uuid: str
    ccp: tuple[Earned, ...]  # CCP delivered by this decision
    cqp: tuple[str, ...]  # CQP delivered by this decision
    proposed_ccp: tuple[str, ...]
    covers: tuple[tuple[str, int, int], ...]
    departs: bool
    justification: str
    recommendations: str
    decided_at: str

    @property
    def blocs(self) -> tuple[str, ...]:
        return tuple(e.bloc for e in self.ccp)

    @property
    def outcome(self) -> str:
        """The French label of the decision."""
        if self.cqp:
            return f"CQP {', '.join(self.cqp)} délivré"
        if self.ccp:
            return f"CCP délivré{'s' if len(self.ccp) > 1 else ''} : {', '.join(self.blocs)}"
        return "ajourné"


@dataclass(frozen=True)
class Proposal:
    """A candidate on a jury's list: what the professional juries' avis propose, and what came before."""

    candidate: Candidate
    pending: tuple[EpreuveLine, ...]
    delivered_before: tuple[Earned, ...]
    cqp_before: tuple[str, ...]
    proposed_ccp: tuple[str, ...]
    proposed_cqp: tuple[str, ...]
    decision: JuryDecision | None = None
    sites: tuple[str, ...] = field(default_factory=tuple)
    withheld: tuple[str, ...] = ()  # why no CQP can be delivered whatever the CCP (Pass et Prem'ss not attested)

    @property
    def evaluated(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for e in self.pending:
            seen.setdefault(e.bloc, None)
        return tuple(seen)

    @property
    def professional_preconisations(self) -> str:
        return " | ".join(f"{e.bloc} : {e.preconisations}" for e in self.pending if not e.validated and e.preconisations)

    @property
    def professional_departures(self) -> list[EpreuveLine]:
        """Épreuves whose avis already departed from the computed result (with the professional jury's reason)."""
        return [e for e in self.pending if e.validated != e.computed_validated]

    @property
    def proposal_label(self) -> str:
        if self.proposed_cqp:
            return f"CQP {', '.join(self.proposed_cqp)} proposé"
        if self.proposed_ccp:
            return f"CCP proposé{'s' if len(self.proposed_ccp) > 1 else ''} : {', '.join(self.proposed_ccp)}"
        return "aucun CCP proposé"


# --------------------------------------------------------------------------------------------------
# Sessions


def _session(row: Any) -> JurySession:
    return JurySession(row[0], row[1], row[2], row[3], row[4])


_SESSION_SQL = (
    "SELECT s.id, s.jury_date, s.members, s.created_at, c.closed_at FROM jury_sessions s "
    "LEFT JOIN jury_closures c ON c.jury_id = s.id"
)


def sessions(db: Database) -> list[JurySession]:
    return [_session(r) for r in db.execute(_SESSION_SQL + " ORDER BY s.jury_date")]


def get_session(db: Database, jury_id: int) -> JurySession:
    row = db.execute(_SESSION_SQL + " WHERE s.id = ?", [jury_id]).fetchone()
    if row is None:
        raise JuryError(f"Jury paritaire n° {jury_id} introuvable.")
    return _session(row)


def open_session(db: Database) -> JurySession | None:
    row = db.execute(_SESSION_SQL + " WHERE c.closed_at IS NULL ORDER BY s.jury_date LIMIT 1").fetchone()
    return _session(row) if row else None


def create_session(
    db: Database, day: dt.date, *, members: str = "", calendar: Calendar | None = None, clock: Callable[[], str] = _now
) -> JurySession:
    """A jury paritaire on `day`, which must be one of the calendar's jury dates; one open session at a time."""
    calendar = calendar or load_calendar()
    if day not in calendar.jury_paritaire_dates:
        known = ", ".join(french_day(d) for d in calendar.jury_paritaire_dates) or "aucune"
        raise JuryError(
            f"Le {french_day(day)} n'est pas une date de jury paritaire du calendrier (dates publiées : {known})."
        )
    current = open_session(db)
    if current is not None:
        raise JuryError(
            f"Le jury paritaire du {french_day(current.jury_date)} n'est pas clos : clôturez sa délibération avant d'en ouvrir un autre."
        )
    if db.execute("SELECT 1 FROM jury_sessions WHERE jury_date = ?", [day.isoformat()]).fetchone():
        raise JuryError(f"Un jury paritaire du {french_day(day)} existe déjà.")
    latest = db.execute("SELECT max(jury_date) FROM jury_sessions").fetchone()[0]
    if latest is not None and day.isoformat() < latest:
        raise JuryError(
            f"Le jury paritaire du {french_day(latest)} a déjà siégé : une nouvelle séance se tient après lui, pas le {french_day(day)}."
        )
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO jury_sessions (jury_date, members, created_at) VALUES (?,?,?)", [day.isoformat(), members.strip(), clock()]
        )
    return get_session(db, int(cursor.lastrowid or 0))


# --------------------------------------------------------------------------------------------------
# The list of a session


def _decision(row: Any) -> JuryDecision:
    return JuryDecision(
        id=row["id"],
        jury_id=row["jury_id"],
        candidate_uuid=row["candidate_uuid"],
        ccp=tuple(Earned.from_dict(d) for d in json.loads(row["ccp_json"])),
        cqp=tuple(json.loads(row["cqp_json"])),
        proposed_ccp=tuple(json.loads(row["proposed_ccp_json"])),
        covers=tuple((str(a), int(b), int(c)) for a, b, c in json.loads(row["covers_json"])),
        departs=bool(row["departs"]),
        justification=row["justification"],
        recommendations=row["recommendations"],
        decided_at=row["decided_at"],
    )


def decisions_in_force(db: Database, jury_id: int) -> dict[str, JuryDecision]:
    """The latest decision of each candidate in the session (a correction supersedes, never overwrites)."""
    rows = db.query(
        "SELECT * FROM jury_decisions d WHERE jury_id = ? AND id = (SELECT max(id) FROM jury_decisions e "
        "WHERE e.jury_id = d.jury_id AND e.candidate_uuid = d.candidate_uuid)",
        [jury_id],
    )
    return {r["candidate_uuid"]: _decision(r) for r in rows}


def decision_history(db: Database, jury_id: int, candidate_uuid: str) -> list[JuryDecision]:
    return [
        _decision(r)
        for r in db.query("SELECT * FROM jury_decisions WHERE jury_id = ? AND candidate_uuid = ? ORDER BY id", [jury_id, candidate_uuid])
    ]


def proclaimed(db: Database, *, before: str | None = None) -> dict[str, list[tuple[JurySession, JuryDecision]]]:
    """Decisions in force of closed sessions (optionally dated before `before`), per candidate, in date order."""
    out: dict[str, list[tuple[JurySession, JuryDecision]]] = {}
    for s in sessions(db):
        if not s.closed or (before is not None and s.jury_date >= before):
            continue
        for uuid, d in decisions_in_force(db, s.id).items():
            out.setdefault(uuid, []).append((s, d))
    return out


def _epreuve_lines(db: Database, up_to: str) -> dict[str, list[EpreuveLine]]:
    rows = db.execute(
        """
        SELECT e.candidate_uuid, e.session_uuid, e.local_id, e.avis_version, e.bloc, e.certification, e.planned_date,
               p.session_label, p.site, e.jury_validated, e.computed_validated, e.justification, e.preconisations
        FROM epreuves e JOIN packages p ON p.id = e.package_id
        WHERE p.revision = (SELECT max(revision) FROM packages q WHERE q.session_uuid = p.session_uuid)
          AND e.planned_date <= ?
        ORDER BY e.planned_date, e.session_uuid, e.local_id
        """,
        [up_to],
    )
    out: dict[str, list[EpreuveLine]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(
            EpreuveLine(r[1], int(r[2]), int(r[3]), r[4], r[5], r[6], r[7], r[8] or "", bool(r[9]), bool(r[10]), r[11], r[12])
        )
    return out


def latest_referentiel(db: Database) -> Referentiel | None:
    refs = [from_data(json.loads(r[0])) for r in db.execute("SELECT content FROM referentiels")]
    return max(refs, key=lambda r: (r.valid_from, r.version)) if refs else None


def _candidates(db: Database) -> dict[str, Candidate]:
    return {
        r[0]: Candidate(r[0], r[1], r[2], r[3], r[4], r[5])
        for r in db.execute("SELECT uuid, last_name, first_name, organisme_name, cqp, route FROM candidates")
    }


def _obtained(referentiel: Referentiel | None, held: Iterable[str]) -> tuple[str, ...]:
    if referentiel is None:
        return ()
    held = set(held)
    return tuple(code for code in referentiel.certifications if certification_status(referentiel, code, held).cqp)


def session_list(db: Database, jury_id: int) -> list[Proposal]:
    """The candidates the session deliberates on, sorted by name, each with its proposal and decision.

    A closed session keeps exactly the candidates it decided on (its proclamation); an open one lists
    every candidate with an épreuve not yet deliberated, dated on or before the jury.
    """
    session = get_session(db, jury_id)
    referentiel = latest_referentiel(db)
    people = _candidates(db)
    lines = _epreuve_lines(db, session.jury_date)
    before = proclaimed(db, before=session.jury_date)
    decided = decisions_in_force(db, jury_id)
    all_sites: dict[str, set[str]] = {}
    for r in db.execute("SELECT DISTINCT e.candidate_uuid, p.site FROM epreuves e JOIN packages p ON p.id = e.package_id"):
        all_sites.setdefault(r[0], set()).add(r[1] or "")
    out = []
    for uuid, person in people.items():
        earlier = before.get(uuid, [])
        covered = {k for _, d in earlier for k in d.covers}
        delivered = tuple(e for _, d in earlier for e in d.ccp)
        cqp_before = tuple(c for _, d in earlier for c in d.cqp)
        decision = decided.get(uuid)
        if decision is not None:
            keys = set(decision.covers)
            pending = tuple(e for e in lines.get(uuid, []) if e.key in keys)
        elif session.closed:
            continue
        else:
            pending = tuple(e for e in lines.get(uuid, []) if e.key not in covered)
        if not pending and decision is None:
            continue
        held_before = {e.bloc for e in delivered}
        proposed_ccp = tuple(dict.fromkeys(e.bloc for e in pending if e.validated and e.bloc not in held_before))
        withheld = prerequisite_missing(db, uuid)
        obtained = () if withheld else _obtained(referentiel, held_before | set(proposed_ccp))
        proposed_cqp = tuple(c for c in obtained if c not in cqp_before)
        out.append(
            Proposal(
                person, pending, delivered, cqp_before, proposed_ccp, proposed_cqp, decision,
                tuple(sorted(all_sites.get(uuid, ()))), withheld,
            )
        )
    out.sort(key=lambda p: (p.candidate.last_name.casefold(), p.candidate.first_name.casefold(), p.candidate.uuid))
    return out


def proposal_of(db: Database, jury_id: int, candidate_uuid: str) -> Proposal:
    for p in session_list(db, jury_id):
        if p.candidate.uuid == candidate_uuid:
            return p
    raise JuryError(f"Le candidat {candidate_uuid} n'est pas sur la liste de ce jury paritaire (aucune épreuve à délibérer).")


# --------------------------------------------------------------------------------------------------
# Decisions


def decide(
    db: Database,
    jury_id: int,
    candidate_uuid: str,
    ccp: Iterable[str],
    *,
    justification: str = "",
    recommendations: str | None = None,
    clock: Callable[[], str] = _now,
) -> JuryDecision:
    """Record the jury's decision for one candidate: the CCP it delivers (the CQP follows when all its blocs
    are held). Departing from the proposal needs a justification; a bloc evaluated and not delivered needs
    recommendations (the professional jury's préconisations unless `recommendations` is given)."""
    session = get_session(db, jury_id)
    if session.closed:
        raise JuryError(f"Le jury paritaire du {french_day(session.jury_date)} est clos : ses décisions sont proclamées.")
    proposal = proposal_of(db, jury_id, candidate_uuid)
    wanted = [b.strip().upper() for b in ccp if b.strip()]
    evaluated = proposal.evaluated
    held_before = {e.bloc for e in proposal.delivered_before}
    for bloc in wanted:
        if bloc in held_before:
            raise JuryError(f"{proposal.candidate.name} : le CCP {bloc} a déjà été délivré par un jury précédent.")
        if bloc not in evaluated:
            raise JuryError(
                f"{proposal.candidate.name} : le bloc {bloc} n'a pas été évalué (blocs à délibérer : {', '.join(evaluated)})."
            )
    delivered = tuple(b for b in evaluated if b in wanted)
    departs = set(delivered) != set(proposal.proposed_ccp)
    justification = justification.strip()
    if departs and not justification:
        raise JuryError(
            f"{proposal.candidate.name} : la décision s'écarte de l'avis du jury professionnel "
            f"({proposal.proposal_label}) : justification obligatoire."
        )
    refused = [b for b in evaluated if b not in delivered]
    text = (recommendations if recommendations is not None else "").strip()
    if refused and not text:
        text = proposal.professional_preconisations
        if not text:
            raise JuryError(
                f"{proposal.candidate.name} : bloc(s) {', '.join(refused)} non délivré(s) : préconisations obligatoires "
                "(le jury professionnel n'en a pas transmis)."
            )
    earned = tuple(_earned(proposal.pending, bloc, session.jury_date) for bloc in delivered)
    referentiel = latest_referentiel(db)
    # the CQP follows the CCP delivered, unless its prerequisite is missing (letter 3/B): then no CQP at all
    obtained = () if proposal.withheld else _obtained(referentiel, held_before | set(delivered))
    cqp = tuple(c for c in obtained if c not in proposal.cqp_before)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO jury_decisions (jury_id, candidate_uuid, ccp_json, cqp_json, proposed_ccp_json, covers_json, departs, "
            "justification, recommendations, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                jury_id,
                candidate_uuid,
                json.dumps([e.as_dict() for e in earned], ensure_ascii=False),
                json.dumps(list(cqp)),
                json.dumps(list(proposal.proposed_ccp)),
                json.dumps([list(e.key) for e in proposal.pending]),
                int(departs),
                justification,
                text,
                clock(),
            ],
        )
    row = next(db.query("SELECT * FROM jury_decisions WHERE id = ?", [cursor.lastrowid]))
    return _decision(row)


def accept_proposal(db: Database, jury_id: int, candidate_uuid: str, **kwargs: Any) -> JuryDecision:
    """The decision that follows the professional juries' avis."""
    return decide(db, jury_id, candidate_uuid, proposal_of(db, jury_id, candidate_uuid).proposed_ccp, **kwargs)


def _earned(pending: tuple[EpreuveLine, ...], bloc: str, jury_date: str) -> Earned:
    """The épreuve a CCP rests on: the first one the professional jury validated, else the latest one."""
    mine = [e for e in pending if e.bloc == bloc]
    source = next((e for e in mine if e.validated), mine[-1])
    return Earned(bloc, source.certification, source.date, source.session_label, source.site, jury_date)


# --------------------------------------------------------------------------------------------------
# Closing: procès-verbal and proclamation


def undecided(db: Database, jury_id: int) -> list[Proposal]:
    return [p for p in session_list(db, jury_id) if p.decision is None]


def close_session(db: Database, jury_id: int, key: Any, certificate: Any, *, clock: Callable[[], str] = _now) -> bytes:
    """Close the deliberation: build the procès-verbal, sign it (PAdES, Ucanss service key), store it.

    From then on the results are proclaimed and nothing in the session can change."""
    from cqp_desktop.core.exchange.package_format import sha256_hex
    from cqp_desktop.core.ucanss import national_documents

    session = get_session(db, jury_id)
    if session.closed:
        raise JuryError(f"Le jury paritaire du {french_day(session.jury_date)} est déjà clos.")
    missing = undecided(db, jury_id)
    if missing:
        names = ", ".join(p.candidate.name for p in missing[:5]) + (" …" if len(missing) > 5 else "")
        raise JuryError(f"Délibération incomplète : {len(missing)} candidat(s) sans décision ({names}).")
    if not session_list(db, jury_id):
        raise JuryError("Aucun candidat sur la liste de ce jury paritaire : rien à proclamer.")
    closed_at = clock()
    pdf = national_documents.signed_proces_verbal(db, jury_id, key, certificate, closed_at=closed_at)
    with db.atomic():
        db.execute(
            "INSERT INTO jury_closures (jury_id, closed_at, pv_sha256, pv_pdf) VALUES (?,?,?,?)",
            [jury_id, closed_at, sha256_hex(pdf), pdf],
        )
    return pdf


def proces_verbal(db: Database, jury_id: int) -> bytes:
    row = db.execute("SELECT pv_pdf FROM jury_closures WHERE jury_id = ?", [jury_id]).fetchone()
    if row is None:
        raise JuryError("Ce jury paritaire n'est pas clos : pas encore de procès-verbal.")
    return bytes(row[0])


def require_closed(db: Database, jury_id: int | None) -> JurySession:
    """The session named, or the latest closed one: only proclaimed results leave the Ucanss."""
    if jury_id is None:
        closed = [s for s in sessions(db) if s.closed]
        if not closed:
            raise JuryError("Aucun jury paritaire clos : clôturez la délibération (procès-verbal) avant la proclamation.")
        return closed[-1]
    session = get_session(db, jury_id)
    if not session.closed:
        raise JuryError(f"Le jury paritaire du {french_day(session.jury_date)} n'est pas clos : résultats non proclamés.")
    return session


def candidate_history(db: Database, candidate_uuid: str) -> dict[str, Any]:
    """A candidate's record across sites, sessions and juries: every épreuve received, every decision."""
    person = _candidates(db).get(candidate_uuid)
    if person is None:
        raise JuryError(f"Candidat {candidate_uuid} inconnu de la base nationale.")
    lines = _epreuve_lines(db, "9999-12-31").get(candidate_uuid, [])
    decisions = [
        (s, d) for s in sessions(db) for d in decision_history(db, s.id, candidate_uuid)
    ]
    return {"candidate": person, "epreuves": lines, "decisions": decisions}


# --------------------------------------------------------------------------------------------------
# The consolidated list as the Ucanss window filters it


STATUS_LABELS = {"cqp": "CQP proposé", "ccp": "CCP proposés, CQP incomplet", "none": "aucun CCP"}


def proposal_status(c: Any) -> str:
    """Key of STATUS_LABELS for a consolidated candidate (national.CandidateStatus)."""
    return "cqp" if c.cqp_obtained else "ccp" if c.held else "none"


@dataclass(frozen=True)
class ListChoices:
    sessions: tuple[str, ...]
    sites: tuple[str, ...]
    cqp: tuple[str, ...]


def list_choices(db: Database) -> ListChoices:
    sessions = tuple(r[0] for r in db.execute("SELECT DISTINCT session_label FROM packages ORDER BY session_month, session_label"))
    sites = tuple(r[0] for r in db.execute("SELECT DISTINCT site FROM packages ORDER BY site"))
    cqp = tuple(r[0] for r in db.execute("SELECT DISTINCT cqp FROM candidates ORDER BY cqp"))
    return ListChoices(sessions, sites, cqp)


def filtered_list(
    db: Database, *, session: str | None = None, site: str | None = None, cqp: str | None = None, status: str | None = None
) -> list[Any]:
    """The consolidated candidates (national.consolidated) seen at one session, one site, for one CQP or
    with one proposal status; None means any."""
    from cqp_desktop.core.ucanss.national import consolidated

    out = []
    for c in consolidated(db):
        if session is not None and not any(r.session_label == session for r in c.records):
            continue
        if site is not None and not any(r.site == site for r in c.records):
            continue
        if cqp is not None and c.cqp != cqp:
            continue
        if status is not None and proposal_status(c) != status:
            continue
        out.append(c)
    return out
