import type { DeviceContext, LoginClientOptions } from "./options.js";
import type { LoginHeaders } from "../types.js";

/** Maps the client's options and a call's device overrides to the operation's wire headers. */
export function loginHeaders(
  { clientId, tenantId }: Pick<LoginClientOptions, "clientId" | "tenantId">,
  { osVersion, fingerprint, agent, ip, language }: DeviceContext,
): LoginHeaders {
  // Typed as LoginHeaders so a header the spec makes required cannot be forgotten here.
  const headers: LoginHeaders = {
    "X-operating-sys-version": osVersion,
    "X-device-fingerprint": fingerprint,
    "X-agent": agent,
    "X-client-id": clientId,
  };
  if (ip !== undefined) headers["X-device-ip"] = ip;
  if (language !== undefined) headers["X-L"] = language;
  if (tenantId !== undefined) headers["X-tenant-id"] = tenantId;
  return headers;
}

// What fetch accepts in a header value: no control characters (CR/LF would split headers), Latin-1 only.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Names of headers whose values fetch would refuse; checked up front so the caller gets an InputError. */
export function unsendableHeaders(headers: Record<string, unknown>): string[] {
  return Object.keys(headers)
    .filter((name) => typeof headers[name] == "string" && !HEADER_VALUE.test(headers[name]))
    .map((name) => `header ${name} has characters that cannot be sent`);
}
