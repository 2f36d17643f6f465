import { describe, expect, test } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { PAGE_BODY, PAGE_HEADERS, sharedMock } from "../helpers/mock.js";
import { deref, exampleRequest, namedExamples, operation, operations } from "../helpers/spec.js";

const errorExamples = namedExamples(deref(operation.responses["400"]).content["application/json"]);
const defaultError = Object.values(errorExamples)[0];

// Every test here needs only a default mock that is up: the run's shared one (a start costs seconds of CPU).
const started = { current: sharedMock() };

describe("the mock answers every request inside the contract", () => {
  const post = async (headers: Record<string, string>, body: string | Blob) => {
    const response = await fetch(`${started.current.url}${LOGIN_PATH}`, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    return { status: response.status, text, violations: response.headers.get("sl-violations") ?? "" };
  };

  test("answers a body key above U+00FF with the documented 400 and stays up", async () => {
    for (const key of ["ā", "登录", "😀"]) {
      const answer = await post(PAGE_HEADERS, `{"mobile":"12345678901","verify_code":"232326",${JSON.stringify(key)}:1}`);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual(defaultError);
      // The reason survives the trip through an ASCII header, non-ASCII characters \u-escaped.
      expect(JSON.stringify(JSON.parse(answer.violations))).toContain(key);
    }
    expect((await post(PAGE_HEADERS, PAGE_BODY)).status).toBe(200);
  });

  test("answers an invalid request with the neutral first 400 example, the reason in sl-violations", async () => {
    expect(Object.keys(errorExamples)[0]).toBe("invalidRequest");
    const answer = await post(PAGE_HEADERS, '{"mobile":"12345678901"}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(answer.text).not.toMatch(/USER\.0038|mobile number/);
    expect(answer.violations).toMatch(/must have required property 'verify_code'/);
  });

  const bom = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), PAGE_BODY]);
  test.each([
    ["Content-Type: garbage", { ...PAGE_HEADERS, "Content-Type": "garbage" }, PAGE_BODY, /content-type/i],
    ["Content-Type: application/ld+json", { ...PAGE_HEADERS, "Content-Type": "application/ld+json" }, PAGE_BODY, /content-type/i],
    ["charset=latin1", { ...PAGE_HEADERS, "Content-Type": "application/json;charset=latin1" }, PAGE_BODY, /charset/i],
    ["a UTF-8 BOM before the JSON", PAGE_HEADERS, bom, /byte order mark/i],
    ["malformed JSON", PAGE_HEADERS, '{"mobile":', /not valid JSON/i],
    ["an impossible Prefer (code=200, example=invalidMobile)", { ...PAGE_HEADERS, Prefer: "code=200, example=invalidMobile" }, PAGE_BODY, /prefer/i],
    ["an unreadable Prefer (code=abc)", { ...PAGE_HEADERS, Prefer: "code=abc" }, PAGE_BODY, /prefer/i],
    ["an empty optional header X-L (minLength 1)", { ...PAGE_HEADERS, "X-L": "" }, PAGE_BODY, /X-L must not be empty/],
    ["an empty optional header X-device-ip", { ...PAGE_HEADERS, "X-device-ip": "" }, PAGE_BODY, /X-device-ip must not be empty/],
    ["an empty optional header X-tenant-id", { ...PAGE_HEADERS, "X-tenant-id": "" }, PAGE_BODY, /X-tenant-id must not be empty/],
    ["a malformed media type (spaces around = in charset = latin1)", { ...PAGE_HEADERS, "Content-Type": "application/json; charset = latin1" }, PAGE_BODY, /content-type/i],
    ["a malformed media type (charset = utf8)", { ...PAGE_HEADERS, "Content-Type": "application/json; charset = utf8" }, PAGE_BODY, /content-type/i],
  ] as const)("answers %s with the documented 400 and says why", async (_name, headers, body, reason) => {
    const answer = await post(headers, body);
    expect(answer.status, answer.text).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(answer.violations).toMatch(reason);
  });

  test("an invalid request with a Prefer the spec can meet gets no false Prefer reason", async () => {
    for (const prefer of ["code=200", "example=mfaAuth", "code=200, example=mfaAuth"]) {
      const answer = await post({ ...PAGE_HEADERS, Prefer: prefer }, '{"mobile":"12345678901"}');
      expect(answer.status, prefer).toBe(400);
      expect(JSON.parse(answer.text)).toEqual(defaultError);
      expect(answer.violations, prefer).toMatch(/verify_code/);
      expect(answer.violations, prefer).not.toMatch(/prefer/i);
    }
  });

  test("many violations: sl-violations stays JSON under 8 KiB, the first ones and a count of the rest", async () => {
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra_key_${i}`, 1]));
    const answer = await post(PAGE_HEADERS, JSON.stringify({ mobile: "1", verify_code: "2", ...extra }));
    expect(answer.status).toBe(400);
    expect(answer.violations.length).toBeLessThanOrEqual(8 * 1024 - 100);
    const list = JSON.parse(answer.violations) as Array<{ code: string; message: string }>;
    expect(list[0]!.message).toMatch(/extra_key_0/);
    const note = list.at(-1)!;
    expect(note).toMatchObject({ code: "truncated", severity: "Information" });
    expect(Number(/^(\d+) more violations left out/.exec(note.message)?.[1]) + list.length - 1).toBe(300);
  });

  test("a body over the 10 MiB limit gets the documented 400 and says why (not an undocumented 413)", async () => {
    // Valid JSON but for its size: the limit alone decides.
    const answer = await post(PAGE_HEADERS, PAGE_BODY.replace("{", `{${" ".repeat(11 * 2 ** 20)}`));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(defaultError);
    expect(JSON.parse(answer.violations)).toEqual([expect.objectContaining({ code: "too-large", message: expect.stringMatching(/larger than the mock's limit of 10 MiB/) })]);
    expect((await post(PAGE_HEADERS, PAGE_BODY)).status).toBe(200);
  });

  test("still serves named examples and the page's request", async () => {
    expect(JSON.parse((await post({ ...PAGE_HEADERS, Prefer: "code=400, example=invalidMobile" }, PAGE_BODY)).text)).toEqual(errorExamples.invalidMobile);
    expect(JSON.parse((await post({ ...PAGE_HEADERS, Prefer: "example=mfaAuth" }, PAGE_BODY)).text)).toMatchObject({ status: "MFA_AUTH" });
    expect(JSON.parse((await post({ ...PAGE_HEADERS, "Content-Type": "application/json" }, PAGE_BODY)).text)).toMatchObject({ status: "SUCCESS" });
  });

  test("answers a CORS preflight itself, as Prism does", async () => {
    const response = await fetch(`${started.current.url}${LOGIN_PATH}`, {
      method: "OPTIONS",
      headers: { Origin: "http://app.test", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-client-id" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(response.headers.get("access-control-allow-headers")).toBe("x-client-id");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
  });
}, 30_000);

// The same robustness on every operation of the journey, not only the login: the mock's request rules and its
// violation header do not depend on the path.
describe("the mock answers every operation's broken requests with that operation's documented 400", () => {
  const call = async ({ path, method }: (typeof operations)[number], headers: Record<string, string>, body?: string) => {
    const response = await fetch(`${started.current.url}${path}`, { method: method.toUpperCase(), headers, body, signal: AbortSignal.timeout(5_000) });
    return { status: response.status, text: await response.text(), violations: response.headers.get("sl-violations") ?? "" };
  };
  const firstError = (op: any) => Object.values(namedExamples(deref(op.responses["400"]).content["application/json"]))[0];
  const label = ({ path, method }: (typeof operations)[number]) => `${method.toUpperCase()} ${path}`;
  const withBody = operations.filter(({ op }) => op.requestBody);
  const mediaOf = ({ op }: (typeof operations)[number]) => Object.keys(deref(op.requestBody).content)[0]!;
  const isForm = (o: (typeof operations)[number]) => mediaOf(o) === "application/x-www-form-urlencoded";
  const request = exampleRequest;
  const declares = (name: string) => (o: (typeof operations)[number]) => (o.op.parameters ?? []).map(deref).some((p: any) => p.name === name);

  test("covers each operation with a body (the POST steps)", () => {
    expect(withBody.map(({ op }) => op.operationId).sort()).toEqual(
      [
        "forceUpdatePwd",
        "loginWithMobileVerifyCode",
        "secondaryAuthByMobileVerifyCode",
        "sendSmsVerifyCode",
        "validateCaptcha",
        "getTenantAccessToken",
        "exchangeSessionTokenForSsoTicket",
        "verifySsoTicket",
        "refreshSessionToken",
      ].sort(),
    );
  });

  test.each(operations.filter(declares("X-L")).map((o) => [label(o), o] as const))("%s: an empty optional header X-L gets the 400 and says why", async (_label, operation) => {
    const { headers, body } = request(operation);
    const answer = await call(operation, { ...headers, "X-L": "" }, body);
    expect(answer.status, answer.text).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(firstError(operation.op));
    expect(answer.violations).toMatch(/X-L must not be empty/);
  });

  test.each(operations.filter((o) => !declares("X-L")(o)).map((o) => [label(o), o] as const))("%s: X-L, not one of its headers, is not judged", async (_label, operation) => {
    const { headers, body } = request(operation);
    expect((await call(operation, { ...headers, "X-L": "" }, body)).status).toBe(200);
  });

  test.each(withBody.filter((o) => !isForm(o)).map((o) => [label(o), o] as const))("%s: a body key above U+00FF or malformed JSON gets the 400 and the mock stays up", async (_label, operation) => {
    const { headers, body } = request(operation);
    const keyed = await call(operation, headers, body!.replace("{", '{"登录":1,'));
    expect(keyed.status).toBe(400);
    expect(JSON.parse(keyed.text)).toEqual(firstError(operation.op));
    expect(JSON.stringify(JSON.parse(keyed.violations))).toContain("登录");
    const malformed = await call(operation, headers, body!.slice(0, -1));
    expect(malformed.status).toBe(400);
    expect(malformed.violations).toMatch(/not valid JSON/i);
    expect((await call(operation, headers, body)).status).toBe(200);
  });

  test.each(withBody.filter(isForm).map((o) => [label(o), o] as const))("%s: a form field above U+00FF gets the 400 and the mock stays up", async (_label, operation) => {
    const { headers, body } = request(operation);
    const keyed = await call(operation, headers, `${body}&${encodeURIComponent("登录")}=1`);
    expect(keyed.status).toBe(400);
    expect(JSON.parse(keyed.text)).toEqual(firstError(operation.op));
    expect(keyed.violations).toMatch(/additionalProperties/);
    expect((await call(operation, headers, body)).status).toBe(200);
  });
}, 30_000);

