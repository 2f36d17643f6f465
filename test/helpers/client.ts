import { inspect } from "node:util";
import { createLoginClient, type LoginClientOptions, type LoginResult } from "../../src/index.js";

/** The API page's example request: headers as client options, and the body. */
export const PAGE = {
  options: {
    baseUrl: "https://tenant.example.test",
    clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    tenantId: "08f770f51f80d2f40f38c00cb199fd21",
    device: {
      osVersion: "Android 10",
      fingerprint: "156aysdna213sac",
      ip: "10.10.10.1",
      agent:
        "Mozilla/5.0 (Linux; Android 10; Redmi K30 Build/QKQ1.190825.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/80.0.3987.99 Mobile Safari/537.36",
      language: "zh",
    },
  } satisfies LoginClientOptions,
  credentials: { mobile: "12345678901", verify_code: "232326" },
};

/** A JSON response as a server would send it. */
export function json(status: number, body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" }, ...init });
}

/** A client whose fetch is the given handler; `requests` records what it was sent. */
export function clientWith(
  handler: (request: Request, init?: RequestInit) => Response | Promise<Response>,
  overrides: Partial<LoginClientOptions> = {},
) {
  const requests: Request[] = [];
  const client = createLoginClient({
    ...PAGE.options,
    ...overrides,
    fetch: async (request: Request, init?: RequestInit) => {
      requests.push(request.clone());
      return handler(request, init);
    },
  } as LoginClientOptions);
  return { client, requests };
}

/** Every view a logger or serializer may print of a result and its error, with the answer's body the error keeps. */
export function views(result: LoginResult): string {
  const error = result.ok ? undefined : (result.error as { body?: unknown });
  return [
    inspect(result, { depth: Infinity }),
    JSON.stringify(result),
    error ? inspect(error, { depth: Infinity, showHidden: true }) : "",
    error ? JSON.stringify(error.body) : "",
  ].join("\n");
}
