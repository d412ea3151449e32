#!/usr/bin/env bash
# Installs Kredo's desktop integration (menu entry, file types, URL scheme, icons, AppStream
# metadata) under a prefix: /usr/local by default, ~/.local for one user, or a staging folder
# for a distribution package (DESTDIR-style).
#   bash packaging/linux/install-desktop-integration.sh [PREFIX]
# The kredo-gui command itself must be on PATH (the frozen dist/kredo/ folder or a pip install).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
prefix="${1:-/usr/local}"
app_id="org.kredo.Kredo"
share="$prefix/share"

install -Dm644 "$here/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 "$here/$app_id.mime.xml" "$share/mime/packages/$app_id.xml"
(cd "$root/resources/icons/hicolor" && find . -type f -name "$app_id.*" -print0) |
  while IFS= read -r -d '' icon; do
    install -Dm644 "$root/resources/icons/hicolor/$icon" "$share/icons/hicolor/$icon"
  done

# Refresh the caches when their tools are present. For a staging folder set NO_CACHES=1:
# the distribution's own triggers refresh them on the target system.
if [ -z "${NO_CACHES:-}" ]; then
  command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi
echo "Installed Kredo's desktop integration under $share"
