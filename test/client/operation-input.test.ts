// How call() (src/client/pipeline/call.ts) reads and checks what a caller gives before anything is sent: the input of
// an operation whose input is only headers (the state token), input headers the descriptor leaves optional, the
// per-operation input schema built once, and the call's options. Each refusal is an InputError with exact violations.
import { describe, expect, test } from "vitest";
import { getTenantAccessToken } from "../../generated/server-operations.js";
import { loginWithMobileVerifyCode, showMobileByStateToken } from "../../generated/operations.js";
import type { OperationDescriptor } from "../../src/client/pipeline/descriptor.js";
import { call } from "../../src/client/pipeline/call.js";
import { json } from "../helpers/client.js";
import { recordingTransport } from "../helpers/transport.js";

const transport = recordingTransport;

const violationsOf = (result: Awaited<ReturnType<typeof call>>) => (!result.ok && result.error.kind == "input" ? result.error.violations : result);

describe("an operation whose only input is a header (mobileByStateToken)", () => {
  // A fresh copy per call: the pipeline builds an operation's input schema once per descriptor object, so a schema
  // cached by an earlier test (or an earlier mutation-testing run in the same process) is not what is checked here.
  const showMobile = (): OperationDescriptor => ({ ...showMobileByStateToken });

  test("an input that is not an object is refused as one, not sent", async () => {
    const { t, requests } = transport();
    expect(violationsOf(await call(t, showMobile(), "st-1", {}))).toEqual(["input must be an object"]);
    expect(requests).toHaveLength(0);
  });

  test("a field the operation does not take is counted, not sent", async () => {
    const { t, requests } = transport();
    expect(violationsOf(await call(t, showMobile(), { state_token: "st-1", mobile: "12345678901" }, {}))).toEqual([
      "input has 1 property the contract does not know",
    ]);
    expect(requests).toHaveLength(0);
  });

  test("its required header, missing from the input, is named under input", async () => {
    const { t, requests } = transport();
    expect(violationsOf(await call(t, showMobile(), {}, {}))).toEqual(["input.state_token is required"]);
    expect(requests).toHaveLength(0);
  });

  test("a header value fetch could not send is refused by input name", async () => {
    const { t, requests } = transport();
    expect(violationsOf(await call(t, showMobile(), { state_token: "st\n1" }, {}))).toEqual(["header state_token has characters that cannot be sent"]);
    expect(requests).toHaveLength(0);
  });

  test("a valid input is sent as the header, with no body", async () => {
    const { t, requests } = transport(() => json(200, { mobile: "123****8901" }));
    expect(await call(t, showMobile(), { state_token: "st-1" }, {})).toMatchObject({ ok: true });
    expect(requests[0]!.headers.get("x-state-token")).toBe("st-1");
    expect(requests[0]!.body).toBeNull();
  });
});

describe("an input header the descriptor leaves optional", () => {
  // A descriptor (as a server entry may write one) whose header list has no `required` at all.
  const traced = (): OperationDescriptor => ({
    method: "GET",
    path: "/traced",
    headers: { type: "object", properties: { "X-trace": { type: "string", minLength: 1 } } },
    fromInput: { trace: "X-trace" },
    responses: { "200": { type: "object" } },
  });

  test("may be left out: the call is sent without it", async () => {
    const { t, requests } = transport();
    expect(await call(t, traced(), {}, {})).toMatchObject({ ok: true });
    expect(requests[0]!.headers.has("x-trace")).toBe(false);
  });

  test("is sent when given", async () => {
    const { t, requests } = transport();
    expect(await call(t, traced(), { trace: "t-1" }, {})).toMatchObject({ ok: true });
    expect(requests[0]!.headers.get("x-trace")).toBe("t-1");
  });
});

test("an operation's input schema is built on its first call only", async () => {
  let reads = 0;
  // Counts the reads of `fromInput`, which building the schema does once more than sending does.
  const counted = Object.defineProperty({ ...showMobileByStateToken }, "fromInput", {
    get: () => (reads++, showMobileByStateToken.fromInput),
  }) as OperationDescriptor;
  const { t } = transport();
  await call(t, counted, { state_token: "st-1" }, {});
  const first = reads;
  await call(t, counted, { state_token: "st-1" }, {});
  expect(reads - first).toBeLessThan(first);
});

