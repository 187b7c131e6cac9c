#!/bin/sh
# System libraries Qt needs on a bare Debian/Ubuntu (plus fonts, and poppler for PDF checks).
# Installs them when run as root (or with password-less sudo); otherwise prints the one command to run.
PKGS="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core poppler-utils libnss3-tools libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: see README for your system

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "Paquets système manquants :$missing"
  echo "Installez-les avec : sudo apt-get install -y --no-install-recommends$missing"
  exit 1
fi
echo "Installation des paquets système :$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
