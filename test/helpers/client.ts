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

/**
 * Every view a logger or serializer may print of a result and its error: inspect at any depth (showHidden too),
 * JSON.stringify, and for each link of the error's cause chain its String(), message, JSON and inspect. Stack frames
 * ("    at …", and file:line:column anywhere) name code, not values: the package's, Node's and the caller's own
 * functions and files (docs/views.md, Limits). They are left out, so their line numbers are not taken for echoes.
 */
export function views(result: LoginResult): string {
  const out = [inspect(result, { depth: Infinity }), inspect(result, { depth: Infinity, showHidden: true }), JSON.stringify(result), inspect({ ...result })];
  let depth = 0;
  for (let e: unknown = result.ok ? undefined : result.error; e !== undefined && depth < 10; e = (e as Error).cause, depth++) {
    out.push(String(e), JSON.stringify(e) ?? "", inspect(e, { depth: Infinity, showHidden: true }));
    if (e instanceof Error) out.push(e.message, e.stack ?? "");
  }
  // showHidden prints a cause's stack as a quoted string: its frames' file positions are left out there too.
  return out
    .join("\n")
    .replace(/^\s*at .*$/gm, "")
    .replace(/(?:[\w:/.@-]+\.[cm]?[jt]s|node:[\w/]+):\d+:\d+/g, "");
}

/** The digit a Unicode decimal digit stands for: its distance from the first digit of its run of ten. */
function digit(d: string): string {
  let zero = d.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((d.codePointAt(0)! - zero) % 10);
}

/**
 * Text as the tests compare views with secrets, so an echo in another form is found too: NFKC, every Unicode decimal
 * digit as ASCII, letters and digits only, lower case. The client itself never compares: its views hold no server text.
 */
export const normalise = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/(?![0-9])\p{Nd}/gu, digit)
    .replace(/[^\p{L}\p{N}]/gu, "")
    .toLowerCase();
