"""The non-GUI commands around session packages: `package`, `national` and `ack` (see cli.py).

Site side: `package export` (sign, optionally encrypt), `ack import`, `ack purge`. Ucanss side:
`package verify`, `national import`, `national export`. Every user error is one French message on
stderr and exit code 1 (2 for usage errors, from argparse); never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
PASSPHRASE_ENV = "CQP_DESKTOP_PASSPHRASE"


class UserError(Exception):
    """A French message for the user; the command exits 1."""


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    pkg = sub.add_parser("package", help="paquets de session (export signé, vérification)")
    pkg_sub = pkg.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    export = pkg_sub.add_parser("export", help="exporte le paquet signé d'une session (.cqpkg)")
    export.add_argument("--session", type=int, required=True, metavar="N", help="numéro de la session")
    export.add_argument("--president", type=int, metavar="N", help="président(e) qui signe (par défaut : celui de la session)")
    export.add_argument("--out", metavar="DOSSIER_OU_FICHIER", default=".", help="où écrire le paquet (défaut : dossier courant)")
    export.add_argument("--encrypt-to", metavar="CERTIFICAT", help="chiffre le paquet pour ce certificat Ucanss (PEM)")
    export.add_argument("--sans-pdf", action="store_true", help="n'inclut pas les PDF signés des épreuves")

    pkg_sub.add_parser("sessions", help="liste les sessions du poste et leur état de transmission")
    verify = pkg_sub.add_parser("verify", help="vérifie un paquet : structure, empreintes, signatures, recalcul")
    verify.add_argument("file", metavar="FICHIER")
    _key_options(verify)

    nat = sub.add_parser(
        "national",
        help="consolidation nationale et jury paritaire national (Ucanss) : import, délibération, proclamation, certificats",
        description="Ucanss : import des paquets des sites, liste consolidée, puis jury paritaire national — "
        "délibération (décision par candidat), clôture avec procès-verbal signé, proclamation des résultats "
        "(certificats CQP et CCP, fichiers de résultats signés renvoyés à chaque site).",
    )
    nat_sub = nat.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    imp = nat_sub.add_parser("import", help="importe des paquets vérifiés et écrit les accusés de réception")
    imp.add_argument("files", metavar="FICHIER", nargs="+", help="paquets .cqpkg / .cqpkg.p7m, ou dossiers qui en contiennent")
    imp.add_argument("--db", metavar="BASE", help="base de consolidation (défaut : cqp-national.sqlite3 du dossier de données)")
    imp.add_argument("--ack-dir", metavar="DOSSIER", help="dossier des accusés (défaut : à côté de chaque paquet)")
    _key_options(imp)
    status = nat_sub.add_parser("status", help="paquets importés (dernière révision par session) et refus")
    status.add_argument("--db", metavar="BASE", help="base de consolidation")
    exp = nat_sub.add_parser("export", help="liste pour le jury paritaire national (CSV et/ou PDF)")
    exp.add_argument("--db", metavar="BASE", help="base de consolidation")
    exp.add_argument("--csv", metavar="FICHIER", help="écrit la liste au format CSV (séparateur « ; »)")
    exp.add_argument("--pdf", metavar="FICHIER", help="écrit la liste au format PDF")
    analytics = nat_sub.add_parser(
        "analytics", help="analyse des examinateurs : sévérité, accord entre correcteurs, évolution (PDF et/ou CSV)"
    )
    analytics.add_argument("--db", metavar="BASE", help="base de consolidation")
    analytics.add_argument("--pdf", metavar="FICHIER", help="écrit le rapport (graphiques et chiffres) au format PDF")
    analytics.add_argument("--csv", metavar="FICHIER", help="écrit une ligne par membre du jury (séparateur « ; »)")
    from cqp_desktop.jury_cli import add_jury_commands

    add_jury_commands(nat_sub, parser_class)

    res = sub.add_parser("results", help="résultats proclamés par le jury paritaire national (poste du site)")
    res_sub = res.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    res_imp = res_sub.add_parser("import", help="importe le fichier de résultats signé par l'Ucanss : CQP et CCP délivrés")
    res_imp.add_argument("file", metavar="FICHIER")

    ack = sub.add_parser("ack", help="accusés de réception de l'Ucanss (poste du site)")
    ack_sub = ack.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    ack_imp = ack_sub.add_parser("import", help="importe un accusé : la session devient synchronisée")
    ack_imp.add_argument("file", metavar="FICHIER")
    purge = ack_sub.add_parser("purge", help="efface les noms des candidats d'une session synchronisée")
    purge.add_argument("--session", type=int, required=True, metavar="N")


def _key_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key", metavar="CLÉ", help="clé de déchiffrement Ucanss pour un paquet chiffré (PKCS#12 .p12, ou PEM ; "
        "phrase secrète : $CQP_DESKTOP_PASSPHRASE ou saisie)"
    )
    parser.add_argument("--cert", metavar="CERTIFICAT", help="certificat Ucanss (PEM), si la clé PEM ne le contient pas")


def run(args: argparse.Namespace) -> int:
    handlers = {
        ("package", "export"): _package_export,
        ("package", "sessions"): _package_sessions,
        ("package", "verify"): _package_verify,
        ("national", "import"): _national_import,
        ("national", "status"): _national_status,
        ("national", "export"): _national_export,
        ("national", "analytics"): _national_analytics,
        ("ack", "import"): _ack_import,
        ("results", "import"): _results_import,
        ("ack", "purge"): _ack_purge,
    }
    from cqp_desktop import jury_cli

    handlers.update(jury_cli.HANDLERS)
    handler = handlers.get((args.command, args.action))
    if handler is None:
        raise AssertionError(f"commande inconnue {args.command} {args.action}")
    try:
        return handler(args)
    except UserError as exc:
        print(f"cqp-desktop : {exc}", file=sys.stderr)
        return EXIT_INVALID


# --------------------------------------------------------------------------------------------------
# helpers


def _read(path: str | None, what: str) -> bytes | None:
    """A file named on the command line, read safely (core/common/input_files.py: regular file, size limit, no FIFO wait)."""
    from cqp_desktop.core.common.input_files import InputError, check_json_bytes, read_bytes

    if path is None:
        return None
    kind = "package" if what == "Paquet" else "acknowledgment" if what.startswith("Accusé") else "key"
    try:
        data = read_bytes(path, kind, what)
        if kind == "acknowledgment":
            check_json_bytes(data, path, what)
        return data
    except InputError as exc:
        raise UserError(str(exc)) from None


def read_input(path: str, what: str, limit: int) -> bytes:
    """A file the user named, refused with a French message when missing, not a file, or too large."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    if size > limit:
        raise UserError(f"{what} « {path} » démesuré ({size} octets, au plus {limit}).")
    data = _read(path, what)
    assert data is not None
    if len(data) > limit:
        raise UserError(f"{what} « {path} » démesuré (au plus {limit} octets).")
    return data


