#!/usr/bin/env node
// Builds the publishable package: ESM JavaScript and .d.ts for src/ and generated/ into dist/.
// Builds beside dist/ and swaps it in, so processes running dist/ meanwhile (the mock tests run `npm start`, which
// builds, while other tests fork dist/src/mock/server.js) never see it half written or missing for long.
import { execFileSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";

const next = `dist.next-${process.pid}`;
const old = `dist.old-${process.pid}`;
try {
  execFileSync("node_modules/.bin/tsc", ["-p", "tsconfig.build.json", "--outDir", next], { stdio: "inherit" });
  // Another build may swap its dist/ in between these two renames: move that one aside too and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync("dist", `${old}-${attempt}`);
    } catch (error) {
      if (error.code !== "ENOENT") throw error; // no dist/ yet, or another build just moved it
    }
    try {
      renameSync(next, "dist");
      break;
    } catch (error) {
      if (attempt === 5 || !["ENOTEMPTY", "EEXIST"].includes(error.code)) throw error;
    }
  }
} finally {
  rmSync(next, { recursive: true, force: true });
  for (let attempt = 0; attempt <= 5; attempt++) rmSync(`${old}-${attempt}`, { recursive: true, force: true });
}
console.log("built dist/");
