#!/bin/sh
# Smoke test of a BUILT bundle (not of the sources): run by `make package` and tests/test_bundle.py.
#   sh packaging/smoke_test.sh dist/cqp-desktop
# 1. --version with an empty environment (no LANG: the runtime hook must give a UTF-8 locale);
# 2. --self-test: a short épreuve through the core, signed PDF verified, backup checked;
# 3. the GUI starts offscreen on a demo database and is still running after a few seconds;
# 4. when xvfb-run exists, the same on a real X server with the bundled xcb plugin (what a laptop uses).
set -eu
BUNDLE=${1:?usage: smoke_test.sh DOSSIER_DU_PAQUET}
EXE="$BUNDLE/cqp-desktop"
[ -x "$EXE" ] || { echo "smoke test : exécutable absent : $EXE" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/home" "$TMP/tmp"
CLEAN="env -i PATH=/usr/bin:/bin HOME=$TMP/home TMPDIR=$TMP/tmp"

echo "== $EXE --version"
$CLEAN "$EXE" --version

echo "== $EXE --self-test"
$CLEAN "$EXE" --self-test

echo "== démarrage de l'interface (hors écran, base de démonstration)"
set +e
$CLEAN QT_QPA_PLATFORM=offscreen timeout 8 "$EXE" --data-dir "$TMP/data" --demo >"$TMP/gui.out" 2>"$TMP/gui.err"
rc=$?
set -e
if [ "$rc" -ne 124 ] || grep -q "Traceback" "$TMP/gui.err"; then
  echo "smoke test : l'interface s'est arrêtée (code $rc)" >&2
  cat "$TMP/gui.out" "$TMP/gui.err" >&2
  exit 1
fi
[ -f "$TMP/data/cqp-desktop.sqlite3" ] || { echo "smoke test : base de démonstration non créée" >&2; exit 1; }
echo "interface démarrée et toujours active après 8 s ; base de démonstration créée"
if command -v xvfb-run >/dev/null 2>&1; then
  echo "== démarrage sur un vrai serveur X (Xvfb, greffon xcb du paquet)"
  set +e
  $CLEAN QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x800x24" timeout 8 "$EXE" --data-dir "$TMP/data-x" --demo \
    >"$TMP/x.out" 2>"$TMP/x.err"
  rc=$?
  set -e
  if [ "$rc" -ne 124 ] || [ -s "$TMP/x.err" ]; then
    echo "smoke test : l'interface ne tient pas sous X11 (code $rc)" >&2
    cat "$TMP/x.out" "$TMP/x.err" >&2
    exit 1
  fi
  echo "interface X11 démarrée et toujours active après 8 s, sans message d'erreur"
else
  echo "(xvfb-run absent : essai sous X11 sauté)"
fi
echo "== paquet : $(du -sh "$BUNDLE" | cut -f1) ($BUNDLE)"
echo "smoke test réussi"
