// Issue 21's goal: secrets (mobile numbers, codes, tokens, a header value) echoed by a server, or thrown by a custom
// fetch, through random transformations and into random places, never show in any view of the result or its error.
// Checked on the exact echoed text and on the normalised view text (NFKC, ASCII digits, separators removed).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { LoginResult } from "../../src/index.js";
import { clientWith, json, normalise, views } from "../helpers/client.js";

/** Zeros of decimal digit runs a server might write a number in. */
const SCRIPTS = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce, 0x1d7ec];
const SEPARATORS = [" ", "-", ".", "\u00a0", "\u200b", "_", "/", " - ", "\u2009"];

type Transform = (secret: string) => string | number;
const hex = (s: string) => Buffer.from(s).toString("hex");

/** Ways a server rewrites a secret before echoing it. */
const transforms: fc.Arbitrary<[string, Transform]> = fc.oneof(
  fc.constant<[string, Transform]>(["as sent", (s) => s]),
  fc.constantFrom(...SCRIPTS).map<[string, Transform]>((zero) => [`digits from U+${zero.toString(16)}`, (s) => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)))]),
  fc.array(fc.constantFrom("", ...SEPARATORS), { minLength: 40, maxLength: 40 }).map<[string, Transform]>((seps) => ["separated", (s) => [...s].map((c, i) => (i ? seps[i] : "") + c).join("")]),
  fc.constant<[string, Transform]>(["\\u escapes", (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")]),
  fc.constant<[string, Transform]>(["percent", (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")]),
  fc.constant<[string, Transform]>(["HTML decimal references", (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join("")]),
  fc.constant<[string, Transform]>(["HTML hex references", (s) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join("")]),
  fc.constant<[string, Transform]>(["base64", (s) => Buffer.from(s).toString("base64")]),
  fc.constant<[string, Transform]>(["base64url", (s) => Buffer.from(s).toString("base64url")]),
  fc.constant<[string, Transform]>(["hex", hex]),
  fc.constant<[string, Transform]>(["upper-case hex", (s) => hex(s).toUpperCase()]),
  fc.constant<[string, Transform]>(["JSON number", (s) => (/^\d{1,15}$/.test(s) ? Number(s) : s)]),
  fc.constantFrom("+44 ", "0044-", "+86", "(+1) ", "0").map<[string, Transform]>((prefix) => [`prefixed ${prefix}`, (s) => prefix + s]),
  fc.constant<[string, Transform]>(["upper case", (s) => s.toUpperCase()]),
  fc.constant<[string, Transform]>(["prefixed request id", (s) => `req-${s}`]),
);

/** Where the server (or a custom fetch) puts the echo. */
const PLACES = [
  "header name",
  "header value",
  "X-Request-Id",
  "error_msg",
  "error_code",
  "reason phrase",
  "Location",
  "cause message",
  "cause code",
  "body property name",
  "body value",
  "Set-Cookie",
  "Retry-After",
] as const;
type Place = (typeof PLACES)[number];

// What fetch can carry in a header name or value; anything else goes as its percent form.
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;
const LATIN1 = /^[\t\x20-\x7e\x80-\xff]*$/;
const asHeaderValue = (text: string) => (LATIN1.test(text) ? text : encodeURIComponent(text));

/** The fetch answering (or failing) with `echo` in `place`, with HTTP `status` where it decides one. */
function answer(place: Place, echo: string | number, status: number): () => Response | Promise<Response> {
  const text = String(echo);
  const headers = (extra: Record<string, string>) => ({ "Content-Type": "application/json", ...extra });
  const body = status == 400 ? { error_code: "USER.0038", error_msg: "x" } : { status: "SUCCESS" };
  switch (place) {
    case "header name":
      return () => json(status, body, { headers: headers({ [`X-${TOKEN.test(text) ? text : hex(text)}`]: "1" }) });
    case "header value":
      return () => json(status, body, { headers: headers({ "X-Echo": asHeaderValue(text) }) });
    case "X-Request-Id":
      return () => json(status, body, { headers: headers({ "X-Request-Id": asHeaderValue(text) }) });
    case "Set-Cookie":
      return () => json(status, body, { headers: headers({ "Set-Cookie": `S=${asHeaderValue(text)}`, "X-Request-Id": asHeaderValue(text) }) });
    case "Retry-After":
      return () => json(503, {}, { headers: headers({ "Retry-After": asHeaderValue(text) }) });
    case "error_msg":
      return () => new Response(`{"error_code":"LOGIN.0002","error_msg":${JSON.stringify(echo)}}`, { status: 400 });
    case "error_code":
      return () => new Response(`{"error_code":${JSON.stringify(echo)},"error_msg":"x"}`, { status: status == 200 ? 400 : status });
    case "reason phrase":
      return () => new Response("{}", { status: status == 200 ? 503 : status, statusText: LATIN1.test(text) ? text.replace(/\t/g, " ") : encodeURIComponent(text) });
    case "Location":
      return () => new Response(null, { status: 302, headers: { Location: `https://elsewhere.example/${asHeaderValue(text)}?m=${encodeURIComponent(text)}` } });
    case "cause message":
      return () => Promise.reject(new TypeError(text, { cause: Object.assign(new Error(`inner ${text}`), { code: "ECONNRESET", data: text }) }));
    case "cause code":
      return () => Promise.reject(Object.assign(new TypeError("fetch failed"), { code: text, name: text }));
    case "body property name":
      return () => new Response(`{"status":"SUCCESS",${JSON.stringify(text)}:1,"x":{${JSON.stringify(text)}:[${JSON.stringify(echo)}]}}`, { status });
    case "body value":
      return () => new Response(`{"status":"SUCCESS","data":${JSON.stringify(text)},"expire":${typeof echo == "number" ? echo : 1},"trace":${JSON.stringify(echo)}}`, { status });
  }
}

/** What finds a secret in normalised text: a long number by its last 8 digits, a code without leading zeros, a token whole. */
function finders(secret: string): string[] {
  const n = normalise(secret);
  if (!/^\d+$/.test(n)) return [n];
  const core = n.replace(/^0+/, "");
  return [n.length > 8 ? n.slice(-8) : core.length > 3 ? core : n];
}

// Numbers the views may hold of their own (HTTP statuses, the documented code used above): a secret is never one.
const OWN = "user0038 login0002 v2 200 302 400 418 429 500 503";

const mobiles = fc.record({
  digits: fc.stringMatching(/^[1-9][0-9]{9,12}$/),
  // How the caller wrote it; the in-process mock treats these as one account, so users do this.
  written: fc.constantFrom("digits", "+", "00", "fullwidth", "arabic-indic", "spaced"),
});
const writeMobile = ({ digits, written }: { digits: string; written: string }) =>
  written == "+" ? `+${digits}` : written == "00" ? `00${digits}` : written == "fullwidth" ? digits.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d))) : written == "arabic-indic" ? digits.replace(/\d/g, (d) => String.fromCodePoint(0x660 + Number(d))) : written == "spaced" ? digits.replace(/(\d{3})(?=\d)/g, "$1 ") : digits;
const codes = fc.stringMatching(/^[0-9]{4,8}$/).filter((code) => !finders(code).some((f) => OWN.includes(f)));
const tokens = fc.stringMatching(/^[A-Za-z0-9]{16,32}$/);

describe("no view of a result holds a secret, however a server or a custom fetch echoes it (fast-check)", () => {
  test("mobile numbers, codes, tokens and header values through random transformations into random places", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          mobile: mobiles,
          code: codes,
          token: tokens,
          header: tokens.map((t) => `Bearer ${t}`),
          which: fc.constantFrom("mobile", "code", "token", "header"),
          transform: transforms,
          place: fc.constantFrom(...PLACES),
          status: fc.constantFrom(200, 400, 429, 500, 503, 418),
        }),
        async ({ mobile, code, token, header, which, transform: [, transform], place, status }) => {
          const secret = { mobile: mobile.digits, code, token, header }[which];
          const echo = transform(secret);
          const handler = answer(place, echo, status);
          // The token is the answer's own: in its cookie, and in its body on a 200, where a server puts tokens.
          const { client } = clientWith(async () => {
            const response = await handler();
            if (which != "token") return response;
            const text = await response.text();
            const withToken = response.status == 200 && text.startsWith("{") ? `{"session_token":${JSON.stringify(token)},${text.slice(1)}` : text || null;
            const headers = new Headers(response.headers);
            headers.append("Set-Cookie", `SESSION=${token}`);
            return new Response(withToken, { status: response.status, statusText: response.statusText, headers });
          });
          const result: LoginResult = await client.login({ mobile: writeMobile(mobile), verify_code: code }, { headers: { Authorization: header } });
          const text = views(result);
          const flat = normalise(text);
          if (String(echo).length >= 6) expect(text.toLowerCase()).not.toContain(String(echo).toLowerCase());
          for (const s of [mobile.digits, code, token, header]) for (const f of finders(s)) expect(flat, `${f} shown`).not.toContain(f);
        },
      ),
      // VIEW_RUNS=3000 for a longer hunt (two such runs passed when this was written).
      { numRuns: Number(process.env.VIEW_RUNS ?? 400) },
    );
  }, 120_000);
});
