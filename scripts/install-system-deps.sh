#!/usr/bin/env bash
# Makes sure what npm cannot install is there: a Chrome or Chromium for the browser tests (test/docs/,
# test/testing/browser.test.ts), and openssl, with which the client's retry tests make a throwaway self-signed
# certificate. .ci/run runs it; `npm test` does not (it changes nothing outside the repository, and skips the browser
# tests, saying so, where there is no browser). An existing browser comes first (scripts/find-chromium.sh:
# CHROMIUM_PATH, chromium, chromium-browser, google-chrome); else Debian's chromium is installed with apt-get, as root
# or through sudo, saying so first; else the script fails and says what to do. Idempotent.
set -euo pipefail
here="$(dirname "$0")"
fail() {
  echo "install-system-deps: $1" >&2
  exit 1
}

# How to run apt-get: as root, or through passwordless sudo; empty when neither is possible.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}
if ! command -v openssl >/dev/null; then
  echo "install-system-deps: installing Debian's openssl package with apt-get, for the client's TLS retry test (test/client/retries.test.ts)."
  command -v apt-get >/dev/null || fail "no openssl, and no apt-get to install it: install openssl yourself"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "installing openssl needs root or passwordless sudo"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >/dev/null || fail "apt-get could not install openssl"
fi

if found="$(bash "$here/find-chromium.sh" 2>/dev/null)"; then
  echo "install-system-deps: using $found ($("$found" --version 2>/dev/null || echo "version unknown")) for the browser tests"
  exit 0
fi
# A CHROMIUM_PATH that names no browser is a mistake to fix, not a reason to install another one.
[ -z "${CHROMIUM_PATH:-}" ] || fail "$(bash "$here/find-chromium.sh" 2>&1 >/dev/null)"

HOW="install Chrome or Chromium yourself and put it on PATH, or set CHROMIUM_PATH to it"
command -v apt-get >/dev/null || fail "no Chrome or Chromium found, and no apt-get to install Debian's chromium: $HOW"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "no Chrome or Chromium found; installing Debian's chromium needs root or passwordless sudo: run this script as root, or $HOW"
fi

echo "install-system-deps: no Chrome or Chromium found (looked at CHROMIUM_PATH, chromium, chromium-browser, google-chrome)."
echo "install-system-deps: installing Debian's chromium package with apt-get${as_root[*]:+ through sudo} for the rendered-docs browser test (test/docs/)."
echo "install-system-deps: to use another browser instead, set CHROMIUM_PATH; nothing else is installed."
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
found="$(bash "$here/find-chromium.sh")" || fail "apt-get installed chromium, but no chromium is on PATH"
echo "install-system-deps: installed $found ($("$found" --version 2>/dev/null || echo "version unknown"))"
