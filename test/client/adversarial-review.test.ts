// Regressions from the adversarial review of the merged client: each test failed before its fix.
import { afterEach, describe, expect, test } from "vitest";
import { createLoginClient } from "../../src/index.js";
import { clientWith, PAGE, views } from "../helpers/client.js";
import { localServer } from "./local-server.js";

const MOBILE = "13800138000";
const CODE = "987654";

/** A stubbed server answering `body` with `status`. */
const answering = (status: number, body: string) =>
  clientWith(() => new Response(body, { status, headers: { "Content-Type": "application/json" } })).client;

describe("a signal that throws when listened to", () => {
  test("ends as an InputError, leaves no timer or rejection behind, and the same signal fails the same way again", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const signal = {
      aborted: false,
      addEventListener() {
        throw new Error(`listener refused for ${MOBILE}`);
      },
      removeEventListener() {},
    } as unknown as AbortSignal;
    const { client, requests } = clientWith(() => new Response("{}", { status: 200 }), { timeoutMs: 50 });
    for (let round = 0; round < 2; round++) {
      const result = await client.login({ mobile: MOBILE, verify_code: CODE }, { signal, timeoutMs: 50 });
      expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
      expect(views(result)).not.toContain(MOBILE);
    }
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the timeout a leftover timer would fire at
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
    expect(requests).toHaveLength(0);
  });
});

describe("a server echoing the credentials or tokens in other shapes", () => {
  test.each([
    ["the mobile number as a JSON number in a success", 200, `{"status":"SUCCESS","echo":${MOBILE}}`, MOBILE],
    ["the code as a JSON number in a success", 200, `{"status":"SUCCESS","echo":{"c":[${CODE}]}}`, CODE],
    ["a token copied into another field", 200, `{"status":"SUCCESS","session_token":"sess-TOKEN-abcdef","debug":"sess-TOKEN-abcdef"}`, "sess-TOKEN-abcdef"],
    ["the mobile number as a number in a contract violation", 200, `{"status":"NOPE","mobile":${MOBILE}}`, MOBILE],
    ["the code as a number in a 400 that breaks the contract", 400, `{"error_code":7,"verify_code":${CODE}}`, CODE],
  ])("%s never shows in a view of the result", async (_name, status, body, secret) => {
    const result = await answering(status, body).login({ mobile: MOBILE, verify_code: CODE });
    expect(views(result)).not.toContain(secret);
  });

  test.each([
    ["underscores", "m=138_0013_8000", "138_0013_8000", undefined],
    ["slashes", "m=138/0013/8000", "138/0013/8000", undefined],
    ["asterisks", "m=138*0013*8000", "138*0013*8000", undefined],
    ["URL-encoding", "m=%2B86%20138%200013%208000", "138%200013%208000", undefined],
    ["base64", "m=MTM4MDAxMzgwMDA=", "MTM4MDAxMzgwMDA=", undefined],
    ["another letter case", "code ABCDEF", "ABCDEF", "AbCdEf"],
    ["an e-mail in capitals", "m=USER@EXAMPLE.COM", "USER@EXAMPLE.COM", "user@example.com"],
    ["an URL-encoded e-mail", "m=user%40example.com", "user%40example.com", "user@example.com"],
  ])("a reason phrase with %s never shows", async (_name, echo, secret, given) => {
    const server = await localServer((res) => {
      res.statusMessage = `Busy ${echo}`;
      res.writeHead(503).end();
    });
    try {
      const credentials = given?.includes("@") ? { mobile: given, verify_code: CODE } : { mobile: MOBILE, verify_code: given ?? CODE };
      const result = await createLoginClient({ ...PAGE.options, baseUrl: server.url }).login(credentials);
      expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 503 } });
      expect(views(result)).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});

describe("answers and headers at the edges", () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  test("a redirect with a body over the cap is still an HttpError: a 3xx's body is never read", async () => {
    const server = await localServer((res) => res.writeHead(302, { Location: "http://127.0.0.1:9/x" }).end("x".repeat(200_000)));
    closing.push(server.close);
    const result = await createLoginClient({ ...PAGE.options, baseUrl: server.url }).login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 302 } });
  });

  test.each(["Connection", "Expect", "Upgrade", "Keep-Alive", "TE", "Trailer", "Proxy-Connection"])(
    "a per-call %s header is an InputError and nothing is sent",
    async (name) => {
      const { client, requests } = clientWith(() => new Response("{}"));
      const result = await client.login(PAGE.credentials, { headers: { [name]: "x" } });
      expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
      expect(requests).toHaveLength(0);
    },
  );
});
