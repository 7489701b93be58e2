#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing (WeasyPrint's libraries,
# fonts, poppler-utils for reading PDFs in tests, Chromium for the browser tests). Run as root, or it only says what is missing.
set -euo pipefail
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core fonts-liberation poppler-utils chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Paket sistem belum terpasang: ${missing[*]} (jalankan sebagai root: apt-get install -y ${missing[*]})" >&2
  exit 0
fi
echo "Memasang paket sistem: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