test("a form body is sent as a form whatever parameters its media type carries", async () => {
  const op = { ...getTenantAccessToken, mediaType: "application/x-www-form-urlencoded;charset=UTF-8" };
  const { t, requests } = transport(() => json(200, { access_token: "at-1", expires_in: 7200 }));
  const grant = { grant_type: "client_credentials", client_id: "app-1", client_secret: "cs-1" };
  expect(await call(t, op, grant, {})).toMatchObject({ ok: true });
  expect(Object.fromEntries(new URLSearchParams(await requests[0]!.text()))).toEqual(grant);
});

describe("the call's options", () => {
  const credentials = { mobile: "12345678901", verify_code: "232326" };

  test("options that are not an object are refused as such", async () => {
    const { t, requests } = transport();
    expect(violationsOf(await call(t, loginWithMobileVerifyCode, credentials, 5))).toEqual(["options must be an object"]);
    expect(requests).toHaveLength(0);
  });

  test("options given as an array are refused as not an object, whatever properties the array carries", async () => {
    const { t, requests } = transport();
    const withHeaders = Object.assign([], { headers: { "X-Trace": "t-1" } });
    const withGetter = Object.defineProperty([], "device", { enumerable: true, get: () => { throw new Error("boom 232326"); } });
    for (const options of [[], withHeaders, withGetter]) {
      expect(violationsOf(await call(t, loginWithMobileVerifyCode, credentials, options))).toEqual(["options must be an object"]);
    }
    expect(withHeaders.headers).toEqual({ "X-Trace": "t-1" });
    expect(requests).toHaveLength(0);
  });

  test("extra headers are read once, as data: a getter that throws is an InputError, its text not kept", async () => {
    const { t, requests } = transport();
    const headers = {
      get "X-Trace"(): string {
        throw new Error("232326");
      },
    };
    const result = await call(t, loginWithMobileVerifyCode, credentials, { headers });
    expect(violationsOf(result)).toEqual(["the credentials and options must be readable data"]);
    expect(requests).toHaveLength(0);
  });

  test("wrong options are reported alone: the input is not checked before they are right", async () => {
    const { t } = transport();
    expect(violationsOf(await call(t, loginWithMobileVerifyCode, {}, { signal: "soon" }))).toEqual(["signal must be an AbortSignal"]);
  });

  test("a signal whose addEventListener throws is refused before anything is sent", async () => {
    const { t, requests } = transport();
    const signal = {
      aborted: false,
      addEventListener() {
        throw new Error("not listening");
      },
      removeEventListener() {},
    };
    expect(violationsOf(await call(t, loginWithMobileVerifyCode, credentials, { signal }))).toEqual(["signal must be an AbortSignal"]);
    expect(requests).toHaveLength(0);
  });

  // A device override is read before the input and headers are checked; its error keeps only a transport code, hidden
  // when it holds a secret. Input or headers that are not objects (a function with properties) are refused: no value of
  // theirs is sent, so none is a secret that could hide the code.
  test.each([
    ["input", (fn: object) => [fn, {}]],
    ["extra headers", (fn: object) => [credentials, { headers: fn }]],
  ])("%s that are a function add no secret: a device error's transport code is still shown", async (_, args) => {
    const code = "ECONNRESET";
    const carrier = Object.assign(function carrier() {}, { mobile: code, verify_code: code, "X-Trace": code });
    const device = {
      get fingerprint(): string {
        throw Object.assign(new Error("device"), { code });
      },
    };
    const { t } = transport(undefined, (override) => [{ ...override } as Record<string, string>, []]);
    const [input, options] = args(carrier) as [unknown, object];
    const result = await call(t, loginWithMobileVerifyCode, input, { ...options, device });
    expect(result).toMatchObject({ ok: false, error: { kind: "network", cause: { code } } });
  });

  test("a call without extra headers still shows a transport code from the list", async () => {
    const code = "ECONNRESET";
    const { t } = transport(() => {
      throw Object.assign(new TypeError("fetch failed"), { code });
    });
    const result = await call(t, loginWithMobileVerifyCode, credentials, {});
    expect(result).toMatchObject({ ok: false, error: { kind: "network", cause: { code } } });
  });
});
