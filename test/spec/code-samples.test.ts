import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, inject, test, vi } from "vitest";
import { asRepoModule, sample, samples } from "../helpers/code-samples.js";
import { repoPath } from "../helpers/spec.js";

// The request samples the docs page shows (x-codeSamples), run as a reader would run them. That the TypeScript ones
// compile (tsc, seconds) is test/spec/code-samples-compile.test.ts, in `npm run test:slow`.
const work = repoPath(".tmp/code-samples");
afterAll(() => rmSync(work, { recursive: true, force: true }));

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

  test("the mock sample starts Prism, logs in with SUCCESS and stops", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(pathToFileURL(asRepoModule(work, "mock-run", sample("Mock"))).href);
      expect(log).toHaveBeenCalledWith("SUCCESS");
    } finally {
      log.mockRestore();
    }
  }, 30_000);
});
