import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// What `npm test` may do, and what belongs to .ci/run (issue 23): npm test runs on the machine's Node and changes
// nothing outside the repository; CI installs system packages and runs the slower groups and the Node matrix.
const scripts: { test: string } = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).scripts;
const ciRun = readFileSync(repoPath(".ci/run"), "utf8");

describe("npm test: local and quick", () => {
  test("installs nothing on the machine and runs no other Node", () => {
    for (const word of ["install-system-deps", "apt", "sudo", "node-matrix", "test:matrix", "npx -y", "node@"]) expect(scripts.test).not.toContain(word);
  });

  test("runs the unit group of vitest.config.ts, after the spec, drift, contract and type checks and the build", () => {
    expect(scripts.test.split(" && ")).toEqual([
      "npm run lint:spec --silent",
      "npm run check:generated --silent",
      "npm run check:contract --silent",
      "npm run typecheck --silent",
      "npm run build --silent",
      "vitest run --project unit",
    ]);
  });

  test("typecheck is incremental, its state kept out of the repository's tracked files (npm ci starts it afresh)", () => {
    const typecheck: string = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).scripts.typecheck;
    expect(typecheck).toMatch(/^tsc -p tsconfig\.json --incremental --tsBuildInfoFile node_modules\/\.cache\/\S+\.tsbuildinfo$/);
  });

  test("the type tests (*.test-d.ts) are compiled by the typecheck npm test runs", () => {
    const tsconfig = readFileSync(repoPath("tsconfig.json"), "utf8");
    expect(JSON.parse(tsconfig.replace(/^\s*\/\/.*$/gm, "")).include).toContain("test");
    expect(readdirSync(repoPath("test/types")).some((file) => file.endsWith(".test-d.ts"))).toBe(true);
  });
});

describe(".ci/run: what npm test leaves out", () => {
  test("installs the system packages, then runs the mutation gate, the slow tests, release, bench, matrix and npm test", () => {
    const order = ["bash scripts/install-system-deps.sh", "npm ci", "npm run mutate:ci", "npm run test:slow", "npm run test:release", "npm run test:bench", "npm run test:matrix", 'step "npm test" npm test'];
    const at = order.map((command) => ciRun.indexOf(command));
    expect(at.every((index) => index >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test("the mutation gate is a step like the others: a file below its goal fails the run", () => {
    expect(ciRun).toMatch(/^step "npm run mutate:ci" npm run mutate:ci$/m);
    expect(ciRun).not.toMatch(/npm run mutate:ci \|\|/);
  });

  test("ends with the summed vitest line", () => {
    const lines = ciRun.trimEnd().split("\n");
    expect(lines.at(-2)).toBe('echo "vitest: $passed passed, $failed failed, $skipped skipped"');
  });
});
