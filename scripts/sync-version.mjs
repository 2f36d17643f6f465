#!/usr/bin/env node
// npm's `version` hook: after `npm version <patch|minor|major> --no-git-tag-version` bumps package.json, writes the
// same version into the spec's info.version and src/version.ts and regenerates generated/: one version, one command.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/contract-gate.mjs";

const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const rewrite = (file, pattern, replacement) => {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  if (!pattern.test(text)) throw new Error(`sync-version: no version to rewrite in ${file}`);
  writeFileSync(path, text.replace(pattern, replacement));
};
// The first `version:` indented under `info:` in the root document.
rewrite("openapi/openapi.yaml", /^(info:\n(?:  .*\n)*?  version: ).*$/m, `$1${version}`);
rewrite("src/version.ts", /CONTRACT_VERSION = "[^"]*"/, `CONTRACT_VERSION = "${version}"`);
execFileSync(process.execPath, [join(root, "scripts/generate.mjs")], { cwd: root, stdio: "inherit" });
console.log(`version ${version}: package.json, openapi/openapi.yaml, src/version.ts, generated/`);
