"""`national jury …`, `national certificates`, `national results`: the jury paritaire national from the
command line (délibération, clôture with the signed procès-verbal, proclamation). See package_cli.py for
the conventions: French messages, exit 1 on a user error, passphrases only from the environment or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.package_cli import EXIT_OK, UserError, _national_db, passphrase, read_input, write_output


def add_jury_commands(nat_sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    jury = nat_sub.add_parser(
        "jury",
        help="jury paritaire national : séance, délibération (décisions), clôture et procès-verbal",
        description="Le jury paritaire national délibère sur le dossier et l'avis du jury professionnel ; il est "
        "souverain (une décision qui s'écarte de l'avis est justifiée). La clôture signe le procès-verbal et "
        "proclame les résultats.",
    )
    jury_sub = jury.add_subparsers(dest="jury_action", metavar="ACTION", required=True, parser_class=parser_class)
    create = jury_sub.add_parser("create", help="ouvre une séance du jury paritaire à une date du calendrier")
    create.add_argument("--date", required=True, metavar="AAAA-MM-JJ", help="date de la séance (calendrier des jurys paritaires)")
    create.add_argument("--calendrier", metavar="FICHIER", help="calendrier de l'année publié par l'Ucanss (TOML, format de calendrier.toml)")
    create.add_argument("--membres", default="", metavar="TEXTE", help="membres du jury présents (repris au procès-verbal)")
    jury_sub.add_parser("sessions", help="séances du jury paritaire (ouverte, closes)")
    listing = jury_sub.add_parser("list", help="liste de délibération : avis des jurys professionnels et décisions")
    listing.add_argument("--jury", type=int, metavar="N", help="séance (défaut : la séance ouverte)")
    decide = jury_sub.add_parser("decide", help="enregistre la décision du jury pour un candidat (une correction = une nouvelle décision)")
    decide.add_argument("--candidat", required=True, metavar="UUID", help="identifiant du candidat (ou son début)")
    what = decide.add_mutually_exclusive_group(required=True)
    what.add_argument("--conforme", action="store_true", help="suit l'avis des jurys professionnels")
    what.add_argument("--ccp", metavar="BLOCS", help="CCP délivrés, séparés par des virgules (ex. GRU,MDR) ; le CQP suit")
    what.add_argument("--ajourne", action="store_true", help="aucun CCP délivré (préconisations obligatoires)")
    decide.add_argument("--justification", default="", metavar="TEXTE", help="obligatoire si la décision s'écarte de l'avis")
    decide.add_argument("--preconisations", metavar="TEXTE", help="préconisations (défaut : celles du jury professionnel)")
    decide.add_argument("--jury", type=int, metavar="N", help="séance (défaut : la séance ouverte)")
    close = jury_sub.add_parser("close", help="clôt la délibération : procès-verbal signé par l'Ucanss, résultats proclamés")
    close.add_argument("--jury", type=int, metavar="N", help="séance (défaut : la séance ouverte)")
    close.add_argument("--pv", metavar="FICHIER", help="où écrire le procès-verbal (défaut : pv-jury-paritaire-DATE.pdf)")
    for parser in (create, listing, decide, close):
        parser.add_argument("--db", metavar="BASE", help="base de consolidation")
    jury_sub.choices["sessions"].add_argument("--db", metavar="BASE", help="base de consolidation")

    certs = nat_sub.add_parser("certificates", help="certificats CQP et CCP délivrés par un jury paritaire clos (PDF signés)")
    results = nat_sub.add_parser("results", help="proclamation : un fichier de résultats signé par site")
    for parser in (certs, results):
        parser.add_argument("--out", required=True, metavar="DOSSIER")
        parser.add_argument("--jury", type=int, metavar="N", help="séance close (défaut : la dernière close)")
        parser.add_argument("--db", metavar="BASE", help="base de consolidation")


def _jury(args: argparse.Namespace) -> int:
    handler = {
        "create": _create,
        "sessions": _sessions,
        "list": _list,
        "decide": _decide,
        "close": _close,
    }[args.jury_action]
    from cqp_desktop.core.ucanss.national_jury import JuryError

    db = _national_db(args)
    try:
        return handler(args, db)
    except JuryError as exc:
        raise UserError(str(exc)) from None
    finally:
        db.close()


def _session_id(db: Any, args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss import national_jury as nj

    if args.jury is not None:
        return nj.get_session(db, args.jury).id
    current = nj.open_session(db)
    if current is None:
        raise UserError("aucune séance du jury paritaire ouverte (national jury create --date …) ; ou indiquez --jury N.")
    return current.id


def _create(args: argparse.Namespace, db: Any) -> int:
    from cqp_desktop.core.model.calendar import parse_calendar
    from cqp_desktop.core.ucanss import national_jury as nj

    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        raise UserError(f"date « {args.date} » invalide (attendu AAAA-MM-JJ).") from None
    calendar = None
    if args.calendrier:
        try:
            calendar = parse_calendar(read_input(args.calendrier, "Calendrier", 1024 * 1024).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(f"« {args.calendrier} » : {exc}") from None
    session = nj.create_session(db, day, members=args.membres, calendar=calendar)
    count = len(nj.session_list(db, session.id))
    print(f"Séance du jury paritaire national n° {session.id} ouverte le {french_day(day)} : {count} candidat(s) à délibérer.")
    return EXIT_OK


def _sessions(args: argparse.Namespace, db: Any) -> int:
    from cqp_desktop.core.ucanss import national_jury as nj

    rows = nj.sessions(db)
    if not rows:
        print("Aucune séance du jury paritaire.")
    for s in rows:
        state = f"close le {s.closed_at} (résultats proclamés)" if s.closed else "ouverte (délibération en cours)"
        print(f"n° {s.id:<3} {s.jury_date}  {state}  {len(nj.decisions_in_force(db, s.id))} décision(s)")
    return EXIT_OK


def _list(args: argparse.Namespace, db: Any) -> int:
    from cqp_desktop.core.ucanss import national_jury as nj

    jury_id = _session_id(db, args)
    listing = nj.session_list(db, jury_id)
    print(f"Jury paritaire du {nj.get_session(db, jury_id).jury_date} : {len(listing)} candidat(s).")
    for p in listing:
        d = p.decision
        decision = f"décision : {d.outcome}" + (" (écart justifié)" if d.departs else "") if d else "sans décision"
        before = f" ; déjà délivrés : {', '.join(e.bloc for e in p.delivered_before)}" if p.delivered_before else ""
        print(f"  {p.candidate.uuid}  {p.candidate.name:<28} {p.candidate.cqp:<3} avis : {p.proposal_label}{before} — {decision}")
    return EXIT_OK


def _candidate(db: Any, jury_id: int, prefix: str) -> str:
    from cqp_desktop.core.ucanss import national_jury as nj

    matches = [p.candidate.uuid for p in nj.session_list(db, jury_id) if p.candidate.uuid.startswith(prefix.strip())]
    if len(matches) != 1:
        raise UserError(
            f"candidat « {prefix} » " + ("absent de la liste de cette séance." if not matches else "ambigu : donnez plus de caractères.")
        )
    return matches[0]


def _decide(args: argparse.Namespace, db: Any) -> int:
    from cqp_desktop.core.ucanss import national_jury as nj

    jury_id = _session_id(db, args)
    uuid = _candidate(db, jury_id, args.candidat)
    proposal = nj.proposal_of(db, jury_id, uuid)
    blocs = proposal.proposed_ccp if args.conforme else () if args.ajourne else tuple(args.ccp.split(","))
    decision = nj.decide(
        db, jury_id, uuid, blocs, justification=args.justification, recommendations=args.preconisations
    )
    print(f"Décision enregistrée pour {proposal.candidate.name} : {decision.outcome}" + (" — s'écarte de l'avis, justifiée." if decision.departs else "."))
    return EXIT_OK


def _service(db: Any) -> tuple[Any, Any]:
    from cqp_desktop.core.ucanss import authority

    try:
        return authority.service_identity(db, passphrase("Phrase secrète de l'Ucanss (signature) : "))
    except authority.AuthorityError as exc:
        raise UserError(str(exc)) from None


def _close(args: argparse.Namespace, db: Any) -> int:
    from cqp_desktop.core.ucanss import national_jury as nj

    jury_id = _session_id(db, args)
    session = nj.get_session(db, jury_id)
    target = Path(args.pv or f"pv-jury-paritaire-{session.jury_date}.pdf")
    if not target.parent.exists():
        raise UserError(f"dossier « {target.parent} » introuvable.")
    key, certificate = _service(db)
    pdf = nj.close_session(db, jury_id, key, certificate)
    write_output(target, pdf, "Procès-verbal")
    listing = nj.session_list(db, jury_id)
    print(f"Délibération du {session.jury_date} close : {len(listing)} décision(s) ; résultats proclamés.")
    print(f"Procès-verbal signé par l'Ucanss : {target}")
    return EXIT_OK


def _out_dir(path: str) -> Path:
    out = Path(path)
    if not out.is_dir():
        raise UserError(f"dossier « {out} » introuvable.")
    return out


def _certificates(args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss import national_documents
    from cqp_desktop.core.ucanss import national_jury as nj

    out = _out_dir(args.out)
    db = _national_db(args)
    try:
        session = nj.require_closed(db, args.jury)
        key, certificate = _service(db)
        made = national_documents.certificates(db, session.id, key, certificate)
    except nj.JuryError as exc:
        raise UserError(str(exc)) from None
    finally:
        db.close()
    for c in made:
        write_output(out / c.filename, c.pdf, "Certificat")
    cqp = sum(1 for c in made if c.kind == "CQP")
    print(f"Jury paritaire du {session.jury_date} : {cqp} certificat(s) de CQP et {len(made) - cqp} certificat(s) de CCP écrits dans {out}.")
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange.ucanss_files import RESULTS_SUFFIX, results_file
    from cqp_desktop.core.ucanss import national_jury as nj
    from cqp_desktop.core.ucanss.results_files import results_bodies

    out = _out_dir(args.out)
    db = _national_db(args)
    try:
        session = nj.require_closed(db, args.jury)
        key, certificate = _service(db)
        bodies = results_bodies(db, session.id)
    except nj.JuryError as exc:
        raise UserError(str(exc)) from None
    finally:
        db.close()
    for site_key, body in bodies.items():
        path = out / f"resultats-{session.jury_date}-{site_key}{RESULTS_SUFFIX}"
        write_output(path, results_file(body, key, certificate), "Fichier de résultats")
        print(f"{body['site']} : {len(body['candidates'])} candidat(s) → {path}")
    print(f"Résultats du jury paritaire du {session.jury_date} proclamés : {len(bodies)} fichier(s) signé(s), un par site.")
    return EXIT_OK


HANDLERS = {
    ("national", "jury"): _jury,
    ("national", "certificates"): _certificates,
    ("national", "results"): _results,
}
