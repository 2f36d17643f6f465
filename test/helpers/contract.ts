import { inject } from "vitest";
import { LOGIN_PATH } from "../../src/index.js";
import { PAGE } from "./client.js";

/** Base URL of the server under test (the mock unless ONEACCESS_BASE_URL is set). */
export const baseUrl = inject("contractBaseUrl");
/** Whether the server under test is the Prism mock, which serves named examples on request. */
export const targetIsMock = inject("contractTargetIsMock");
/** Full URL of the operation on the server under test. */
export const loginUrl = `${baseUrl}${LOGIN_PATH}`;

/** The page's example request headers, on the wire. */
export const PAGE_HEADERS: Record<string, string> = {
  "Content-Type": "application/json;charset=utf8",
  "X-operating-sys-version": PAGE.options.device.osVersion,
  "X-device-fingerprint": PAGE.options.device.fingerprint,
  "X-device-ip": PAGE.options.device.ip,
  "X-agent": PAGE.options.device.agent,
  "X-L": PAGE.options.device.language,
  "X-client-id": PAGE.options.clientId,
  "X-tenant-id": PAGE.options.tenantId,
};

/** A raw POST to the operation; returns status, headers and the parsed (or raw) body. */
export async function post(
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const response = await fetch(loginUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
