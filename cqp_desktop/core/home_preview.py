"""The home list read for the first paint, before the base is opened and checked. Qt-free.

Opening the site base (migrations, anchor, audit chain, row seals: core/integrity.py) takes a few hundred
milliseconds; the window shows the épreuves first, from a read-only SQLite connection that runs no
migration and writes nothing (no journal switch, no checkpoint: the file stays byte for byte what the
integrity check will read), then opens the base. Any doubt — no file yet, an older schema, a damaged or
foreign file — gives None: the window shows an empty list until the real opening says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from cqp_desktop.core.overview import EPREUVE_ROWS, EpreuveLine, lines_from_rows


def preview_lines(db_path: Path, today: dt.date | None = None) -> list[EpreuveLine] | None:
    """The home list as the base holds it now, or None when it cannot be read without opening the base."""
    db_path = Path(db_path)
    try:
        if not db_path.is_file() or db_path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.row_factory = sqlite3.Row
        return lines_from_rows(conn.execute(EPREUVE_ROWS), today)
    except (sqlite3.Error, KeyError, TypeError, ValueError, AttributeError):
        return None
    finally:
        conn.close()
