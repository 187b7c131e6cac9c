"""Where the files shipped with the app live (référentiels, fonts, icons, .ui forms)."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    """The folder holding `resources/` and `ui/`: the source tree, or a frozen bundle's folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def ui_dir() -> Path:
    return project_root() / "ui"


def default_referentiel_path() -> Path:
    return resources_dir() / "referentiels" / "cqp-cos-gc-2021.toml"
