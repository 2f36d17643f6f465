import { PAGE_HEADERS } from "./contract.js";

/** The page's headers without one. */
const without = (name: string) => Object.fromEntries(Object.entries(PAGE_HEADERS).filter(([k]) => k !== name));
const body = (value: unknown) => JSON.stringify(value);
const page = { mobile: "12345678901", verify_code: "232326" };

/**
 * The contract suite's bad-input table (name, headers, body, errorBody). Each row breaks the contract in one way.
 * `errorBody` is false where the server's parser answers before the API does (malformed JSON): its 400 then need
 * not carry {error_code, error_msg}.
 */
export const badInputCases: Array<[name: string, headers: Record<string, string>, payload: string | undefined, errorBody: boolean]> = [
  ["X-operating-sys-version missing", without("X-operating-sys-version"), body(page), true],
  ["X-device-fingerprint missing", without("X-device-fingerprint"), body(page), true],
  ["X-agent missing", without("X-agent"), body(page), true],
  ["X-client-id missing", without("X-client-id"), body(page), true],
  ["mobile missing", PAGE_HEADERS, body({ verify_code: page.verify_code }), true],
  ["verify_code missing", PAGE_HEADERS, body({ mobile: page.mobile }), true],
  ["mobile a number", PAGE_HEADERS, body({ ...page, mobile: 12345678901 }), true],
  ["verify_code a number", PAGE_HEADERS, body({ ...page, verify_code: 232326 }), true],
  ["mobile null", PAGE_HEADERS, body({ ...page, mobile: null }), true],
  ["verify_code an object", PAGE_HEADERS, body({ ...page, verify_code: { code: "232326" } }), true],
  ["body an array", PAGE_HEADERS, body([page]), true],
  ["malformed JSON", PAGE_HEADERS, '{"mobile": "12345678901", "verify_code": ', false],
  ["wrong Content-Type", { ...PAGE_HEADERS, "Content-Type": "text/plain" }, body(page), true],
  ["form-encoded body", { ...PAGE_HEADERS, "Content-Type": "application/x-www-form-urlencoded" }, "mobile=1&verify_code=2", true],
  ["empty body", PAGE_HEADERS, undefined, true],
  ["oversized body (1 MiB mobile)", PAGE_HEADERS, body({ ...page, mobile: "1".repeat(1 << 20) }), true],
];
