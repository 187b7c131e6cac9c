"""Commands of the chain of trust (see core/exchange/trust.py), headless, for scripting and for the Ucanss officer.

Ucanss side (`--data-dir UCANSS`): `authority init | certify | revoke | publish | referentiel | list`.
Site side (`--data-dir SITE`): `trust import`, `identity request | install`. Both: `demo --site --ucanss`.
Passphrases come from $CQP_DESKTOP_PASSPHRASE or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.package_cli import EXIT_OK, UserError, passphrase, read_input, write_output


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    auth = sub.add_parser("authority", help="autorité de certification des jurys (Ucanss)")
    auth_sub = auth.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    auth_sub.add_parser("init", help="crée l'autorité (certificat racine, clé de service des accusés)")
    certify = auth_sub.add_parser("certify", help="certifie la demande d'un membre du jury et écrit son certificat")
    certify.add_argument("request", metavar="DEMANDE", help="demande de certificat (.csr) venue du site")
    certify.add_argument("--role", choices=("president", "expert"), help="rôle certifié (défaut : celui de la demande)")
    certify.add_argument("--jours", type=int, default=3 * 365, metavar="N", help="durée de validité en jours (défaut 1095)")
    certify.add_argument("--out", metavar="FICHIER", required=True, help="certificat à renvoyer au site (.pem)")
    revoke = auth_sub.add_parser("revoke", help="révoque un certificat (fichier .pem ou numéro de série)")
    revoke.add_argument("certificate", metavar="CERTIFICAT_OU_SERIE")
    revoke.add_argument(
        "--motif", required=True, choices=("compromission", "depart", "remplacement", "changement"), help="motif de révocation"
    )
    publish = auth_sub.add_parser("publish", help="écrit le fichier de confiance des sites (racine, révocations, référentiels)")
    publish.add_argument("--out", metavar="FICHIER", required=True)
    ref = auth_sub.add_parser("referentiel", help="publie un référentiel (les paquets qui l'utilisent sont acceptés)")
    ref.add_argument("file", metavar="FICHIER", nargs="?", help="référentiel TOML/JSON (défaut : celui livré)")
    auth_sub.add_parser("list", help="certificats émis et révocations")

    site = sub.add_parser("trust", help="autorité Ucanss reconnue par ce poste (site)")
    site_sub = site.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    imp = site_sub.add_parser("import", help="installe ou met à jour le fichier de confiance de l'Ucanss")
    imp.add_argument("file", metavar="FICHIER")
    imp.add_argument("--nouvelle-racine", action="store_true", help="accepte une autorité différente de celle installée")
    site_sub.add_parser("status", help="autorités installées, liste de révocation, référentiels publiés")

    ident = sub.add_parser("identity", help="identités de signature des membres du jury (site)")
    ident_sub = ident.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    req = ident_sub.add_parser("request", help="crée la clé du membre et la demande de certificat à envoyer à l'Ucanss")
    req.add_argument("--member", type=int, required=True, metavar="N", help="numéro du membre du jury")
    req.add_argument("--out", metavar="FICHIER", required=True, help="demande à écrire (.csr)")
    inst = ident_sub.add_parser("install", help="installe le certificat délivré par l'Ucanss")
    inst.add_argument("file", metavar="CERTIFICAT")
    ident_sub.add_parser("list", help="membres du jury et état de leur certificat")

    cand = sub.add_parser("candidate", help="données d'un candidat (site)")
    cand_sub = cand.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    access = cand_sub.add_parser("export", help="tout ce que ce poste détient sur un candidat (JSON + PDF), à sa demande")
    access.add_argument("--candidate", type=int, required=True, metavar="N", help="numéro du candidat")
    access.add_argument("--out", metavar="DOSSIER", required=True)

    demo = sub.add_parser("demo", help="démonstration sans écran : une Ucanss et un site qui lui fait confiance")
    demo.add_argument("--site", metavar="DOSSIER", required=True, help="dossier de données du site de démonstration")
    demo.add_argument("--ucanss", metavar="DOSSIER", required=True, help="dossier de données de l'Ucanss de démonstration")
    demo.add_argument(
        "--ucanss-existante", action="store_true",
        help="ajoute un site à une Ucanss de démonstration déjà créée (plusieurs sites, une Ucanss)",
    )


def run(args: argparse.Namespace) -> int:
    handlers = {
        ("authority", "init"): _authority_init,
        ("authority", "certify"): _authority_certify,
        ("authority", "revoke"): _authority_revoke,
        ("authority", "publish"): _authority_publish,
        ("authority", "referentiel"): _authority_referentiel,
        ("authority", "list"): _authority_list,
        ("trust", "import"): _trust_import,
        ("trust", "status"): _trust_status,
        ("identity", "request"): _identity_request,
        ("identity", "install"): _identity_install,
        ("identity", "list"): _identity_list,
        ("candidate", "export"): _candidate_export,
    }
    try:
        if args.command == "demo":
            return _demo(args)
        return handlers[(args.command, args.action)](args)
    except UserError as exc:
        print(f"cqp-desktop : {exc}", file=sys.stderr)
        return 1


# --------------------------------------------------------------------------------------------------
# Ucanss


def _national(args: argparse.Namespace) -> Any:
    from cqp_desktop import paths
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national

    return open_national(paths.data_dir(args.data_dir) / DB_FILENAME)


def _authority_action(args: argparse.Namespace, action: Any) -> int:
    from cqp_desktop.core.ucanss.authority import AuthorityError

    db = _national(args)
    try:
        return int(action(db))
    except AuthorityError as exc:
        raise UserError(str(exc)) from None
    finally:
        db.close()


def _authority_init(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.model import referentiel
    from cqp_desktop.core.ucanss import authority
    from cqp_desktop.resources import default_referentiel_path

    def act(db: Any) -> int:
        secret = passphrase("Phrase secrète de la nouvelle autorité Ucanss : ", confirm=True)
        try:
            root = authority.init(db, secret)
        except keys.KeyProblem as exc:
            raise UserError(str(exc)) from None
        entry = authority.publish_referentiel(db, referentiel.canonical_data(default_referentiel_path()))
        print(f"Autorité créée : {keys.subject_name(root)}")
        print(f"  empreinte SHA-256 du certificat racine : {keys.fingerprint(root)}")
        print("  (à publier par l'Ucanss : chaque site compare cette empreinte avant d'installer le fichier de confiance)")
        print(f"  référentiel publié : {entry['id']} {entry['version']}")
        return EXIT_OK

    return _authority_action(args, act)


def _authority_certify(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.ucanss import authority

    request = read_input(args.request, "Demande de certificat", 64 * 1024)

    def act(db: Any) -> int:
        try:
            keys.load_request(request)  # a file that is not a request is named before any passphrase is asked
        except keys.KeyProblem as exc:
            raise UserError(f"« {args.request} » : {exc}") from None
        issued = authority.certify(db, request, passphrase("Phrase secrète de l'autorité Ucanss : "), role=args.role, days=args.jours)
        write_output(Path(args.out), issued.pem, "Certificat")
        print(f"Certifié : {issued.signer.describe()}")
        print(f"  identifiant du membre {issued.signer.member_uuid}, valable jusqu'au {french_day(issued.signer.not_after)}")
        print(f"  certificat écrit : {args.out}")
        return EXIT_OK

    return _authority_action(args, act)


def _authority_revoke(args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss import authority

    target: str | bytes = args.certificate
    if Path(args.certificate).is_file():
        target = read_input(args.certificate, "Certificat", 64 * 1024)

    def act(db: Any) -> int:
        who = authority.revoke(db, target, args.motif, passphrase("Phrase secrète de l'autorité Ucanss : "))
        print(f"Révoqué ({authority.REASON_LABELS[args.motif]}) : {who.describe()}")
        print("  publiez le nouveau fichier de confiance (authority publish) pour les sites.")
        return EXIT_OK

    return _authority_action(args, act)


def _authority_publish(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange import trust
    from cqp_desktop.core.ucanss import authority

    def act(db: Any) -> int:
        raw = authority.bundle(db, passphrase("Phrase secrète de l'autorité Ucanss : "))
        write_output(Path(args.out), raw, "Fichier de confiance")
        bundle = trust.read_bundle(raw, args.out)
        print(f"Fichier de confiance écrit : {args.out}")
        print(f"  racine {bundle.root_fingerprint}")
        print(f"  liste de révocation n° {bundle.crl_number} ({len(list(bundle.crl))} certificat(s) révoqué(s))")
        print(f"  {len(bundle.referentiels)} référentiel(s) publié(s)")
        return EXIT_OK

    return _authority_action(args, act)


def _authority_referentiel(args: argparse.Namespace) -> int:
    from cqp_desktop.core.model import referentiel
    from cqp_desktop.core.ucanss import authority
    from cqp_desktop.resources import default_referentiel_path

    path = Path(args.file) if args.file else default_referentiel_path()
    referentiel.load(path)  # a French report of every defect, through the ReferentielError handler
    content = referentiel.canonical_data(path)

    def act(db: Any) -> int:
        entry = authority.publish_referentiel(db, content)
        print(f"Référentiel publié : {entry['id']} {entry['version']} ({entry['hash']})")
        return EXIT_OK

    return _authority_action(args, act)


def _authority_list(args: argparse.Namespace) -> int:
    from cqp_desktop.core.ucanss import authority

    def act(db: Any) -> int:
        rows = authority.listing(db)
        print(f"{len(rows)} certificat(s) émis :")
        for r in rows:
            state = f"RÉVOQUÉ ({r['reason']}, {r['revoked_at'][:10]})" if r["reason"] else f"valable jusqu'au {r['not_after'][:10]}"
            print(f"  {r['serial'][:12]}…  {r['role']:<9} {r['name']:<28} {r['organisme']:<28} {state}")
        return EXIT_OK

    return _authority_action(args, act)


# --------------------------------------------------------------------------------------------------
# Site


def _site(args: argparse.Namespace) -> Any:
    from cqp_desktop.package_cli import site_store

    return site_store(args)


def _trust_import(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.site_trust import EnrolmentError, install_bundle

    raw = read_input(args.file, "Fichier de confiance", 4 * 1024 * 1024)
    store = _site(args)
    try:
        done = install_bundle(store, raw, args.file, new_root=args.nouvelle_racine)
    except EnrolmentError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    if done.already:
        print(f"Fichier de confiance déjà installé ({done.root_name}).")
    else:
        print(("Autorité installée : " if done.new_root else "Autorité mise à jour : ") + done.root_name)
    print(f"  empreinte de la racine {done.root_fingerprint}")
    print(f"  liste de révocation n° {done.crl_number} ; {done.referentiels} référentiel(s) publié(s)")
    if done.new_root:
        print("  Vérifiez que cette empreinte est celle que l'Ucanss a annoncée.")
    return EXIT_OK


def _trust_status(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.site.site_trust import anchors

    store = _site(args)
    try:
        trust_anchors = anchors(store)
    finally:
        store.close()
    if trust_anchors.empty:
        print("Aucune autorité installée : personne ne peut signer sur ce poste (trust import FICHIER).")
        return EXIT_OK
    for root, crl in zip(trust_anchors.roots, trust_anchors.crls):
        print(f"Autorité : {keys.subject_name(root)} ({keys.fingerprint(root)})")
        print(f"  {len(list(crl))} certificat(s) révoqué(s) ; liste du {french_day(crl.last_update_utc)}")
    print(f"{len(trust_anchors.referentiels)} référentiel(s) publié(s) par l'Ucanss")
    return EXIT_OK


def _identity_request(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.site.site_trust import EnrolmentError, request_certificate

    store = _site(args)
    try:
        secret = passphrase("Phrase secrète du membre du jury (protège sa clé) : ", confirm=True)
        request = request_certificate(store, args.member, secret)
    except (EnrolmentError, keys.KeyProblem) as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    write_output(Path(args.out), request, "Demande de certificat")
    print(f"Demande de certificat écrite : {args.out} (à transmettre à l'Ucanss ; la clé reste sur ce poste)")
    return EXIT_OK


def _identity_install(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.site_trust import EnrolmentError, install_certificate

    raw = read_input(args.file, "Certificat", 64 * 1024)
    store = _site(args)
    try:
        member_id = install_certificate(store, raw, args.file)
        from cqp_desktop.core.site.avis import member_name

        name = member_name(store, member_id)
    except EnrolmentError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(f"Certificat installé pour {name} (membre n° {member_id}) : cette personne peut désormais signer.")
    return EXIT_OK


def _identity_list(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.site_trust import identity_problem

    store = _site(args)
    try:
        from cqp_desktop.core.storage.store_queries import member, member_ids

        for member_id in member_ids(store, by="id"):
            m = member(store, member_id)
            assert m is not None
            problem = identity_problem(store, m["id"], m["role"])
            print(f"n° {m['id']:<4} {m['first_name']} {m['last_name'].upper():<20} {m['role']:<9} {problem or 'certifié(e) : peut signer'}")
    finally:
        store.close()
    return EXIT_OK


def _candidate_export(args: argparse.Namespace) -> int:
    from cqp_desktop.core.site.subject_access import SubjectAccessError, export

    store = _site(args)
    try:
        done = export(store, args.candidate, Path(args.out))
    except SubjectAccessError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(f"Données du candidat n° {args.candidate} ({done.epreuves} épreuve(s)) : {done.json_path} et {done.pdf_path}")
    return EXIT_OK


# --------------------------------------------------------------------------------------------------
# Demo


def _demo(args: argparse.Namespace) -> int:
    from cqp_desktop.core.endtoend import demo

    site, ucanss = Path(args.site), Path(args.ucanss)
    if args.ucanss_existante:
        from cqp_desktop.core.ucanss.national import DB_FILENAME

        if not (ucanss / DB_FILENAME).exists():
            raise UserError(f"« {ucanss} » ne contient pas d'Ucanss de démonstration (base {DB_FILENAME} absente).")
    for folder in (site,) if args.ucanss_existante else (site, ucanss):
        if folder.exists() and any(folder.iterdir()):
            raise UserError(f"« {folder} » n'est pas vide : la démonstration part de dossiers neufs.")
    secret = passphrase(
        "Phrase secrète de démonstration (jury et autorité) : ", confirm=True, default=demo.DEMO_PASSPHRASE
    )
    summary = demo.headless(site, ucanss, secret)
    state = "existante" if args.ucanss_existante else "clé neuve"
    print(f"Ucanss de démonstration : {ucanss} (autorité {summary.root_fingerprint[:16]}…, {state})")
    print(f"Site de démonstration : {site} ({summary.candidates} candidats, {summary.jury_members} membres du jury certifiés)")
    print(f"Session n° {summary.session_id} « {summary.session_label} » prête à exporter : "
          f"{summary.signed} épreuve(s) jouée(s), avis signés et contresignés.")
    print("Ensuite : cqp-desktop --data-dir SITE package sessions, puis package export --session N --president P --out FICHIER")
    return EXIT_OK
