import { ConfigError } from "./errors/config-error.js";
import type { LoginClientTarget } from "./options.js";

/** The base URL from `baseUrl` or `domain`, without a trailing slash; throws ConfigError when unusable. */
export function resolveBaseUrl(target: LoginClientTarget): string {
  const { baseUrl, domain } = target as { baseUrl?: unknown; domain?: unknown };
  if ((baseUrl === undefined) === (domain === undefined)) throw new ConfigError("give either baseUrl or domain");
  // A scheme or path in domain is a mix-up with baseUrl, and would silently build a wrong host.
  if (domain !== undefined && (typeof domain !== "string" || !/^[^/\s?#@]+$/.test(domain))) {
    throw new ConfigError("domain must be a host name such as tenant.example.com");
  }
  const candidate = domain === undefined ? baseUrl : `https://${domain}`;
  let url: URL | undefined;
  try {
    url = new URL(candidate as string);
  } catch {
    // reported below
  }
  // fetch refuses user info (and would echo it in its error); a query or fragment would swallow the path.
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || /[?#]/.test(candidate as string)) {
    throw new ConfigError("baseUrl must be an http(s) URL without user info, query or fragment");
  }
  return (candidate as string).replace(/\/+$/, "");
}
