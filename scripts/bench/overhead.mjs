// Client overhead: the wrapper's login() against bare openapi-fetch and a raw fetch call, doing the same request.
import createClient from "openapi-fetch";
import { createLoginClient } from "../../dist/src/index.js";
import { startAnswerServer } from "./answer-server.mjs";
import { compare } from "./measure.mjs";
import { ANSWER, CLIENT_ID, CONTENT_TYPE, CREDENTIALS, DEVICE, HEADERS, LOGIN_PATH } from "./fixtures.mjs";

/** The three ways to make the call, all through the given fetch. */
function variants(baseUrl, fetchImpl) {
  const bare = createClient({ baseUrl, fetch: fetchImpl, headers: { "Content-Type": CONTENT_TYPE } });
  const wrapper = createLoginClient({ baseUrl, clientId: CLIENT_ID, device: DEVICE, fetch: fetchImpl });
  const url = `${baseUrl}${LOGIN_PATH}`;
  return {
    "raw fetch": async () => {
      const response = await fetchImpl(
        new Request(url, { method: "POST", headers: { ...HEADERS, "Content-Type": CONTENT_TYPE }, body: JSON.stringify(CREDENTIALS) }),
      );
      const body = JSON.parse(await response.text());
      if (body.status !== "SUCCESS") throw new Error("raw: bad answer");
    },
    "openapi-fetch": async () => {
      const { data } = await bare.POST(LOGIN_PATH, { params: { header: HEADERS }, body: CREDENTIALS });
      if (data?.status !== "SUCCESS") throw new Error("openapi-fetch: bad answer");
    },
    // A per-request timeout done by hand, the usual way: the signal goes into openapi-fetch's Request.
    "openapi-fetch + timeout on Request": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const { data } = await bare.POST(LOGIN_PATH, { params: { header: HEADERS }, body: CREDENTIALS, signal: controller.signal });
        if (data?.status !== "SUCCESS") throw new Error("openapi-fetch: bad answer");
      } finally {
        clearTimeout(timer);
      }
    },
    // The same timeout the way the wrapper applies it, the signal handed to fetch: the fair baseline for its abort
    // handling.
    "openapi-fetch + timeout to fetch": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      const signalled = (request, init) => fetchImpl(request, { ...init, signal: controller.signal });
      try {
        const { data } = await bare.POST(LOGIN_PATH, { params: { header: HEADERS }, body: CREDENTIALS, fetch: signalled });
        if (data?.status !== "SUCCESS") throw new Error("openapi-fetch: bad answer");
      } finally {
        clearTimeout(timer);
      }
    },
    wrapper: async () => {
      const result = await wrapper.login(CREDENTIALS);
      if (!result.ok) throw new Error(`wrapper: ${result.error.message}`);
    },
  };
}

/** With a stubbed fetch that answers at once: pure client-side cost. */
export async function stubbed({ iterations }) {
  const stub = async () => new Response(ANSWER, { status: 200, headers: { "Content-Type": "application/json" } });
  return compare(variants("https://tenant.example.test", stub), { iterations, baseline: "openapi-fetch" });
}

/** Over loopback to a minimal node http server: the cost as a real call sees it. */
export async function loopback({ iterations }) {
  const server = await startAnswerServer();
  try {
    return await compare(variants(`http://127.0.0.1:${server.port}`, globalThis.fetch), { iterations, baseline: "openapi-fetch" });
  } finally {
    await server.close();
  }
}

/**
 * Each operation's method against openapi-fetch making the same request with the same timeout (the signal handed to
 * fetch), over a stub answering the spec's first named 200 example: the pipeline's cost per operation.
 */
export async function perOperation({ iterations }) {
  const { METHOD_NAMES } = await import("../../dist/generated/operations.js");
  const ops = await import("../../dist/generated/operations.js");
  const { readFileSync } = await import("node:fs");
  const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));
  const deref = (node) => (node?.$ref ? deref(node.$ref.slice(2).split("/").reduce((n, k) => n[k], spec)) : node);
  const baseUrl = "https://tenant.example.test";
  const out = {};
  for (const [id, method] of Object.entries(METHOD_NAMES)) {
    const op = ops[id];
    const specOp = spec.paths[op.path][op.method.toLowerCase()];
    const media = Object.values(deref(specOp.responses["200"]).content ?? {})[0];
    const example = media ? deref(Object.values(media.examples)[0]).value : undefined;
    const text = example === undefined ? null : JSON.stringify(example);
    const stub = async () => new Response(text, { status: 200, headers: text ? { "Content-Type": "application/json" } : {} });
    const requestMedia = specOp.requestBody ? Object.values(deref(specOp.requestBody).content)[0] : undefined;
    const body = requestMedia ? deref(Object.values(requestMedia.examples ?? {})[0])?.value ?? requestMedia.schema?.examples?.[0] ?? deref(requestMedia.schema).examples?.[0] : undefined;
    const stateToken = op.fromInput ? { "X-state-token": "eyJhbGciOiJIUzI1NiJ9.e30.x" } : {};
    const input = { ...(body ?? {}), ...(op.fromInput ? { state_token: stateToken["X-state-token"] } : {}) };
    const bare = createClient({ baseUrl, fetch: stub, headers: { "Content-Type": CONTENT_TYPE } });
    const wrapper = createLoginClient({ baseUrl, clientId: CLIENT_ID, device: DEVICE, fetch: stub });
    const call = Object.keys(input).length ? () => wrapper[method](input) : () => wrapper[method]();
    out[method] = await compare(
      {
        "openapi-fetch + timeout to fetch": async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 10_000);
          const signalled = (request, init) => stub(request, { ...init, signal: controller.signal });
          try {
            const { response } = await bare.request(op.method.toLowerCase(), op.path, { params: { header: { ...HEADERS, ...stateToken } }, body, fetch: signalled });
            if (!response.ok) throw new Error("openapi-fetch: bad answer");
          } finally {
            clearTimeout(timer);
          }
        },
        wrapper: async () => {
          const result = await call();
          if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        },
      },
      { iterations, baseline: "openapi-fetch + timeout to fetch" },
    );
  }
  return out;
}
