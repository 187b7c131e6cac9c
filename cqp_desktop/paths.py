"""The one place that decides where user data lives.

Order of precedence: the `--data-dir` flag, the `CQP_DESKTOP_DATA_DIR` environment variable, then the
per-user data folder chosen by platformdirs. The folder is created owner-only (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "CQP_DESKTOP_DATA_DIR"
DB_FILENAME = "cqp-desktop.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        path = Path(override)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(platformdirs.user_data_dir("cqp-desktop", "Ucanss"))
    path = path.expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (FileExistsError, NotADirectoryError):
        from cqp_desktop.core.storage.errors import StoreError

        raise StoreError(
            f"Dossier de données « {path} » impossible : ce chemin (ou l'un de ses dossiers parents) est un fichier."
        ) from None
    except OSError as exc:
        from cqp_desktop.core.storage.errors import StoreError

        raise StoreError(f"Dossier de données « {path} » impossible à créer : {exc.strerror or exc}.") from None
    try:
        path.chmod(0o700)
    except OSError:  # a folder we do not own (e.g. a shared mount): leave it as it is
        pass
    return path


def database_path(folder: Path) -> Path:
    return folder / DB_FILENAME
