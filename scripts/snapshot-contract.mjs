#!/usr/bin/env node
// Records the contract of a release: copies generated/openapi.json to openapi/released/<version>.json, the base the
// contract gate compares every later change with. A release step (see README, Releasing); commit the file.
//   node scripts/snapshot-contract.mjs           refuses to change an existing snapshot
//   node scripts/snapshot-contract.mjs --force   rewrites it: only for a version that was never published
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/contract-gate.mjs";

const bundle = readFileSync(join(root, "generated/openapi.json"), "utf8");
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const specVersion = JSON.parse(bundle).info.version;
if (specVersion !== version) {
  console.error(`snapshot: the spec's info.version ${specVersion} is not package.json's ${version}`);
  process.exit(1);
}
const target = join(root, "openapi/released", `${version}.json`);
if (existsSync(target) && readFileSync(target, "utf8") !== bundle && !process.argv.includes("--force")) {
  console.error(`snapshot: ${target} exists with another contract; a released contract does not change (bump the version)`);
  process.exit(1);
}
mkdirSync(join(root, "openapi/released"), { recursive: true });
writeFileSync(target, bundle);
console.log(`wrote ${target}`);
