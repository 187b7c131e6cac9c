"""Hostile files given to every command and every file loader of the GUI: a French message and exit 1 (or a
refusal on screen), never a traceback, never a hang (each case under a time limit), never memory
exhaustion (a link to /dev/zero). 17 hostile inputs through 10 command-line entry points and 5 loaders
(GUI dialogs, backup check): about 250 cases (core/common/input_files.py)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cqp_desktop.app_context import AppContext
from cqp_desktop.cli import main
from cqp_desktop.core.storage import backup

LIMIT_S = 20  # generous: the machine is shared; a hang is forever


def _deep_json(n: int = 100_000) -> bytes:
    return b"[" * n + b"]" * n


def _inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        made[name] = folder / name
        made[name].write_bytes(data)

    os.mkfifo(folder / "tube.json")
    made["fifo"] = folder / "tube.json"
    (folder / "zero.toml").symlink_to("/dev/zero")
    made["dev-zero-link"] = folder / "zero.toml"
    (folder / "dossier.json").mkdir()
    made["directory"] = folder / "dossier.json"
    put("deep-array.json", _deep_json())
    put("deep-object.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000)
    put("deep-array.toml", b"a = " + b"[" * 50_000 + b"]" * 50_000 + b"\n")
    put("deep-inline.toml", b"a = " + b"{b=" * 20_000 + b"1" + b"}" * 20_000 + b"\n")
    put("huge-int.json", b'{"referentiel": {"version": ' + b"9" * 5000 + b"}}")
    put("huge-int.toml", b"[referentiel]\nversion = " + b"9" * 5000 + b"\n")
    put("latin1.toml", "[referentiel]\ntitre = \"Référentiel été\"\n".encode("latin-1"))
    put("utf16.json", '{"référentiel": 1}'.encode("utf-16"))
    put("garbage.json", bytes(range(256)) * 64)
    put("empty.json", b"")
    put("truncated.json", b'{"referentiel": {"id": "x", "blocs": [')
    put("nul.toml", b"a = \"\x00\x00\"\n\x00")
    made["missing"] = folder / "absent.json"
    made["below-a-file"] = folder / "empty.json" / "dessous.json"
    return made


HOSTILE = [
    "fifo", "dev-zero-link", "directory", "deep-array.json", "deep-object.json", "deep-array.toml", "deep-inline.toml",
    "huge-int.json", "huge-int.toml", "latin1.toml", "utf16.json", "garbage.json", "empty.json", "truncated.json",
    "nul.toml", "missing", "below-a-file",
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    site = root / "site"
    context = AppContext.open(site, demo=True)
    backup.backup_now(context.store, context.data_dir, "manuelle")
    context.close()
    return _inputs(root / "entrees"), site, root


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def fire(_signum, _frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"plus de {seconds} s : l'application s'est bloquée")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------------------------------
# command line: every command that reads a file, and the folder/database options


def _cli_cases(site: Path, root: Path) -> dict[str, Callable[[Path], list[str]]]:
    s, out = str(site), str(root / "sortie")
    return {
        "referentiel check": lambda f: ["referentiel", "check", str(f)],
        "package verify": lambda f: ["package", "verify", str(f)],
        "package verify --key": lambda f: ["package", "verify", str(root / "absent.cqpkg"), "--key", str(f)],
        "ack import": lambda f: ["--data-dir", s, "ack", "import", str(f)],
        "national import": lambda f: ["national", "import", str(f), "--db", str(root / "n.sqlite3")],
        "national import --db": lambda f: ["national", "import", str(root / "absent.cqpkg"), "--db", str(f)],
        "trust import": lambda f: ["--data-dir", s, "trust", "import", str(f)],
        "identity install": lambda f: ["--data-dir", s, "identity", "install", str(f)],
        "authority certify": lambda f: ["--data-dir", str(root / "ucanss"), "authority", "certify", str(f), "--out", out + "/c.pem"],
        "package export --encrypt-to": lambda f: ["--data-dir", s, "package", "export", "--session", "1",
                                                  "--president", "1", "--encrypt-to", str(f), "--out", out],
        "--data-dir (application)": lambda f: ["--data-dir", str(f)],
        "--data-dir (package sessions)": lambda f: ["--data-dir", str(f), "package", "sessions"],
    }


CLI_NAMES = list(_cli_cases(Path("s"), Path("r")))


@pytest.mark.parametrize("entry", CLI_NAMES)
def test_every_command_refuses_every_hostile_file(world: tuple[dict[str, Path], Path, Path], entry: str,
                                                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, site, root = world
    monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", "demo-jury-2026")  # so that export goes as far as the certificate
    build = _cli_cases(site, root)[entry]
    failures = []
    for name in HOSTILE:
        if entry.startswith("--data-dir") and name in ("directory", "missing"):
            continue  # a folder is what --data-dir expects, and one that does not exist yet is created (first start)
        argv = build(inputs[name])
        with time_limit(LIMIT_S):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: usage errors only
                code = int(exc.code or 0)
            except BaseException as exc:  # noqa: BLE001 - the point of the test
                failures.append(f"{name}: exception {type(exc).__name__}: {exc}"[:300])
                continue
        captured = capsys.readouterr()
        if code != 1 or "Traceback" in captured.err or "«" not in captured.err or "Error" in captured.err:
            failures.append(f"{name}: code {code}, stderr {captured.err[-300:]!r}")
    assert failures == []


# ------------------------------------------------------------------------------------------------
# the GUI's file loaders (what each does after its file dialog)


def test_gui_loaders_refuse_every_hostile_file(qtbot, world: tuple[dict[str, Path], Path, Path],  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from cqp_desktop.gui.identity_dialog import IdentityDialog
    from cqp_desktop.gui.referentiel_dialog import ReferentielDialog
    from cqp_desktop.gui.session_export_dialog import SessionExportDialog

    _used, site, root = world
    inputs = _inputs(root / "entrees-gui")  # fresh: `national import --db` made the empty file a database
    context = AppContext.open(site)
    try:
        referentiel = ReferentielDialog(context.store)
        export = SessionExportDialog(context.store, site)
        identity = IdentityDialog(context.store)
        for widget in (referentiel, export, identity):
            qtbot.addWidget(widget)
        identity.table.selectRow(0)
        monkeypatch.setattr(identity, "confirm_replace", lambda *a, **k: True)  # a modal question: answered yes
        failures = []
        for name in HOSTILE:
            path = inputs[name]
            with time_limit(LIMIT_S):
                try:
                    if referentiel.load_file(path):
                        failures.append(f"{name}: référentiel accepté")
                    elif not referentiel.status.text().startswith("Ce fichier ne peut pas être utilisé"):
                        failures.append(f"{name}: référentiel : {referentiel.status.text()[:200]}")
                    export.ack_edit.setText(str(path))
                    if export.import_ack():
                        failures.append(f"{name}: accusé accepté")
                    elif not export.message.text():
                        failures.append(f"{name}: accusé refusé sans message")
                    unreadable = ("fifo", "dev-zero-link", "directory", "missing", "below-a-file")
                    if name in unreadable and export._read(str(path), "Certificat de l'Ucanss") is not None:
                        failures.append(f"{name}: certificat lu")
                    identity.file_edit.setText(str(path))
                    identity.import_pass.setText("phrase assez longue")
                    identity.import_confirm.setText("phrase assez longue")
                    if identity.import_certificate():
                        failures.append(f"{name}: PKCS#12 accepté")
                    if backup.verify(path).ok:
                        failures.append(f"{name}: sauvegarde jugée intacte")
                except BaseException as exc:  # noqa: BLE001
                    failures.append(f"{name}: exception {type(exc).__name__}: {exc}"[:300])
        assert failures == []
    finally:
        context.close()
