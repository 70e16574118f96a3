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

# From the lock file. Not `npm ci`: its lock check demands every platform's
# optional build of rollup (e.g. @rollup/rollup-android-arm-eabi), and the
# registry these machines reach does not carry them (404), so `npm ci` fails
# before installing anything. `npm install` installs the locked tree; the
# check below fails the run if it had to change the lock.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ "${CI:-}" = "true" ]; then
  lock_before=$(sha256sum package-lock.json)
  npm install --no-audit --no-fund
  if [ "$lock_before" != "$(sha256sum package-lock.json)" ]; then
    echo "bootstrap: package-lock.json is out of date with package.json; run npm install and commit the lock." >&2
    exit 1
  fi
fi
