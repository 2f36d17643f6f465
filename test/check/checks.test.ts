import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { CHECKS, CheckOptionsError, checkServer, formatCheckReport, type CheckName, type CheckOptions, type CheckReport } from "../../src/check/index.js";
import { serve } from "../helpers/upstreams.js";
import { useServers, type Twist } from "./upstream.js";

const REAL = { mobile: "13912345678", verify_code: "918273" };
const statuses = (report: CheckReport) => Object.fromEntries(report.checks.map((c) => [c.name, c.status]));
const failing = (report: CheckReport) => report.checks.filter((c) => c.status === "failed").map((c) => c.name);
const problems = (report: CheckReport, name: CheckName) => report.checks.find((c) => c.name === name)!.problems.join("\n");
const json = (value: unknown) => JSON.stringify(value);

// One server per check, each breaking the contract in one way. A 5xx is never documented, so a server error also
// fails status_code_conformance; a 415 to the documented request Content-Type is also undocumented and a refusal of
// the valid login. Every other server fails exactly its check.
const breaking: Array<[check: CheckName, how: string, twist: Twist, alsoFailing: CheckName[], message: RegExp]> = [
  [
    "not_a_server_error",
    "crashes on malformed JSON",
    (seen, keeping) => (seen.json === undefined ? { status: 500, headers: {}, body: "NullPointerException" } : keeping),
    ["status_code_conformance"],
    // The body is the server's text: its size is said, never its words.
    /malformed JSON: server error HTTP 500 \(a body of 20 bytes\)(\n|$)/,
  ],
  [
    "status_code_conformance",
    "answers a missing X-client-id with 401",
    (seen, keeping) => (seen.headers["x-client-id"] ? keeping : { ...keeping, status: 401 }),
    [],
    /X-client-id missing: undocumented HTTP status 401 \(documented: 200, 400\)/,
  ],
  [
    "content_type_conformance",
    "labels its 400s as Latin-1",
    (_seen, keeping) => (keeping.status === 400 ? { ...keeping, headers: { ...keeping.headers, "Content-Type": "application/json; charset=ISO-8859-1" } } : keeping),
    [],
    /verify_code missing: HTTP 400: the Content-Type application\/json declares a charset other than UTF-8; JSON must be UTF-8/,
  ],
  [
    "content_type_conformance",
    "answers the valid login as text/html",
    (_seen, keeping) => (keeping.status === 200 ? { ...keeping, headers: { ...keeping.headers, "Content-Type": "text/html" } } : keeping),
    [],
    /valid login: HTTP 200: the Content-Type names another media type \(documented: application\/json\)/,
  ],
  [
    "content_type_conformance",
    "sends a malformed media type",
    (_seen, keeping) => ({ ...keeping, headers: { ...keeping.headers, "Content-Type": "application/json; charset==utf-8" } }),
    [],
    /valid login: HTTP 200: the Content-Type is not a media type by RFC 9110's grammar \(documented: application\/json\)/,
  ],
  [
    "content_type_conformance",
    "names two charsets, leaving the body's encoding ambiguous",
    (_seen, keeping) => ({ ...keeping, headers: { ...keeping.headers, "Content-Type": "application/json; charset=utf-8; charset=latin1" } }),
    [],
    /valid login: HTTP 200: the Content-Type names more than one charset/,
  ],
  [
    "content_type_conformance",
    "sends no Content-Type",
    (_seen, keeping) => ({ ...keeping, headers: { "X-Request-Id": "r" } }),
    [],
    /valid login: HTTP 200: missing Content-Type \(documented: application\/json\)/,
  ],
  [
    "content_type_conformance",
    "refuses OneAccess's request charset spelling (utf8) with 415",
    (seen, keeping) => (/charset=utf8$/i.test(String(seen.headers["content-type"])) ? { status: 415, headers: {}, body: "" } : keeping),
    ["status_code_conformance", "positive_data_acceptance"],
    /valid login: refused the documented request Content-Type application\/json;charset=utf8 with HTTP 415/,
  ],
  [
    "response_schema_conformance",
    "answers an undocumented login status and a string expire",
    (_seen, keeping) => (keeping.status === 200 ? { ...keeping, body: json({ status: "LOGGED_IN", expire: "7d" }) } : keeping),
    [],
    /valid login: HTTP 200: body.status must be one of SUCCESS.*\n.*body.expire must be an integer/,
  ],
  [
    "response_schema_conformance",
    "answers a 400 without error_msg",
    (_seen, keeping) => (keeping.status === 400 ? { ...keeping, body: json({ error_code: "USER.0038" }) } : keeping),
    [],
    /HTTP 400: body.error_msg is required \(ErrorResponse\)/,
  ],
  [
    "response_schema_conformance",
    "sends bytes that are not UTF-8 inside its JSON strings",
    (_seen, keeping) => {
      // Inside a string a lenient decoder turns into U+FFFD, so the body would otherwise pass its schema.
      const [head, tail] = String(keeping.body).split(/(?<="(?:session_token|error_msg)":")/);
      return { ...keeping, body: Buffer.concat([Buffer.from(head!), Buffer.from([0xff, 0xfe, 0xc3, 0xe9, 0x80]), Buffer.from(tail!)]) };
    },
    [],
    /valid login: HTTP 200: the body is not valid UTF-8 \(documented: LoginResponse\)/,
  ],
  [
    "response_schema_conformance",
    "starts its JSON with a byte order mark (RFC 8259: must not)",
    (_seen, keeping) => ({ ...keeping, body: `\uFEFF${keeping.body}` }),
    [],
    /valid login: HTTP 200: the body starts with a byte order mark, which JSON text must not \(documented: LoginResponse\)/,
  ],
  [
    "response_headers_conformance",
    "sends an empty X-Request-Id",
    (_seen, keeping) => ({ ...keeping, headers: { ...keeping.headers, "X-Request-Id": "" } }),
    [],
    /valid login: HTTP 200: header X-Request-Id must not be empty/,
  ],
  [
    "response_schema_conformance",
    "repeats a member name, so clients disagree on its value",
    (_seen, keeping) => (keeping.status === 200 ? { ...keeping, body: '{"status":"NOPE","st\\u0061tus":"SUCCESS","session_token":"t","expire":1,"extra":{"a":1,"b":[{"a":2}]}}' } : keeping),
    [],
    /valid login: HTTP 200: body member status appears more than once in one object \(LoginResponse\)$/,
  ],
  [
    "response_schema_conformance",
    "repeats a member name the contract does not know: counted, never named (a name is the server's text)",
    (_seen, keeping) => (keeping.status === 200 ? { ...keeping, body: '{"status":"SUCCESS","session_token":"t","expire":1,"s3cr3t":1,"s3cr3t":2}' } : keeping),
    [],
    /^valid login: HTTP 200: 1 body member name the contract does not know appears more than once in one object \(LoginResponse\)$/,
  ],
  [
    "response_headers_conformance",
    "sends X-Request-Id twice, once empty",
    (_seen, keeping) => ({ ...keeping, headers: { ...keeping.headers, "X-Request-Id": ["", "abc"] } }),
    [],
    /valid login: HTTP 200: header X-Request-Id has an empty value among its values/,
  ],
  [
    "negative_data_rejection",
    "logs in without a verify_code",
    (seen, keeping) => (seen.json && seen.json.verify_code === undefined ? { ...keeping, status: 200, body: json({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }) } : keeping),
    [],
    /verify_code missing: accepted a request breaking the contract with HTTP 200 \(invalid: required body property verify_code is missing/,
  ],
  [
    "positive_data_acceptance",
    "rejects a valid login with real credentials",
    (seen, keeping) => (seen.json?.mobile === REAL.mobile ? { ...keeping, status: 400, body: json({ error_code: "USER.0038", error_msg: "Invalid mobile number." }) } : keeping),
    [],
    /valid login: rejected a request keeping the contract with HTTP 400 \(error_code USER\.0038; a body of \d+ bytes\)/,
  ],
];

describe("checkServer: the checks Schemathesis names", () => {
  const server = useServers();

  test("reports every check by name, in Schemathesis's order", () => {
    expect(CHECKS.map((c) => c.name)).toEqual([
      "not_a_server_error",
      "status_code_conformance",
      "content_type_conformance",
      "response_schema_conformance",
      "response_headers_conformance",
      "negative_data_rejection",
      "positive_data_acceptance",
    ]);
  });

  test("passes a server that keeps the contract, saying why each check passed", async () => {
    const { url } = await server();
    const report = await checkServer({ upstream: url, credentials: REAL });
    expect(statuses(report)).toEqual(Object.fromEntries(CHECKS.map((c) => [c.name, "passed"])));
    expect(report.ok).toBe(true);
    const summaries = Object.fromEntries(report.checks.map((c) => [c.name, c.summary]));
    // Every browser operation: the login's 10 requests (1 valid) and 2 for each of the 8 others (1 with samples).
    expect(summaries.not_a_server_error).toBe("no answer had a status of 500 or more: 26 answers judged");
    expect(summaries.negative_data_rejection).toBe("every request breaking the contract was rejected: 18 answers judged");
    expect(summaries.positive_data_acceptance).toBe("every request keeping the contract was accepted: 8 answers judged");
    expect(report.operations.map((o) => [o.name, o.coverage])).toContainEqual(["POST /api/v2/sdk/sms/send", "checked"]);
    expect(report.operations.filter((o) => o.coverage === "not checked").map((o) => o.name)).toEqual([
      "POST /api/v2/tenant/token",
      "POST /api/v2/tenant/sso/session-token/sso-ticket",
      "POST /api/v2/tenant/sso/sso-ticket/verify",
      "POST /api/v2/tenant/sso/session-token/refresh",
    ]);
    expect(report.checks.every((c) => c.problems.length === 0)).toBe(true);
  });

  test.each(breaking)("fails %s for a server that %s", async (check, _how, twist, alsoFailing, message) => {
    const { url } = await server(twist);
    const report = await checkServer({ upstream: url, credentials: REAL });
    expect(failing(report).sort()).toEqual([check, ...alsoFailing].sort());
    expect(problems(report, check)).toMatch(message);
    expect(report.ok).toBe(false);
  });

  test.each(["application/json", "application/json; charset=UTF-8", 'Application/JSON;charset="utf-8";q=1', "application/json;charset=utf8"])(
    "takes %s as a conformant answer Content-Type",
    async (contentType) => {
      const { url } = await server((_seen, keeping) => ({ ...keeping, headers: { ...keeping.headers, "Content-Type": contentType } }));
      const report = await checkServer({ upstream: url, maxRequests: 2 });
      expect(statuses(report).content_type_conformance).toBe("passed");
    },
  );

  test("judges each operation's answers by that operation's documented schemas, not the login's", async () => {
    // A captcha answer whose captcha_token is a number (no rule of the login's schemas names it), and a 403 that
    // pwd/skip-update does not document: caught by that operation's schema and statuses, and reported under it.
    const { url } = await server(
      (seen, keeping) =>
        seen.path === "/api/v2/sdk/captcha/verify" && keeping.status === 200
          ? { ...keeping, body: json({ captcha_token: 42 }) }
          : seen.path === "/api/v2/sdk/pwd/skip-update" && keeping.status === 400
            ? { ...keeping, status: 403 }
            : keeping,
      true,
    );
    const report = await checkServer({ upstream: url });
    expect(failing(report).sort()).toEqual(["response_schema_conformance", "status_code_conformance"]);
    expect(problems(report, "response_schema_conformance")).toBe(
      "POST /api/v2/sdk/captcha/verify with the sample values: HTTP 200: body.captcha_token must be a string (CaptchaVerifyResponse)",
    );
    expect(problems(report, "status_code_conformance")).toBe("GET /api/v2/sdk/pwd/skip-update without X-client-id: undocumented HTTP status 403 (documented: 200, 400)");
    const byOperation = Object.fromEntries(report.operations.map((o) => [o.name, o.checks.filter((c) => c.status === "failed").map((c) => c.name)]));
    expect(byOperation["POST /api/v2/sdk/captcha/verify"]).toEqual(["response_schema_conformance"]);
    expect(byOperation["GET /api/v2/sdk/pwd/skip-update"]).toEqual(["status_code_conformance"]);
    expect(byOperation["POST /api/v2/sdk/login/mobile-verify-code"]).toEqual([]);
  });

  test("a budget that leaves an operation without a request is not a pass, and says which", async () => {
    const { url } = await server();
    const report = await checkServer({ upstream: url, maxRequests: 12 });
    expect(report.unreached).toEqual([]);
    expect(report.ok).toBe(false);
    const unreached = report.operations.filter((o) => o.coverage === "unreached").map((o) => o.name);
    expect(unreached).toContain("POST /api/v2/sdk/sms/send");
    expect(unreached).not.toContain("GET /api/v2/sdk/captcha");
    expect(formatCheckReport(report)).toMatch(/left 7 operations without a request; raise --max-requests$/);
  });

  test("skips positive_data_acceptance when the page's sample credentials get a 400, and says how to judge it", async () => {
    const { url } = await server((seen, keeping) => (seen.json?.verify_code === "232326" ? { ...keeping, status: 400, body: json({ error_code: "LOGIN.0002", error_msg: "Wrong code." }) } : keeping));
    const report = await checkServer({ upstream: url });
    // The other operations' samples are accepted; the login's 400 is said as not judged.
    expect(statuses(report).positive_data_acceptance).toBe("passed");
    expect(report.checks.at(-1)!.summary).toMatch(/set ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE and pass --spend-code to judge acceptance/);
    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  test("does not judge the body, Content-Type or headers of an undocumented status, and says so", async () => {
    const { url } = await server((seen, keeping) => (seen.headers["x-client-id"] ? keeping : { status: 401, headers: {}, body: "<html>" }));
    const report = await checkServer({ upstream: url });
    const schema = report.checks.find((c) => c.name === "response_schema_conformance")!;
    expect(schema.status).toBe("passed");
    // 10 login requests and 2 for each of the 8 other browser operations; the login's X-client-id missing is 401.
    expect(schema.summary).toMatch(/: 24 answers judged; not judged: /);
    expect(schema.summary).toContain("HTTP 401 is undocumented, so there is nothing to judge it by");
    expect(schema.summary).toContain("a 400 to an unparsable body may come from a parser in front of the API");
  });

  test("reports checks as errors, not passes, when the server does not answer", async () => {
    const { url, close } = await server();
    await close();
    const report = await checkServer({ upstream: url, maxRequests: 2, timeoutMs: 5_000 });
    expect(new Set(report.checks.map((c) => c.status))).toEqual(new Set(["error"]));
    // Said once per request, not once per check and request.
    expect(report.checks.map((c) => c.problems)).toEqual(report.checks.map(() => []));
    const refused = { status: 0, error: "no readable answer (ECONNREFUSED)" };
    const operation = "POST /api/v2/sdk/login/mobile-verify-code";
    expect(report.requests).toEqual([{ name: "valid login", operation, ...refused }, { name: "verify_code missing", operation, ...refused }]);
    expect(report.ok).toBe(false);
  });

  test("says why a request went unsent when fetch refuses the port, and when the answer is late, in its own words", async () => {
    const blocked = await checkServer({ upstream: "http://127.0.0.1:9", maxRequests: 1 });
    const operation = "POST /api/v2/sdk/login/mobile-verify-code";
    expect(blocked.requests).toEqual([{ name: "valid login", operation, status: 0, error: "not sent: fetch refuses this port (the Fetch standard's bad ports)" }]);
    const silent = await serve(() => {}); // reads the request, never answers
    try {
      const late = await checkServer({ upstream: silent.url, maxRequests: 1, timeoutMs: 200 });
      expect(late.requests).toEqual([{ name: "valid login", operation, status: 0, error: "no answer within 200 ms" }]);
    } finally {
      void silent.close();
    }
  });

  test("an answer HTTP cannot read (a status line below 100, headers over 16 KiB) is 'no readable answer', quoting nothing", async () => {
    const operation = "POST /api/v2/sdk/login/mobile-verify-code";
    for (const reply of ["HTTP/1.1 099 SECRETPHRASE\r\nContent-Length: 0\r\n\r\n", `HTTP/1.1 200 OK\r\nX-Big: SECRETPHRASE${"a".repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`]) {
      // A raw server: node:http sends neither.
      const raw = createTcpServer((socket) => (socket.on("error", () => {}), socket.once("data", () => socket.end(reply))));
      await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
      try {
        const report = await checkServer({ upstream: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, maxRequests: 1, timeoutMs: 5_000 });
        expect(report.requests).toEqual([{ name: "valid login", operation, status: 0, error: expect.stringMatching(/^no readable answer \([A-Z_]+\)$/) }]);
        expect(formatCheckReport(report)).toMatch(/requests got no readable answer$/);
        expect(JSON.stringify(report)).not.toContain("SECRETPHRASE");
      } finally {
        await new Promise<void>((resolve) => raw.close(() => resolve()));
      }
    }
  });

  test("a header given in another case replaces the built-in one, never joins it", async () => {
    const { url, seen } = await server();
    await checkServer({ upstream: url, headers: { "x-client-id": "MYID", "X-AGENT": "my-agent" }, maxRequests: 2 });
    expect(seen.map((s) => [s.headers["x-client-id"], s.headers["x-agent"]])).toEqual([["MYID", "my-agent"], ["MYID", "my-agent"]]);
  });

  test.each<[CheckOptions, RegExp]>([
    [{ upstream: "ftp://tenant.example.com" }, /upstream must be an http\(s\) URL without user info, query or fragment/],
    [{ upstream: "https://user:pw@tenant.example.com" }, /upstream must be an http\(s\) URL/],
    [{ upstream: "https://tenant.example.com", maxRequests: 0 }, /max requests must be a whole number of at least 1/],
    [{ upstream: "https://tenant.example.com", headers: { "X-client-id": "a\r\nX-Evil: 1" } }, /header X-client-id has characters that cannot be sent/],
    // Above 2^31-1 ms, Node's timers fire after 1 ms: every request would abort while a real login may still arrive.
    [{ upstream: "https://tenant.example.com", timeoutMs: 2 ** 31 }, /timeout must be a positive number of milliseconds up to 2147483647/],
    [{ upstream: "http://example.com" }, /upstream must be https unless its host is loopback/],
    // Headers fetch refuses to send (every request would fail as "no answer") or that make the valid login invalid.
    ...["Expect", "content-length", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Connection", "Host", "TE", "Trailer", "Content-Type"].map(
      (name): [CheckOptions, RegExp] => [{ upstream: "https://tenant.example.com", headers: { [name]: "1" } }, new RegExp(`header ${name} may not be set: verify sends it itself`)],
    ),
    [{ upstream: "https://tenant.example.com", headers: { "X-L": "" } }, /header X-L must not be empty/],
    [{ upstream: "https://tenant.example.com", headers: { "x-client-id": "  " } }, /header x-client-id must not be empty/],
    [{ upstream: "https://tenant.example.com", headers: { "Bad Name": "1" } }, /a header name is not a valid token/],
  ])("refuses unusable options with a CheckOptionsError before sending anything (%o)", async (options, message) => {
    const error = await checkServer(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckOptionsError);
    expect((error as Error).name).toBe("CheckOptionsError");
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("pw");
  });
});
