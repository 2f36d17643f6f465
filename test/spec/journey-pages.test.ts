import { describe, expect, test } from "vitest";
import { deref, namedExamples, operations, refValidator } from "../helpers/spec.js";

// What Huawei Cloud's API page of each journey step says (fields, requiredness, media type), which the spec must
// carry, and which fields this package treats as secret. api-page.test.ts holds the login to its own page.

/** The user APIs' common headers and whether the pages mark them mandatory. */
const DEVICE_HEADERS = {
  "X-operating-sys-version": true,
  "X-device-fingerprint": true,
  "X-device-ip": false,
  "X-agent": true,
  "X-L": false,
  "X-client-id": true,
  "X-tenant-id": false,
};
const WITH_STATE_TOKEN = { ...DEVICE_HEADERS, "X-state-token": true };

interface Page {
  page: string;
  headers: Record<string, boolean>;
  /** Body fields, all mandatory on the pages; undefined for a call without a body. */
  body?: string[];
  /** Fields of the 200 body; [] for a 200 without one. */
  answer: string[];
  /** Body and answer fields this package declares secret (x-secret). */
  secret: string[];
}

const PAGES: Record<string, Page> = {
  "GET /api/v2/sdk/captcha": {
    page: "ShowCaptcha",
    headers: DEVICE_HEADERS,
    answer: ["captchaId", "projectCode", "captchaOriginalPath", "captchaFontType", "captchaFontSize", "secretKey", "originalImageBase64", "point", "jigsawImageBase64", "wordList", "pointList", "pointJson", "token", "result", "captchaVerification"],
    secret: ["secretKey", "token", "captchaVerification"],
  },
  "POST /api/v2/sdk/captcha/verify": {
    page: "ValidateCaptcha",
    headers: DEVICE_HEADERS,
    body: ["point_json", "token", "sender"],
    answer: ["captcha_token"],
    secret: ["token", "sender", "captcha_token"],
  },
  "GET /api/v2/sdk/country-codes": {
    page: "ListCountryCodes",
    headers: DEVICE_HEADERS,
    answer: ["phoneAreaCodeDefinitions", "preferredAreaCode"],
    secret: [],
  },
  "POST /api/v2/sdk/sms/send": {
    page: "SendSmsVerifyCode",
    headers: DEVICE_HEADERS,
    body: ["mobile", "type", "captcha_token"],
    answer: [],
    secret: ["mobile", "captcha_token"],
  },
  "GET /api/v2/sdk/mobile-by-token": {
    page: "ShowMobileByStateToken",
    headers: WITH_STATE_TOKEN,
    answer: ["mobile"],
    secret: ["mobile"],
  },
  "POST /api/v2/sdk/mfa/sms": {
    page: "SecondaryAuthByMobileVerifyCode",
    headers: WITH_STATE_TOKEN,
    body: ["mobile", "verify_code"],
    answer: ["status", "session_token", "id_token", "expire"],
    secret: ["mobile", "verify_code", "session_token", "id_token"],
  },
  "POST /api/v2/sdk/pwd/update": {
    page: "ForceUpdatePwd",
    headers: WITH_STATE_TOKEN,
    body: ["old_password", "new_password"],
    answer: ["status", "session_token", "id_token", "expire"],
    secret: ["old_password", "new_password", "session_token", "id_token"],
  },
  "GET /api/v2/sdk/pwd/skip-update": {
    page: "SkipForceUpdatePwd",
    headers: WITH_STATE_TOKEN,
    answer: ["status", "session_token", "id_token", "expire"],
    secret: ["session_token", "id_token"],
  },
};

const byLabel = new Map(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op]));
const jsonMedia = (response: any): any => Object.values<any>(deref(response).content ?? {})[0];

describe.each(Object.entries(PAGES))("%s carries its API page", (label, page) => {
  const op = byLabel.get(label);
  const parameters = (op?.parameters ?? []).map(deref);
  const body = op?.requestBody ? deref(op.requestBody) : undefined;
  const bodySchema = body ? deref(Object.values<any>(body.content)[0].schema) : undefined;
  const answerSchema = jsonMedia(op?.responses["200"]) ? deref(jsonMedia(op.responses["200"]).schema) : undefined;

  test("cites the page on the operation", () => {
    expect(op, label).toBeDefined();
    expect(op["x-source"]).toContain(`https://support.huaweicloud.com/intl/en-us/api-oneaccess/${page.page}.html`);
  });

  test("declares the page's headers with its requiredness, the state token secret", () => {
    expect(Object.fromEntries(parameters.map((p: any) => [p.name, p.required === true]))).toEqual(page.headers);
    for (const p of parameters) expect(p.in).toBe("header");
    const secretHeaders = parameters.filter((p: any) => p["x-secret"] === true).map((p: any) => p.name);
    expect(secretHeaders).toEqual("X-state-token" in page.headers ? ["X-state-token"] : []);
  });

  test("takes the page's body under its literal Content-Type, every field required, nothing else", () => {
    if (!page.body) return expect(op.requestBody).toBeUndefined();
    expect(Object.keys(body.content)).toEqual(["application/json;charset=utf8"]);
    expect(op.description).toContain("application/json;charset=utf8");
    expect([...bodySchema.required].sort()).toEqual([...page.body].sort());
    expect(Object.keys(bodySchema.properties).sort()).toEqual([...page.body].sort());
    expect(bodySchema.additionalProperties).toBe(false);
    const examples = Object.values(namedExamples(Object.values<any>(body.content)[0]));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(refValidator(Object.values<any>(body.content)[0].schema)(example)).toEqual([]);
  });

  test("answers 200 with the page's fields and 400 with error_code and error_msg", () => {
    if (page.answer.length === 0) expect(deref(op.responses["200"]).content).toBeUndefined();
    else expect(Object.keys(answerSchema.properties)).toEqual(page.answer);
    const error = deref(jsonMedia(op.responses["400"]).schema);
    expect(Object.keys(error.properties)).toEqual(["error_code", "error_msg"]);
  });

  test("declares exactly the secret fields with x-secret", () => {
    const secretOf = (schema: any) => Object.entries<any>(schema?.properties ?? {}).filter(([, f]) => deref(f)["x-secret"] === true).map(([n]) => n);
    expect([...secretOf(bodySchema), ...secretOf(answerSchema)].sort()).toEqual([...page.secret].sort());
  });
});

describe("the send-code scenarios", () => {
  test("are the six values the Chinese edition lists, LOGIN_SMS among them, each sourced", () => {
    const send = byLabel.get("POST /api/v2/sdk/sms/send");
    const type = deref(deref(Object.values<any>(deref(send.requestBody).content)[0].schema).properties.type);
    expect(type.enum).toEqual(["REGISTER_SMS", "LOGIN_SMS", "FORGET_PWD_SMS", "BIND_MOBILE_SMS", "UPDATE_MOBILE_SMS", "OTP_REST_SMS"]);
    expect(Object.keys(type["x-enum-sources"])).toEqual(type.enum);
  });
});
