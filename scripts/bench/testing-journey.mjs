// The whole journey through the in-process mock: captcha, its check, sending the code and the login with the code
// read from the outbox, through the client over createMockFetch({ journey: createJourney() }), against the same four
// client calls over a fetch stub that answers each operation with a canned valid answer and does no work (the most
// any in-process mock can reach through the client). Run by index.mjs in a child process:
//   node testing-journey.mjs '{"durationMs":5000,"concurrency":10,"startRuns":5}'   prints the results as JSON
import { execFileSync } from "node:child_process";
import { createLoginClient } from "../../dist/src/index.js";
import { byId } from "../../dist/src/contract/operations.js";
import { createJourney, createMockFetch } from "../../dist/src/testing/index.js";
import { journey } from "./journey-walk.mjs";
import { median } from "./measure.mjs";
import { runLoad } from "./load.mjs";
import { CLIENT_ID, DEVICE } from "./fixtures.mjs";

const options = (fetch) => ({ baseUrl: "https://mock.test", clientId: CLIENT_ID, device: DEVICE, fetch });

/** A mobile number per journey, so concurrent journeys never read each other's codes. */
const numbers = () => {
  let n = 0;
  return () => `139${String(n++ % 100_000_000).padStart(8, "0")}`;
};

/** A fetch that answers each of the four operations with its spec example, prepared once: no checks, no state. */
export function cannedFetch() {
  const answer = (id, body) => [byId(id).path, body === undefined ? "" : JSON.stringify(body)];
  const first = (id) => Object.values(byId(id).examples["200"])[0];
  const canned = new Map([
    answer("showCaptcha", first("showCaptcha")),
    answer("validateCaptcha", first("validateCaptcha")),
    answer("sendSmsVerifyCode"),
    answer("loginWithMobileVerifyCode", first("loginWithMobileVerifyCode")),
  ]);
  const json = { "content-type": "application/json" };
  const empty = { "content-type": "text/plain; charset=utf-8" };
  return async (request) => {
    const body = canned.get(new URL(request.url).pathname);
    return new Response(body, { status: 200, headers: body ? json : empty });
  };
}

/** Medians of `runs` fresh-process start-to-first-journey times, in ms (see testing-start.mjs, kind "journey"). */
function startTime(runs) {
  const script = new URL("./testing-start.mjs", import.meta.url).pathname;
  const times = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [script, "journey"], { encoding: "utf8" })).ms);
  return median(times);
}

/** Sums the counts of runLoad results and recomputes requests/s over their total time. */
function combine(runs) {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const seconds = runs.reduce((sum, r) => sum + r.requests / r.rps, 0);
  const failures = {};
  for (const r of runs) for (const [what, count] of Object.entries(r.failures)) failures[what] = (failures[what] ?? 0) + count;
  return { requests, failed: runs.reduce((sum, r) => sum + r.failed, 0), failures, rps: requests / seconds, p50: median(runs.map((r) => r.p50)), p99: Math.max(...runs.map((r) => r.p99)) };
}

/**
 * Journeys per second through createMockFetch with a journey, and through the client over the canned stub: `rounds`
 * alternating runs of each (a machine shared with other work slows one run or another, not one variant), after
 * `warmUp` journeys of each (the first thousands compile the client's and the mock's code paths, which the variant
 * run first would otherwise pay for alone). `ratio` is the median of the rounds' mock/stub ratios, with the lowest and highest.
 */
export async function inProcessJourney({ durationMs, concurrency, startRuns, rounds = 5, warmUp = durationMs >= 1_000 ? 3_000 : 50 }) {
  const mock = createJourney();
  const mockClient = createLoginClient(options(createMockFetch({ journey: mock })));
  const mockNumber = numbers();
  const viaMock = () => journey(mockClient, mockNumber(), (m) => mock.outbox.last(m).code);
  const stubClient = createLoginClient(options(cannedFetch()));
  const stubNumber = numbers();
  const viaStub = () => journey(stubClient, stubNumber(), () => "232326");
  const start = startTime(startRuns);
  const each = durationMs / rounds;
  // Warm-up by count, not time: on a busy machine a second of wall time may be too few journeys to compile anything.
  for (const send of [viaMock, viaStub]) {
    let left = warmUp;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (; left > 0; left--) {
          const failed = await send();
          if (failed) throw new Error(`a warm-up journey failed: ${failed}`);
        }
      }),
    );
  }
  const mockRuns = [];
  const stubRuns = [];
  for (let round = 0; round < rounds; round++) {
    mockRuns.push(await runLoad({ durationMs: each, concurrency, send: viaMock }));
    stubRuns.push(await runLoad({ durationMs: each, concurrency, send: viaStub }));
  }
  const ratios = mockRuns.map((r, i) => r.rps / stubRuns[i].rps);
  return {
    "createMockFetch, journey (createJourney)": { start, ...combine(mockRuns), ratio: { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) } },
    "fetch stub, canned answer per operation (the client's own cost)": { start: NaN, ...combine(stubRuns) },
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(JSON.stringify(await inProcessJourney(JSON.parse(process.argv[2]))));
}
