import { afterEach, describe, expect, test } from "vitest";
import { createLoginClient, HttpError } from "../../src/index.js";
import { clientWith, json, PAGE, views } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const OK = { status: "SUCCESS", session_token: "other-server-token" };

describe("POST /api/v2/sdk/login/mobile-verify-code: redirects are never followed", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test.each([301, 302, 303, 307, 308])("a real %i is an HttpError keeping only the Location's origin (raw), out of every view; the target sees nothing", async (status) => {
    const other = await localServer((res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(OK)));
    const first = await localServer((res) =>
      res.writeHead(status, { Location: `${other.url}/steal/path?mobile=${PAGE.credentials.mobile}&code=${PAGE.credentials.verify_code}` }).end("moved"),
    );
    closing.push(other.close, first.close);
    const client = createLoginClient({ ...PAGE.options, baseUrl: first.url });
    const result = await client.login(PAGE.credentials);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(HttpError);
    // The origin alone: the path and query a redirect points to may carry the credentials (docs/client.md).
    expect(result.error).toMatchObject({ kind: "http", status, location: new URL(other.url).origin });
    expect(Object.keys(result.error)).not.toContain("location");
    expect(result.error.message).toBe(`OneAccess answered HTTP ${status}, a redirect (not followed): POST ${first.url}/api/v2/sdk/login/mobile-verify-code`);
    expect(views(result)).not.toMatch(/steal|127\.0\.0\.1:\d+\/steal/);
    expect(views(result)).not.toContain(other.url);
    expect(first.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  test("asks fetch not to follow: the Request and the init both say redirect manual", async () => {
    let init: RequestInit | undefined;
    const { client, requests } = clientWith((_request, i) => ((init = i), json(200, OK)));
    await client.login(PAGE.credentials);
    expect(requests[0]!.redirect).toBe("manual");
    expect(init?.redirect).toBe("manual");
  });

  test("a custom fetch that followed a redirect anyway is an HttpError, not the other server's success", async () => {
    const followed = json(200, OK);
    Object.defineProperty(followed, "redirected", { value: true });
    const { client } = clientWith(() => followed);
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 200 } });
  });

  test("an opaque redirect (status 0) is an HttpError too", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperties(opaque, { status: { value: 0 }, type: { value: "opaqueredirect" }, ok: { value: false } });
    const { client } = clientWith(() => opaque);
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 0 } });
  });

  test.each([
    ["/elsewhere?code=232326", "https://tenant.example.test"],
    ["//collector.example:8443/p?c=1", "https://collector.example:8443"],
    ["data:,232326", "null"],
    ["http://[not a host", undefined],
    ["", undefined],
  ])("a Location %j is kept as its origin only: %j", async (target, origin) => {
    const { client } = clientWith(() => new Response(null, { status: 302, headers: { Location: target } }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 302 } });
    expect(!result.ok && result.error.kind === "http" && result.error.location).toBe(origin);
  });
});
