// A server that echoes the credentials encoded: base64 at any byte offset (the secret inside a longer encoded text),
// base64url, hex, HTML character references, fullwidth digits. No view of the result may hold what encodes the secret:
// a view shows no field of the body at all, so no encoding needs to be recognised; the raw body keeps the echo.
import { describe, expect, test } from "vitest";
import type { ContractViolationError, LoginResult } from "../../src/index.js";
import { clientWith, views } from "../helpers/client.js";

const MOBILE = "13800000001";
const CODE = "918273";
const BODY = JSON.stringify({ mobile: MOBILE, verify_code: CODE });

/** The login's result when the server answers a 200 that breaks the contract, with `echo` in one of its fields. */
async function echoed(echo: string): Promise<LoginResult> {
  const body = JSON.stringify({ status: "NOPE", trace: echo });
  const { client } = clientWith(() => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
  return client.login({ mobile: MOBILE, verify_code: CODE });
}

/**
 * The characters of a base64 text of `plain` that depend on the bytes of `secret` alone: the rest also carry bits
 * of the bytes around it. Whatever else is left of the echo, these must not be.
 */
function encodedSpan(plain: string, secret: string, encoding: "base64" | "base64url"): string {
  const offset = Buffer.byteLength(plain.slice(0, plain.indexOf(secret)));
  const end = offset + Buffer.byteLength(secret);
  return Buffer.from(plain).toString(encoding).slice(Math.ceil((offset * 4) / 3), Math.floor((end * 4) / 3));
}

describe("a server echoing the credentials encoded", () => {
  // The prefixes move each secret through the three byte offsets base64 can start it at.
  test.each(["", "r", "r=", "req=", "trace: "])("base64 and base64url of %j + the request body hide neither secret", async (prefix) => {
    for (const encoding of ["base64", "base64url"] as const) {
      const plain = prefix + BODY;
      const result = await echoed(Buffer.from(plain).toString(encoding));
      const text = views(result);
      expect(text).toContain("breaks the contract");
      expect(!result.ok && (result.error as ContractViolationError).body).toEqual({ status: "NOPE", trace: Buffer.from(plain).toString(encoding) });
      for (const secret of [MOBILE, CODE]) expect(text, `${encoding} ${secret}`).not.toContain(encodedSpan(plain, secret, encoding));
    }
  });

  test.each([
    ["hex", (s: string) => Buffer.from(s).toString("hex")],
    ["upper-case hex", (s: string) => Buffer.from(s).toString("hex").toUpperCase()],
    ["decimal character references", (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join("")],
    ["hexadecimal character references", (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join("")],
    ["fullwidth digits", (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)))],
  ])("%s of either secret never show", async (_name, encode) => {
    for (const secret of [MOBILE, CODE]) {
      const text = views(await echoed(`was ${encode(secret)} here`));
      expect(text).not.toContain(encode(secret));
      expect(text).not.toContain("was ");
    }
  });
});

describe("what the views leave out", () => {
  test("text holding no secret is not shown either: server text never is, whatever it holds", async () => {
    const echo = "验证码错误 ＡＢＣ１２３ &#65;&#x42; 100%25 done";
    const result = await echoed(echo);
    const text = views(result);
    expect(text).not.toContain(JSON.stringify(echo).slice(1, -1));
    expect(text).not.toContain("trace");
    expect(!result.ok && (result.error as ContractViolationError).body).toEqual({ status: "NOPE", trace: echo });
  });

  test("a huge secret is refused as input, not a crash of the rule built for it", async () => {
    const { client, requests } = clientWith(() => new Response("{}", { status: 200 }));
    const result = await client.login({ mobile: "1".repeat(1_000_000), verify_code: CODE });
    expect(result).toMatchObject({ ok: false, error: { kind: "input" } });
    expect(requests).toHaveLength(0);
  });
});
