"""The stable candidate identifier: one per person, across both CQP, every site and every year. Qt-free.

What it is: 80 random bits written as 16 Crockford base-32 characters in four groups, plus a two-digit
check (the value modulo 97, as IBAN keys: any single wrong character is caught), e.g.
``CQP-7K2M-QH4T-9D0R-XW5B-42``. It is drawn once,
on the site that first registers the person, shown on the candidate's dossier, and typed in by any other
site (or year) that registers the same person, so the national base joins all their CCP.

Why it is safe to share: it is drawn at random, so it says nothing about the person (no name, birth date,
NIR or employer in it) and cannot be recomputed from what one knows about them; it survives the purge of
the candidates' names on the site; a typing error is caught by the check symbol instead of silently
creating another person. The per-record UUID (`candidates.uuid`) stays what a package uses for one record.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
CHECK_LEN = 2
PREFIX = "CQP"
GROUPS = 4
GROUP_LEN = 4
_ALIASES = str.maketrans({"I": "1", "L": "1", "O": "0"})


class PersonIdError(ValueError):
    """A typed identifier that cannot be this app's: the message is French."""


def _check_symbol(body: str) -> str:
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return f"{value % 97:02d}"  # 97 is prime and above 31: a single substituted character always changes it


def new_person_id() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    return _format(body)


def _format(body: str) -> str:
    groups = [body[i : i + GROUP_LEN] for i in range(0, len(body), GROUP_LEN)]
    return "-".join([PREFIX, *groups, _check_symbol(body)])


def normalise(text: str) -> str:
    """The canonical form of a typed identifier (case, spaces, dashes, I/L/O typed for 1/1/0 forgiven)."""
    raw = text.strip().upper().replace(" ", "").replace("-", "")
    if raw.startswith(PREFIX):
        raw = raw[len(PREFIX) :]
    size = GROUPS * GROUP_LEN
    if len(raw) != size + CHECK_LEN:
        raise PersonIdError(
            f"Identifiant candidat : {size} caractères et une clé de {CHECK_LEN} chiffres attendus "
            "(ex. CQP-7K2M-QH4T-9D0R-XW5B-42)."
        )
    body, check = raw[:size].translate(_ALIASES), raw[size:]
    if any(c not in ALPHABET for c in body):
        raise PersonIdError("Identifiant candidat : caractère non admis (chiffres et lettres sauf I, L, O, U).")
    if _check_symbol(body) != check:
        raise PersonIdError("Identifiant candidat : la clé ne correspond pas (erreur de saisie ?).")
    return _format(body)
