"""Reading a file the app is given (command line, file dialog) without hanging, exhausting memory or crashing.

Every such file is opened without blocking (a FIFO would otherwise wait forever for a writer), must
be a regular file (not a folder, a device such as `/dev/zero`, a socket), and is read up to the size
limit of its kind only. JSON and TOML are checked for nesting depth and integer size before and after
parsing, so a hostile file gets a French message naming the file and the problem — never a traceback,
a `RecursionError` or a hang.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

MiB = 1024 * 1024

# The largest file accepted for each kind, with the reason in mind: a référentiel is ~40 KiB, an
# acknowledgment a few KiB, a package carries its signed PDFs (~100 KiB per épreuve).
LIMITS: dict[str, int] = {
    "referentiel": 4 * MiB,
    "acknowledgment": 4 * MiB,
    "package": 512 * MiB,
    "key": 1 * MiB,  # PEM key, PKCS#12, certificate
    "database": 8 * 1024 * MiB,
    "marking": 8 * MiB,  # double correction hand-over / return file (core/site/handover.py): a référentiel and a journal
}
KIND_LABELS = {
    "referentiel": "un référentiel", "acknowledgment": "un accusé de réception", "package": "un paquet de session",
    "key": "une clé ou un certificat", "database": "une base", "marking": "un fichier de double correction",
}
MAX_DEPTH = 64
MAX_INT_DIGITS = 40


class InputError(Exception):
    """A file the app refuses to read; the message is French and names the file."""


def _size_text(size: int) -> str:
    if size < MiB:
        return f"{size / 1024:.0f} Kio"
    return f"{size / MiB:.1f} Mio".replace(".", ",")


def check_file(path: str | os.PathLike[str], kind: str, what: str = "Fichier") -> None:
    """Refuse now what `read_bytes` would refuse, without reading (for a reader elsewhere that trusts its path)."""
    read_bytes(path, kind, what, check_only=True)


def read_bytes(path: str | os.PathLike[str], kind: str, what: str = "Fichier", *, check_only: bool = False) -> bytes:
    """The whole file, if it is a regular file within the limit of its `kind` (see LIMITS)."""
    limit = LIMITS[kind]
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise InputError(f"{what} « {name} » introuvable.") from None
    except NotADirectoryError:
        raise InputError(f"{what} « {name} » : chemin invalide (un élément du chemin est un fichier, pas un dossier).") from None
    except IsADirectoryError:
        raise InputError(f"{what} « {name} » est un dossier, pas un fichier.") from None
    except PermissionError:
        if Path(name).is_dir():
            raise InputError(f"{what} « {name} » est un dossier, pas un fichier.") from None
        raise InputError(f"{what} « {name} » illisible : accès refusé.") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{what} « {name} » illisible : {getattr(exc, 'strerror', None) or exc}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{what} « {name} » est un dossier, pas un fichier.")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{what} « {name} » n'est pas un fichier ordinaire (tube, périphérique ou socket) : il n'est pas lu."
            )
        if info.st_size > limit:
            raise InputError(
                f"{what} « {name} » est trop volumineux ({_size_text(info.st_size)}) : au plus {_size_text(limit)} "
                f"pour {KIND_LABELS[kind]}."
            )
        if check_only:
            return b""
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise InputError(f"{what} « {name} » dépasse {_size_text(limit)} pour {KIND_LABELS[kind]}.")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{what} « {name} » illisible : {exc.strerror or exc}.") from None
    finally:
        os.close(fd)


def decode_text(data: bytes, name: str, what: str = "Fichier") -> str:
    """UTF-8 (a leading BOM is accepted); otherwise say where the first wrong byte is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{what} « {name} » n'est pas encodé en UTF-8 (octet invalide ligne {line}) : enregistrez-le en UTF-8."
        ) from None


def check_nesting(text: str, name: str, what: str = "Fichier") -> None:
    """Refuse JSON/TOML nested deeper than MAX_DEPTH before any parser recurses into it.

    Brackets inside quoted strings are skipped; TOML table headers count too, which only errs on the
    safe side for real files (a référentiel nests 6 levels).
    """
    depth = 0
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote or char == "\n":
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(f"{what} « {name} » : imbrication trop profonde (plus de {MAX_DEPTH} niveaux).")
        elif char in "]}":
            depth = max(depth - 1, 0)


def check_values(data: Any, name: str, what: str = "Fichier") -> None:
    """After parsing: no integer wider than MAX_INT_DIGITS digits, no nesting deeper than MAX_DEPTH (iterative)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"{what} « {name} » : imbrication trop profonde (plus de {MAX_DEPTH} niveaux).")
        if isinstance(value, bool):
            continue
        if isinstance(value, int) and abs(value) >= 10**MAX_INT_DIGITS:
            raise InputError(f"{what} « {name} » : nombre entier démesuré (plus de {MAX_INT_DIGITS} chiffres).")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"nombre entier démesuré (plus de {MAX_INT_DIGITS} chiffres)")
    return int(text)


def parse_json(text: str, name: str, what: str = "Fichier", object_pairs_hook: Any = None) -> Any:
    """JSON with bounded nesting and integers; json.JSONDecodeError is left to the caller (it has a position)."""
    check_nesting(text, name, what)
    try:
        data = json.loads(text, parse_int=_bounded_int, object_pairs_hook=object_pairs_hook)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise
        raise InputError(f"{what} « {name} » : {exc}.") from None
    except RecursionError:
        raise InputError(f"{what} « {name} » : imbrication trop profonde.") from None
    check_values(data, name, what)
    return data


def parse_toml(text: str, name: str, what: str = "Fichier") -> dict[str, Any]:
    """TOML with bounded nesting and integers; tomllib.TOMLDecodeError is left to the caller."""
    import tomllib  # here: the command line imports InputError before it parses anything

    check_nesting(text, name, what)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{what} « {name} » : contenu illisible ({exc}).") from None
    check_values(data, name, what)
    return data


def check_json_bytes(data: bytes, name: str, what: str = "Fichier") -> None:
    """For callers that parse later (e.g. an acknowledgment): refuse a hostile JSON shape now."""
    if data.lstrip()[:1] in (b"{", b"["):
        text = data.decode("utf-8", errors="replace")
        check_nesting(text, name, what)
        try:
            parse_json(text, name, what)
        except json.JSONDecodeError:
            pass  # the caller's parser reports the syntax error with its position
