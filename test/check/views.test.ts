// verify's views (the text report, the report object, the JUnit file) are built only from parts that cannot carry a
// secret: the package's sentences, check and probe names, statuses, counts, sizes, schema-known locations, the
// documented media type and OneAccess-shaped error codes. A hostile server echoes the credentials and the caller's
// header values in every form and place it can; none may come back, however a reader decodes the view.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { checkServer, formatCheckReport, toJUnit, type CheckReport } from "../../src/check/index.js";
import { repoPath } from "../helpers/spec.js";
import { useRawServers, type RawReply, type RawSeen } from "./raw-upstream.js";

// The built bin, as consumers run it.
const CLI = repoPath("dist/src/cli/bin.js");
const MOBILE = "13912345678";
// A leading zero, so its JSON-number echo (93817) differs; above 65535, so no port can look like it.
const CODE = "093817";
const HEADER_SECRET = "tnt-SeCrEt-value";
const work = mkdtempSync(join(tmpdir(), "oa-views-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every Unicode decimal digit read as its ASCII value: runs of \p{Nd} are blocks of ten from their zero.
const asciiDigits = (text: string) =>
  text.replace(/\p{Nd}/gu, (d) => {
    let start = d.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((d.codePointAt(0)! - start) % 10);
  });
const shift = (digits: string, zero: number) => digits.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));

/** The echoes of one value a hostile server sends: digit scripts, compatibility forms, escapes, groupings. */
const echoes = (digits: string): string[] => [
  digits,
  shift(digits, 0x0660), // Arabic-Indic
  shift(digits, 0x06f0), // Persian
  shift(digits, 0x0966), // Devanagari
  shift(digits, 0xff10), // fullwidth
  [...digits].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join(""), // \u escapes inside JSON text
  digits.replace(/(\d{3})(?=\d)/g, "$1&nbsp;"),
  digits.replace(/(\d{3})(?=\d)/g, "$1\u00a0"),
  digits.replace(/(\d{2})(?=\d)/g, "$1\u200b"),
  Buffer.from(digits).toString("base64"),
  Buffer.from(digits).toString("hex"),
];

