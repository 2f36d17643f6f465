#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/, the CommonJS entries,
// and the API docs page (dist/docs/api.html).
//   node scripts/build.mjs             always builds
//   node scripts/build.mjs --if-stale  builds only when an input changed since dist/ was built (npm start uses it)
// It reports on stderr only: `npm pack --json` runs it (prepack), and its stdout must stay JSON.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { writeCommonJsDeclarations } from "./lib/declaration-twins.mjs";

/** A hash of everything the build reads: src/, generated/, the tsconfigs, package.json's exports and this script. */
function inputsHash() {
  const files = ["src", "generated"].flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)));
  files.push("tsconfig.json", "tsconfig.build.json", "package.json", "scripts/build.mjs", "scripts/docs.mjs", "redocly.yaml");
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
// Everything the build says goes to stderr: `npm pack --json` and `npm publish --json` run it (prepack) and their
// stdout must stay npm's JSON.
execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json", "--outDir", out], { stdio: ["ignore", 2, 2] });

// Each `exports` entry with a `require` condition gets a one-line CommonJS file that require()s the ES module build
// (Node 20.19+ loads ES modules synchronously): one copy of the code, so an error class is the same class whether a
// consumer imports or requires it, where a second (CommonJS) build would give two. Its .d.cts re-exports the ES
// module's declarations, for TypeScript consumers compiling CommonJS, unless they name msw's types
// (scripts/lib/declaration-twins.mjs). A new entry is only its `exports` lines.
const { exports } = JSON.parse(readFileSync("package.json", "utf8"));
const built = (path) => join(out, relative("dist", path));
for (const [entry, target] of Object.entries(exports)) {
  if (typeof target !== "object" || !target.require) continue;
  if (!target.import?.default || !target.import.types || !target.require.default || !target.require.types) {
    throw new Error(`exports["${entry}"]: write it as { import: { types, default }, require: { types, default } } like "."`);
  }
  const esm = `./${relative(dirname(target.require.default), target.import.default)}`;
  writeFileSync(built(target.require.default), `// ${entry} for require(): the ES module build, loaded synchronously.\nmodule.exports = require("${esm}");\n`);
  if (dirname(target.import.types) !== dirname(target.require.types)) throw new Error(`exports["${entry}"]: keep its .d.ts and .d.cts in one folder`);
  writeCommonJsDeclarations(built(target.import.types), built(target.require.types));
}
// What this dist/ was built from, for --if-stale; outside dist/src and dist/generated, so never published.
writeFileSync(join(out, ".inputs-sha256"), inputs);

// The page the bin's `docs` writes, rendered from the bundled spec by scripts/docs.mjs with Redocly (a dev dependency:
// consumers get the page, not the renderer). Rendering takes seconds and the tests build often, so a page is kept in
// .tmp/docs-cache/ under the hash of everything that renders it.
const renderers = ["generated/openapi.json", "redocly.yaml", "scripts/docs.mjs", "node_modules/@redocly/cli/package.json"];
const docsKey = createHash("sha256");
for (const file of renderers) docsKey.update(readFileSync(file));
const page = `.tmp/docs-cache/${docsKey.digest("hex").slice(0, 16)}.html`;
if (!existsSync(page)) {
  const rendering = `${page}.${process.pid}`;
  // Redocly's banners (Node 20's end of life, Redoc 3) are noise here; shown only when rendering fails.
  const rendered = spawnSync(process.execPath, ["scripts/docs.mjs", rendering], { encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
  if (rendered.status !== 0) {
    rmSync(rendering, { force: true });
    throw new Error(`scripts/docs.mjs failed:\n${rendered.stdout}${rendered.stderr}`);
  }
  renameSync(rendering, page);
}
mkdirSync(join(out, "docs"), { recursive: true });
copyFileSync(page, join(out, "docs/api.html"));

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
