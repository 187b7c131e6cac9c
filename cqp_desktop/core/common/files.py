"""Writing a file so that a crash never leaves half of it: the one atomic write of the app. Qt-free.

A temp file beside the target, owner-only before any byte is written (packages, backups and settings
hold personal data), flushed and fsynced, renamed onto the target, then the folder fsynced so the rename
itself survives a power cut. On any failure the temp file is removed and the target is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_file(path: Path | str, *, prefix: str | None = None, suffix: str = ".tmp") -> Iterator[Path]:
    """A temp file beside `path` for the caller to fill (by name); on a clean exit it is fsynced and
    renamed onto `path`. `prefix` names the temp file (default: a hidden file named after the target)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=prefix or f".{path.name}.", suffix=suffix, dir=folder)
    tmp = Path(name)
    try:
        if hasattr(os, "fchmod"):  # POSIX; on Windows the user's profile folder already restricts access
            os.fchmod(fd, 0o600)
        os.close(fd)
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write `data` at `path` atomically, owner-only."""
    with atomic_file(path) as tmp:
        tmp.write_bytes(data)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
