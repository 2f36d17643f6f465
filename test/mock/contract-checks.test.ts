import type { ServerResponse } from "node:http";
import { describe, expect, test } from "vitest";
import { byId } from "../../src/contract/operations.js";
import { checkContract } from "../../src/mock/contract-checks.js";
import { asciiJson, setViolations, trySetHeader } from "../../src/mock/safe-headers.js";
import { PAGE_BODY } from "../helpers/mock.js";

const page = Buffer.from(PAGE_BODY);
const typed = (type: string, raw: Buffer | null = page) => checkContract({ "content-type": type }, raw);

describe("checkContract: what Prism lets through but the contract forbids", () => {
  test.each(["application/json;charset=utf8", "application/json; charset=UTF-8", "Application/JSON", "application/json;charset=utf-8"])(
    "takes %j with the page's body and hands the parsed body on",
    (type) => {
      expect(typed(type)).toEqual({ violations: [], body: JSON.parse(PAGE_BODY) });
    },
  );

  test("leaves a missing Content-Type and a missing body to Prism", () => {
    expect(checkContract({}, page)).toEqual({ violations: [] });
    expect(typed("application/json;charset=utf8", null)).toEqual({ violations: [] });
  });

  test("names a Content-Type that is not a media type, and asks for it to be hidden from the engine", () => {
    expect(typed("garbage")).toEqual({
      violations: [{ location: ["request", "header", "content-type"], severity: "Error", code: "content-type", message: "Content-Type is not a media type; the contract requires application/json;charset=utf8" }],
      unparseableType: true,
    });
  });

  test("names a long Content-Type of spaces and separators that is not a media type, instead of backtracking for ever", () => {
    expect(typed(`application/json${" ; ".repeat(1000)}\x01`)).toMatchObject({ violations: [{ code: "content-type" }], unparseableType: true });
  });

  test("names another media type, even a JSON one", () => {
    expect(typed("application/ld+json; charset=utf8")).toEqual({
      violations: [{ location: ["request", "header", "content-type"], severity: "Error", code: "content-type", message: "Content-Type application/ld+json is not the contract's application/json;charset=utf8" }],
    });
  });

  test("names another charset, lower-cased", () => {
    expect(typed("application/json;charset=LATIN1")).toEqual({
      violations: [{ location: ["request", "header", "content-type"], severity: "Error", code: "charset", message: "Content-Type charset latin1 is not the contract's charset=utf8" }],
    });
  });

  test("names a byte order mark, only when all three of its bytes lead", () => {
    expect(typed("application/json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page]))).toEqual({
      violations: [{ location: ["request", "body"], severity: "Error", code: "bom", message: "Request body starts with a UTF-8 byte order mark; the contract's JSON has none" }],
    });
    // Each prefix of the mark alone is only bytes that are not UTF-8.
    for (const prefix of [[0xef], [0xef, 0xbb], [0xbb, 0xbf], [0x20, 0xbb, 0xbf], [0xef, 0x20, 0xbf], [0xef, 0xbb, 0x20]]) {
      expect(typed("application/json", Buffer.concat([Buffer.from(prefix), page])).violations.map((v) => v.code)).toEqual(["encoding"]);
    }
  });

  test("names bytes that are not UTF-8, and a body that is not JSON without quoting it", () => {
    expect(typed("application/json", Buffer.from([0x7b, 0xff, 0x7d]))).toEqual({
      violations: [{ location: ["request", "body"], severity: "Error", code: "encoding", message: "Request body is not valid UTF-8" }],
    });
    const notJson = typed("application/json", Buffer.from('{"mobile":"12345678901",'));
    expect(notJson).toEqual({ violations: [{ location: ["request", "body"], severity: "Error", code: "json", message: "Request body is not valid JSON" }] });
  });
});

