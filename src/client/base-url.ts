import { need } from "./errors/config-error.js";
import type { LoginClientTarget } from "./options.js";

// http(s), a host without user info (fetch refuses it and would echo it in its error), an optional path, and no query
// or fragment (they would swallow the operation's path).
const BASE_URL = /^https?:\/\/[^/\s?#@]+(\/[^\s?#]*)?$/i;

/** True when `url` parses; a regular expression alone lets through bad ports and hosts. */
function parses(url: string): boolean {
  try {
    return !!new URL(url);
  } catch {
    return false;
  }
}

/** The base URL from `baseUrl` or `domain`, without a trailing slash; throws ConfigError when unusable. */
export function resolveBaseUrl(target: LoginClientTarget): string {
  const { baseUrl, domain } = target as { baseUrl?: unknown; domain?: unknown };
  need((baseUrl === undefined) !== (domain === undefined), "give either baseUrl or domain");
  // A scheme or path in domain is a mix-up with baseUrl, and would silently build a wrong host.
  need(domain === undefined || (typeof domain == "string" && /^[^/\s?#@]+$/.test(domain)), "domain must be a host name such as tenant.example.com");
  const url = domain === undefined ? baseUrl : `https://${domain}`;
  need(typeof url == "string" && BASE_URL.test(url) && parses(url), "baseUrl must be an http(s) URL without user info, query or fragment");
  return url.replace(/\/+$/, "");
}
