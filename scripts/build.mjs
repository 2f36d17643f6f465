#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/, and the CommonJS entries.
//   node scripts/build.mjs             always builds
//   node scripts/build.mjs --if-stale  builds only when an input changed since dist/ was built (npm start uses it)
// It reports on stderr only: `npm pack --json` runs it (prepack), and its stdout must stay JSON.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** A hash of everything the build reads: src/, generated/, the tsconfigs, package.json's exports and this script. */
function inputsHash() {
  const files = ["src", "generated"].flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)));
  files.push("tsconfig.json", "tsconfig.build.json", "package.json", "scripts/build.mjs");
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}
const STAMP = "dist/.inputs-sha256";
const inputs = inputsHash();
if (process.argv.includes("--if-stale") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === inputs) {
  console.error("dist/ is up to date");
  process.exit(0);
}

// Built beside dist/ and swapped in at the end, so a test running dist/ meanwhile (the packed-package test rebuilds
// while others run) never finds it half written.
const out = `.tmp/dist-${process.pid}`;
rmSync(out, { recursive: true, force: true });
mkdirSync(".tmp", { recursive: true });
execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json", "--outDir", out], { stdio: "inherit" });

// Each `exports` entry with a `require` condition gets a one-line CommonJS file that require()s the ES module build
// (Node 20.19+ loads ES modules synchronously): one copy of the code, so an error class is the same class whether a
// consumer imports or requires it, where a second (CommonJS) build would give two. Its .d.cts re-exports the ES
// module's declarations, for TypeScript consumers compiling CommonJS. A new entry is only its `exports` lines.
const { exports } = JSON.parse(readFileSync("package.json", "utf8"));
const built = (path) => join(out, relative("dist", path));
for (const [entry, target] of Object.entries(exports)) {
  if (typeof target !== "object" || !target.require) continue;
  if (!target.import?.default || !target.require.default || !target.require.types) {
    throw new Error(`exports["${entry}"]: write it as { import: { types, default }, require: { types, default } } like "."`);
  }
  const esm = `./${relative(dirname(target.require.default), target.import.default)}`;
  writeFileSync(built(target.require.default), `// ${entry} for require(): the ES module build, loaded synchronously.\nmodule.exports = require("${esm}");\n`);
  writeFileSync(built(target.require.types), `export * from "${esm}";\n`);
}
// What this dist/ was built from, for --if-stale; outside dist/src and dist/generated, so never published.
writeFileSync(join(out, ".inputs-sha256"), inputs);

// Another build (a test running `npm start` while the packed-package test rebuilds) may swap its dist/ in between the
// two renames: move that one aside too and try again.
const old = (attempt) => `.tmp/dist-old-${process.pid}-${attempt}`;
try {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync("dist", old(attempt));
    } catch (error) {
      if (error.code !== "ENOENT") throw error; // no dist/ yet, or another build just moved it
    }
    try {
      renameSync(out, "dist");
      break;
    } catch (error) {
      if (attempt === 5 || !["ENOTEMPTY", "EEXIST"].includes(error.code)) throw error;
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  for (let attempt = 0; attempt <= 5; attempt++) rmSync(old(attempt), { recursive: true, force: true });
}
console.error("built dist/");
