import { spawn } from "node:child_process";
import { readdirSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, test } from "vitest";
import { CHECKS, DEFAULT_MAX_REQUESTS } from "../../src/check/index.js";
import { repoPath } from "../helpers/spec.js";
import { useServers, type Reply } from "./upstream.js";

// The built bin, as consumers run it (npm test builds before vitest runs).
const CLI = repoPath("dist/src/cli/bin.js");
const MOBILE = "13912345678";
const CODE = "918273";
const work = mkdtempSync(join(tmpdir(), "oa-verify-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every test runs its own upstream, its own `verify` process and its own report file, so the tests of each describe run
// concurrently (describe.concurrent): most of their time is a child process starting, which the others overlap.

/**
 * Runs `verify` asynchronously (the upstreams live in this process), with real credentials in its environment and
 * --spend-code, which lets it spend them (see "the flags that spend" for the runs without it).
 */
const verify = (args: string[], env: Record<string, string> = { ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: CODE }, spend = env.ONEACCESS_VERIFY_CODE !== undefined) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ONEACCESS_")));
    const child = spawn(process.execPath, [CLI, "verify", ...args, ...(spend && !args.includes("--spend-code") ? ["--spend-code"] : [])], { env: { ...clean, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    // "close", not "exit": the process can exit before its last output has been read.
    child.once("close", (code) => resolve({ code, out, err }));
  });

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testcase" || name === "property" });
const readJUnit = (file: string) => {
  const text = readFileSync(file, "utf8");
  expect(XMLValidator.validate(text)).toBe(true);
  return { text, xml: parser.parse(text) };
};

describe.concurrent("oneaccess-sms-login verify: the request budget", () => {
  const server = useServers();

  test(`sends every request it has for the browser operations within the default budget of ${DEFAULT_MAX_REQUESTS}, and says so`, async () => {
    const { url, seen } = await server();
    const { code, out } = await verify(["--upstream", url]);
    // The login's 10 and 2 for each of the 8 other browser operations; the tenant ones need the application's credentials.
    expect(seen).toHaveLength(26);
    expect(out).toContain(`26 requests sent to ${url} (budget ${DEFAULT_MAX_REQUESTS}):`);
    expect(code).toBe(0);
  });

  test("never sends more than --max-requests, and skips the checks the budget leaves without a request", async () => {
    const { url, seen } = await server();
    const { code, out } = await verify(["--upstream", url, "--max-requests", "1"]);
    expect(seen).toHaveLength(1);
    expect(out).toMatch(/SKIP  negative_data_rejection: no request it judges fits in the budget of 1 request/);
    // Not proven is not kept: a check the budget left without a request makes the run incomplete, never green.
    expect(out).toMatch(/could not be fully checked: the budget of 1 request left negative_data_rejection without a request; raise --max-requests\n$/);
    expect(code).toBe(4);
    const three = await server();
    await verify(["--upstream", three.url, "--max-requests", "3"]);
    expect(three.seen).toHaveLength(3);
  });

  test("a server answering 200 to everything never gets a green run from a budget too small to send it a broken request", async () => {
    const { url } = await server((_seen, keeping) => ({ ...keeping, status: 200, body: JSON.stringify({ status: "SUCCESS", session_token: "x", expire: 1 }) }));
    const { code } = await verify(["--upstream", url, "--max-requests", "1"]);
    expect(code).not.toBe(0);
    expect((await verify(["--upstream", url, "--max-requests", "2"])).code).toBe(1);
  });

  test("sends the real credentials in one request only, the first, whatever the budget", async () => {
    const { url, seen } = await server();
    await verify(["--upstream", url, "--max-requests", "50"]);
    expect(seen.length).toBe(26);
    expect(seen.map((s) => s.body.includes(MOBILE) || s.body.includes(CODE))).toEqual([true, ...Array(seen.length - 1).fill(false)]);
  });

  test("follows no redirect, so a redirecting server cannot make it send a login twice", async () => {
    const { url, seen } = await server(() => ({ status: 307, headers: { Location: "/api/v2/sdk/login/mobile-verify-code" }, body: "" }));
    const { code, out } = await verify(["--upstream", url, "--max-requests", "2"]);
    expect(seen).toHaveLength(2);
    expect(out).toMatch(/valid login: undocumented HTTP status 307/);
    expect(code).toBe(1);
  });

  test.each([["0"], ["-1"], ["two"], ["1.5"]])("refuses --max-requests %s with exit 2, sending nothing", async (value) => {
    const { url, seen } = await server();
    const { code, err } = await verify(["--upstream", url, "--max-requests", value]);
    expect(err).toMatch(/max-requests|max requests/);
    expect(err).toMatch(/usage:/);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });

  test.each([
    [["--timeout-ms", "2147483648"], /timeout must be a positive number of milliseconds up to 2147483647/],
    [["--header", "Expect: 100-continue"], /header Expect may not be set: verify sends it itself/],
    [["--header", "Content-Length: 1"], /header Content-Length may not be set/],
    [["--header", "Transfer-Encoding: chunked"], /header Transfer-Encoding may not be set/],
    [["--header", "Keep-Alive: x"], /header Keep-Alive may not be set/],
    [["--header", "Upgrade: h2c"], /header Upgrade may not be set/],
    [["--header", "X-L: "], /header X-L must not be empty/],
    [["--header", "x-client-id: A", "--client-id", "B"], /header X-client-id is given twice/],
    [["--header", "X-client-id: A", "--client-id", "B"], /header X-client-id is given twice/],
    [["--header", "X-Api-Key: A", "--header", "x-api-key: B"], /a --header name is given twice \(names are case-insensitive\)/],
    [["--tenant-id", ""], /--tenant-id has an empty value \(an unset variable\?\)/],
    [["--upstream", "http://127.0.0.1:1"], /--upstream is given twice/],
    [["--send-sms", "--send-sms"], /--send-sms is given twice/],
    [["--junit", "--max-requests", "1"], /--junit needs a value \(write --junit=VALUE for one starting with -\)/],
    [["--spend-code=yes"], /--spend-code takes no value/],
  ])("refuses %o with exit 2, sending nothing", async (args, message) => {
    const { url, seen } = await server();
    const { code, err } = await verify(["--upstream", url, ...args]);
    expect(err).toMatch(message);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });

  test.each([
    [["--api-key=S3CRETVALUE"], /argument 3 is not an option of verify/],
    [["--header", "X-Api-Key:", "S3CRETVALUE"], /argument 5 is neither an option nor an option's value \(an unquoted --header\? write --header 'Name: value'\)/],
    [["--", "S3CRETVALUE"], /argument 3 is "--": verify takes no arguments after it/],
    [["--header", "S3CRETVALUE"], /--header takes "Name: value", got a value without a colon/],
    [["--header", "S3CRET VALUE: x"], /a header name is not a valid token/],
  ])("names a wrong argument %o by its position, never quoting it (exit 2, nothing sent)", async (args, message) => {
    const { url, seen } = await server();
    const { code, out, err } = await verify(["--upstream", url, ...args]);
    expect(err).toMatch(message);
    expect(out + err).not.toMatch(/S3CRET/);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });
}, 60_000);

describe.concurrent("oneaccess-sms-login verify with no server", () => {
  const server = useServers();

  test("says once why no request got an answer, not once per check and request (was 49 lines)", async () => {
    const { url, close } = await server();
    await close();
    const { code, out } = await verify(["--upstream", url]);
    expect(code).toBe(3);
    expect(out.match(/ECONNREFUSED/g)).toHaveLength(1);
    expect(out).toMatch(/none answered, each for the same reason: no readable answer \(ECONNREFUSED\)/);
    // The head, the one reason, a line per operation (13), the 7 checks and the verdict: not one per check and request.
    expect(out.trim().split("\n").length).toBeLessThanOrEqual(24);
  });
}, 60_000);

describe.concurrent("oneaccess-sms-login verify under `oneaccess-sms-login mock -- command`", () => {
  const server = useServers();

  test("without --upstream, checks the server ONEACCESS_BASE_URL names (what the mock gives the command it runs)", async () => {
    const { url } = await server();
    const { code, out } = await verify([], { ONEACCESS_BASE_URL: url });
    expect(out).toContain(`requests sent to ${url}`);
    expect(code).toBe(0);
  });

  test("--upstream wins over ONEACCESS_BASE_URL, and with neither the usage says both", async () => {
    const { url } = await server();
    const given = await verify(["--upstream", url], { ONEACCESS_BASE_URL: "http://127.0.0.1:9" });
    expect(given.out).toContain(`requests sent to ${url}`);
    const neither = await verify([], {});
    expect(neither.code).toBe(2);
    expect(neither.err).toMatch(/--upstream URL or ONEACCESS_BASE_URL/);
  });
}, 60_000);

describe.concurrent("oneaccess-sms-login verify --junit", () => {
  const server = useServers();

  test("writes one testcase per check with the right counts, and passes carry why", async () => {
    const { url } = await server();
    const file = join(work, "reports", "keeping.xml");
    const { code } = await verify(["--upstream", url, "--junit", file]);
    expect(code).toBe(0);
    const { xml } = readJUnit(file);
    const [all, ...operations] = xml.testsuites.testsuite;
    expect(all).toMatchObject({ name: "verify", tests: "7", failures: "0", errors: "0", skipped: "0" });
    const cases = all.testcase;
    expect(cases.map((c: any) => c.name)).toEqual(CHECKS.map((c) => c.name));
    expect(cases[0]["system-out"]).toBe("no answer had a status of 500 or more: 26 answers judged");
    expect(all.properties.property).toContainEqual({ name: "upstream", value: url });
    // Then a suite per operation: its checks on its own answers, or one skipped case saying why it was not checked.
    expect(operations.map((s: any) => s.name)).toContain("POST /api/v2/sdk/sms/send");
    const send = operations.find((s: any) => s.name === "POST /api/v2/sdk/sms/send");
    expect(send.testcase.map((c: any) => c.name)).toEqual(CHECKS.map((c) => c.name));
    const token = operations.find((s: any) => s.name === "POST /api/v2/tenant/token");
    expect(token).toMatchObject({ tests: "1", skipped: "1" });
    expect(token.testcase[0].skipped.message).toMatch(/set ONEACCESS_CLIENT_ID and ONEACCESS_CLIENT_SECRET/);
    // The totals count every testcase of every suite.
    const sum = (key: string) => xml.testsuites.testsuite.reduce((n: number, s: any) => n + Number(s[key]), 0);
    expect(Number(xml.testsuites.tests)).toBe(sum("tests"));
    expect(Number(xml.testsuites.skipped)).toBe(sum("skipped"));
  });

  test("reports failures with messages and skips, and escapes whatever the server sent", async () => {
    const { url } = await server((seen, keeping) => {
      if (seen.json === undefined) return { status: 500, headers: {}, body: `<b>&"'</b>]]>\u0001 crash` };
      if (!seen.headers["x-client-id"]) return { ...keeping, status: 200, body: JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }) };
      return keeping;
    });
    const file = join(work, "breaking.xml");
    const { code } = await verify(["--upstream", url, "--junit", file], {});
    expect(code).toBe(1);
    const { text, xml } = readJUnit(file);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml.testsuites.testsuite[0]).toMatchObject({ tests: "7", failures: "3", errors: "0", skipped: "0" });
    const byName = Object.fromEntries(xml.testsuites.testsuite[0].testcase.map((c: any) => [c.name, c]));
    expect(byName.not_a_server_error.failure.message).toBe("2 problems in 26 answers");
    // The server's body is never quoted: its size is what the report says of it.
    expect(byName.not_a_server_error.failure["#text"]).toContain("malformed JSON: server error HTTP 500 (a body of 20 bytes)");
    expect(text).not.toMatch(/crash|<b>/);
    expect(byName.negative_data_rejection.failure["#text"]).toMatch(/X-client-id missing: accepted a request breaking the contract with HTTP 200/);
    expect(byName.status_code_conformance.failure.type).toBe("status_code_conformance");
    expect(byName.response_schema_conformance["system-out"]).toMatch(/^every documented answer/);
  });

  test("refuses a --junit file it cannot write with exit 2, before sending anything", async () => {
    const { url, seen } = await server();
    // A directory: the report could never be written, and a late failure would read as exit 1, "a check failed".
    const { code, err } = await verify(["--upstream", url, "--junit", work]);
    expect(err).toMatch(/--junit .* is not a regular file/);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });

  test("a --junit file that cannot be written at the end exits 5, not 1 (\"a check failed\"), for a conforming server", async () => {
    const file = join(work, "late", "report.xml");
    // The file's place becomes a folder while the checks run: found only when the report is written.
    const { url } = await server((seen, keeping) => (mkdirSync(file, { recursive: true }), keeping));
    const { code, out, err } = await verify(["--upstream", url, "--junit", file]);
    expect(out).toMatch(/keeps the contract in every operation checked \(4 tenant operations not checked\)\n$/);
    expect(err).toMatch(/the report above stands \(it would exit 0\), but --junit .*report\.xml is not a regular file/);
    expect(code).toBe(5);
  });

  test("refuses a --junit path that is a symbolic link, with exit 2, before sending anything, leaving its target alone", async () => {
    const target = join(work, "precious.txt");
    writeFileSync(target, "keep me");
    const link = join(work, "link.xml");
    symlinkSync(target, link);
    const { url, seen } = await server();
    const { code, err } = await verify(["--upstream", url, "--junit", link]);
    expect(err).toMatch(/--junit .*link\.xml is a symbolic link, which verify never writes through/);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
    expect(readFileSync(target, "utf8")).toBe("keep me");
  });

  test("never writes through a symbolic link put at the --junit path during the run: exit 5, its target untouched", async () => {
    const target = join(work, "precious-too.txt");
    writeFileSync(target, "keep me too");
    const file = join(work, "swapped.xml");
    const { url } = await server((seen, keeping) => {
      if (!existsSync(file)) symlinkSync(target, file);
      return keeping;
    });
    const { code } = await verify(["--upstream", url, "--junit", file]);
    expect(code).toBe(5);
    expect(readFileSync(target, "utf8")).toBe("keep me too");
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  test("leaves no temporary file beside the report", async () => {
    const folder = join(work, "tidy");
    const { url } = await server();
    expect((await verify(["--upstream", url, "--junit", join(folder, "r.xml")])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(["r.xml"]);
  });

  test("marks unanswered checks as errors and exits 3", async () => {
    const { url, close } = await server();
    await close();
    const file = join(work, "down.xml");
    const { code, out } = await verify(["--upstream", url, "--max-requests", "1", "--junit", file]);
    expect(out).toMatch(/could not be fully checked: requests got no readable answer\n$/);
    expect(code).toBe(3);
    expect(readJUnit(file).text).toContain("no readable answer (ECONNREFUSED)");
    const { xml } = readJUnit(file);
    expect(xml.testsuites.testsuite[0]).toMatchObject({ name: "verify", tests: "7", failures: "0", errors: "6", skipped: "1" });
    // The login's suite has the same; the 12 operations the budget of 1 left alone are one skipped case each.
    expect(xml.testsuites).toMatchObject({ tests: String(7 + 7 + 12), failures: "0", errors: "12", skipped: String(1 + 1 + 12) });
  });
}, 60_000);

describe.concurrent("oneaccess-sms-login verify: credentials never reach a report", () => {
  const server = useServers();

  test("shows neither the mobile number nor the code in the text report or the JUnit file, however the server echoes them", async () => {
    const escaped = [...MOBILE].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join("");
    const { url } = await server((seen): Reply => {
      const echo = `${seen.json?.mobile ?? ""} ${seen.json?.verify_code ?? ""}`;
      if (seen.json === undefined) return { status: 500, headers: { "Content-Type": "application/json" }, body: `{"message":"${escaped} ${CODE}"}` };
      return {
        status: 400,
        headers: { "Content-Type": `application/json; charset=${CODE}`, "X-Request-Id": MOBILE },
        body: JSON.stringify({ error_code: MOBILE, error_msg: `Wrong code ${CODE} for ${echo}` }),
      };
    });
    const file = join(work, "echo.xml");
    const { code, out, err } = await verify(["--upstream", url, "--max-requests", "10", "--junit", file]);
    expect(code).toBe(1);
    const { text } = readJUnit(file);
    for (const output of [out, err, text]) {
      expect(output).not.toContain(MOBILE);
      expect(output).not.toContain(CODE);
    }
    // Built from parts that cannot carry them: no server text is quoted, so nothing needs recognising.
    expect(out).toMatch(/valid login: rejected a request keeping the contract with HTTP 400 \(an undocumented error_code; a body of \d+ bytes\)/);
    expect(out).toMatch(/declares a charset other than UTF-8/);
    expect(out).toMatch(/server error HTTP 500 \(a body of \d+ bytes\)/);
  });

  // Every form of a text a reader could decode by hand: base64 at each of the 4 alignments, hex at each of 2, HTML
  // character references, and Unicode compatibility forms (fullwidth digits). A credential in any of them is a leak.
  const decodedViews = (text: string): string[] => {
    const entities = (t: string) => t.replace(/&amp;/g, "&").replace(/&#(x[\da-f]+|\d+);/gi, (_, n: string) => String.fromCodePoint(n[0] === "x" || n[0] === "X" ? parseInt(n.slice(1), 16) : Number(n)));
    const plain = entities(entities(text)).normalize("NFKC");
    const runs = (re: RegExp) => plain.match(re) ?? [];
    const shifted = (run: string, n: number) => Array.from({ length: n }, (_, shift) => run.slice(shift));
    return [
      text,
      plain,
      ...runs(/[A-Za-z0-9+/_-]{8,}/g).flatMap((run) => shifted(run, 4)).map((run) => Buffer.from(run, "base64").toString("latin1")),
      ...runs(/[\da-f]{12,}/gi).flatMap((run) => shifted(run, 2)).map((run) => Buffer.from(run.length % 2 ? run.slice(0, -1) : run, "hex").toString("latin1")),
    ];
  };
  const fullwidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  // verify no longer passes server text through a redactor: no view quotes it (test/check/views.test.ts attacks more).
  test.each<[string, (body: string) => Reply]>([
    ["base64 at an offset that is not a multiple of 3", (body) => ({ status: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ trace: Buffer.from(`r=${body}`).toString("base64") }) })],
    ["hex", (body) => ({ status: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ hex: Buffer.from(body).toString("hex") }) })],
    ["HTML character references", (body) => ({ status: 502, headers: { "Content-Type": "text/html" }, body: `<p>${[...body].map((c) => `&#${c.charCodeAt(0)};`).join("")}</p>` })],
    ["fullwidth digits", () => ({ status: 503, headers: { "Content-Type": "text/plain" }, body: `mobile ${fullwidth(MOBILE)} code ${fullwidth(CODE)}` })],
    ["base64 inside the Content-Type", (body) => ({ status: 200, headers: { "Content-Type": `text/x-${Buffer.from(`m=${JSON.parse(body).mobile}`).toString("base64").replace(/=/g, "")}` }, body: "{}" })],
  ])("redacts credentials a server echoes as %s, from the text report and the JUnit file", async (form, echo) => {
    const { url } = await server((seen, keeping) => (seen.json?.mobile === MOBILE ? echo(seen.body) : keeping));
    // A file per form: the forms run concurrently.
    const file = join(work, `encoded-echo-${form.replace(/\W+/g, "-")}.xml`);
    const { code, out, err } = await verify(["--upstream", url, "--max-requests", "2", "--junit", file]);
    expect(code).toBe(1);
    for (const output of [out, err, readJUnit(file).text]) {
      for (const view of decodedViews(output)) {
        expect(view).not.toContain(MOBILE);
        expect(view).not.toContain(CODE);
      }
    }
  });

  test.each([
    [{ ONEACCESS_MOBILE: "…", ONEACCESS_VERIFY_CODE: CODE }, /the mobile \(ONEACCESS_MOBILE\) is not a phone number/],
    [{ ONEACCESS_MOBILE: "...", ONEACCESS_VERIFY_CODE: CODE }, /the mobile \(ONEACCESS_MOBILE\) is not a phone number/],
    [{ ONEACCESS_MOBILE: "<your mobile>", ONEACCESS_VERIFY_CODE: CODE }, /the mobile \(ONEACCESS_MOBILE\) is not a phone number/],
    [{ ONEACCESS_MOBILE: "123", ONEACCESS_VERIFY_CODE: CODE }, /the mobile \(ONEACCESS_MOBILE\) is not a phone number/],
    [{ ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: "…" }, /the verify code \(ONEACCESS_VERIFY_CODE\) is not a code/],
    [{ ONEACCESS_MOBILE: MOBILE, ONEACCESS_VERIFY_CODE: "9182 73" }, /the verify code \(ONEACCESS_VERIFY_CODE\) is not a code/],
  ])("refuses credentials that cannot be real (%o) with exit 2, sending nothing", async (env, message) => {
    const { url, seen } = await server();
    const { code, err } = await verify(["--upstream", url], env);
    expect(err).toMatch(message);
    expect(err).not.toContain(MOBILE);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });

  test.each(["+86 139-1234-5678", "(139) 1234 5678", "１３９１２３４５６７８", "0044 7700 900123"])("takes %s as a mobile number", async (mobile) => {
    const { url, seen } = await server();
    const { code } = await verify(["--upstream", url, "--max-requests", "1"], { ONEACCESS_MOBILE: mobile, ONEACCESS_VERIFY_CODE: CODE });
    expect(seen).toHaveLength(1);
    expect(code).not.toBe(2);
  });

  test("refuses a mobile with nothing to use it for, with exit 2", async () => {
    const { url, seen } = await server();
    const { code, err } = await verify(["--upstream", url], { ONEACCESS_MOBILE: MOBILE });
    expect(err).toMatch(/ONEACCESS_MOBILE is set: pass --spend-code \(with ONEACCESS_VERIFY_CODE\) or --send-sms/);
    expect(err).not.toContain(MOBILE);
    expect(seen).toHaveLength(0);
    expect(code).toBe(2);
  });
}, 60_000);
