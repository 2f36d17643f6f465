#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/.
// Builds beside dist/ and swaps it in, so processes running dist/ meanwhile (the mock tests run `npm start`, which
// builds, while other tests fork dist/src/mock/server.js) never see it half written or missing for long.
import { execFileSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";

const next = `dist.next-${process.pid}`;
const old = `dist.old-${process.pid}`;
try {
  execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json", "--outDir", next], { stdio: "inherit" });
  if (existsSync("dist")) renameSync("dist", old);
  renameSync(next, "dist");
} finally {
  rmSync(next, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}
console.log("built dist/");
