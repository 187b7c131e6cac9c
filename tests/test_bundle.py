"""The built PyInstaller bundle (slow: skipped unless CQP_TEST_BUNDLE=1).

`make package` builds the bundle and runs packaging/smoke_test.sh on it; this test does the same from
pytest, building into a temporary folder so it never touches dist/:
    CQP_TEST_BUNDLE=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/test_bundle.py
The always-on tests below check the recipes themselves (cheap, no build).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


@pytest.mark.skipif(os.environ.get("CQP_TEST_BUNDLE") != "1", reason="construction du paquet : CQP_TEST_BUNDLE=1")
@pytest.mark.timeout(900)
def test_built_bundle_passes_its_smoke_test(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.fail("PyInstaller absent du venv : .venv/bin/pip install -e '.[package]'")
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(PACKAGING / "cqp-desktop.spec")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "cqp-desktop"
    smoke = subprocess.run(["sh", str(PACKAGING / "smoke_test.sh"), str(bundle)], capture_output=True, text=True)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "Auto-test réussi" in smoke.stdout and "smoke test réussi" in smoke.stdout
    # Essentials only: none of the big add-on modules of the `pyside6` meta-package got in
    qt = bundle / "_internal" / "PySide6"
    assert not list(qt.glob("QtWebEngine*")) and not list(qt.glob("Qt3D*"))
    assert not (qt / "Qt" / "plugins" / "platformthemes" / "libqgtk3.so").exists()


def test_desktop_file_is_valid() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "cqp-desktop.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Icon"] == "cqp-desktop"
    assert entry["Exec"].startswith("/opt/cqp-desktop/")
    assert "Sécurité sociale" in entry["Comment[fr]"]
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(PACKAGING / "cqp-desktop.desktop")], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size_the_installers_copy() -> None:
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (icons / f"cqp-desktop-{size}.png").read_bytes()
        assert data.startswith(b"\x89PNG")
        width = int.from_bytes(data[16:20], "big")
        assert width == size
    assert (icons / "cqp-desktop.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert "<svg" in (icons / "cqp-desktop.svg").read_text(encoding="utf-8")


def test_recipes_bundle_resources_ui_and_docs() -> None:
    for spec in (PACKAGING / "cqp-desktop.spec", PACKAGING / "windows" / "cqp-desktop-windows.spec"):
        text = spec.read_text(encoding="utf-8")
        for needed in ('"resources"', '"ui"', '"docs"', 'collect_data_files("reportlab")', "rthook_utf8_locale.py"):
            assert needed in text, f"{spec.name} : {needed}"
    iss = (PACKAGING / "windows" / "cqp-desktop.iss").read_text(encoding="utf-8-sig")
    assert "cqp-desktop.exe" in iss and "French" in iss
    assert "--self-test" in iss and "ResultCode <> 0" in iss  # the installer checks the installed copy
    assert (PACKAGING / "windows" / "cqp-desktop.iss").read_bytes().startswith(b"\xef\xbb\xbf")


def test_make_package_runs_the_smoke_test_on_the_built_bundle() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\npackage:", 1)[1].split("\n\n", 1)[0]
    assert "pyinstaller" in target and "smoke_test.sh dist/cqp-desktop" in target
    assert "'.[package]'" in target  # installs PyInstaller into the venv when missing