def write_output(path: Path, data: bytes, what: str) -> None:
    from cqp_desktop.core.common.files import write_atomic

    if not path.parent.exists():
        raise UserError(f"dossier « {path.parent} » introuvable.")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(f"{what} « {path} » non écrit : {exc.strerror or exc}.") from None


def passphrase(prompt: str, *, confirm: bool = False, default: str | None = None) -> str:
    """$CQP_DESKTOP_PASSPHRASE, else a masked prompt (asked twice with `confirm`), else `default`.

    Never an option: a passphrase on the command line is visible to every user in the process list.
    """
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Confirmez : ") != first:
            raise UserError("les deux saisies de la phrase secrète diffèrent.")
        return first
    if default is not None:
        return default
    raise UserError(f"phrase secrète manquante : variable {PASSPHRASE_ENV} ou saisie au clavier.")


def site_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from cqp_desktop import paths
    from cqp_desktop.core.storage import integrity
    from cqp_desktop.core.storage.store import Store

    folder = paths.data_dir(args.data_dir)
    path = paths.database_path(folder)
    if not path.exists():
        integrity.check_files(path)  # a base that had a life here (anchor, backups): says what is missing
        raise UserError(f"aucune base cqp-desktop dans « {folder} » (--data-dir ?).")
    return Store.open(path)


@contextmanager
def site_command(args: argparse.Namespace, *refusals: type[Exception]) -> Iterator[Any]:
    """The site store for one command, closed after it; the core's French refusals become the command's
    error message (`UserError`), never a traceback."""
    store = site_store(args)
    try:
        yield store
    except refusals as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()


