#!/usr/bin/env bash
# Publishes the package. Dry run unless --for-real: every check runs either way.
#   bash scripts/publish.sh            checks, builds, packs and shows what would be published
#   bash scripts/publish.sh --for-real the same, then npm publish
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what is committed gets published: a dirty tree would ship something no commit describes.
if [ -n "$(git status --porcelain)" ]; then
  echo "publish: the work tree has uncommitted changes; commit or stash them first" >&2
  exit 1
fi

npm ci --no-audit --no-fund       # the locked toolchain, and prepare builds dist/
npm test                          # spec, drift, contract gate, types, unit, contract, package (publint, attw), docs
# The contract being published is the committed snapshot of this version, the base the gate holds later changes to.
node scripts/check-contract.mjs --release
npm publish --dry-run             # lists the tarball's files and size

if [ "${1:-}" = "--for-real" ]; then
  npm publish --access public
else
  echo "dry run only: pass --for-real to publish $(node -p 'require("./package.json").version')"
fi
