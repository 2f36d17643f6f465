// Kept equal to package.json's version, the spec's info.version and CHANGELOG.md's latest entry by
// test/governance/version.test.ts; `npm version` rewrites it (scripts/sync-version.mjs).

/** The version of the contract this package implements: the package's own version (semver, 0.x rules before 1.0). */
export const CONTRACT_VERSION = "0.2.0";
