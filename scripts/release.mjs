#!/usr/bin/env node
// Publishes the package: a dry run unless --registry names where to publish. Every check runs either way.
//   npm run release                                  checks, packs, and shows what would be published (npm publish --dry-run)
//   npm run release -- --registry <url>              the same, then publishes the packed tarball to that registry
//                                                    (the public one: --registry https://registry.npmjs.org/)
//   npm run release -- --registry <url> --skip-tests leaves out npm ci and npm test, for a caller that ran them already
//                                                    (test/release/, which publishes to a local Verdaccio)
// Credentials are npm's own (npm login, or an .npmrc that npm_config_userconfig names): this script reads none.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({ options: { registry: { type: "string" }, "skip-tests": { type: "boolean", default: false } } });

/** Runs a command in the repository, its output shown; stops the release when it fails. */
function run(command, args, options = {}) {
  const ran = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], ...options });
  if (ran.status !== 0) fail(`${command} ${args.join(" ")} failed (exit code ${ran.status ?? ran.signal})`);
  return ran;
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

if (values.registry !== undefined && !/^https?:\/\/[^/]/.test(values.registry)) fail(`--registry takes an http(s) URL, not "${values.registry}"`);

// Only what is committed gets published: a dirty tree would ship something no commit describes.
const status = spawnSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" });
if (status.status !== 0) fail(`git status failed: ${status.stderr.trim()}`);
if (status.stdout.trim() !== "") fail("the work tree has uncommitted changes; commit or stash them first");

if (!values["skip-tests"]) {
  run("npm", ["ci", "--no-audit", "--no-fund"]); // the locked toolchain
  run("npm", ["test"]); // spec, drift, contract gate, types, unit, contract, package, docs
}
// The contract being published is the committed snapshot of this version, the base the gate holds later changes to.
run(process.execPath, ["scripts/check-contract.mjs", "--release"]);

// Packed once (prepack builds dist/); that very tarball is what is published or shown.
const out = mkdtempSync(join(tmpdir(), "oa-release-"));
try {
  const packed = run("npm", ["pack", "--json", "--pack-destination", out], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  let manifest;
  try {
    [manifest] = JSON.parse(packed.stdout);
  } catch {
    fail(`npm pack --json printed something other than JSON:\n${packed.stdout.slice(0, 500)}`);
  }
  const tarball = join(out, manifest.filename);
  console.log(`release: packed ${manifest.id}: ${manifest.entryCount} files, ${manifest.size} bytes (${manifest.unpackedSize} unpacked)`);
  if (values.registry === undefined) {
    run("npm", ["publish", tarball, "--dry-run", "--access", "public"]);
    console.log(`release: dry run only; to publish ${manifest.id}: npm run release -- --registry <url>`);
  } else {
    run("npm", ["publish", tarball, "--access", "public", "--registry", values.registry]);
    console.log(`release: published ${manifest.id} to ${values.registry}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
