#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json"], { stdio: "inherit" });
console.log("built dist/");
