import fc from "fast-check";
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import type { ApiError, LoginResult } from "../../src/index.js";
import { clientWith, json } from "../helpers/client.js";

const SEPARATORS = [" ", "-", ".", "(", ")", " - "];

/** Digits written out with random separators between them, as a server might format a number. */
const formatted = (digits: string) =>
  fc.array(fc.constantFrom("", "", ...SEPARATORS), { minLength: digits.length, maxLength: digits.length }).map((seps) =>
    [...digits].map((d, i) => (i ? seps[i] : "") + d).join(""),
  );

// A mobile number: a country code, a national number, and how the caller wrote it.
const mobiles = fc
  .record({ cc: fc.stringMatching(/^[1-9][0-9]{0,2}$/), national: fc.stringMatching(/^[1-9][0-9]{7,10}$/), written: fc.constantFrom("national", "+", "00", "+ spaced") })
  .map(({ cc, national, written }) => ({
    cc,
    national,
    mobile: written == "national" ? national : written == "+" ? `+${cc}${national}` : written == "00" ? `00${cc}${national}` : `+${cc} ${national.slice(0, 3)} ${national.slice(3)}`,
  }));

// Codes: digits, or letters with digits (a plain word such as "length" would match the views' own text). Shorter
// codes are redacted too, as whole tokens (see the test below); fewer than 4 characters would also match
// ordinary numbers of the client's own text, so a leak could not be told from them here.
const codes = fc.oneof(fc.stringMatching(/^[0-9]{4,8}$/), fc.stringMatching(/^[A-Za-z0-9]{4,8}$/).filter((c) => /\d/.test(c) && /[A-Za-z]/.test(c)));

/** How a server echoes the number: bare or with a country prefix, formatted at random. */
const echoes = (cc: string, national: string) =>
  fc.tuple(fc.constantFrom("", `+${cc} `, `+${cc}`, `00${cc} `, `(+${cc}) `), formatted(national)).map(([prefix, n]) => prefix + n);

/** Where the server puts the echoed text. */
type Place = "statusText" | "error_msg" | "error_code" | "body field" | "cause" | "header";
const places = fc.constantFrom<Place>("statusText", "error_msg", "error_code", "body field", "cause", "header");

function answer(place: Place, text: string): () => Response | Promise<Response> {
  const words = `for ${text} now`;
  switch (place) {
    case "statusText":
      return () => new Response("", { status: 503, statusText: `Busy ${words}` });
    case "error_msg":
      return () => json(400, { error_code: "USER.0038", error_msg: `Invalid ${words}` });
    case "error_code":
      return () => json(502, { error_code: words, error_msg: "x" });
    case "body field":
      return () => json(200, { status: `BAD ${words}`, session_token: words, echo: { [words]: [words] } });
    case "header":
      return () => json(418, {}, { headers: { "X-Echo": words, "Set-Cookie": `s=${words}` } });
    case "cause":
      return () => Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error(`socket ${words}`), { data: words }) }));
  }
}

/** Every way the result and its error (with the whole cause chain) can be shown. */
function views(result: LoginResult): string[] {
  const out = [inspect(result, { depth: Infinity, showHidden: true }), JSON.stringify(result)];
  for (let e: unknown = result.ok ? undefined : result.error; e !== undefined; e = (e as Error).cause) {
    out.push(String(e), JSON.stringify(e) ?? "", inspect(e, { depth: Infinity, showHidden: true }));
    if (e instanceof Error) out.push(e.message, e.stack ?? "");
  }
  // Stack frames are the client's and Node's own code: their line numbers are not echoes.
  return out.map((view) => view.replace(/^\s*at .*$/gm, ""));
}

const SEPARATED = /(?<=\d)[\s\-.()]+(?=\d)/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when view shows the code: long digit codes in any formatting, short or mixed ones as a whole token. */
function showsCode(view: string, code: string) {
  if (/^\d{6,}$/.test(code)) return view.replace(SEPARATED, "").includes(code);
  if (code.length >= 6) return view.includes(code);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(code)}(?![\\p{L}\\p{N}])`, "u").test(view);
}

describe("no view shows the credentials however a server formats them (fast-check)", () => {
  test("random numbers and codes, formatted at random, echoed anywhere: no view shows them", async () => {
    await fc.assert(
      fc.asyncProperty(
        mobiles.chain((m) => fc.record({ m: fc.constant(m), code: codes, echo: echoes(m.cc, m.national), place: places, echoCode: fc.boolean() })),
        async ({ m, code, echo, place, echoCode }) => {
          const text = echoCode ? (/^\d{6,}$/.test(code) ? [...code].join(" ") : code) : echo;
          const { client } = clientWith(answer(place, text));
          const result = await client.login({ mobile: m.mobile, verify_code: code });
          for (const view of views(result)) {
            expect(view.replace(SEPARATED, "")).not.toContain(m.national);
            expect(showsCode(view, code), `${code} in ${view}`).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
    // 400 logins: seconds on a loaded machine, more than the 4 s mutation runs give a test (vitest.mutate.config.ts).
  }, 60_000);

  test.each([
    ["a formatted number, prefix included", { mobile: "13912345678", verify_code: "918273" }, "Invalid +86 (139) 1234-5678 and 0086 139.1234.5678."],
    ["the national number when the caller wrote a country prefix", { mobile: "+8613912345678", verify_code: "918273" }, "Invalid 139 1234 5678."],
    ["a code starting with 00, spaced out", { mobile: "13912345678", verify_code: "000012" }, "Code 0 0 0 0 1 2 is wrong."],
    ["a short code among ordinary numbers", { mobile: "13912345678", verify_code: "4711" }, "Code 4711 wrong; 8 of 14711 attempts left."],
  ])("error_msg echoing %s: the message is the package's sentence, errorMsg keeps the raw text", async (_what, credentials, errorMsg) => {
    const { client } = clientWith(() => json(400, { error_code: "USER.0038", error_msg: errorMsg }));
    const result = await client.login(credentials);
    expect(!result.ok && result.error.message).toBe("OneAccess refused the login with USER.0038: POST https://tenant.example.test/api/v2/sdk/login/mobile-verify-code");
    expect(!result.ok && (result.error as ApiError).errorMsg).toBe(errorMsg);
    for (const view of views(result)) expect(view).not.toContain(errorMsg);
  });
});
