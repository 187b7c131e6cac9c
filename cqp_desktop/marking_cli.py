"""`marking …`: double correction on two laptops from the command line (core/site/handover.py).

    cqp-desktop marking handover --epreuve N --out F   # président's laptop: signed hand-over file
    cqp-desktop marking import F [--epreuve N]         # expert's laptop: the hand-over; président's: the return
    cqp-desktop marking return --epreuve N --out F     # expert's laptop: signed return file

Conventions of package_cli.py: French messages, exit 1 on a user error, passphrases only from the
environment or a masked prompt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cqp_desktop.package_cli import (
    EXIT_OK,
    UserError,
    passphrase,
    read_input,
    site_store,
    write_output,
)


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    marking = sub.add_parser(
        "marking", help="double correction sur deux postes : fichiers de remise et de retour signés",
        description="Le poste du/de la président(e) remet l'épreuve à l'expert(e) par un fichier signé ; le poste de "
        "l'expert(e) renvoie sa notation close par un fichier signé, importé sur le poste du/de la président(e).",
    )
    marking_sub = marking.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=parser_class)
    handover = marking_sub.add_parser("handover", help="écrit le fichier de remise signé par le/la président(e)")
    handover.add_argument("--epreuve", type=int, required=True, metavar="N")
    handover.add_argument("--out", required=True, metavar="FICHIER")
    imported = marking_sub.add_parser("import", help="importe un fichier de remise (poste de l'expert) ou de retour")
    imported.add_argument("file", metavar="FICHIER")
    imported.add_argument("--epreuve", type=int, metavar="N", help="refuse un retour fait pour une autre épreuve")
    returned = marking_sub.add_parser("return", help="écrit le fichier de retour signé par l'expert(e)")
    returned.add_argument("--epreuve", type=int, required=True, metavar="N")
    returned.add_argument("--out", required=True, metavar="FICHIER")


def run(args: argparse.Namespace) -> int:
    from cqp_desktop.core.exchange.keys import KeyProblem
    from cqp_desktop.core.site import handover

    store = site_store(args)
    try:
        if args.action == "import":
            raw = read_input(args.file, "Fichier de double correction", handover.MAX_BYTES)
            result = handover.import_file(store, raw, args.file, expected_epreuve=args.epreuve)
            if result.kind == handover.HANDOVER:
                print(f"Remise importée (signée par {result.signer}) : épreuve n° {result.epreuve_id} sur ce poste, "
                      "en double correction ; l'expert(e) note puis clôture son observation.")
            else:
                print(f"Retour de {result.signer} importé dans l'épreuve n° {result.epreuve_id} : notation de l'expert(e) "
                      "enregistrée et close.")
            return EXIT_OK
        from cqp_desktop.core.storage import store_queries as q

        if q.epreuve_heading(store, args.epreuve) is None:
            raise UserError(f"épreuve n° {args.epreuve} introuvable sur ce poste.")
        if args.action == "handover":
            data = handover.write_handover(store, args.epreuve, passphrase("Phrase secrète du/de la président(e) : "))
            what = "Fichier de remise"
        else:
            data = handover.write_return(store, args.epreuve, passphrase("Phrase secrète de l'expert(e) : "))
            what = "Fichier de retour"
        write_output(Path(args.out), data, what)
        print(f"{what} écrit : {args.out}")
        return EXIT_OK
    except (handover.HandoverError, KeyProblem) as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
