// Time from start to first answer of the in-process mock, in a fresh process so loading the mock's modules counts
// (the client is loaded first: the app under test loads it anyway, with or without a mock):
//   node testing-start.mjs fetch|msw|journey   prints {"ms": from loading the mock to the first login result,
//                                              "library": of that, loading msw itself (0 otherwise)}.
// "journey" is createMockFetch({ journey: createJourney() }) and its first whole journey: captcha, its check, the code
// sent and the login with the code read from the outbox.
import { createLoginClient } from "../../dist/src/index.js";
import { CLIENT_ID, CREDENTIALS, DEVICE } from "./fixtures.mjs";

// Node loads its fetch (undici) on first use of Request/Response; the app under test pays that with or without a mock.
await new Response("{}").json();
const t0 = performance.now();
const options = { baseUrl: "https://mock.test", clientId: CLIENT_ID, device: DEVICE };
let client;
let server;
let library = 0;
if (process.argv[2] === "msw") {
  const [{ setupServer }] = await Promise.all([import("msw/node"), import("msw")]);
  library = performance.now() - t0;
  const { handlers } = await import("../../dist/src/testing/msw.js");
  server = setupServer(...handlers);
  server.listen();
  client = createLoginClient(options);
} else if (process.argv[2] === "journey") {
  const { createJourney, createMockFetch } = await import("../../dist/src/testing/index.js");
  const { journey } = await import("./journey-walk.mjs");
  const mock = createJourney();
  client = createLoginClient({ ...options, fetch: createMockFetch({ journey: mock }) });
  const failed = await journey(client, CREDENTIALS.mobile, (mobile) => mock.outbox.last(mobile).code);
  if (failed) throw new Error(`the first journey failed: ${failed}`);
  console.log(JSON.stringify({ ms: performance.now() - t0, library }));
  process.exit(0);
} else {
  const { createMockFetch } = await import("../../dist/src/testing/index.js");
  client = createLoginClient({ ...options, fetch: createMockFetch() });
}
const result = await client.login(CREDENTIALS);
const ms = performance.now() - t0;
server?.close();
if (!result.ok || result.status !== "SUCCESS") throw new Error(`first answer was not SUCCESS: ${JSON.stringify(result)}`);
console.log(JSON.stringify({ ms, library }));
