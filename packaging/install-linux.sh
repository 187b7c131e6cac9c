#!/bin/sh
# Installs the unpacked bundle for the current user (no root needed), or system-wide with --system.
#   tar xzf cqp-desktop-VERSION-linux-x86_64.tar.gz && sh cqp-desktop/install-linux.sh
# Requires from the system: libgl1, libegl1, fontconfig and a font (e.g. fonts-dejavu-core).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--system" ]; then
  PREFIX=/opt/cqp-desktop; APPS=/usr/share/applications; ICONS=/usr/share/icons/hicolor
else
  PREFIX="$HOME/.local/opt/cqp-desktop"; APPS="$HOME/.local/share/applications"; ICONS="$HOME/.local/share/icons/hicolor"
fi
mkdir -p "$PREFIX" "$APPS"
cp -a "$HERE/." "$PREFIX/"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$ICONS/${size}x${size}/apps"
  cp "$PREFIX/_internal/resources/icons/cqp-desktop-$size.png" "$ICONS/${size}x${size}/apps/cqp-desktop.png"
done
sed -e "s#/opt/cqp-desktop#$PREFIX#g" "$PREFIX/cqp-desktop.desktop" > "$APPS/cqp-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" 2>/dev/null || true
"$PREFIX/cqp-desktop" --self-test >/dev/null && echo "cqp-desktop installé dans $PREFIX (auto-test réussi)."
