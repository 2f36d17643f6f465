// Adversarial probes against docs/verify.md's promises about the `verify` command line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test, vi } from "vitest";
import { CheckOptionsError } from "../../src/check/index.js";
import { runVerify, VERIFY_EXIT } from "../../src/check/verify-command.js";

describe("adversarial: the verify command (docs/verify.md)", () => {
  test("'a name given twice ... [is] refused with exit 2': the same --header name twice, spelled alike", async () => {
    let requests = 0;
    const server = createServer((_req, res) => (requests++, res.writeHead(500).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      // "X-client-id" and "x-client-id" are refused as a name given twice; the exact same spelling twice must be too
      // (today the second silently replaces the first, and the run goes ahead).
      const run = runVerify(["--upstream", upstream, "--max-requests", "1", "--header", "X-Api-Key: one", "--header", "X-Api-Key: two"], {});
      await expect(run).rejects.toBeInstanceOf(CheckOptionsError);
      expect(requests).toBe(0); // "nothing was sent"
    } finally {
      quiet.mockRestore();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("'## Exit codes' lists every code verify exits with (VERIFY_EXIT.reportUnwritten, 5, is missing)", () => {
    const page = readFileSync(new URL("../../docs/verify.md", import.meta.url), "utf8");
    const table = page.slice(page.indexOf("## Exit codes"), page.indexOf("## From code"));
    const listed = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    // Exit 2 (usage) comes from the bin; every code runVerify returns must be in the table too.
    expect(listed).toEqual(expect.arrayContaining([...Object.values(VERIFY_EXIT), 2]));
  });

  test("'Secrets ... never appear in ... verify's output': an unquoted `--header X-Api-Key: value` is not echoed", () => {
    // The shell splits an unquoted "Name: value" into two arguments: the value becomes a stray positional argument.
    const bin = new URL("../../dist/src/cli/bin.js", import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, "verify", "--upstream", "http://127.0.0.1:9", "--header", "X-Api-Key:", "s3cr3t-api-key"], { encoding: "utf8", env: { PATH: process.env.PATH } });
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).not.toContain("s3cr3t-api-key");
  });

  test("'--junit FILE writes one testcase per check': an empty FILE (an unset $VARIABLE) is refused, not silently skipped", async () => {
    let requests = 0;
    const server = createServer((_req, res) => (requests++, res.writeHead(500).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      // `--junit "$JUNIT_FILE"` with the variable unset: today the run goes ahead and no report file is written.
      await expect(runVerify(["--upstream", upstream, "--max-requests", "1", "--junit", ""], {})).rejects.toBeInstanceOf(CheckOptionsError);
      expect(requests).toBe(0);
    } finally {
      quiet.mockRestore();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("an empty --client-id (the CI example's unset vars.ONEACCESS_CLIENT_ID) is refused, not replaced by the page's sample id", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => (seen.push(String(req.headers["x-client-id"])), res.writeHead(500).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const outcome = await runVerify(["--upstream", upstream, "--max-requests", "1", "--client-id", ""], {}).catch((error: unknown) => error);
      // Today: no error, and the request carried the API page's sample client id.
      expect({ refused: outcome instanceof CheckOptionsError, sent: seen }).toEqual({ refused: true, sent: [] });
    } finally {
      quiet.mockRestore();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
