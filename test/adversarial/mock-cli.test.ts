// Adversarial probes against docs/mock-server.md's description of `oneaccess-sms-login mock`'s options.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { MOCK_USAGE } from "../../src/mock/cli.js";

const BIN = new URL("../../dist/src/cli/bin.js", import.meta.url).pathname;

describe("adversarial: the mock command line (docs/mock-server.md)", () => {
  test("'`--port N` (...; default 4010)': the page names every default the bin uses ($PORT comes first)", () => {
    const page = readFileSync(new URL("../../docs/mock-server.md", import.meta.url), "utf8");
    const options = page.split("\n\n").find((paragraph) => paragraph.includes("Options: `--port N`"))!;
    // The bin's own usage says "default $PORT or 4010": a CI or PaaS environment with PORT set (8080 for the app
    // under test) makes the mock take that port, which the page does not say.
    expect(MOCK_USAGE).toContain("$PORT");
    expect(options).toMatch(/\$PORT|`PORT`/);
  });

  test("a bad PORT environment variable is not blamed on a --port option that was never given", () => {
    const run = spawnSync(process.execPath, [BIN, "mock", "--", "true"], { encoding: "utf8", env: { PATH: process.env.PATH, PORT: "http" } });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('--port "http"');
    expect(run.stderr).toMatch(/\bPORT\b/);
  });
});
