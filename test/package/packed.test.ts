import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { repoPath } from "../helpers/spec.js";

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 180_000 });

/**
 * Everything a consumer's `npm install oneaccess-sms-login` puts in node_modules. Growing this list is a decision:
 * the registry's audit endpoint cannot be reached here, so the tree is kept small and every member is announced.
 */
const RUNTIME_TREE = ["jose", "oneaccess-sms-login", "openapi-fetch", "openapi-typescript-helpers"];

/** Lifecycle scripts npm runs in a consumer's install (npm 11 warns about each package that has one). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

/** The TypeScript compilers a consumer may use: TypeScript 5.9 (tsc) and the TypeScript 7 native preview (tsgo). */
const COMPILERS = [
  { name: "tsc 5.9", bin: "node_modules/typescript/bin/tsc" },
  { name: "tsgo (TypeScript 7 native preview)", bin: "node_modules/@typescript/native-preview/bin/tsgo" },
];

describe("the published package, installed into a fresh project", () => {
  let work: string;
  let tarball: string;
  let mock: RunningMock;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "oa-consumer-"));
    execFileSync("npm", ["run", "build", "--silent"], { cwd: repoPath(""), stdio: "ignore" });
    const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], repoPath(""));
    expect(packed.status, packed.stderr).toBe(0);
    tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // Only the registry dependencies (openapi-fetch, jose) are fetched; Prism, an optional peer, is deliberately absent.
    const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], work);
    expect(installed.status, installed.stderr).toBe(0);
    mock = await startMock();
  }, 240_000);
  afterAll(async () => {
    await mock?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("ships only dist, the docs page, the bundled spec and the journey workflow, README, CHANGELOG and LICENSE, with openapi-fetch and jose its dependencies", () => {
    const listing = run("tar", ["-tzf", tarball], work).stdout.split("\n").filter(Boolean);
    expect(listing.every((f) => /^package\/(dist\/(src|generated)\/|dist\/docs\/api\.html$|generated\/(openapi\.json|README\.md)$|openapi\/(README\.md|workflows\/sms-login\.arazzo\.yaml)$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f)), listing.join("\n")).toBe(true);
    expect(listing).toContain("package/dist/src/index.d.ts");
    expect(listing).toContain("package/generated/openapi.json");
    // The journey's Arazzo workflow, beside the spec it names (../../generated/openapi.json): runnable from the install.
    expect(listing).toContain("package/openapi/workflows/sms-login.arazzo.yaml");
    expect(listing).toContain("package/README.md");
    expect(listing).toContain("package/CHANGELOG.md");
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], work).stdout);
    // jose (no dependencies of its own) verifies id_tokens in the server entry, which imports it at load.
    expect(Object.keys(manifest.dependencies)).toEqual(["jose", "openapi-fetch"]);
    expect(manifest.peerDependenciesMeta["@stoplight/prism-cli"].optional).toBe(true);
    expect(manifest.peerDependenciesMeta.msw.optional).toBe(true);
    expect(listing).toContain("package/dist/src/testing/index.d.ts");
    expect(listing).toContain("package/dist/generated/examples.js");
    expect(listing).toContain("package/dist/docs/api.html");
  });

  test("declares no install scripts, so installing it runs nothing of ours", () => {
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], work).stdout);
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
  });

  test("installs openapi-fetch and what it pulls in, jose, and nothing unannounced", () => {
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], work).stdout);
    expect(manifest.dependencies).toEqual({ jose: "^6.2.19", "openapi-fetch": "^0.17.0" });
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    // npm's record of the consumer's installed tree, nested and scoped packages included.
    const tree: { packages: Record<string, unknown> } = JSON.parse(readFileSync(join(work, "node_modules/.package-lock.json"), "utf8"));
    const installed = Object.keys(tree.packages).map((path) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect([...new Set(installed)].sort()).toEqual(RUNTIME_TREE);
  });

  test.each(COMPILERS)("a TypeScript consumer, ES module and CommonJS, compiles against the published types with $name and logs in", ({ name, bin }) => {
    const out = `out-${name.split(" ")[0]}`;
    copyFileSync(repoPath("test/package/consumer.fixture.ts"), join(work, "consumer.ts"));
    copyFileSync(repoPath("test/package/consumer.fixture.cts"), join(work, "consumer-cjs.cts"));
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: false, resolveJsonModule: true },
        files: ["consumer.ts", "consumer-cjs.cts"],
      }),
    );
    const compiled = run(process.execPath, [repoPath(bin), "-p", ".", "--outDir", out], work);
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
    const ran = run(process.execPath, [join(out, "consumer.js")], work, { ONEACCESS_BASE_URL: mock.url });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({ ok: true, status: "SUCCESS", next: "bts******2VO", title: "OneAccess SMS verification code login", mocked: "MFA_AUTH" });
  }, 120_000); // a full type-check of the consumer with skipLibCheck off: seconds alone, far more on a loaded machine

  test(`a CommonJS consumer requires every entry on Node ${process.versions.node}, without warnings, and logs in`, () => {
    copyFileSync(repoPath("test/package/consumer.fixture.cjs"), join(work, "consumer.cjs"));
    const manifest = JSON.parse(readFileSync(join(work, "node_modules/oneaccess-sms-login/package.json"), "utf8"));
    const jsEntries = Object.keys(manifest.exports).filter((entry) => !/\.json$/.test(entry));
    const ran = run(process.execPath, ["consumer.cjs"], work, { ONEACCESS_BASE_URL: mock.url });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({
      entries: jsEntries,
      sameAsImport: true,
      status: "SUCCESS",
      refused: "input",
      mockFailure: "MockError:not-installed",
      mockFetch: "function",
      checkServer: "function",
      checkInMock: false,
      serverClient: "function",
      mswFailure: "ERR_MODULE_NOT_FOUND: msw",
      title: "OneAccess SMS verification code login",
    });
  }, 60_000);

  test("installs one bin, oneaccess-sms-login, which tells its version and writes the docs page offline", () => {
    expect(readdirSync(join(work, "node_modules/.bin")).filter((name) => name.startsWith("oneaccess"))).toEqual(["oneaccess-sms-login"]);
    expect(existsSync(join(work, "node_modules/.bin/oneaccess-sms-login-mock"))).toBe(false);
    const version = run("npx", ["--no-install", "oneaccess-sms-login", "--version"], work);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(repoPath("package.json"), "utf8")).version}\n`);
    const docs = run("npx", ["--no-install", "oneaccess-sms-login", "docs", "--out", "api.html"], work);
    expect(docs.stderr).toBe("");
    expect(docs.status).toBe(0);
    expect(readFileSync(join(work, "api.html")).equals(readFileSync(repoPath("dist/docs/api.html")))).toBe(true);
  });

  test("without Prism installed, the mock helper and bin say how to install it", () => {
    const script = `import("oneaccess-sms-login/mock").then(m => m.startMock()).then(() => process.exit(3), e => { console.log(JSON.stringify({ name: e.name, kind: e.kind, message: e.message })) })`;
    const helper = run(process.execPath, ["--input-type=module", "-e", script], work);
    expect(JSON.parse(helper.stdout)).toEqual({
      name: "MockError",
      kind: "not-installed",
      message: "Prism is not installed. The mock needs it as a dev dependency: npm install --save-dev @stoplight/prism-cli@5.14.2",
    });
    const bin = run(join(work, "node_modules/.bin/oneaccess-sms-login"), ["mock"], work);
    expect(bin.status).toBe(2);
    expect(bin.stderr).toMatch(/^oneaccess-sms-login mock: Prism is not installed/);
  });

  test("without Prism installed, verify checks a server (the mock) and passes it", async () => {
    // Asynchronous: the mock may answer from this process.
    const child = spawn(join(work, "node_modules/.bin/oneaccess-sms-login"), ["verify", "--upstream", mock.url], { cwd: work });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(out).toMatch(/keeps the contract in every operation checked \(4 tenant operations not checked\)\n$/);
    expect(code).toBe(0);
  });

  test("without msw installed, the testing entry works and its msw entry fails naming msw", () => {
    const ok = run(process.execPath, ["--input-type=module", "-e", `import("oneaccess-sms-login/testing").then(m => console.log(typeof m.createMockFetch))`], work);
    expect(ok.stdout.trim(), ok.stderr).toBe("function");
    const msw = run(process.execPath, ["--input-type=module", "-e", `import("oneaccess-sms-login/testing/msw").catch(e => console.log(e.code, e.message))`], work);
    expect(msw.stdout).toMatch(/^ERR_MODULE_NOT_FOUND Cannot find package 'msw'/);
  });

  test("publint finds no warning or error, and attw nothing beyond node10 resolution (unsupported, see README)", () => {
    const bin = (name: string) => repoPath(`node_modules/.bin/${name}`);
    // Suggestions are left out: publint suggests replacing package.json's "browser" map (the transport code list a
    // browser bundle leaves behind) with subpath imports, which every TypeScript, vitest and Stryker run of the sources
    // would then need an alias for. Every bundler reads the "browser" map.
    const publint = run(bin("publint"), ["--strict", "--level", "warning"], repoPath(""));
    expect(publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.status).toBe(0);
    // attw's default profile (strict): node10, node16 from CommonJS and from ES modules, bundler.
    // Into a file: on Node 22+ attw exits before a pipe has taken its whole report (about 150 KB), cutting the JSON.
    const report = join(work, "attw.json");
    const attw = run("/bin/sh", ["-c", `"$0" "$1" --format json > "$2"`, bin("attw"), tarball, report], work);
    expect(attw.stderr).toBe("");
    const byKind: Record<string, Array<{ kind: string; resolutionKind?: string; entrypoint?: string }>> = JSON.parse(readFileSync(report, "utf8")).problems ?? {};
    const problems = Object.values(byKind).flat();
    expect(problems.filter((p) => p.resolutionKind !== "node10")).toEqual([]);
    // node10 ignores `exports`: those problems are the unsupported resolution, nothing else.
    expect(problems.every((p) => p.kind === "NoResolution" || p.kind === "UntypedResolution"), JSON.stringify(problems)).toBe(true);
  }, 60_000);
});
