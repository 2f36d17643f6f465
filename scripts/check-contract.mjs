#!/usr/bin/env node
// The breaking-change gate: compares the contract (generated/openapi.json) with the last released one (the highest
// version in openapi/released/) and fails when the version in package.json or CHANGELOG.md does not own up to it.
//   node scripts/check-contract.mjs            the gate (npm test runs it); a change not yet released passes when
//                                              CHANGELOG.md's ## [Unreleased] entry owns up to it
//   node scripts/check-contract.mjs --release  also: openapi/released/<version>.json is this bundle (scripts/release.mjs)
//   --released FILE --spec FILE --package FILE --changelog FILE   compare other files (the governance tests do)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import semver from "semver";
import { checkContract, root } from "./lib/contract-gate.mjs";

const RELEASED_DIR = join(root, "openapi/released");
const { values: args } = parseArgs({
  options: {
    released: { type: "string" },
    spec: { type: "string", default: join(root, "generated/openapi.json") },
    package: { type: "string", default: join(root, "package.json") },
    changelog: { type: "string", default: join(root, "CHANGELOG.md") },
    release: { type: "boolean", default: false },
  },
});

/** The snapshot of the highest released version. */
function latestSnapshot() {
  const versions = existsSync(RELEASED_DIR)
    ? readdirSync(RELEASED_DIR).map((f) => f.replace(/\.json$/, "")).filter((v) => semver.valid(v))
    : [];
  if (versions.length === 0) fail([`no released contract in ${RELEASED_DIR}: run node scripts/snapshot-contract.mjs once`]);
  return join(RELEASED_DIR, `${semver.rsort(versions)[0]}.json`);
}

function fail(problems) {
  console.error(`contract gate failed:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail([`cannot read ${path}: ${error.message}`]);
  }
}
const releasedPath = args.released ?? latestSnapshot();
const released = readJson(releasedPath);
const current = readJson(args.spec);
const version = readJson(args.package).version;
const changelog = existsSync(args.changelog) ? readFileSync(args.changelog, "utf8") : "";

let result;
try {
  result = checkContract({ released, current, version, changelog, release: args.release });
} catch (error) {
  fail([error.message]);
}
const { problems, impact, unreleased } = result;
if (args.release) {
  const snapshot = join(RELEASED_DIR, `${version}.json`);
  if (!existsSync(snapshot)) problems.push(`no snapshot of ${version}: run node scripts/snapshot-contract.mjs and commit it`);
  else if (readFileSync(snapshot, "utf8") !== readFileSync(args.spec, "utf8")) problems.push(`${snapshot} is not the bundle being published`);
}
if (problems.length > 0) fail(problems);
const pending = unreleased ? ", unreleased (CHANGELOG.md's [Unreleased] entry owns up to it)" : "";
console.log(`contract gate: ${impact === "none" ? "no contract change" : `${impact} change`} since ${released.info.version}${pending}; ${version} and CHANGELOG.md agree.`);
