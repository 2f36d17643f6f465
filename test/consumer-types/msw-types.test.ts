import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

const run = (cmd: string, args: string[], cwd: string) => spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 180_000 });

/** The msw a consumer installs: the 2.x this repository tests with (MSW 3 needs Node 22.12+). */
const MSW = `msw@${JSON.parse(readFileSync(repoPath("node_modules/msw/package.json"), "utf8")).version}`;

/** The TypeScript compilers a consumer may use: TypeScript 5.9 (tsc) and TypeScript 7's native compiler (tsgo). */
const COMPILERS = [
  { name: "tsc 5.9", bin: "node_modules/typescript/bin/tsc" },
  { name: "tsgo", bin: "node_modules/@typescript/native-preview/bin/tsgo" },
];

/** A default project of each module system, as `npm init` and `tsc --init` make it (module and moduleResolution nodenext). */
const PROJECTS = [
  { system: "ES module", type: "module" },
  { system: "CommonJS", type: "commonjs" },
];

// Every entry's types with msw 2 installed, in both module systems: test/consumer-types/msw-consumer.fixture.ts imports each
// entry and hands the package's MSW handlers to the consumer's own setupServer, which fails (TS2345, HttpHandler not
// assignable) when the package's declarations and the consumer's see two different copies of msw's types.
describe("the packed package's types, with msw 2, in ES module and CommonJS TypeScript projects", () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "oa-msw-types-"));
    execFileSync("npm", ["run", "build", "--silent"], { cwd: repoPath(""), stdio: "ignore" });
    const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], repoPath(""));
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumers", private: true }));
    const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, MSW], work);
    expect(installed.status, installed.stderr).toBe(0);
    // Each project is a folder with its own package.json ("type") and tsconfig, sharing the install above.
    for (const { type } of PROJECTS) {
      const dir = join(work, type);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${type}`, private: true, type }));
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: false, noEmit: true },
          files: ["consumer.ts"],
        }),
      );
      copyFileSync(repoPath("test/consumer-types/msw-consumer.fixture.ts"), join(dir, "consumer.ts"));
    }
  }, 240_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const cases = PROJECTS.flatMap((project) => COMPILERS.map((compiler) => ({ ...project, ...compiler })));
  test.each(cases)("a $system project type-checks every entry with msw's handlers under $name", ({ type, bin }) => {
    const compiled = run(process.execPath, [repoPath(bin), "-p", "."], join(work, type));
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  }, 120_000);
});
