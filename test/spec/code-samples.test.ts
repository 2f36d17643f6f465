import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, inject, test, vi } from "vitest";
import { operation, repoPath } from "../helpers/spec.js";

// The request samples the docs page shows (x-codeSamples), run as a reader would run them.
const samples: Array<{ lang: string; label: string; source: string }> = operation["x-codeSamples"];
const sample = (label: string) => samples.find((s) => s.label === label)!.source;
const work = repoPath(".tmp/code-samples");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A TypeScript sample as a module of this repository: the package's import names point at src/. */
function asRepoModule(name: string, source: string): string {
  mkdirSync(work, { recursive: true });
  const path = `${work}/${name}.mts`;
  writeFileSync(
    path,
    source
      .replace(/"oneaccess-sms-login\/mock"/g, JSON.stringify(repoPath("src/mock/index.js")))
      .replace(/"oneaccess-sms-login"/g, JSON.stringify(repoPath("src/index.js"))),
  );
  return path;
}

describe("the operation's code samples (x-codeSamples)", () => {
  test("are curl, the TypeScript client and the mock", () => {
    expect(samples.map((s) => [s.lang, s.label])).toEqual([
      ["Shell", "curl"],
      ["TypeScript", "TypeScript client"],
      ["TypeScript", "Mock"],
    ]);
  });

  test("curl, pointed at the mock, logs in", () => {
    if (!inject("contractTargetIsMock")) return;
    const command = sample("curl").replace("https://your-tenant.huaweioneaccess.com", inject("contractBaseUrl"));
    const ran = spawnSync("bash", ["-c", command.replace(/^curl /, "curl -sS --fail-with-body ")], { encoding: "utf8", timeout: 20_000 });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toMatchObject({ status: "SUCCESS", session_token: "bts******2VO" });
  });

  test("the TypeScript samples compile against the package's types", () => {
    const files = [asRepoModule("client", sample("TypeScript client")), asRepoModule("mock", sample("Mock"))];
    const options = ["--noEmit", "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM", "--types", "node", "--skipLibCheck"];
    const compiled = spawnSync(process.execPath, [repoPath("node_modules/typescript/bin/tsc"), ...options, ...files], { cwd: repoPath(""), encoding: "utf8", timeout: 60_000 });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  }, 60_000);

  test("the mock sample starts Prism, logs in with SUCCESS and stops", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(pathToFileURL(asRepoModule("mock-run", sample("Mock"))).href);
      expect(log).toHaveBeenCalledWith("SUCCESS");
    } finally {
      log.mockRestore();
    }
  }, 30_000);
});
