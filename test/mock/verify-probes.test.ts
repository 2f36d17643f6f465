import { describe, expect, test } from "vitest";
import { verifyServer } from "../../src/mock/index.js";
import { serve } from "../helpers/upstreams.js";

type Seen = { headers: Record<string, string | string[] | undefined>; body: unknown };

// What verifyServer sends through Prism's proxy, as the upstream receives it, and how it judges mixed answers.
describe("verifyServer's probes", () => {
  test("sends the given headers and credentials, breaks exactly one thing per probe, and stops its proxy", async () => {
    const seen: Seen[] = [];
    const upstream = await serve((req, body, res) => {
      seen.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error_code: "USER.0038", error_msg: "Invalid mobile number." }));
    });
    const exitListeners = process.listenerCount("exit");
    try {
      const credentials = { mobile: "13900000000", verify_code: "000000" };
      const report = await verifyServer({ upstream: upstream.url, headers: { "X-client-id": "my-app", "X-L": "en" }, credentials });
      expect(report.probes.map((p) => [p.name, p.status, p.ok])).toEqual([
        ["valid login request", 400, true],
        ["verify_code missing", 400, true],
        ["verify_code not a string", 400, true],
        ["X-client-id missing", 400, true],
      ]);
      expect(report.ok).toBe(true);
      expect(seen.map((s) => s.body)).toEqual([credentials, { mobile: credentials.mobile }, { ...credentials, verify_code: 232326 }, credentials]);
      expect(seen.slice(0, 3).map((s) => [s.headers["x-client-id"], s.headers["x-l"], s.headers["x-agent"]])).toEqual([
        ["my-app", "en", "Mozilla/5.0"],
        ["my-app", "en", "Mozilla/5.0"],
        ["my-app", "en", "Mozilla/5.0"],
      ]);
      // Only the client id is dropped.
      expect([seen[3]!.headers["x-client-id"], seen[3]!.headers["x-l"], seen[3]!.headers["x-agent"]]).toEqual([undefined, "en", "Mozilla/5.0"]);
      // The proxy was stopped: its exit hook is gone.
      expect(process.listenerCount("exit")).toBe(exitListeners);
    } finally {
      await upstream.close();
    }
  });

  test("a server that keeps some probes and breaks others breaks the contract", async () => {
    // Accepts everything: right for the valid probe, wrong for each broken one.
    const upstream = await serve((_req, _body, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ status: "SUCCESS", session_token: "bts-1", expire: 1 }));
    });
    try {
      const report = await verifyServer({ upstream: upstream.url });
      expect(report.probes.map((p) => p.ok)).toEqual([true, false, false, false]);
      expect(report.ok).toBe(false);
    } finally {
      await upstream.close();
    }
  });
}, 60_000);

describe("verifyServer and a server that never answers", () => {
  test("each probe gives up after timeoutMs and reports no answer", async () => {
    const upstream = await serve(() => {}); // reads the request, never answers
    try {
      const report = await verifyServer({ upstream: upstream.url, timeoutMs: 500 });
      expect(report.ok).toBe(false);
      for (const probe of report.probes) {
        expect(probe).toMatchObject({ status: 0, ok: false });
        expect(probe.violations).toHaveLength(1);
        expect(probe.violations[0]).toMatch(/^no answer: \S/);
      }
    } finally {
      await upstream.close();
    }
  });
}, 60_000);
