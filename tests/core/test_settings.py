"""Settings: one declaration, stored in reglages.json, checked with French messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cqp_desktop.core.storage import settings
from cqp_desktop.core.storage.settings import SettingsError


def test_defaults_when_no_file(tmp_path: Path) -> None:
    current = settings.load(tmp_path)
    assert current.backup_keep_last == 10
    assert current.backup_keep_days == 30
    assert current.export_dir.name == "cqp-desktop"
    assert current.language == "fr"
    assert not settings.settings_path(tmp_path).exists()


def test_every_declared_setting_has_a_default_and_a_french_label(tmp_path: Path) -> None:
    values = settings.defaults(tmp_path).values
    assert set(values) == {d.key for d in settings.DECLARATIONS}
    for decl in settings.DECLARATIONS:
        assert decl.label and decl.help
        assert settings.check(decl.key, values[decl.key]) == values[decl.key]


def test_save_then_load_round_trip_owner_only(tmp_path: Path) -> None:
    changed = settings.load(tmp_path).with_values(export_dir=str(tmp_path / "pv"), backup_keep_last="15")
    path = settings.save(tmp_path, changed)
    assert (path.stat().st_mode & 0o777) == 0o600
    again = settings.load(tmp_path)
    assert again.export_dir == tmp_path / "pv"
    assert again.backup_keep_last == 15
    assert again.backup_keep_days == 30
    # only what differs from the defaults is written, so a new default reaches existing installs
    assert json.loads(path.read_text(encoding="utf-8"))["settings"] == {
        "backup_keep_last": 15,
        "export_dir": str(tmp_path / "pv"),
    }
    assert [p.name for p in tmp_path.iterdir()] == [settings.SETTINGS_FILENAME]  # no temp file left


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("backup_keep_last", 0, "au minimum 1"),
        ("backup_keep_last", "dix", "n'est pas un nombre entier"),
        ("backup_keep_days", 99999, "au maximum 3650"),
        ("backup_keep_days", True, "nombre entier est attendu"),
        ("export_dir", "   ", "texte non vide"),
        ("langue", "fr", "Réglage inconnu"),
        ("language", "de", "n'est pas admis.*« fr », « en »"),
    ],
)
def test_bad_values_are_refused_in_french(tmp_path: Path, key: str, value: object, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings.load(tmp_path).with_values(**{key: value})


def test_damaged_file_names_the_file(tmp_path: Path) -> None:
    settings.settings_path(tmp_path).write_text("{pas du json", encoding="utf-8")
    with pytest.raises(SettingsError, match="reglages.json.*illisible"):
        settings.load(tmp_path)


def test_bad_value_in_file_names_file_and_setting(tmp_path: Path) -> None:
    settings.settings_path(tmp_path).write_text(
        json.dumps({"format": 1, "settings": {"backup_keep_days": -3}}), encoding="utf-8"
    )
    with pytest.raises(SettingsError, match="reglages.json.*Jours avec une sauvegarde quotidienne.*au minimum 0"):
        settings.load(tmp_path)


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    settings.settings_path(tmp_path).write_text(
        json.dumps({"format": 1, "settings": {"futur": 1, "backup_keep_last": 3}}), encoding="utf-8"
    )
    assert settings.load(tmp_path).backup_keep_last == 3


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    settings.settings_path(tmp_path).write_text(json.dumps({"format": 9, "settings": {}}), encoding="utf-8")
    with pytest.raises(SettingsError, match="format 9 inconnu"):
        settings.load(tmp_path)
