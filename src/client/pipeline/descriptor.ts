import type { Schema } from "../../contract/validate.js";

/**
 * One operation as data (generated/operations.ts, from the spec): everything the pipeline needs to send it and judge
 * its answer. An operation can only choose among options the pipeline already has.
 */
export interface OperationDescriptor {
  readonly method: "GET" | "POST";
  /** The path, as in the spec. */
  readonly path: string;
  /** The words messages use for the call ("login", "code request"); defaults to "request". */
  readonly label?: string;
  /** The header parameters as one object schema (required names, each value's schema). */
  readonly headers: Schema & { readonly properties: { readonly [name: string]: Schema } };
  /** Headers the caller gives as input fields, by input name: `{ state_token: "X-state-token" }`. */
  readonly fromInput?: { readonly [input: string]: string };
  /** The request body's media type, when the operation has a body. */
  readonly mediaType?: string;
  /** The request body's schema, when the operation has a body. */
  readonly body?: Schema;
  /** The documented answers by status: the body's schema, or null for an answer without a body. */
  readonly responses: { readonly [status: string]: Schema | null };
  /**
   * "answered" (the default): a provably unsent request may be retried, and (opt-in) a 429/503 with Retry-After. "unsent": only a
   * provably unsent request, never one that may have reached OneAccess (a package rule, scripts/lib/operations.mjs).
   */
  readonly retry?: "answered" | "unsent";
}
