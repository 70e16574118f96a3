#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine: Chromium
# (for the e2e suite and the demo) from Debian's packages, and the npm packages
# from the lock file. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CI:-}" = "true" ] || ! command -v chromium >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium openssl
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ "${CI:-}" = "true" ]; then
  npm ci --no-audit --no-fund
fi
