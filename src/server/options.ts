import type { Middleware } from "openapi-fetch";
import type { Fetch, LoginClientTarget } from "../client/options.js";
import type { RetryOptions } from "../client/retry.js";

/** Options of {@link createServerClient}: where the tenant lives, and the application's credentials. */
export type ServerClientOptions = LoginClientTarget & {
  /** The application's ClientId (`client_id` of the token request). */
  clientId: string;
  /** The application's ClientSecret: sent only in the token request's form body, never shown in any view. */
  clientSecret: string;
  /** `X-tenant-id`, sent with the tenant calls that take it (ISV tenant mode). */
  tenantId?: string;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** A fetch to use instead of the global one; called as createLoginClient's (see LoginClientOptions.fetch). */
  fetch?: Fetch;
  /** openapi-fetch middleware, applied to every tenant request (the token request too). */
  middleware?: Middleware[];
  /** Largest answer body read, in bytes (default 65 536). */
  maxResponseBytes?: number;
  /** Retries, off by default, as createLoginClient's; a session token's exchange is never repeated once it may have arrived. */
  retry?: RetryOptions;
  /** Allows a plain-http baseUrl to a host that is not loopback: the client secret would then cross the network unencrypted. */
  allowInsecureHttp?: boolean;
};

/** Options of one server client call: createLoginClient's, without `device` (the device fields are the input's). */
export interface ServerCallOptions {
  /** Cancels the call; the result is then an AbortError. */
  signal?: AbortSignal;
  /** Timeout for this call in milliseconds, overriding the client's. */
  timeoutMs?: number;
  /** Extra headers for this call only (e.g. a mock's `Prefer`); they cannot replace the contract's, Content-Type or Authorization. */
  headers?: Record<string, string>;
  /** Retries for this call, field by field over the client's `retry`. */
  retry?: RetryOptions;
}
