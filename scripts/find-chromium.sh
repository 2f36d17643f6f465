#!/usr/bin/env bash
# Prints the path of the Chrome or Chromium the browser tests use, the same one for scripts/install-system-deps.sh and
# test/docs/: CHROMIUM_PATH when set, else the first of chromium, chromium-browser, google-chrome on PATH.
# Exits 1 (and says why on stderr) when there is none.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ] && [ ! -d "$CHROMIUM_PATH" ]; then
    echo "$CHROMIUM_PATH"
    exit 0
  fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chrome or Chromium, or unset it" >&2
  exit 1
fi
for name in chromium chromium-browser google-chrome; do
  if path="$(command -v "$name")"; then
    echo "$path"
    exit 0
  fi
done
echo "no Chrome or Chromium found (looked at CHROMIUM_PATH, chromium, chromium-browser, google-chrome)" >&2
exit 1
