import type { Middleware } from "openapi-fetch";
import type { LoginHeaders } from "../types.js";
import type { RetryOptions } from "./retry.js";

/** The caller's device, sent as headers. On a backend, pass the end user's device per call. */
export interface DeviceContext {
  /** `X-operating-sys-version`, e.g. "Android 10". */
  osVersion: LoginHeaders["X-operating-sys-version"];
  /** `X-device-fingerprint`. */
  fingerprint: LoginHeaders["X-device-fingerprint"];
  /** `X-agent`: the user agent. */
  agent: LoginHeaders["X-agent"];
  /** `X-device-ip`. */
  ip?: LoginHeaders["X-device-ip"];
  /** `X-L`: language of error messages, e.g. "en". */
  language?: LoginHeaders["X-L"];
}

/** The fetch signature the client calls: a Request, and an init carrying the call's cancellation signal. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Where the API lives: a full base URL, or just the tenant's domain name (https is implied). */
export type LoginClientTarget = { baseUrl: string; domain?: never } | { domain: string; baseUrl?: never };

/** Options of {@link createLoginClient}. */
export type LoginClientOptions = LoginClientTarget & {
  /** `X-client-id`: the application's ClientId (in ISV tenant mode, the ISV template's client id). */
  clientId: LoginHeaders["X-client-id"];
  /** `X-tenant-id`: mandatory in ISV tenant mode, where the domain is the ISV common domain. */
  tenantId?: LoginHeaders["X-tenant-id"];
  /** Device headers sent with every login; a call may override them. */
  device: DeviceContext;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /**
   * A fetch to use instead of the global one (tests, proxies, instrumentation). It gets the request and an init whose
   * `signal` cancels it (timeout or the caller's signal) and whose `redirect` is "manual"; like fetch, honour `init`
   * over the request. Without it, `globalThis.fetch` is looked up at each call, so a mock installed later (MSW, nock,
   * undici's MockAgent) still sees the calls.
   */
  fetch?: Fetch;
  /** openapi-fetch middleware, applied to every request. */
  middleware?: Middleware[];
  /** Largest answer body read, in bytes (default 65 536); a longer one is abandoned as a ResponseFormatError. */
  maxResponseBytes?: number;
  /**
   * Retries, off by default: only a request that provably never reached OneAccess (DNS failure, refused connection,
   * connect timeout, refused certificate) and, with `onRetryAfter`, a 429/503 carrying Retry-After. See the README.
   */
  retry?: RetryOptions;
  /** Allows a plain-http baseUrl to a host that is not loopback: the credentials then cross the network unencrypted. */
  allowInsecureHttp?: boolean;
};

/** Options of one {@link LoginClient.login} call. */
export interface LoginCallOptions {
  /** Device headers for this call only, merged over the client's. */
  device?: Partial<DeviceContext>;
  /** Cancels the call; the result is then an {@link AbortError}. */
  signal?: AbortSignal;
  /** Timeout for this call in milliseconds, overriding the client's. */
  timeoutMs?: number;
  /**
   * Extra headers for this call only, e.g. `{ Prefer: "code=400, example=wrongCredentials" }` for the mock. Names must
   * be HTTP tokens and values sendable; they cannot replace the contract's headers or Content-Type (InputError), and
   * their values count as secrets of the call, like the credentials (docs/views.md).
   */
  headers?: Record<string, string>;
  /** Retries for this call, field by field over the client's `retry`. */
  retry?: RetryOptions;
}
