# Two commands for a newcomer: `make run` and `make test`. Each does all the set-up it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint system-deps venv screenshots package translations clean bench faults

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	@sh scripts/system-deps.sh

## Set up and start the app (creates a demo database on first start).
run: system-deps $(STAMP)
	$(VENV)/bin/cqp-desktop --demo

## Static checks: ruff, mypy (strict on the core), the architecture's import contracts (import-linter).
lint: $(STAMP)
	$(VENV)/bin/ruff check cqp_desktop tests benchmarks scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

## Set up, check statically (make lint), then run the whole test suite (offscreen: no display needed).
test: system-deps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

## Build the Linux one-folder bundle dist/cqp-desktop/ (+ .tar.gz) with PyInstaller, then smoke-test the built bundle.
package: system-deps $(STAMP)
	$(VENV)/bin/pyinstaller --version >/dev/null 2>&1 || $(PY) -m pip install --quiet -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/cqp-desktop.spec
	cp packaging/cqp-desktop.desktop packaging/install-linux.sh dist/cqp-desktop/
	sh packaging/smoke_test.sh dist/cqp-desktop
	tar -C dist -czf dist/cqp-desktop-linux-x86_64.tar.gz cqp-desktop
	@echo "Paquet : dist/cqp-desktop/ et dist/cqp-desktop-linux-x86_64.tar.gz"

## Render every main screen to docs/screenshots/*.png (offscreen, demo data, fake clock).
screenshots: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/ucanss_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/double_marking_screenshots.py

## Refresh resources/translations/*.ts from every tr() and .ui string, then compile the .qm files.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -source-language fr_FR -target-language en_GB cqp_desktop/gui/*.py ui/*.ui -ts resources/translations/cqp-desktop_en.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/cqp-desktop_en.ts -qm resources/translations/cqp-desktop_en.qm

## Benchmarks, each figure beside its baseline (table printed and written to benchmarks/RESULTS.md).
bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

## Fault injection, full run: 200 SIGKILLs of the real app (the CI part runs in `make test`).
faults: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.faults.kill --kills 200

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
