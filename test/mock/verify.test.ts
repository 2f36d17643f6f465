import { describe, expect, test } from "vitest";
import { formatReport, verifyServer } from "../../src/mock/index.js";
import { useUpstreams } from "../helpers/upstreams.js";

describe("verifyServer: Prism's validating proxy in front of a real server", () => {
  const servers = useUpstreams();

  test("passes a server that keeps the contract", async () => {
    const report = await verifyServer({ upstream: servers.keeping.url });
    expect(report.probes.map((p) => [p.name, p.status, p.violations])).toEqual([
      ["valid login request", 200, []],
      ["verify_code missing", 400, []],
      ["verify_code not a string", 400, []],
      ["X-client-id missing", 400, []],
    ]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toMatch(/keeps the contract$/);
  });

  test("flags a server that breaks the contract, naming each violation", async () => {
    const report = await verifyServer({ upstream: servers.breaking.url });
    expect(report.ok).toBe(false);
    const valid = report.probes[0]!;
    expect(valid.ok).toBe(false);
    expect(valid.violations.join("\n")).toMatch(/status must be equal to one of the allowed values/);
    expect(valid.violations.join("\n")).toMatch(/expire must be integer/);
    // Bad input answered with 500 instead of the documented 400.
    expect(report.probes.filter((p) => p.status === 500).map((p) => p.name)).toEqual(["verify_code missing", "verify_code not a string"]);
    expect(formatReport(report)).toMatch(/^FAIL valid login request: HTTP 200 \(expected 200 or 400\)/);
    expect(formatReport(report)).toMatch(/breaks the contract$/);
  });

  test("reports a server that does not answer", async () => {
    const report = await verifyServer({ upstream: "http://127.0.0.1:9", timeoutMs: 5_000 });
    expect(report.ok).toBe(false);
    expect(report.probes.every((p) => !p.ok)).toBe(true);
  });
}, 60_000);