describe("checkContract: headers and each operation's own body rules", () => {
  const ok = { "content-type": "application/json;charset=utf8" };

  test("names an empty optional header (Prism reads it as absent), found by its name in Node's lower case", () => {
    expect(checkContract({ ...ok, "x-l": "" }, page).violations).toEqual([
      { location: ["request", "header"], severity: "Error", code: "minLength", message: expect.stringContaining("X-L") },
    ]);
    expect(checkContract({ ...ok, "x-l": "zh-CN" }, page).violations).toEqual([]);
  });

  test("reads a header given as a list as Node joins repeated headers: two empty values are not an empty header", () => {
    expect(checkContract({ ...ok, "x-l": ["", ""] } as never, page).violations).toEqual([]);
    expect(checkContract({ ...ok, "x-l": [""] } as never, page).violations.map((v) => v.code)).toEqual(["minLength"]);
  });

  test("holds an operation without a body (a GET step) to no media type, whatever Content-Type and bytes come", () => {
    const captcha = byId("showCaptcha")!;
    expect(checkContract({ "content-type": "text/plain" }, Buffer.from("\xff not json"), captcha)).toEqual({ violations: [] });
    // Its headers are still checked.
    expect(checkContract({ "x-l": "" }, null, captcha).violations.map((v) => v.code)).toEqual(["minLength"]);
  });

  test("a form body is the engine's to validate: only fields its schema does not know are named, counted, not quoted", () => {
    const token = byId("getTenantAccessToken")!;
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const valid = Buffer.from("grant_type=client_credentials&client_id=abc&client_secret=s3cr3t");
    // Not JSON, and no body handed on: the engine decodes the form itself.
    expect(checkContract(form, valid, token)).toEqual({ violations: [] });
    // A missing field is the engine's finding, not the mock's.
    expect(checkContract(form, Buffer.from("grant_type=client_credentials"), token)).toEqual({ violations: [] });
    const extra = checkContract(form, Buffer.from("grant_type=client_credentials&client_id=abc&client_secret=s3cr3t&hidden_field=x"), token);
    expect(extra.violations).toEqual([{ location: ["request", "body"], severity: "Error", code: "additionalProperties", message: expect.stringMatching(/^Request \S/) }]);
    expect(JSON.stringify(extra)).not.toMatch(/hidden_field|s3cr3t/);
    expect("body" in extra).toBe(false);
  });

  test("a form operation without a body schema has no fields to hold a form to", () => {
    const schemaless = { ...byId("getTenantAccessToken")!, body: undefined };
    expect(checkContract({ "content-type": "application/x-www-form-urlencoded" }, Buffer.from("anything=1&else=2"), schemaless)).toEqual({ violations: [] });
  });
});

/** The part of a ServerResponse the header helpers use, recording what was set. */
function fakeResponse(refuse = false) {
  const set: Record<string, unknown> = {};
  const res = {
    setHeader(name: string, value: unknown) {
      if (refuse) throw new TypeError(`Invalid character in header content ["${name}"]`);
      set[name] = value;
      return res;
    },
  };
  return { res: res as unknown as ServerResponse, set };
}

describe("safe headers: what the mock writes is always a valid header", () => {
  test("asciiJson escapes every character outside printable ASCII as a four-digit \\u escape, and stays the same JSON", () => {
    const value = { text: "é\u0001\u007f登录😀 ~", n: 1 };
    const ascii = asciiJson(value);
    expect(ascii).toBe('{"text":"\\u00e9\\u0001\\u007f\\u767b\\u5f55\\ud83d\\ude00 ~","n":1}');
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(ascii)).toEqual(value);
  });

  test("setViolations writes nothing for none, the list as ASCII JSON otherwise", () => {
    const none = fakeResponse();
    setViolations(none.res, []);
    expect(none.set).toEqual({});
    const some = fakeResponse();
    setViolations(some.res, [{ location: ["request", "body"], severity: "Error", message: "ā" }]);
    expect(some.set).toEqual({ "sl-violations": '[{"location":["request","body"],"severity":"Error","message":"\\u0101"}]' });
  });

  test("setViolations keeps a long list JSON: the first that fit, then an entry counting the rest", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ location: ["request", "body", `k${i}`], severity: "Error", message: "x".repeat(150) }));
    const over = fakeResponse();
    setViolations(over.res, many);
    const header = over.set["sl-violations"] as string;
    expect(header.length).toBeLessThanOrEqual(8 * 1024 - 100);
    const parsed = JSON.parse(header) as { code?: string; message: string }[];
    const note = parsed.at(-1)!;
    expect(note.code).toBe("truncated");
    expect(note.message).toContain(`${300 - (parsed.length - 1)} more`);
  });

  test("trySetHeader sets a header, or says which one Node refused and why", () => {
    const ok = fakeResponse();
    expect(trySetHeader(ok.res, "x-a", "b")).toBeUndefined();
    expect(ok.set).toEqual({ "x-a": "b" });
    const refused = fakeResponse(true);
    expect(trySetHeader(refused.res, "x-bad", "☃")).toBe('dropped response header "x-bad": Invalid character in header content ["x-bad"]');
  });
});
