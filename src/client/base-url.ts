import { need } from "./errors/config-error.js";
import type { LoginClientTarget } from "./options.js";

// http(s), a host without user info (fetch refuses it and would echo it in its error) or backslash (URL reads it as
// "/", making the rest a path) or control or format character (a zero-width space or soft hyphen would pass URL's
// parsing and show in every message), an optional path, and no query or fragment (they would swallow the operation's path).
// Every message shows the base URL: controls and format characters (a terminal escape, a bidi override) are refused.
const HOST = "[^/\\\\\\s?#@\\p{C}]+";
const BASE_URL = new RegExp(`^https?://${HOST}(/[^\\s?#\\p{C}]*)?$`, "iu");
// Hosts whose traffic never leaves the machine, as URL normalizes them: plain http is safe only there.
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** The base URL from `baseUrl` or `domain`, without a trailing slash; throws ConfigError when unusable. */
export function resolveBaseUrl(target: LoginClientTarget & { allowInsecureHttp?: unknown }): string {
  const { baseUrl, domain, allowInsecureHttp } = target as { baseUrl?: unknown; domain?: unknown; allowInsecureHttp?: unknown };
  need((baseUrl === undefined) !== (domain === undefined), "give either baseUrl or domain");
  // A scheme or path in domain is a mix-up with baseUrl, and would silently build a wrong host.
  need(domain === undefined || (typeof domain == "string" && new RegExp(`^${HOST}$`, "u").test(domain)), "domain must be a host name such as tenant.example.com");
  const url = domain === undefined ? baseUrl : `https://${domain}`;
  let parsed: URL | undefined;
  try {
    // A regular expression alone lets through bad ports and hosts: URL refuses them.
    if (typeof url == "string" && BASE_URL.test(url)) parsed = new URL(url);
  } catch {
    // Not a URL: refused below.
  }
  need(parsed, "baseUrl must be an http(s) URL without user info, query, fragment or control characters");
  // No server listens on port 0.
  need(parsed.port != "0", "the port must not be 0");
  // The mobile number and code would cross the network in clear text.
  need(
    parsed.protocol == "https:" || allowInsecureHttp === true || LOOPBACK.test(parsed.hostname),
    "baseUrl must be https unless its host is loopback (or set allowInsecureHttp: true)",
  );
  return (url as string).replace(/\/+$/, "");
}
