import { ConfigError } from "./errors/config-error.js";
import type { LoginClientTarget } from "./options.js";

/** The base URL from `baseUrl` or `domain`, without a trailing slash; throws ConfigError when unusable. */
export function resolveBaseUrl(target: LoginClientTarget): string {
  const { baseUrl, domain } = target as { baseUrl?: unknown; domain?: unknown };
  if (baseUrl !== undefined && domain !== undefined) throw new ConfigError("give baseUrl or domain, not both");
  let candidate: string;
  if (typeof domain === "string" && domain !== "") {
    // A scheme or path here is a mix-up with baseUrl, and would silently build a wrong host.
    if (/[/\s]/.test(domain)) throw new ConfigError("domain is a host name such as tenant.example.com; pass URLs as baseUrl");
    candidate = `https://${domain}`;
  } else if (typeof baseUrl === "string" && baseUrl !== "") {
    candidate = baseUrl;
  } else {
    throw new ConfigError("baseUrl or domain must be a non-empty string");
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new ConfigError("baseUrl is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("baseUrl must be an http or https URL");
  // fetch refuses user info (and would echo it in its error); a query or fragment would swallow the path.
  if (url.username || url.password) throw new ConfigError("baseUrl must not contain a user name or password");
  if (url.search || url.hash || candidate.includes("?") || candidate.includes("#")) throw new ConfigError("baseUrl must not contain a query or fragment");
  return candidate.replace(/\/+$/, "");
}
