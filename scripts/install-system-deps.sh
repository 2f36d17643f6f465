#!/usr/bin/env bash
# Installs what npm cannot: Debian's Chromium for the rendered-docs browser test, and openssl, with which the client's
# retry tests make a throwaway self-signed certificate. Idempotent; needs root or sudo when something is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  echo "chromium present: $(chromium --version 2>/dev/null); $(openssl version)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed ${missing[*]}"
