#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/, and the CommonJS entries.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

rmSync("dist", { recursive: true, force: true });
execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json"], { stdio: "inherit" });

// Each `exports` entry with a `require` condition gets a one-line CommonJS file that require()s the ES module build
// (Node 20.19+ loads ES modules synchronously): one copy of the code, so an error class is the same class whether a
// consumer imports or requires it, where a second (CommonJS) build would give two. Its .d.cts re-exports the ES
// module's declarations, for TypeScript consumers compiling CommonJS. A new entry is only its `exports` lines.
const { exports } = JSON.parse(readFileSync("package.json", "utf8"));
for (const [entry, target] of Object.entries(exports)) {
  if (typeof target !== "object" || !target.require) continue;
  if (!target.import?.default || !target.require.default || !target.require.types) {
    throw new Error(`exports["${entry}"]: write it as { import: { types, default }, require: { types, default } } like "."`);
  }
  const esm = `./${relative(dirname(target.require.default), target.import.default)}`;
  writeFileSync(target.require.default, `// ${entry} for require(): the ES module build, loaded synchronously.\nmodule.exports = require("${esm}");\n`);
  writeFileSync(target.require.types, `export * from "${esm}";\n`);
}
console.log("built dist/");
