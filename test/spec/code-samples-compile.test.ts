import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { asRepoModule, sample } from "../helpers/code-samples.js";
import { repoPath } from "../helpers/spec.js";

// In `npm run test:slow` (SLOW in vitest.config.ts): a tsc run of its own over the samples and the source they import
// takes seconds; test/spec/code-samples.test.ts runs the samples in npm test.
const work = repoPath(".tmp/code-samples-compile");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the operation's TypeScript code samples (x-codeSamples)", () => {
  test("compile against the package's types", () => {
    const files = [asRepoModule(work, "client", sample("TypeScript client")), asRepoModule(work, "mock", sample("Mock"))];
    const options = ["--noEmit", "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM", "--types", "node", "--skipLibCheck"];
    const compiled = spawnSync(process.execPath, [repoPath("node_modules/typescript/bin/tsc"), ...options, ...files], { cwd: repoPath(""), encoding: "utf8", timeout: 60_000 });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  }, 60_000);
});
