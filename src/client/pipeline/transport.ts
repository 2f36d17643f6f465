import type { Middleware } from "openapi-fetch";
import type { Fetch } from "../options.js";
import type { RetryOptions } from "../retry.js";

/**
 * A configured way to send any operation: where, how (fetch, through middleware), the limits and the headers the
 * client owns. Built once per client (createLoginClient); a server entry builds its own. Nothing browser-only.
 */
export interface Transport {
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** openapi-fetch middleware every request goes through, in order. */
  readonly middleware: readonly Middleware[];
  /** The fetch requests go to: called with the call's signal and `redirect: "manual"`. */
  readonly fetch: Fetch;
  /** Default timeout per call, in milliseconds. */
  readonly timeoutMs: number;
  /** Largest answer body read, in bytes. */
  readonly maxResponseBytes: number;
  /** The client's retry options, under each call's. */
  readonly retry: RetryOptions;
  /**
   * The transport's own headers for a call, with a call's `device` override when given, and what is wrong with them
   * (already checked when there is no override).
   */
  readonly headers: (override?: object) => [Record<string, string>, string[]];
}
