// Every operation of the spec as the mocks and the request rules see it (generated/requests.ts), and how a request's
// method and path find one: Prism 5.14.2's router, segment by segment, each percent-decoded.
import { operations as table } from "../../generated/requests.js";
import type { Schema } from "./validate.js";
import { LOGIN_PATH } from "./operation.js";

/** One operation's request rules, named examples (by status; null for a status without a body) and secrets. */
export interface Operation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  /** The header parameters as one object schema (names as the spec writes them). */
  readonly headers: Schema & { readonly required: readonly string[] };
  /** The request body's media type, exactly as the spec's content key; absent for an operation without a body. */
  readonly media?: string;
  readonly body?: Schema;
  readonly bodyRequired?: boolean;
  /** Whether the operation needs `Authorization: Bearer <token>` (the spec's http bearer security). */
  readonly bearer: boolean;
  readonly examples: Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;
  readonly secrets: { readonly headers: readonly string[]; readonly fields: readonly string[] };
}

/** Every operation of the spec, in the spec's order. */
export const OPERATIONS: readonly Operation[] = table as unknown as readonly Operation[];

/** The login operation (POST /api/v2/sdk/login/mobile-verify-code). */
export const LOGIN: Operation = OPERATIONS.find((o) => o.path === LOGIN_PATH && o.method === "POST")!;

/** Operations by their operationId. */
export const byId = (id: string): Operation | undefined => OPERATIONS.find((o) => o.id === id);

const SEGMENTS = new Map(OPERATIONS.map((o) => [o.path, o.path.split("/")]));
/** The operations at each path, in the spec's order. */
const BY_PATH = new Map<string, Operation[]>();
for (const o of OPERATIONS) BY_PATH.set(o.path, [...(BY_PATH.get(o.path) ?? []), o]);

/** Whether a URL path names `path` as Prism reads it: `/api/v2/sdk/login/mobile%2Dverify-code` does, `login%2Fmobile…` does not. */
function names(pathname: string, path: string): boolean {
  // The path as clients send it: no decoding needed.
  if (pathname === path) return true;
  const want = SEGMENTS.get(path)!;
  const segments = pathname.split("/");
  if (segments.length !== want.length) return false;
  return segments.every((segment, i) => {
    try {
      return decodeURIComponent(segment) === want[i];
    } catch {
      return false; // a broken escape (%ZZ) names no path
    }
  });
}

/**
 * What a request's method and path reach: the operation, or the path's operations when none has the method (Prism's
 * 405), or nothing (Prism's 404). Methods compare in upper case.
 */
export function route(method: string, pathname: string): { operation: Operation } | { path: string; methods: readonly string[] } | undefined {
  // Without a '%' every segment decodes to itself, so only an exact path names an operation: a lookup, not a scan.
  const atPath = pathname.includes("%") ? OPERATIONS.filter((o) => names(pathname, o.path)) : (BY_PATH.get(pathname) ?? []);
  if (atPath.length === 0) return undefined;
  const upper = method.toUpperCase();
  const operation = atPath.find((o) => o.method === upper);
  return operation ? { operation } : { path: atPath[0]!.path, methods: atPath.map((o) => o.method) };
}
