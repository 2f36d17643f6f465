// The in-process mock (oneaccess-sms-login/testing) against Prism, through the client: logins per second at the same
// concurrency, and time from start to first answer (in-process: in a fresh process, from loading the mock's modules
// to the first result, see testing-start.mjs; Prism: startMock() until a login is answered). Run by index.mjs in a
// child process per Node (consumers run their unit tests on Node 22 to 26; Node 20's web streams make every Request
// and Response several times dearer):
//   node testing.mjs '{"durationMs":5000,"concurrency":10,"startRuns":5}'   prints the results as JSON
import { execFileSync } from "node:child_process";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createLoginClient } from "../../dist/src/index.js";
import { startMock } from "../../dist/src/mock/index.js";
import { createMockFetch } from "../../dist/src/testing/index.js";
import { handlers } from "../../dist/src/testing/msw.js";
import { median } from "./measure.mjs";
import { runLoad } from "./load.mjs";
import { ANSWER, CLIENT_ID, CREDENTIALS, DEVICE } from "./fixtures.mjs";

const options = (extra) => ({ baseUrl: "https://mock.test", clientId: CLIENT_ID, device: DEVICE, ...extra });

/** Drives logins through a client for the load settings; every answer must be SUCCESS. */
const load = (client, settings) =>
  runLoad({ ...settings, send: async () => { const r = await client.login(CREDENTIALS); return r.ok && r.status === "SUCCESS" ? undefined : r.ok ? r.status : r.error.kind; } });

/** Medians of `runs` fresh-process start-to-first-answer times, in ms: { start, library } (see testing-start.mjs). */
function startTime(kind, runs) {
  const script = new URL("./testing-start.mjs", import.meta.url).pathname;
  const runsOut = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [script, kind], { encoding: "utf8" })));
  return { start: median(runsOut.map((r) => r.ms)), library: median(runsOut.map((r) => r.library)) };
}

/**
 * Throughput and start time of Prism, MSW handlers (and MSW with a trivial handler), createMockFetch, and the client
 * over a fetch that does no work (a fixed answer): the most any in-process mock can reach through the client.
 */
export async function inProcessMock({ durationMs, concurrency, startRuns }) {
  const results = {};
  const t0 = performance.now();
  const mock = await startMock();
  try {
    const client = createLoginClient(options({ baseUrl: mock.url }));
    const first = await client.login(CREDENTIALS);
    if (!first.ok) throw new Error(`Prism's first answer failed: ${first.error.message}`);
    results.prism = { start: performance.now() - t0, library: 0, ...(await load(client, { durationMs, concurrency })) };
  } finally {
    await mock.stop();
  }
  const server = setupServer(...handlers);
  server.listen();
  try {
    results["MSW handlers"] = { ...startTime("msw", startRuns), ...(await load(createLoginClient(options()), { durationMs, concurrency })) };
  } finally {
    server.close();
  }
  // MSW's own cost: the same interception with a one-line handler answering the page's example.
  const bare = setupServer(http.post(`*/api/v2/sdk/login/mobile-verify-code`, () => HttpResponse.json({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 })));
  bare.listen();
  try {
    results["MSW, one-line handler (MSW's own cost)"] = { start: NaN, library: 0, ...(await load(createLoginClient(options()), { durationMs, concurrency })) };
  } finally {
    bare.close();
  }
  results.createMockFetch = { ...startTime("fetch", startRuns), ...(await load(createLoginClient(options({ fetch: createMockFetch() })), { durationMs, concurrency })) };
  // The client's own cost: a fetch that only builds the answer (no checks, no choice), as a test's hand-written stub.
  const fixed = async () => new Response(ANSWER, { status: 200, headers: { "content-type": "application/json" } });
  results["fetch stub, fixed answer (the client's own cost)"] = { start: NaN, library: 0, ...(await load(createLoginClient(options({ fetch: fixed })), { durationMs, concurrency })) };
  return results;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(JSON.stringify(await inProcessMock(JSON.parse(process.argv[2]))));
}
