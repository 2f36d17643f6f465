import { describe, expect, test } from "vitest";
import { CHECKS, checkServer } from "../../src/check/index.js";
import { baseUrl, PAGE_HEADERS, post, targetIsMock } from "../helpers/contract.js";

// The package's own mock is the first server verify must pass. Only against the mock: a real server named by
// ONEACCESS_BASE_URL is checked by consumers with their own budget, not by this suite.
describe.runIf(targetIsMock)("verify against this package's Prism mock", () => {
  test("the mock passes every check, with every probe sent", async () => {
    const report = await checkServer({ upstream: baseUrl, maxRequests: 100 });
    expect(report.checks.map((c) => [c.name, c.status, c.problems])).toEqual(CHECKS.map((c) => [c.name, "passed", []]));
    expect(report.requests.length).toBeGreaterThan(6);
  });

  test("the mock sends the declared X-Request-Id header in its example's shape, a new one per answer", async () => {
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const response = await post(PAGE_HEADERS, JSON.stringify({ mobile: "12345678901", verify_code: "232326" }));
      ids.push(response.headers.get("x-request-id"));
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
