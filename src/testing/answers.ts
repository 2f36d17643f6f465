// The responses the in-process mock sends, shaped as Prism 5.14.2 shapes them (checked side by side by
// test/testing/differential.test.ts).
import type { Operation } from "../contract/operations.js";
import { violationsHeader, type SlViolation } from "../contract/sl-violations.js";

/** A JSON response. */
export const json = (status: number, body: unknown, type = "application/json"): Response => jsonText(status, JSON.stringify(body), type);

/** A JSON response whose body is already text. */
export const jsonText = (status: number, text: string, type = "application/json"): Response => new Response(text, { status, headers: { "content-type": type } });

/** Prism's problem+json answer for what it cannot do. */
export const problem = (status: number, kind: string, title: string, detail: string, headers?: Record<string, string>): Response => {
  // Prism spreads an error's extra headers into its body as well (ProblemJsonError.toProblemJson): so does this mock.
  const response = json(status, { type: `https://stoplight.io/prism/errors#${kind}`, title, status, detail, ...(headers ? { headers } : {}) }, "application/problem+json");
  for (const [name, value] of Object.entries(headers ?? {})) response.headers.set(name, value);
  return response;
};

/** Prism's 404 for a path the spec does not have. */
export const noPath = (pathname: string): Response =>
  problem(404, "NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched", `The route ${pathname} hasn't been found in the specification file`);

/** Prism's 405 for a method the path does not have. */
export const wrongMethod = (method: string, path: string): Response =>
  problem(405, "NO_METHOD_MATCHED_ERROR", "Route resolved, but no method matched", `The route ${path} has been matched, but it does not have "${method.toLowerCase()}" method defined`);

/** Prism's 401 for an operation whose Bearer token is missing (or, in the journey, not one the mock issued). */
export const unauthorized = (): Response =>
  problem(
    401,
    "UNAUTHORIZED",
    "Invalid security scheme used",
    "Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so Prism is generating this error for you.",
    { "WWW-Authenticate": "Bearer" },
  );

/** Prism's check of `Authorization` for an http bearer scheme, byte for byte. */
export const isBearer = (authorization: string | null): boolean => authorization !== null && /^Bearer\s.+$/.test(authorization);

/**
 * The operation's response for a status and optional example name, as Prism picks it: the first example unless one
 * is named; undefined when the spec has no such status or example. A status without a body is an empty answer.
 */
export function exampleResponse(operation: Operation, status: string, name?: string): Response | undefined {
  if (!Object.hasOwn(operation.examples, status)) return undefined;
  const named = operation.examples[status];
  // No body documented (the code was sent): Prism answers the status with an empty text body, whatever example is named.
  if (named === null) return new Response("", { status: Number(status), headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!named || (name !== undefined && !Object.hasOwn(named, name))) return undefined;
  return json(Number(status), name === undefined ? Object.values(named)[0] : named[name]);
}

/** The status (as a string) of the operation whose examples include name. */
export const statusOf = (operation: Operation, name: string): string | undefined =>
  Object.keys(operation.examples).find((status) => Object.hasOwn(operation.examples[status] ?? {}, name));

/** Adds an `sl-violations` header (see violationsHeader: bounded JSON, any field name escaped to a valid header). */
export function withViolations(response: Response, list: SlViolation[]): Response {
  response.headers.set("sl-violations", violationsHeader(list));
  return response;
}
