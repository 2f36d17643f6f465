import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { targetIsMock } from "../helpers/contract.js";
import { repoPath } from "../helpers/spec.js";
import { useUpstreams } from "../helpers/upstreams.js";

// The contract suite is only worth running against a real server if it fails for one that breaks the contract.
// This runs it, as a consumer would, with ONEACCESS_BASE_URL naming a local server that keeps it and one that does not.
// Asynchronous on purpose: the servers under test live in this process and must keep answering.
const runSuite = (baseUrl: string) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [repoPath("node_modules/vitest/vitest.mjs"), "run", "test/contract/examples.test.ts", "test/contract/bad-input.test.ts", "test/contract/properties.test.ts"],
      { cwd: repoPath(""), env: { ...process.env, ONEACCESS_BASE_URL: baseUrl, FORCE_COLOR: "0" } },
    );
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.resume();
    child.once("exit", (status) => resolve({ status, stdout }));
  });

// A test of the suite itself, with local servers: pointless (and slow) when the suite is aimed at a real server.
describe.runIf(targetIsMock)("the contract suite against a server named by ONEACCESS_BASE_URL", () => {
  const servers = useUpstreams();

  test("passes a server that keeps the contract, skipping only the mock's named-example tests", async () => {
    const result = await runSuite(servers.keeping.url);
    expect(result.stdout).toMatch(/vitest: \d+ passed, 0 failed, \d+ skipped/);
    expect(result.status, result.stdout.slice(-3000)).toBe(0);
  });

  test("fails a server that breaks it", async () => {
    const result = await runSuite(servers.breaking.url);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/vitest: \d+ passed, [1-9]\d* failed/);
    expect(result.stdout).toMatch(/answers the page's example request with 200 or 400 and a schema-valid body/);
  });
}, 150_000);
