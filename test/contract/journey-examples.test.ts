import { describe, expect, test } from "vitest";
import { baseUrl, targetIsMock } from "../helpers/contract.js";
import { deref, exampleRequest, namedExamples, operations, refValidator, type SpecOperation } from "../helpers/spec.js";

// Prism (started once for the run by test/contract/global-setup.ts) serves every operation of the journey from the
// spec alone: each named example on request, the first one by default, and the neutral 400 for a broken request.
// Only against the mock: against a real tenant these requests would send SMS and spend codes.

/** The operations of the SMS login journey the spec must keep (the login has its own suite: examples.test.ts). */
const JOURNEY = [
  "showCaptcha",
  "validateCaptcha",
  "listCountryCodes",
  "sendSmsVerifyCode",
  "loginWithMobileVerifyCode",
  "showMobileByStateToken",
  "secondaryAuthByMobileVerifyCode",
  "forceUpdatePwd",
  "skipForceUpdatePwd",
  // The tenant's server-side calls after the login (tag "Server side").
  "getTenantAccessToken",
  "exchangeSessionTokenForSsoTicket",
  "verifySsoTicket",
  "refreshSessionToken",
];

/** The JSON media type of a response, or undefined for a response without a body. */
const jsonMedia = (response: any): any => Object.entries<any>(deref(response).content ?? {}).find(([type]) => /^application\/json\b/.test(type))?.[1];

/** Every (operation, status, example name, example value, schema) the spec documents. */
const served = operations.flatMap((operation) =>
  Object.entries<any>(operation.op.responses).flatMap(([status, response]) => {
    const media = jsonMedia(response);
    if (!media) return [];
    return Object.entries(namedExamples(media)).map(([name, value]) => ({ operation, status, name, value, schema: media.schema }));
  }),
);

