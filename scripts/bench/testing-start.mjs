// Time from start to first answer of the in-process mock, in a fresh process so loading the mock's modules counts
// (the client is loaded first: the app under test loads it anyway, with or without a mock):
//   node testing-start.mjs fetch|msw   prints {"ms": from loading the mock to the first login result,
//                                      "library": of that, loading msw itself (0 for createMockFetch)}.
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
} else {
  const { createMockFetch } = await import("../../dist/src/testing/index.js");
  client = createLoginClient({ ...options, fetch: createMockFetch() });
}
const result = await client.login(CREDENTIALS);
const ms = performance.now() - t0;
server?.close();
if (!result.ok || result.status !== "SUCCESS") throw new Error(`first answer was not SUCCESS: ${JSON.stringify(result)}`);
console.log(JSON.stringify({ ms, library }));
