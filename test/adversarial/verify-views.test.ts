// Adversarial probes against verify's report (src/check): a server that echoes a credential or a --header value as
// an error_code of OneAccess's documented shape, which the report shows without comparing it with the exchange's secrets.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { checkServer, formatCheckReport, toJUnit } from "../../src/check/index.js";

/** A loopback server answering every request with `status` and `body` as JSON; closed by the returned function. */
async function answering(status: number, body: (request: string) => unknown) {
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c)).on("end", () => {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body(text)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

/** Every view verify gives of a report: the object, the terminal text and the JUnit file. */
const viewsOf = (report: Awaited<ReturnType<typeof checkServer>>) => [JSON.stringify(report), formatCheckReport(report), toJUnit(report)].join("\n");

describe("adversarial: verify's report (src/check)", () => {
  test("'no credential or header value can appear in it, in any encoding': a --header value echoed as an error_code", async () => {
    const secret = "TENANTAPIKEY";
    const server = await answering(500, () => ({ error_code: `${secret}.0001`, error_msg: "internal" }));
    try {
      const report = await checkServer({ upstream: server.url, headers: { "X-Api-Key": secret }, maxRequests: 2, timeoutMs: 5000 });
      expect(viewsOf(report)).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  test("'never part of any report (which quotes nothing a server sent)': a 4-digit code echoed as an error_code", async () => {
    const credentials = { mobile: "+44 7700 900123", verify_code: "7391" };
    // Echoes the code it was sent, as a server that builds its codes from input would.
    const server = await answering(400, (request) => ({ error_code: `LOGIN.${/"verify_code":"(\w+)"/.exec(request)?.[1] ?? "0000"}`, error_msg: "wrong code" }));
    try {
      const report = await checkServer({ upstream: server.url, credentials, maxRequests: 1, timeoutMs: 5000 });
      expect(report.checks.some((c) => c.status === "failed")).toBe(true); // a 400 to real credentials is judged
      expect(viewsOf(report)).not.toContain(credentials.verify_code);
    } finally {
      await server.close();
    }
  });
});
