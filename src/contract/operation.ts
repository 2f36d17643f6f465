// The operation's wire facts every part of the package shares: the mocks answer at this path, verify sends to it.

/** Path of the operation, as in the spec. */
export const LOGIN_PATH = "/api/v2/sdk/login/mobile-verify-code";

/** The Content-Type OneAccess documents for requests, byte for byte (its `utf8` spelling of UTF-8). */
export const CONTENT_TYPE = "application/json;charset=utf8";

/** The spec's server URL templates (test/testing checks them against generated/openapi.json). */
export const SERVER_TEMPLATES: readonly string[] = ["https://{domain_name}", "https://{common_domain}"];
