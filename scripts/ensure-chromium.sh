#!/usr/bin/env bash
# Browser tests use Debian's Chromium (never a downloaded browser build).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "ensure-chromium: installing chromium from Debian's packages"
as_root apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
