"""The app's user settings: declared once here, stored in `reglages.json` in the data folder.

Why a JSON file and not the database: restoring a backup of the database must not silently change
where exports go or how many backups are kept, and a damaged database must not hide the settings that
point to its backups. Every setting is declared in `DECLARATIONS` (key, French label, type, default,
bounds); loading, validating, saving and the settings dialog all read that one declaration.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from cqp_desktop.core.common.files import write_atomic

SETTINGS_FILENAME = "reglages.json"
FORMAT_VERSION = 1


class SettingsError(Exception):
    """A setting value or settings file the app cannot use; the message is French."""


@dataclass(frozen=True)
class Declaration:
    """One setting: what it is called, what it holds and what it may hold."""

    key: str
    label: str
    kind: type  # int | str (paths are stored as text)
    default: Callable[[Path], Any]  # computed from the data folder, so defaults follow --data-dir
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()  # allowed values of a text setting (empty: any non-empty text)


def _default_export_dir(_data_dir: Path) -> str:
    return str(Path(platformdirs.user_documents_dir()) / "cqp-desktop")


DECLARATIONS: tuple[Declaration, ...] = (
    Declaration(
        key="export_dir",
        label="Dossier d'export",
        kind=str,
        default=_default_export_dir,
        help="Où sont proposés les procès-verbaux PDF et les paquets de session exportés.",
    ),
    Declaration(
        key="backup_keep_last",
        label="Sauvegardes récentes conservées",
        kind=int,
        default=lambda _d: 10,
        help="Nombre des dernières sauvegardes toujours gardées, quelle que soit leur date.",
        minimum=1,
        maximum=100,
    ),
    Declaration(
        key="backup_keep_days",
        label="Jours avec une sauvegarde quotidienne",
        kind=int,
        default=lambda _d: 30,
        help="En plus, la dernière sauvegarde de chaque jour est gardée pendant ce nombre de jours.",
        minimum=0,
        maximum=3650,
    ),
    Declaration(
        key="purge_reminder_days",
        label="Rappel de purge après accusé (jours)",
        kind=int,
        default=lambda _d: 30,
        help="Une session synchronisée dont les données personnelles ne sont pas effacées au bout de ce nombre "
        "de jours est signalée à l'accueil et dans l'export (règle de conservation).",
        minimum=1,
        maximum=365,
    ),
    Declaration(
        key="language",
        label="Langue de l'interface",
        kind=str,
        default=lambda _d: "fr",
        help="Français (langue des jurys) ; l'anglais sert à vérifier les traductions. Prend effet au prochain démarrage.",
        choices=("fr", "en"),
    ),
)
_BY_KEY = {d.key: d for d in DECLARATIONS}


def declaration(key: str) -> Declaration:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise SettingsError(f"Réglage inconnu : « {key} ».") from None


def check(key: str, value: Any) -> Any:
    """The value converted to the setting's type, or a French SettingsError naming the setting."""
    decl = declaration(key)
    if decl.kind is int:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise SettingsError(f"« {decl.label} » : un nombre entier est attendu.")
        try:
            number = int(value)
        except ValueError:
            raise SettingsError(f"« {decl.label} » : « {value} » n'est pas un nombre entier.") from None
        if decl.minimum is not None and number < decl.minimum:
            raise SettingsError(f"« {decl.label} » : au minimum {decl.minimum} (valeur donnée : {number}).")
        if decl.maximum is not None and number > decl.maximum:
            raise SettingsError(f"« {decl.label} » : au maximum {decl.maximum} (valeur donnée : {number}).")
        return number
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(f"« {decl.label} » : un texte non vide est attendu.")
    if decl.choices and value.strip() not in decl.choices:
        allowed = ", ".join(f"« {c} »" for c in decl.choices)
        raise SettingsError(f"« {decl.label} » : « {value} » n'est pas admis (valeurs possibles : {allowed}).")
    return value.strip()


@dataclass(frozen=True)
class Settings:
    """The effective value of every declared setting (defaults filled in)."""

    values: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        declaration(key)
        return self.values[key]

    @property
    def export_dir(self) -> Path:
        return Path(self.values["export_dir"]).expanduser()

    @property
    def backup_keep_last(self) -> int:
        return int(self.values["backup_keep_last"])

    @property
    def backup_keep_days(self) -> int:
        return int(self.values["backup_keep_days"])

    @property
    def language(self) -> str:
        return str(self.values["language"])

    def with_values(self, **changes: Any) -> Settings:
        """A copy with some settings changed; each new value is checked first."""
        merged = dict(self.values)
        for key, value in changes.items():
            merged[key] = check(key, value)
        return Settings(merged)


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILENAME


def defaults(data_dir: Path) -> Settings:
    return Settings({d.key: d.default(Path(data_dir)) for d in DECLARATIONS})


def load(data_dir: Path) -> Settings:
    """The settings saved in the data folder; defaults for anything absent.

    A damaged file or a bad value raises SettingsError naming the file and the setting, so the user
    learns about it instead of silently running on defaults.
    """
    path = settings_path(data_dir)
    base = dict(defaults(data_dir).values)
    if not path.exists():
        return Settings(base)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"Fichier de réglages « {path} » illisible ({exc}). Supprimez-le pour revenir aux réglages par défaut.") from None
    if not isinstance(stored, dict) or not isinstance(stored.get("settings", {}), dict):
        raise SettingsError(f"Fichier de réglages « {path} » : contenu inattendu.")
    if stored.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        raise SettingsError(
            f"Fichier de réglages « {path} » : format {stored.get('format')} inconnu de cette version de l'application."
        )
    for key, value in stored.get("settings", {}).items():
        if key not in _BY_KEY:
            continue  # a setting from a newer version: kept in the file, ignored here
        try:
            base[key] = check(key, value)
        except SettingsError as exc:
            raise SettingsError(f"Fichier de réglages « {path} » : {exc}") from None
    return Settings(base)


def save(data_dir: Path, settings: Settings) -> Path:
    """Write the settings atomically (temp file, fsync, replace), owner-only, only non-default values."""
    path = settings_path(data_dir)
    base = defaults(data_dir).values
    changed = {k: v for k, v in settings.values.items() if k in _BY_KEY and v != base[k]}
    payload = json.dumps({"format": FORMAT_VERSION, "settings": changed}, ensure_ascii=False, indent=2, sort_keys=True)
    write_atomic(path, (payload + "\n").encode("utf-8"))
    return path
