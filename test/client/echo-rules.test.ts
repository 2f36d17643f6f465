// Echoes that beat the old redactor's rules (one secret inside another, a country prefix the caller wrote or the server
// added, short secrets) now never reach a view at all: server text is not shown, so nothing has to be recognised.
import { describe, expect, test } from "vitest";
import type { ContractViolationError, LoginResult } from "../../src/index.js";
import { REDACTED, redactor } from "../../src/client/redact.js";
import { clientWith, normalise, views } from "../helpers/client.js";

/** The result of a login with these credentials when the server answers a 200 breaking the contract, `echo` in it. */
async function echoed(credentials: { mobile: string; verify_code: string }, echo: string): Promise<LoginResult> {
  const body = JSON.stringify({ status: "NOPE", trace: echo });
  const { client } = clientWith(() => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
  return client.login(credentials);
}

/** Asserts no view of result shows echo, as written or normalised, and the raw body still has it. */
function hidden(result: LoginResult, echo: string) {
  const text = views(result);
  expect(text).not.toContain(echo);
  expect(normalise(text)).not.toContain(normalise(echo));
  expect(!result.ok && (result.error as ContractViolationError).body).toEqual({ status: "NOPE", trace: echo });
}

describe("echoes the redactor had rules for", () => {
  test("a code that is the start of the mobile number leaves nothing of the number behind", async () => {
    const result = await echoed({ mobile: "12345678901", verify_code: "123456" }, "user 12345678901 asked");
    hidden(result, "user 12345678901 asked");
    expect(views(result)).not.toContain("78901");
  });

  test.each([
    ["+8613912345678", "139 1234 5678"],
    ["008613912345678", "13912345678"],
    ["+86 139 1234 5678", "(0086) 139-1234-5678"],
    ["13912345678", "+86 13912345678"],
    ["13912345678", "0086-139.1234.5678"],
  ])("a mobile given as %j, echoed as %j, shows nowhere", async (mobile, echo) => {
    const result = await echoed({ mobile, verify_code: "918273" }, `for ${echo} today`);
    hidden(result, `for ${echo} today`);
    expect(views(result)).not.toMatch(/1234|5678|0086|\+86/);
  });

  test("a code shorter than 6 characters shows nowhere, and neither does the text around it", async () => {
    hidden(await echoed({ mobile: "13912345678", verify_code: "4242" }, "code 4242 sent at 14242"), "code 4242 sent at 14242");
  });
});

// The redactor the contract check (`verify`) still imports from src/client/redact.ts until its own rewrite lands; the
// client no longer uses it. Its rules stay pinned here while it exists.
describe("the redactor shared with the contract check", () => {
  const b64 = (plain: string, encoding: "base64" | "base64url") => Buffer.from(plain).toString(encoding);

  test("character references are decoded with or without the semicolon, letters included, up to the last code point", () => {
    const code = "ab12cd";
    const decimal = [...code].map((c) => `&#${c.codePointAt(0)}`).join("");
    const hex = [...code].map((c) => `&#x0${c.codePointAt(0)!.toString(16)};`).join("");
    const redact = redactor([code]);
    expect(redact(`a ${decimal} b`)).toBe(`a ${REDACTED} b`);
    expect(redact(`a ${hex} b`)).toBe(`a ${REDACTED} b`);
    // Past the last code point a reference is text, and redacting around it must not throw.
    expect(redact(`&#x110000; ${code}`)).toBe(`&#x110000; ${REDACTED}`);
    const last = `ab\u{10FFFF}12c`;
    expect(redactor([last])(`x &#x10FFFF; x &#x61;&#x62;&#x10FFFF;&#x31;&#x32;&#x63; y`)).toBe(`x \u{10FFFF} x ${REDACTED} y`);
  });

  test("base64 and base64url forms whose alphabets differ (+ and /, - and _) are both found", () => {
    const code = "~~~???~~~";
    for (const encoding of ["base64", "base64url"] as const) {
      const text = `token=${b64(`{"c":"${code}"}`, encoding)}`;
      expect(text).toMatch(encoding == "base64" ? /[+/]/ : /[-_]/);
      expect(redactor([code])(text)).toContain(REDACTED);
    }
  });

  test("a secret with letters is not read as a number: its digits alone elsewhere stay", () => {
    expect(redactor(["A123456"])("ref 123456, code A123456")).toBe(`ref 123456, code ${REDACTED}`);
  });

  test("a secret of 64 characters still has its encodings found; a longer one is found as written", () => {
    const at64 = "k".repeat(58) + "918273";
    expect(redactor([at64])(`x ${b64(`r=${at64}`, "base64")} y`)).toContain(REDACTED);
    const at65 = "k" + at64;
    expect(redactor([at65])(`x ${at65} y`)).toBe(`x ${REDACTED} y`);
    expect(redactor([at65, "918273"])(`x ${at65} y 918273`)).toBe(`x ${REDACTED} y ${REDACTED}`);
  });
});
