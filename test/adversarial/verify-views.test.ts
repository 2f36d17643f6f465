// Adversarial probes against verify's report (src/check): a server that echoes a credential or a --header value as
// an error_code of OneAccess's documented shape, which the report shows without comparing it with the exchange's secrets.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
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

  test("docs/verify.md's table is exact: `not_a_server_error` fails when 'an answer is a 5xx', not for HTTP 600", async () => {
    // A raw server: node:http cannot send a status past 599.
    const server = createTcpServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", () => socket.end("HTTP/1.1 600 Odd\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const report = await checkServer({ upstream: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxRequests: 2, timeoutMs: 5000 });
      const flagged = report.checks.find((c) => c.name === "not_a_server_error")!.status === "failed";
      const page = readFileSync(new URL("../../docs/verify.md", import.meta.url), "utf8");
      const row = page.split("\n").find((line) => line.startsWith("| `not_a_server_error`"))!;
      // Either the check keeps to 5xx, or the table says what it does (500 or more).
      expect(flagged ? /500 or (more|above)|>= ?500/.test(row) : true).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