/** Every way a reader could decode a view: entities and escapes undone, NFKC, digits to ASCII, separators dropped. */
function decoded(view: string): string[] {
  const entities = view.replace(/&nbsp;/g, " ").replace(/&#(x[\da-f]+|\d+);/gi, (_, n: string) => String.fromCodePoint(n[0]!.toLowerCase() === "x" ? parseInt(n.slice(1), 16) : Number(n)));
  const unescaped = entities.replace(/\\u([\da-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const plain = asciiDigits(unescaped.normalize("NFKC")).replace(/(?<=\d)[\s().\-\u200b-\u200f\u00a0]+(?=\d)/g, "");
  const runs = (re: RegExp) => plain.match(re) ?? [];
  return [
    view,
    plain,
    ...runs(/[A-Za-z0-9+/=]{8,}/g).flatMap((run) => [0, 1, 2, 3].map((s) => Buffer.from(run.slice(s), "base64").toString("latin1"))),
    ...runs(/[\da-f]{12,}/gi).flatMap((run) => [0, 1].map((s) => Buffer.from(run.slice(s, run.length - ((run.length - s) % 2)), "hex").toString("latin1"))),
  ];
}

/** Which secrets a view shows, in any decoding. */
const leaks = (view: string, secrets: readonly string[]) => secrets.filter((secret) => decoded(view).some((d) => d.toLowerCase().includes(secret.toLowerCase())));
// "tnt-SeCrEt": a part of the header value (the report names ONEACCESS_CLIENT_SECRET, so not "secret" alone).
const CLIENT_ID = "cid-Wk3mR8qZ";
const CLIENT_SECRET = "cs-7Hq9PzX2vLt";
const SECRETS = [MOBILE, MOBILE.slice(3), CODE, String(Number(CODE)), HEADER_SECRET, "tnt-SeCrEt", CLIENT_SECRET, CLIENT_ID];

/** What a CI runner or terminal reads as a command: control characters (but the line break) and `::` lines. */
const unsafe = (text: string) => [...(text.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? []), ...text.split("\n").filter((line) => line.startsWith("::"))];

const views = (report: CheckReport) => ({ text: formatCheckReport(report), junit: toJUnit(report), json: JSON.stringify(report), inspect: inspect(report, { depth: Infinity }) });

/** The hostile answer: every echo of every secret in the body, header names and values, the reason phrase. */
function hostile(seen: RawSeen, status: number): RawReply {
  const all = [MOBILE, CODE, HEADER_SECRET].flatMap((s) => (/^\d+$/.test(s) ? echoes(s) : [s]));
  const body = {
    error_code: Number(MOBILE), // a JSON number: 13912345678
    error_msg: `bad ${all.join(" ")}\n::error::pwned\n::add-mask::x\u001b[31m${seen.body}`,
    [MOBILE]: Number(CODE), // a property the contract does not know, named by the secret
    [`${CODE}`]: seen.headers["x-tenant-id"],
  };
  const utf8 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
  return {
    status,
    reason: utf8(`Bad ${MOBILE} \u001b[2J ::error::pwned ${shift(CODE, 0x0660)} ${seen.headers["x-tenant-id"] ?? ""}`),
    headers: [
      ["Content-Type", `application/x-${MOBILE}+json; charset=${CODE}`],
      [`X-${MOBILE}`, "1"],
      [`X-Echo-${CODE}`, utf8(shift(CODE, 0xff10))],
      [`X-${seen.headers["x-tenant-id"] ?? "none"}`, seen.headers["x-tenant-id"] ?? ""],
      ["X-Request-Id", CODE],
    ],
    body: JSON.stringify(body).replace(/"1/, '"\\u0031'),
  };
}

describe("verify's views cannot carry a secret", () => {
  const server = useRawServers();

  test("a server echoing credentials and header values in every form: no view shows one, nor a control character", async () => {
    const { url } = await server((seen) => hostile(seen, seen.json?.mobile === MOBILE ? 400 : 500));
    const report = await checkServer({ upstream: url, credentials: { mobile: MOBILE, verify_code: CODE }, headers: { "X-tenant-id": HEADER_SECRET }, maxRequests: 10 });
    expect(report.ok).toBe(false);
    for (const [name, view] of Object.entries(views(report))) {
      expect(leaks(view, SECRETS), name).toEqual([]);
      expect(view, name).not.toMatch(/pwned|add-mask/);
      if (name !== "inspect") expect(unsafe(view), name).toEqual([]);
    }
    const text = formatCheckReport(report);
    // What it does say: statuses, the rule, and the Content-Type only as "another media type".
    expect(text).toMatch(/valid login: HTTP 400: the Content-Type names another media type \(documented: application\/json\)/);
    expect(text).toMatch(/valid login: rejected a request keeping the contract with HTTP 400/);
    expect(text).toMatch(/server error HTTP 500/);
  });

  test("an error code of OneAccess's documented shape is shown; one of another shape, or error_msg, never", async () => {
    const { url } = await server((seen) => ({
      status: 400,
      headers: [["Content-Type", "application/json"]],
      body: JSON.stringify(seen.json?.mobile === MOBILE ? { error_code: "USER.0038", error_msg: `Invalid mobile ${MOBILE}` } : { error_code: `LOGIN.${CODE}`, error_msg: "x" }),
    }));
    const report = await checkServer({ upstream: url, credentials: { mobile: MOBILE, verify_code: CODE }, maxRequests: 2 });
    const text = formatCheckReport(report);
    expect(text).toMatch(/valid login: rejected a request keeping the contract with HTTP 400 \(error_code USER\.0038; a body of \d+ bytes\)/);
    expect(leaks(text, SECRETS)).toEqual([]);
  });

  test("a national number echoed in its international form (07700 900123 as +44 7700 900123) is not shown", async () => {
    const national = "07700 900123";
    const { url } = await server(() => ({
      status: 500,
      reason: "Error for +44 7700 900123",
      headers: [["Content-Type", "text/plain"], ["X-447700900123", "+44 7700 900123"]],
      body: `no account +44 7700 900123 (${national})`,
    }));
    const report = await checkServer({ upstream: url, credentials: { mobile: national, verify_code: CODE }, maxRequests: 2 });
    for (const view of Object.values(views(report))) expect(leaks(view, ["7700900123", "900123"])).toEqual([]);
  });

  test("property: secrets through random transformations, in random places of the answer, never reach a view", async () => {
    const transform = fc.constantFrom<(digits: string) => string>(
      (d) => d,
      (d) => shift(d, 0x0660),
      (d) => shift(d, 0x06f0),
      (d) => shift(d, 0x0966),
      (d) => shift(d, 0xff10),
      (d) => shift(d, 0x1d7ce), // mathematical bold digits
      (d) => [...d].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
      (d) => d.split("").join("\u00a0"),
      (d) => d.split("").join("-"),
      (d) => Buffer.from(d).toString("base64"),
      (d) => Buffer.from(d).toString("hex"),
      (d) => String(Number(d)),
    );
    const place = fc.constantFrom("body", "error_msg", "property", "header-name", "header-value", "reason", "content-type", "request-id", "error_code");
    const secret = fc.record({ mobile: fc.stringMatching(/^1[3-9]\d{9}$/), code: fc.stringMatching(/^\d{6}$/).filter((c) => Number(c) > 65_535) });
    await fc.assert(
      fc.asyncProperty(secret, transform, place, fc.constantFrom(200, 400, 500), async ({ mobile, code }, t, where, status) => {
        const echo = `${t(mobile)} ${t(code)}`;
        const latin1 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
        const token = (text: string) => text.replace(/[^\w-]/g, "");
        const { url, close } = await (async () => {
          const s = await server(() => ({
            status,
            reason: where === "reason" ? latin1(echo) : "X",
            headers: [
              ["Content-Type", where === "content-type" ? `application/${token(echo)}` : "application/json"],
              ...(where === "header-name" ? [[`X-${token(echo)}`, "1"] as [string, string]] : []),
              ...(where === "header-value" ? [["X-Echo", latin1(echo)] as [string, string]] : []),
              ["X-Request-Id", where === "request-id" ? token(echo) : "r"],
            ],
            body:
              where === "body"
                ? echo
                : JSON.stringify({
                    status: "SUCCESS",
                    error_code: where === "error_code" ? `LOGIN.${token(echo)}` : "LOGIN.0002",
                    error_msg: where === "error_msg" ? echo : "x",
                    ...(where === "property" ? { [echo]: 1 } : {}),
                  }),
          }));
          return { url: s.url, close: s.close };
        })();
        try {
          const report = await checkServer({ upstream: url, credentials: { mobile, verify_code: code }, maxRequests: 3 });
          for (const view of Object.values(views(report))) expect(leaks(view, [mobile, mobile.slice(3), code])).toEqual([]);
        } finally {
          await close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("verify (the bin): stdout, stderr and the JUnit file", () => {
  const server = useRawServers();

  test("a hostile server reaches neither stdout nor the JUnit file: no secret, no --header value, no control character, no :: line", async () => {
    const { url } = await server((seen) => hostile(seen, seen.json?.mobile === MOBILE ? 400 : 500));
    const file = join(work, "hostile.xml");
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ONEACCESS_")));
    // Every operation, the tenant ones too: the application's credentials reach the server (which echoes the form
    // body they travel in) and must reach no view.
    const args = ["verify", "--upstream", url, "--header", `X-tenant-id: ${HEADER_SECRET}`, "--spend-code", "--junit", file];
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...clean, ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: CODE, ONEACCESS_CLIENT_ID: CLIENT_ID, ONEACCESS_CLIENT_SECRET: CLIENT_SECRET },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(out).toMatch(/POST \/api\/v2\/tenant\/token with your client credentials: HTTP 500/);
    for (const [name, view] of Object.entries({ out, err, junit: readFileSync(file, "utf8") })) {
      expect(leaks(view, SECRETS), name).toEqual([]);
      expect(unsafe(view), name).toEqual([]);
      expect(view, name).not.toMatch(/pwned|add-mask/);
    }
  }, 60_000);
});

describe("verify's error codes: the server's one chosen string, shown only from the documented list", () => {
  test("an OneAccess-shaped error_code echoing the access token or the client secret is said to be there, not shown; a documented one is shown", async () => {
    const { createServer } = await import("node:http");
    const token = "QWERTYUI";
    const tenant = { clientId: "app-client-id", clientSecret: "SECRETKEY" };
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c)).on("end", () => {
        const reply = (status: number, value: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
        if (req.url === "/api/v2/tenant/token") return reply(200, { access_token: token, expires_in: 7200 });
        if (req.headers.authorization) return reply(500, { error_code: `${token}.0001` });
        reply(500, { error_code: body.includes("verify_code") ? "LOGIN.0002" : `${tenant.clientSecret}.0002` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as import("node:net").AddressInfo;
      const report = await checkServer({ upstream: `http://127.0.0.1:${port}`, tenant, timeoutMs: 5_000 });
      const views = [JSON.stringify(report), formatCheckReport(report), toJUnit(report)].join("\n");
      expect(views).toContain("error_code LOGIN.0002");
      expect(views).toMatch(/server error HTTP 500 \(an undocumented error_code; a body of \d+ bytes\)/);
      expect(views).not.toMatch(/QWERTYUI|SECRETKEY/i);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
