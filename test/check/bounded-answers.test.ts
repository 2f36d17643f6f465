// A hostile upstream cannot make the check read without bound: each answer is read up to a cap, then dropped. The
// status and headers came before the body, so they are still judged: an oversized answer is no "no answer".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { checkServer, type CheckReport } from "../../src/check/index.js";
import { useServers } from "./upstream.js";

const statuses = (report: CheckReport) => Object.fromEntries(report.checks.map((c) => [c.name, c.status]));
const failing = (report: CheckReport) => report.checks.filter((c) => c.status === "failed").map((c) => c.name).sort();

test("an endless answer is cut at the cap, its status still judged, and every request still ends", async () => {
  let written = 0;
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "Content-Type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // Endless: writes whenever the socket drains, until the client goes away.
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) written += chunk.length;
    };
    res.on("drain", pump);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const report = await checkServer({ upstream: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxRequests: 2, timeoutMs: 5_000 });
    expect(report.ok).toBe(false);
    expect(report.requests.map((request) => request.status)).toEqual([200, 200]);
    // The broken request was accepted with a 200, whatever the body; the body itself is past what a client reads.
    expect(failing(report)).toEqual(["negative_data_rejection", "response_schema_conformance"]);
    expect(report.checks.find((c) => c.name === "response_schema_conformance")!.problems[0]).toMatch(/valid login: HTTP 200: the body is larger than 65536 bytes/);
    // Far less than five seconds of a loopback stream: the check stopped reading at the cap.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

describe("an answer larger than the cap", () => {
  const server = useServers();

  test("a 500 with a large page to everything fails not_a_server_error, never 'no answer'", async () => {
    const { url } = await server(() => ({ status: 500, headers: { "Content-Type": "text/html" }, body: `<html>${"x".repeat(100_000)}</html>` }), true);
    const report = await checkServer({ upstream: url });
    // Every request of every browser operation: the login's 10 and 2 for each of the 8 others.
    expect(report.requests.map((r) => r.status)).toEqual(Array(26).fill(500));
    expect(failing(report)).toEqual(["not_a_server_error", "status_code_conformance"]);
    expect(Object.values(statuses(report))).not.toContain("error");
    expect(report.checks[0]!.problems[0]).toBe("valid login: server error HTTP 500 (the body is larger than 65536 bytes, not read)");
  });

  test("a broken request accepted with a large 200 fails negative_data_rejection and the body's schema check", async () => {
    const { url } = await server((seen, keeping) =>
      keeping.status === 400 ? { ...keeping, status: 200, body: JSON.stringify({ status: "SUCCESS", pad: "x".repeat(70_000) }) } : keeping,
    );
    const report = await checkServer({ upstream: url });
    expect(failing(report)).toEqual(["negative_data_rejection", "response_schema_conformance"]);
    expect(Object.values(statuses(report))).not.toContain("error");
    expect(report.checks.find((c) => c.name === "response_headers_conformance")!.status).toBe("passed");
  });
});
