import { loginWithMobileVerifyCode } from "../../generated/operations.js";
import type { DeviceContext, LoginClientOptions } from "./options.js";
import type { LoginHeaders } from "../types.js";
import { typeOf, violations } from "../contract/validate.js";

/** Maps the client's options and a call's device overrides to the operation's wire headers. */
export function loginHeaders(
  { clientId, tenantId }: Pick<LoginClientOptions, "clientId" | "tenantId">,
  { osVersion, fingerprint, agent, ip, language }: DeviceContext,
): LoginHeaders {
  // Typed as LoginHeaders so a header the spec makes required cannot be forgotten here; unset ones are left out.
  const headers: LoginHeaders = {
    "X-operating-sys-version": osVersion,
    "X-device-fingerprint": fingerprint,
    "X-device-ip": ip,
    "X-agent": agent,
    "X-L": language,
    "X-client-id": clientId,
    "X-tenant-id": tenantId,
  };
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as LoginHeaders;
}

// What fetch accepts in a header value: no control characters (CR/LF would split headers), Latin-1 only.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** An HTTP token (RFC 9110): what a header name may be; fetch refuses any other name. */
export const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;
/** The Content-Type the client sets and the connection framing fetch owns (or refuses with a network error). */
export const FRAMING = "content-type content-length host transfer-encoding connection keep-alive expect upgrade te trailer proxy-connection".split(" ");
// The headers the client fills from its options: the login's, the same on every browser operation.
const CLIENT_HEADERS = loginWithMobileVerifyCode.headers;

/** Names of headers whose values fetch would refuse; checked up front so the caller gets an InputError. */
export function unsendableHeaders(headers: Record<string, unknown>): string[] {
  return Object.keys(headers)
    .filter((name) => typeof headers[name] == "string" && !HEADER_VALUE.test(headers[name]))
    .map((name) => `header ${name} has characters that cannot be sent`);
}

/** What is wrong with a set of contract headers, by the spec's rules and fetch's. */
export const headerProblems = (headers: LoginHeaders) => [...violations(CLIENT_HEADERS, headers, "headers"), ...unsendableHeaders(headers)];

/**
 * What is wrong with a call's extra headers (already copied as own data): names, values, and clashes with ours. Only
 * the contract's and fetch's own header names are named: any other name is the caller's text, and may be a secret.
 */
export function extraHeaderProblems(headers: unknown, declared: object = {}): string[] {
  if (typeOf(headers) != "object") return ["headers must be an object of header names to strings"];
  const record = headers as Record<string, unknown>;
  const out = new Set<string>();
  for (const name of Object.keys(record)) {
    if (!TOKEN.test(name)) out.add("headers: a header name is not a valid token");
    // Ours (Content-Type, framing) and the operation's declared headers: never set per call.
    else if (FRAMING.includes(name.toLowerCase()) || Object.keys(declared).some((own) => own.toLowerCase() == name.toLowerCase())) out.add(`headers: ${name.toLowerCase()} may not be set per call`);
    else if (typeof record[name] != "string") out.add("headers: a header value is not a string");
    else if (!HEADER_VALUE.test(record[name])) out.add("headers: a header value has characters that cannot be sent");
  }
  return [...out];
}
