import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { repoPath } from "../helpers/spec.js";

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 180_000 });

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
    // Only the registry dependency (openapi-fetch) is fetched; Prism, an optional peer, is deliberately absent.
    const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], work);
    expect(installed.status, installed.stderr).toBe(0);
    mock = await startMock();
  }, 240_000);
  afterAll(async () => {
    await mock?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("ships only dist, the bundled spec, README, CHANGELOG and LICENSE, with openapi-fetch its one dependency", () => {
    const listing = run("tar", ["-tzf", tarball], work).stdout.split("\n").filter(Boolean);
    expect(listing.every((f) => /^package\/(dist\/(src|generated)\/|generated\/(openapi\.json|README\.md)$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f)), listing.join("\n")).toBe(true);
    expect(listing).toContain("package/dist/src/index.d.ts");
    expect(listing).toContain("package/generated/openapi.json");
    expect(listing).toContain("package/README.md");
    expect(listing).toContain("package/CHANGELOG.md");
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], work).stdout);
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(manifest.peerDependenciesMeta["@stoplight/prism-cli"].optional).toBe(true);
    expect(manifest.peerDependenciesMeta.msw.optional).toBe(true);
    expect(listing).toContain("package/dist/src/testing/index.d.ts");
    expect(listing).toContain("package/dist/generated/examples.js");
  });

  test("a TypeScript consumer compiles against the published types and logs in against the mock", () => {
    copyFileSync(repoPath("test/package/consumer.fixture.ts"), join(work, "consumer.ts"));
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: false, resolveJsonModule: true },
        files: ["consumer.ts"],
      }),
    );
    const compiled = run(process.execPath, [repoPath("node_modules/typescript/bin/tsc"), "-p", "."], work);
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
    const ran = run(process.execPath, ["consumer.js"], work, { ONEACCESS_BASE_URL: mock.url });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({ ok: true, status: "SUCCESS", next: "bts******2VO", title: "OneAccess SMS verification code login", mocked: "MFA_AUTH" });
  }, 60_000); // tsc alone took 16 s of wall time on a loaded 2-core machine

  test("without Prism installed, the mock helper and bin say how to install it", () => {
    const script = `import("oneaccess-sms-login/mock").then(m => m.startMock()).then(() => process.exit(3), e => { console.log(JSON.stringify({ name: e.name, kind: e.kind, message: e.message })) })`;
    const helper = run(process.execPath, ["--input-type=module", "-e", script], work);
    expect(JSON.parse(helper.stdout)).toEqual({
      name: "MockError",
      kind: "not-installed",
      message: "Prism is not installed. The mock needs it as a dev dependency: npm install --save-dev @stoplight/prism-cli@5.14.2",
    });
    const bin = run(join(work, "node_modules/.bin/oneaccess-sms-login-mock"), [], work);
    expect(bin.status).toBe(2);
    expect(bin.stderr).toMatch(/^oneaccess-sms-login-mock: Prism is not installed/);
  });

  test("without Prism installed, verify checks a server (the mock) and passes it", async () => {
    // Asynchronous: the mock may answer from this process.
    const child = spawn(join(work, "node_modules/.bin/oneaccess-sms-login-mock"), ["verify", "--upstream", mock.url], { cwd: work });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(out).toMatch(/keeps the contract\n$/);
    expect(code).toBe(0);
  });

  test("without msw installed, the testing entry works and its msw entry fails naming msw", () => {
    const ok = run(process.execPath, ["--input-type=module", "-e", `import("oneaccess-sms-login/testing").then(m => console.log(typeof m.createMockFetch))`], work);
    expect(ok.stdout.trim(), ok.stderr).toBe("function");
    const msw = run(process.execPath, ["--input-type=module", "-e", `import("oneaccess-sms-login/testing/msw").catch(e => console.log(e.code, e.message))`], work);
    expect(msw.stdout).toMatch(/^ERR_MODULE_NOT_FOUND Cannot find package 'msw'/);
  });

  test("publint and attw (esm-only) find nothing wrong", () => {
    const bin = (name: string) => repoPath(`node_modules/.bin/${name}`);
    const publint = run(bin("publint"), ["--strict"], repoPath(""));
    expect(publint.stdout + publint.stderr).toMatch(/All good!/);
    expect(publint.status).toBe(0);
    const attw = run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "json"], work);
    expect(attw.status, attw.stdout.slice(0, 2000)).toBe(0);
    // The JSON report lists the resolutions the esm-only profile ignores (node10, CommonJS require) too.
    const byKind: Record<string, Array<{ resolutionKind?: string }>> = JSON.parse(attw.stdout).problems ?? {};
    const problems = Object.values(byKind).flat().filter((p) => !["node10", "node16-cjs"].includes(p.resolutionKind ?? ""));
    expect(problems).toEqual([]);
  });
});