def trust_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """What this data folder trusts: its Ucanss authority if it holds one, else the site's installed roots."""
    from cqp_desktop import paths
    from cqp_desktop.core.exchange.trust import TrustAnchors
    from cqp_desktop.core.site import site_trust
    from cqp_desktop.core.ucanss import authority
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national

    folder = paths.data_dir(args.data_dir)
    national = folder / DB_FILENAME
    if national.exists():
        db = open_national(national)
        try:
            if authority.exists(db):
                return authority.anchors(db)
        finally:
            db.close()
    if paths.database_path(folder).exists():
        store = site_store(args)
        try:
            return site_trust.anchors(store)
        finally:
            store.close()
    return TrustAnchors()


def _national_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from cqp_desktop import paths
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national

    path = Path(args.db) if args.db else paths.data_dir(args.data_dir) / DB_FILENAME
    return open_national(path)


def _decryption(args: argparse.Namespace) -> dict[str, Any]:
    key = _read(args.key, "Clé Ucanss")
    return {
        "key_file": key,
        "certificate": _read(args.cert, "Certificat Ucanss"),
        "passphrase": passphrase("Phrase secrète de la clé de déchiffrement Ucanss : ") if key else None,
    }


# --------------------------------------------------------------------------------------------------
# commands


def _package_export(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange.keys import KeyProblem
    from cqp_desktop.core.exchange.package_format import PackageError
    from cqp_desktop.core.site.package_export import export_package

    encrypt_to = _read(args.encrypt_to, "Certificat de chiffrement")
    store = site_store(args)
    try:
        from cqp_desktop.core.site.package_export import package_signers

        president = args.president
        if president is None:
            chairs = {s.member_id for s in package_signers(store, args.session)}
            if len(chairs) != 1:
                raise UserError(
                    "indiquez --president N : la session a "
                    + ("plusieurs présidents" if chairs else "aucune épreuve de certification avec président")
                    + "."
                )
            president = chairs.pop()
        secret = passphrase("Phrase secrète du/de la président(e) : ")
        out = Path(args.out)
        if not out.parent.exists():
            raise UserError(f"dossier « {out.parent} » introuvable.")
        try:
            result = export_package(
                store, args.session, president, secret, out, encrypt_to=encrypt_to, with_pdfs=not args.sans_pdf
            )
        except (PackageError, KeyProblem) as exc:
            raise UserError(str(exc)) from None
        from cqp_desktop.core.storage.backup import try_backup

        backup = try_backup(store, "export")  # never blocks the export: a failure is only reported
    finally:
        store.close()
    print(f"Paquet écrit : {result.path}")
    if isinstance(backup, str):
        print(f"ATTENTION : sauvegarde après export impossible : {backup}", file=sys.stderr)
    print(f"  révision {result.revision}, {result.candidates} candidat(s), {result.epreuves} épreuve(s), {result.size} octets")
    print(f"  empreinte du manifeste {result.manifest_sha256}" + (" ; chiffré pour l'Ucanss" if result.encrypted else ""))
    return EXIT_OK


def _package_sessions(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.acknowledgment import session_states
    from cqp_desktop.core.site.package_export import package_signers

    store = site_store(args)
    try:
        states = session_states(store)
        presidents = {s.id: package_signers(store, s.id) for s in states}
        reminders = _purge_reminders(args, store)
    finally:
        store.close()
    if not states:
        print("Aucune session sur ce poste.")
    for s in states:
        print(f"n° {s.id:<4} {s.month}  {s.label:<30} {s.signed}/{s.epreuves} avis signé(s)  révision {s.revision:<5} {s.state}")
        for signer in presidents[s.id]:
            print(f"        président(e) : {signer.name} (--president {signer.member_id})"
                  + (f" — ne peut pas signer : {signer.problem}" if signer.problem else ""))
    for r in reminders:
        print(f"RAPPEL : session n° {r.session_id} « {r.label} » synchronisée depuis {r.days} jours, données personnelles "
              f"encore présentes : effacez-les (ack purge --session {r.session_id}).")
    return EXIT_OK


def _purge_reminders(args: argparse.Namespace, store: Any) -> list[Any]:
    import datetime as dt

    from cqp_desktop import paths
    from cqp_desktop.core.site.acknowledgment import purge_reminders
    from cqp_desktop.core.storage import settings

    folder = paths.data_dir(args.data_dir)
    try:
        days = settings.load(folder)["purge_reminder_days"]
    except settings.SettingsError:
        days = settings.defaults(folder)["purge_reminder_days"]
    return purge_reminders(store, dt.date.today(), days)


def _package_verify(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange.package_verify import verify_file

    verdict = verify_file(args.file, trust=trust_of(args), **_decryption(args))
    if verdict.ok:
        print(verdict.report())
        return EXIT_OK
    print(verdict.report(), file=sys.stderr)
    return EXIT_INVALID


def _national_import(args: argparse.Namespace) -> int:
    from cqp_desktop.core.common.files import write_atomic
    from cqp_desktop.core.exchange.ucanss_files import ACK_SUFFIX, acknowledgment_file
    from cqp_desktop.core.ucanss import authority
    from cqp_desktop.core.ucanss.national import ImportRejected
    from cqp_desktop.core.ucanss.national_import import import_files

    decryption = _decryption(args)
    ack_dir = Path(args.ack_dir) if args.ack_dir else None
    if ack_dir is not None and not ack_dir.is_dir():
        raise UserError(f"dossier des accusés « {ack_dir} » introuvable.")
    files: list[str] = []
    for name in args.files:
        if Path(name).is_dir():
            found = sorted(str(p) for p in Path(name).iterdir() if p.name.endswith((".cqpkg", ".cqpkg.p7m")))
            if not found:
                raise UserError(f"aucun paquet (.cqpkg) dans le dossier « {name} ».")
            files += found
        else:
            files.append(name)
    from cqp_desktop.core.common import input_files

    for name in files:  # every file is a readable package-sized regular file before any key is opened
        if not Path(name).exists():
            raise UserError(f"Paquet « {name} » introuvable.")
        try:
            input_files.read_bytes(name, "package", "Paquet", check_only=True)
        except input_files.InputError as exc:
            raise UserError(str(exc)) from None
    db = _national_db(args)
    try:
        signing_key, signing_cert = authority.service_identity(db, passphrase("Phrase secrète de l'Ucanss (accusés) : "))
    except authority.AuthorityError as exc:
        from cqp_desktop.core.ucanss.national import database_file

        where = database_file(db)
        db.close()
        raise UserError(f"base Ucanss « {where} » : {exc}") from None
    refused = 0
    try:
        for result in import_files(db, files, decryption=decryption):  # verified on every core, in order
            name, outcome = result.source, result.outcome
            if outcome is None:
                refused += 1
                print(ImportRejected(name, result.reasons).report(), file=sys.stderr)
                continue
            base = Path(name).name.removesuffix(".p7m").removesuffix(".cqpkg")
            ack_path = (ack_dir or Path(name).parent) / f"{base}{ACK_SUFFIX}"
            try:
                write_atomic(ack_path, acknowledgment_file(outcome.acknowledgment, signing_key, signing_cert))
            except OSError as exc:
                raise UserError(f"accusé « {ack_path} » non écrit : {exc.strerror or exc}.") from None
            print(
                f"{name} : {outcome.status} — session « {outcome.session_label} », révision {outcome.revision}, "
                f"{outcome.candidates} candidat(s), {outcome.epreuves} épreuve(s) ; accusé : {ack_path}"
            )
    finally:
        db.close()
    total = len(files)
    print(f"{total - refused} paquet(s) accepté(s), {refused} refusé(s).")
    return EXIT_OK if refused == 0 else EXIT_INVALID


def _national_status(args: argparse.Namespace) -> int:
    import json

    db = _national_db(args)
    try:
        from cqp_desktop.core.ucanss.national import imported_sessions, latest_rejections

        sessions = imported_sessions(db)
        rejections = latest_rejections(db)
        from cqp_desktop.core.ucanss import authority

        trusted = len(authority.listing(db)) if authority.exists(db) else 0
    finally:
        db.close()
    print(f"{len(sessions)} session(s) importée(s) ; certificats émis par l'autorité : {trusted or 'aucune autorité (authority init)'}")
    for s in sessions:
        print(f"  {s['session_month']}  {s['session_label']} — {s['site'] or 'site ?'} — révision {s['revision']} "
              f"({s['versions']} version(s)), signé par {s['signer']}, importé le {s['imported_at']}")
    if rejections:
        print(f"Derniers refus ({len(rejections)}) :")
        for r in rejections:
            reasons = json.loads(r["reasons"])
            print(f"  {r['at']}  {r['source']} : {reasons[0]}" + (f" (+{len(reasons) - 1})" if len(reasons) > 1 else ""))
    return EXIT_OK


def _national_analytics(args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss import examiner_report
    from cqp_desktop.core.ucanss.examiner_analytics import analyse

    if not args.csv and not args.pdf:
        raise UserError("indiquez --pdf FICHIER et/ou --csv FICHIER.")
    db = _national_db(args)
    try:
        result = analyse(db)
    finally:
        db.close()
    for target, writer in ((args.pdf, examiner_report.write_pdf), (args.csv, examiner_report.write_csv)):
        if not target:
            continue
        try:
            writer(result, Path(target))
        except (FileNotFoundError, NotADirectoryError):
            raise UserError(f"dossier de « {target} » introuvable.") from None
        except OSError as exc:
            raise UserError(f"« {target} » non écrit : {exc.strerror or exc}.") from None
        print(f"Écrit : {target}")
    estimable = sum(1 for s in result.severity if s.estimate is not None)
    print(
        f"{result.epreuves} épreuve(s), dont {result.double_marked} en double correction ; {len(result.severity)} membre(s) "
        f"du jury, {estimable} estimable(s) ; {len(result.flagged)} signalé(s)."
    )
    for s in sorted(result.flagged, key=lambda s: s.estimate or 0):
        print(f"  {result.name(s.member)} : {s.verdict} (écart apparié {examiner_report.points(s.paired_difference)}, "
              f"q {examiner_report.q_text(s.q_value)})")
    return EXIT_OK


def _national_export(args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss.national import consolidated, write_csv, write_pdf

    if not args.csv and not args.pdf:
        raise UserError("indiquez --csv FICHIER et/ou --pdf FICHIER.")
    db = _national_db(args)
    try:
        for target, writer in ((args.csv, write_csv), (args.pdf, write_pdf)):
            if not target:
                continue
            try:
                writer(db, Path(target))
            except (FileNotFoundError, NotADirectoryError):
                raise UserError(f"dossier de « {target} » introuvable.") from None
            except OSError as exc:
                raise UserError(f"« {target} » non écrit : {exc.strerror or exc}.") from None
            print(f"Écrit : {target}")
        statuses = consolidated(db)
    finally:
        db.close()
    proposed = sum(1 for c in statuses if c.cqp_obtained)
    ccp = sum(len(c.held) for c in statuses)
    print(f"{len(statuses)} candidat(s) ; {proposed} proposé(s) pour le CQP ; {ccp} CCP à délivrer.")
    return EXIT_OK


def _ack_import(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.acknowledgment import AckError, import_acknowledgment

    raw = _read(args.file, "Accusé de réception")
    assert raw is not None
    with site_command(args, AckError) as store:
        result = import_acknowledgment(store, raw, source=args.file)
    state = "déjà enregistré" if result.already else "enregistré"
    print(f"Accusé {state} : session « {result.session_label} », révision {result.revision}, signé par {result.signed_by}")
    if result.synchronised:
        print("La session est synchronisée : les noms des candidats peuvent être effacés (ack purge).")
    else:
        print("ATTENTION : la session a changé depuis ce paquet ; exportez-le de nouveau avant toute purge.")
    return EXIT_OK


def _ack_purge(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.acknowledgment import AckError, purge_personal_data

    with site_command(args, AckError) as store:
        purged = purge_personal_data(store, args.session)
    print(f"Noms effacés pour {len(purged)} candidat(s) de la session n° {args.session} : noms, identifiants, notes et "
          "comptes rendus effacés, sauvegardes antérieures remplacées ; décisions et résultats conservés.")
    return EXIT_OK


def _results_import(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.results import ResultsError, import_results

    raw = read_input(args.file, "Fichier de résultats", 16 * 1024 * 1024)
    with site_command(args, ResultsError) as store:
        result = import_results(store, raw, source=args.file)
    state = "déjà enregistrés" if result.already else "enregistrés"
    print(
        f"Résultats du jury paritaire national du {result.jury_date} {state} (signés par {result.signed_by}) : "
        f"{result.candidates} candidat(s), {result.cqp} CQP et {result.ccp} CCP délivrés."
    )
    return EXIT_OK
