// The Prism mock's throughput against a minimal node server answering the same JSON, per Prism log level, and a
// 50-client soak of the mock through the client with every answer schema-checked.
import { Agent, request } from "node:http";
import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { createLoginClient } from "../../dist/src/index.js";
import { startMock } from "../../dist/src/mock/index.js";
import { startAnswerServer } from "./answer-server.mjs";
import { runLoad, rssMiB } from "./load.mjs";
import { CLIENT_ID, CONTENT_TYPE, CREDENTIALS, DEVICE, HEADERS, LOGIN_PATH } from "./fixtures.mjs";

const BODY = JSON.stringify(CREDENTIALS);

/** One keep-alive POST of the page's request with node:http (cheaper than fetch, so the server is what is measured). */
function poster(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const headers = { ...HEADERS, "Content-Type": CONTENT_TYPE, "Content-Length": Buffer.byteLength(BODY) };
  return () =>
    new Promise((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: LOGIN_PATH, method: "POST", headers, agent }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(res.statusCode === 200 && text.includes('"SUCCESS"') ? undefined : `HTTP ${res.statusCode}`));
      });
      req.on("error", (e) => resolve(e.message));
      req.end(BODY);
    });
}

/** Requests/s and latency of the baseline server and of Prism at each log level. */
export async function mockThroughput({ durationMs, concurrency }) {
  const results = {};
  const server = await startAnswerServer();
  try {
    results["node http server (baseline)"] = await runLoad({ send: poster(server.port), concurrency, durationMs });
  } finally {
    await server.close();
  }
  for (const logLevel of ["info", "warn", "silent"]) {
    const mock = await startMock({ logLevel });
    try {
      results[`prism -v ${logLevel}`] = await runLoad({ send: poster(mock.port), concurrency, durationMs });
    } finally {
      await mock.stop();
    }
  }
  return results;
}

/** 50 clients for 10 s through the client against the mock: errors, schema validity, Prism's memory over time. */
export async function soak({ durationMs, concurrency }) {
  const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...spec, $id: "spec.json" });
  const valid = ajv.getSchema("spec.json#/components/schemas/LoginResponse");
  const mock = await startMock();
  const memory = [];
  try {
    const client = createLoginClient({ baseUrl: mock.url, clientId: CLIENT_ID, device: DEVICE });
    let invalid = 0;
    const result = await runLoad({
      concurrency,
      durationMs,
      onTick: async () => memory.push(await rssMiB(mock.pid)),
      send: async () => {
        const r = await client.login(CREDENTIALS);
        if (!r.ok) return `${r.error.kind}: ${r.error.message}`;
        if (!valid(r.body)) {
          invalid++;
          return "schema-invalid body";
        }
        return undefined;
      },
    });
    return { ...result, invalid, memory };
  } finally {
    await mock.stop();
  }
}
