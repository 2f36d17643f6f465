import type { DeviceContext, LoginClientOptions } from "./options.js";
import type { LoginHeaders } from "./types.js";

/** Maps the client's options and a call's device overrides to the operation's wire headers. */
export function loginHeaders(
  options: Pick<LoginClientOptions, "clientId" | "tenantId">,
  device: DeviceContext,
): LoginHeaders {
  // Typed as LoginHeaders so a header the spec makes required cannot be forgotten here.
  const headers: LoginHeaders = {
    "X-operating-sys-version": device.osVersion,
    "X-device-fingerprint": device.fingerprint,
    "X-agent": device.agent,
    "X-client-id": options.clientId,
  };
  if (device.ip !== undefined) headers["X-device-ip"] = device.ip;
  if (device.language !== undefined) headers["X-L"] = device.language;
  if (options.tenantId !== undefined) headers["X-tenant-id"] = options.tenantId;
  return headers;
}

// What fetch accepts in a header value: no control characters (CR/LF would split headers), Latin-1 only.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Names of headers whose values fetch would refuse; checked up front so the caller gets an InputError. */
export function unsendableHeaders(headers: Record<string, unknown>): string[] {
  return Object.entries(headers)
    .filter(([, value]) => typeof value === "string" && !HEADER_VALUE.test(value))
    .map(([name]) => `header ${name} has characters that cannot be sent`);
}