/** Sends a request to an operation of the server under test. */
async function call({ path, method }: SpecOperation, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${baseUrl}${path}`, { method: method.toUpperCase(), headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, text, violations: response.headers.get("sl-violations") ?? "" };
}

const label = ({ path, method }: SpecOperation) => `${method.toUpperCase()} ${path}`;

describe.runIf(targetIsMock)("Prism serves every operation of the SMS login journey from the spec", () => {
  test("the spec holds each operation of the journey, each documenting a 200 and a 400", () => {
    expect(operations.map(({ op }) => op.operationId).sort()).toEqual([...JOURNEY].sort());
    for (const operation of operations) expect(Object.keys(operation.op.responses).sort(), label(operation)).toEqual(["200", "400"]);
  });

  test("the steps that continue a login require its state_token in X-state-token", () => {
    const continuing = ["showMobileByStateToken", "secondaryAuthByMobileVerifyCode", "forceUpdatePwd", "skipForceUpdatePwd"];
    for (const { op } of operations.filter(({ op }) => continuing.includes(op.operationId))) {
      const stateToken = (op.parameters ?? []).map(deref).find((p: any) => p.in === "header" && p.name === "X-state-token");
      expect(stateToken?.required, op.operationId).toBe(true);
    }
    expect(operations.filter(({ op }) => continuing.includes(op.operationId))).toHaveLength(continuing.length);
  });

  test("every response with a body has named examples, so a test can ask for each", () => {
    for (const operation of operations) {
      for (const [status, response] of Object.entries<any>(operation.op.responses)) {
        const media = jsonMedia(response);
        if (media) expect(Object.keys(namedExamples(media)).length, `${label(operation)} ${status}`).toBeGreaterThan(0);
      }
    }
  });

  test.each(served.map((s) => [label(s.operation), s.status, s.name, s] as const))(
    "%s serves the %s example %s (Prefer), equal to the spec's and schema-valid",
    async (_label, status, name, { operation, value, schema }) => {
      const request = exampleRequest(operation);
      const answer = await call(operation, { ...request.headers, Prefer: `code=${status}, example=${name}` }, request.body);
      expect(answer.status, answer.text).toBe(Number(status));
      const body = JSON.parse(answer.text);
      expect(body).toEqual(value);
      expect(refValidator(schema)(body)).toEqual([]);
    },
  );

  test.each(operations.map((o) => [label(o), o] as const))("%s answers the page's example request with its first 200 example", async (_label, operation) => {
    const request = exampleRequest(operation);
    const answer = await call(operation, request.headers, request.body);
    expect(answer.status, `${answer.text} ${answer.violations}`).toBe(200);
    const media = jsonMedia(operation.op.responses["200"]);
    // A 200 without a documented body (sending a code) must not invent one.
    if (!media) expect(answer.text).toBe("");
    else expect(JSON.parse(answer.text)).toEqual(Object.values(namedExamples(media))[0]);
  });

  // The tenant's calls declare no required header (their credential is the Bearer token).
  const requiredHeaders = (o: SpecOperation) => (o.op.parameters ?? []).map(deref).filter((p: any) => p.in === "header" && p.required);
  test.each(operations.filter((o) => requiredHeaders(o).length > 0).map((o) => [label(o), o] as const))(
    "%s answers a request without its required headers with the neutral first 400 example, naming each",
    async (_label, operation) => {
      const request = exampleRequest(operation);
      const required = (operation.op.parameters ?? []).map(deref).filter((p: any) => p.in === "header" && p.required).map((p: any) => p.name);
      expect(required.length).toBeGreaterThan(0);
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !required.includes(name)));
      const answer = await call(operation, headers, request.body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual(Object.values(namedExamples(jsonMedia(operation.op.responses["400"])))[0]);
      for (const name of required) expect(answer.violations.toLowerCase(), name).toContain(`'${name.toLowerCase()}'`);
    },
  );
});

/** The tenant token call's media type: a form body. */
const FORM = "application/x-www-form-urlencoded";

/** Ways to break an operation's example body, each derived from its request schema: name and change. */
function bodyBreakages(schema: any, form: boolean): Array<[string, (body: Record<string, unknown>) => void]> {
  const body = deref(schema);
  const cases: Array<[string, (b: Record<string, unknown>) => void]> = [];
  for (const name of body.required) cases.push([`without ${name}`, (b) => void delete b[name]]);
  for (const [name, field] of Object.entries<any>(body.properties).map(([n, f]) => [n, deref(f)] as const)) {
    // A form body's values are all text: a number cannot be written in one.
    if (!form) cases.push([`${name} a number`, (b) => void (b[name] = 12345)]);
    if (field.maxLength) cases.push([`${name} over its maxLength`, (b) => void (b[name] = "9".repeat(field.maxLength + 1))]);
    if (field.minLength) cases.push([`${name} empty`, (b) => void (b[name] = "")]);
    if (field.enum) cases.push([`${name} outside its enum`, (b) => void (b[name] = "NOT_A_SCENARIO")]);
  }
  cases.push(["an extra field", (b) => void (b.extra = "x")]);
  return cases;
}

describe.runIf(targetIsMock)("Prism refuses every request body the spec forbids, on every operation with a body", () => {
  const cases = operations
    .filter(({ op }) => op.requestBody)
    .flatMap((operation) => {
      const [media, { schema }] = Object.entries<any>(deref(operation.op.requestBody).content)[0]!;
      return bodyBreakages(schema, media === FORM).map(([what, change]) => [label(operation), what, operation, change] as const);
    });

  test("derives cases for each of the nine operations with a body", () => {
    expect(new Set(cases.map(([l]) => l)).size).toBe(9);
  });

  test.each(cases)("%s: %s gets the neutral 400 and a reason", async (_label, _what, operation, change) => {
    const request = exampleRequest(operation);
    const form = request.headers["Content-Type"] === FORM;
    const body: Record<string, unknown> = form ? Object.fromEntries(new URLSearchParams(request.body!)) : JSON.parse(request.body!);
    change(body);
    const answer = await call(operation, request.headers, form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body));
    expect(answer.status, answer.text).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(Object.values(namedExamples(jsonMedia(operation.op.responses["400"])))[0]);
    expect(JSON.parse(answer.violations).length).toBeGreaterThan(0);
  });
});

