"""Command line: starts the app, or runs the non-GUI jobs (référentiel checks, packages…).

Every failure a user can cause ends with a French message on stderr and a non-zero exit, never a
traceback. Qt is imported only when the GUI starts, so the non-GUI commands run without a display.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cqp_desktop import __version__
from cqp_desktop.core.common.input_files import InputError
from cqp_desktop.core.storage.errors import StoreError

if TYPE_CHECKING:  # the référentiel module is imported by the commands that read one (not before the window)
    from cqp_desktop.core.model.referentiel import ReferentielError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


# argparse's own English words, as Python 3.11 prints them, and their French.
_HELP_FR = [
    ("usage: ", "usage : "),
    ("positional arguments:", "arguments :"),
    ("options:", "options :"),
    ("show this help message and exit", "affiche cette aide et quitte"),
    ("show program's version number and exit", "affiche la version et quitte"),
]
_ERRORS_FR = [
    (r"the following arguments are required: (.*)", r"arguments obligatoires manquants : \1"),
    (r"unrecognized arguments: (.*)", r"arguments non reconnus : \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"argument \1 : choix \2 inconnu (possibles : \3)"),
    (r"argument (\S+): expected one argument", r"argument \1 : une valeur est attendue"),
    (r"argument (\S+): expected at least one argument", r"argument \1 : au moins une valeur est attendue"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"argument \1 : valeur \3 invalide"),
]


def _french(text: str) -> str:
    for english, french in _HELP_FR:
        text = text.replace(english, french)
    return text


class _Parser(argparse.ArgumentParser):
    """argparse with French help and usage errors."""

    def format_help(self) -> str:
        return _french(super().format_help())

    def format_usage(self) -> str:
        return _french(super().format_usage())

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, replacement in _ERRORS_FR:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"cqp-desktop : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cqp-desktop",
        description="Application hors ligne des jurys professionnels des CQP COS et GC.",
    )
    parser.add_argument("--version", action="version", version=f"cqp-desktop {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="vérifie l'installation (épreuve complète dans un dossier temporaire) et quitte"
    )
    parser.add_argument("--data-dir", metavar="DOSSIER", help="dossier des données (par défaut : dossier utilisateur)")
    parser.add_argument(
        "--demo", action="store_true", help="crée une base de démonstration si aucune base n'existe encore"
    )
    parser.add_argument(
        "--ucanss", action="store_true",
        help="fenêtre de l'Ucanss (base nationale du dossier de données) : import des paquets, liste consolidée, "
        "jury paritaire national (délibération, proclamation), documents",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    ref = sub.add_parser("referentiel", help="outils du référentiel")
    ref_sub = ref.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    check = ref_sub.add_parser("check", help="vérifie un fichier de référentiel (TOML ou JSON)")
    check.add_argument("file", metavar="FICHIER")
    from cqp_desktop.package_cli import add_commands as add_package_commands

    add_package_commands(sub, _Parser)
    from cqp_desktop.trust_cli import add_commands as add_trust_commands

    add_trust_commands(sub, _Parser)
    from cqp_desktop.marking_cli import add_commands as add_marking_commands

    add_marking_commands(sub, _Parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the packaged application: the national import's worker processes
        import multiprocessing  # (not imported at every start: it only matters in the bundle)

        multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from cqp_desktop.core.endtoend.selftest import run as self_test

            return self_test()
        if args.command == "referentiel":
            return _referentiel_check(Path(args.file))
        if args.command in ("package", "national", "ack", "results"):
            from cqp_desktop.package_cli import run as run_package_command

            _check_package_argument(args)
            return run_package_command(args)
        if args.command == "marking":
            from cqp_desktop.marking_cli import run as run_marking_command
            from cqp_desktop.package_cli import UserError

            try:
                return run_marking_command(args)
            except UserError as exc:
                print(f"cqp-desktop : {exc}", file=sys.stderr)
                return EXIT_INVALID
        if args.command in ("authority", "trust", "identity", "demo", "candidate"):
            from cqp_desktop.trust_cli import run as run_trust_command

            return run_trust_command(args)
        return _run_gui(args)
    except StoreError as exc:
        print(f"cqp-desktop : {exc}", file=sys.stderr)
        return EXIT_INVALID
    except InputError as exc:
        print(f"cqp-desktop : {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        problem = _referentiel_problem(exc)
        if problem is None:
            raise
        print(problem.report(), file=sys.stderr)
        return EXIT_INVALID


def _referentiel_problem(exc: Exception) -> ReferentielError | None:
    """`exc` when it is a ReferentielError (only possible once a command has imported core/model/referentiel.py)."""
    module = sys.modules.get("cqp_desktop.core.model.referentiel")
    return exc if module is not None and isinstance(exc, module.ReferentielError) else None


def _check_package_argument(args: argparse.Namespace) -> None:
    """`package verify FICHIER` is read by core/exchange/package_verify.py: refuse a FIFO, a device or an oversized
    file here first (core/common/input_files.py), so that no reader ever waits on a tube or reads /dev/zero."""
    from cqp_desktop.core.common.input_files import InputError, check_file

    if (args.command, args.action) == ("package", "verify"):
        check_file(args.file, "package", "Paquet")
    db = getattr(args, "db", None)
    if db:  # --db of the national commands: a file to create or open, below real folders
        blocking = next((p for p in Path(db).parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            raise InputError(f"Base « {db} » impossible : « {blocking} » est un fichier, pas un dossier.")


def _referentiel_check(path: Path) -> int:
    from cqp_desktop.core.model.referentiel import ReferentielError
    from cqp_desktop.core.model.referentiel_check import check_file, summary

    try:
        report = check_file(path)
    except ReferentielError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_INVALID
    ref = report.referentiel
    if not report.ok:
        print(report.error().report(), file=sys.stderr)
        return EXIT_INVALID
    competences = sum(len(b.competences) for b in ref.blocs.values())
    criteria = sum(1 for b in ref.blocs.values() for _ in b.criteria())
    print(f"Référentiel « {path} » valide.")
    print(f"  {ref.title}")
    print(f"  identifiant {ref.id}, version {ref.version}, valable du {ref.valid_from} au {ref.valid_until}")
    print(f"  empreinte {ref.content_hash}")
    for cert in ref.certifications.values():
        print(f"  CQP {cert.code} ({cert.rncp or 'RNCP ?'}) : blocs {', '.join(cert.blocs)}")
    print(f"  {len(ref.blocs)} blocs, {competences} compétences, {criteria} critères")
    print("Ce que le fichier fixe :")
    for line in summary(ref):
        print(f"  {line}")
    for warning in report.warnings:
        print(f"  AVERTISSEMENT : {warning}")
    if ref.indicative:
        print(f"  ATTENTION : {ref.criteria_notice}")
    return EXIT_OK


def _run_gui(args: argparse.Namespace) -> int:
    from cqp_desktop import paths

    if args.ucanss:
        folder = paths.data_dir(args.data_dir)
        if paths.database_path(folder).exists():
            print(f"cqp-desktop : « {folder} » est le dossier d'un site ; l'Ucanss a son propre dossier de données.", file=sys.stderr)
            return EXIT_INVALID
        from cqp_desktop.gui.ucanss_window import run_ucanss

        return run_ucanss(folder)
    from cqp_desktop.core.storage.errors import NewerDatabase
    from cqp_desktop.gui.start import run_site

    try:
        return run_site(args.data_dir, demo=args.demo)  # the window paints first, then opens the base
    except NewerDatabase:
        raise  # restoring an older copy would lose work: update the app instead
    except StoreError as exc:
        if not _interactive_display():
            raise
        print(f"cqp-desktop : {exc}", file=sys.stderr)
        from cqp_desktop.core.storage.integrity import IntegrityProblem
        from cqp_desktop.gui.recovery_dialog import ask_restore

        acceptable = exc.problems if isinstance(exc, IntegrityProblem) and exc.can_continue else None
        if not ask_restore(paths.data_dir(args.data_dir), str(exc), acceptable):
            return EXIT_INVALID
        from cqp_desktop.app_context import AppContext

        context = AppContext.open(args.data_dir)
    from cqp_desktop.gui.application import run

    return run(context)


def _interactive_display() -> bool:
    """Can a person answer a dialog? Not offscreen (tests, CI), not on a Linux box without a display."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
