// The client's guarantees in a real browser: its esbuild bundle runs in headless Chromium on a loopback page and
// logs in against live loopback node:http servers on another origin (so CORS and the browser's own fetch apply):
// a success, a 400 ApiError, a timeout, an oversized body and a redirect, which a browser hides (an opaque answer).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { repoPath } from "../helpers/spec.js";
import { CHROMIUM, describeWithChromium } from "../helpers/chromium.js";
import { launch } from "./chromium.js";
import { CREDENTIALS, type Outcome } from "./harness.js";


/**
 * package.json's "browser" map applied to the sources the harness imports: a consumer's bundler swaps
 * dist/src/X.js for the mapped file, so this bundle swaps src/X.ts for the mapped file's source.
 */
const browserMap = {
  name: "package-browser-map",
  setup(b: import("esbuild").PluginBuild) {
    const map: Record<string, string> = JSON.parse(readFileSync(repoPath("package.json"), "utf8")).browser;
    const toSource = (path: string) => repoPath(path.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts"));
    const swaps = new Map(Object.entries(map).map(([from, to]) => [toSource(from), toSource(to)]));
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const swapped = swaps.get(args.path);
      return swapped ? { contents: readFileSync(swapped, "utf8"), loader: "ts", resolveDir: dirname(swapped) } : undefined;
    });
  },
};

/** A node:http server on 127.0.0.1 with a free port. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const TOKEN = "bts-browser-session-token-5b1e";
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

/** The answers of the API server, by the base path a case gives the client. */
const CASES: Record<string, (res: ServerResponse) => void> = {
  success: (res) => json(res, 200, { status: "SUCCESS", session_token: TOKEN, expire: 604800 }, { "X-Request-Id": "req-1" }),
  "api-error": (res) => json(res, 400, { error_code: "LOGIN.0002", error_msg: "Invalid account name or password. Remaining attempts: 4." }),
  oversized: (res) => json(res, 200, { status: "SUCCESS", session_token: "x".repeat(200_000) }),
  redirect: (res) => {
    res.writeHead(307, { Location: `https://elsewhere.example/steal?mobile=${CREDENTIALS.mobile}` });
    res.end();
  },
  timeout: () => {
    // Never answers: the client's own timeout must end the login.
  },
};

describeWithChromium("the client in headless Chromium against live loopback servers", () => {
  let page: Page;
  let pageOrigin: string;
  let apiOrigin: string;
  const servers: Server[] = [];
  const offLoopback: string[] = [];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [repoPath("test/browser/harness.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
      plugins: [browserMap],
    });
    const script = bundle.outputFiles[0]!.text;
    expect(script).not.toMatch(/from\s*["']node:|require\(["']node:/);
    // The browser's variant of the transport code list: none.
    expect(script).not.toContain("ECONNREFUSED");

    const api = await listen((req, res) => {
      // Another origin than the page's: the browser sends a preflight for the client's headers, then the login.
      res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
      res.setHeader("Access-Control-Expose-Headers", "X-Request-Id");
      if (req.method === "OPTIONS") {
        res.writeHead(204, { "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*" });
        return void res.end();
      }
      req.resume();
      const name = req.url?.split("/")[1] ?? "";
      if (req.url !== `/${name}${LOGIN_PATH}` || !CASES[name]) return json(res, 404, { error_code: "TEST.0404", error_msg: "no such case" });
      req.on("end", () => CASES[name]!(res));
    });
    const site = await listen((req, res) => {
      if (req.url === "/bundle.js") {
        res.writeHead(200, { "Content-Type": "text/javascript" });
        return void res.end(script);
      }
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<!doctype html><html><body>ready</body><script type="module" src="/bundle.js"></script></html>`);
    });
    servers.push(api.server, site.server);
    apiOrigin = api.origin;
    pageOrigin = site.origin;

    const browser = await launch(CHROMIUM!);
    close = browser.close;
    // Nothing may leave the machine: a followed redirect or a stray request would show here.
    await browser.context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      offLoopback.push(route.request().url());
      return route.abort();
    });
    page = await browser.context.newPage();
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() => "runLogin" in globalThis, undefined, { timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await close?.();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(offLoopback).toEqual([]);
  });

  const login = (name: string, extra: Record<string, unknown> = {}): Promise<Outcome> =>
    page.evaluate(([base, options]) => (globalThis as unknown as { runLogin: (b: string, o: object) => Promise<Outcome> }).runLogin(base, options), [`${apiOrigin}/${name}`, extra] as const);

  /** No view of an outcome shows the credentials or the session token. */
  const expectSafeViews = (outcome: Outcome) => {
    for (const view of outcome.views) {
      expect(view).not.toContain(CREDENTIALS.mobile);
      expect(view).not.toContain(CREDENTIALS.verify_code);
      expect(view).not.toContain(TOKEN);
    }
  };

  test("a success: the typed result, its token readable by name and in no view", async () => {
    const outcome = await login("success");
    expect(outcome).toMatchObject({ ok: true, status: "SUCCESS", sessionToken: TOKEN });
    expectSafeViews(outcome);
  });

  test("a 400 is an ApiError with OneAccess's code", async () => {
    const outcome = await login("api-error");
    expect(outcome).toMatchObject({ ok: false, kind: "api", name: "ApiError", code: "LOGIN.0002" });
    expectSafeViews(outcome);
  });

  test("an answer that never comes is a timeout, within the client's timeoutMs", async () => {
    const started = Date.now();
    const outcome = await login("timeout", { timeoutMs: 400 });
    expect(outcome).toMatchObject({ ok: false, kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expectSafeViews(outcome);
  });

  test("a body over the size cap is a format error, not read whole", async () => {
    const outcome = await login("oversized");
    expect(outcome).toMatchObject({ ok: false, kind: "format" });
    expectSafeViews(outcome);
  });

  // In a browser a manual redirect is an opaque answer (status 0, no Location): the client says it was a redirect whose
  // target is hidden, never "HTTP 0" and never an origin as its target.
  test("a redirect is refused and said as what is known: a redirect whose target the browser hides", async () => {
    const outcome = await login("redirect");
    expect(outcome).toMatchObject({ ok: false, kind: "http" });
    expect(outcome.message).toMatch(/redirect/i);
    expect(outcome.message).not.toMatch(/HTTP 0\b/);
    // The browser hides the target: no origin is known, least of all the page's own or the API's.
    expect(outcome.location).toBeUndefined();
    expect(outcome.message).not.toContain(pageOrigin);
    // The API's own URL ends every message (": POST <url>"); it is never named as where the redirect went.
    expect(outcome.message).not.toMatch(/redirect to /);
    expect((outcome.message ?? "").split(": POST ")[0]).not.toContain(apiOrigin);
    expectSafeViews(outcome);
  });

  test("a redirect is never followed and never a success, whatever the client says of it", async () => {
    const outcome = await login("redirect");
    expect(outcome).toMatchObject({ ok: false, kind: "http" });
    expect(offLoopback).toEqual([]);
    expectSafeViews(outcome);
  });
});
