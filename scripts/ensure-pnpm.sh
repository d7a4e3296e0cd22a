#!/usr/bin/env bash
# Installs the pnpm version pinned in package.json's packageManager when it is missing.
set -euo pipefail
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm -v 2>/dev/null || true)" != "$want" ]; then
  echo "ensure-pnpm: installing pnpm $want from the npm registry"
  npm install -g --silent "pnpm@$want"
fi
