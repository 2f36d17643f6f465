// The programs test/release/registry.test.ts runs in fresh consumer projects: the client against a stub server on
// loopback, the testing entry's in-process mock, and the mock entry, which without Prism (an optional peer) must say
// how to install it. Each prints one JSON line; EXPECTED is what all three print.
import { LOGIN_PATH } from "../../src/index.js";

const CLIENT_ID = "DRrYIqauawN0I8myTMoDTPys6ezGZxnm";

/** What each program prints. */
export const EXPECTED = {
  stub: "SUCCESS",
  sent: [`POST ${LOGIN_PATH} ${CLIENT_ID} with a code`],
  testing: "MFA_AUTH",
  mock: "not-installed",
};

/** The program's body, after its imports; `typed` adds the TypeScript annotations. */
const body = (typed: boolean) => `
const seen${typed ? ": string[]" : ""} = [];
// A stub OneAccess: notes what it was sent and answers with the API page's success example.
const server = createServer((request, response) => {
  let text = "";
  request.on("data", (chunk) => (text += chunk));
  request.on("end", () => {
    seen.push(\`\${request.method} \${request.url} \${request.headers["x-client-id"]} \${JSON.parse(text).verify_code ? "with a code" : "without"}\`);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
  });
});
await new Promise${typed ? "<void>" : ""}((resolve) => server.listen(0, "127.0.0.1", resolve));
const device = { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "consumer/1.0" };
const credentials = { mobile: "12345678901", verify_code: "232326" };
const port = (server.address()${typed ? " as AddressInfo" : ""}).port;
const client = createLoginClient({ baseUrl: \`http://127.0.0.1:\${port}\`, clientId: "${CLIENT_ID}", device });
const real${typed ? ": LoginResult" : ""} = await client.login(credentials);
server.close();

const unit = createLoginClient({ baseUrl: "https://oneaccess.example", clientId: "${CLIENT_ID}", device, fetch: createMockFetch({ scenario: "mfaAuth" }) });
const mocked = await unit.login(credentials);

const mock = await startMock().then(
  async (running) => {
    await running.stop();
    return "started";
  },
  (error${typed ? ": unknown" : ""}) => (error instanceof MockError ? error.kind : String(error)),
);
console.log(JSON.stringify({ stub: real.ok ? real.status : real.error.kind, sent: seen, testing: mocked.ok ? mocked.status : mocked.error.kind, mock }));
`;

/** index.js of an ES module project. */
export const ESM_PROGRAM = `import { createServer } from "node:http";
import { createLoginClient } from "oneaccess-sms-login";
import { MockError, startMock } from "oneaccess-sms-login/mock";
import { createMockFetch } from "oneaccess-sms-login/testing";
${body(false)}`;

/** index.js of a CommonJS project: the same, required, in an async function. */
export const CJS_PROGRAM = `const { createServer } = require("node:http");
const { createLoginClient } = require("oneaccess-sms-login");
const { MockError, startMock } = require("oneaccess-sms-login/mock");
const { createMockFetch } = require("oneaccess-sms-login/testing");

(async () => {
${body(false)}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** index.ts of a TypeScript project (ES module), compiled with the consumer's own tsc. */
export const TS_PROGRAM = `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createLoginClient, type LoginResult } from "oneaccess-sms-login";
import { MockError, startMock } from "oneaccess-sms-login/mock";
import { createMockFetch } from "oneaccess-sms-login/testing";
${body(true)}`;

/** A strict tsconfig.json for Node's module resolution, as \`tsc --init\` users set it. */
export const TSCONFIG = JSON.stringify(
  { compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: ["node"], skipLibCheck: false } },
  null,
  2,
);
