#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/, and the CommonJS entries.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

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
console.log("built dist/");
