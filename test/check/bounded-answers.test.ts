// A hostile upstream cannot make the check read without bound: each answer is read up to a cap, then dropped.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "vitest";
import { checkServer } from "../../src/mock/index.js";

test("an endless answer is cut at the cap, counted as no answer, and every request still ends", async () => {
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
    expect(report.requests.map((request) => request.status)).toEqual([0, 0]); // no usable answer to either
    expect(report.checks.some((check) => check.status === "error" && check.problems.some((problem) => /larger than \d+ bytes/.test(problem)))).toBe(true);
    // Far less than five seconds of a loopback stream: the check stopped reading at the cap.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
