import { REQUEST_ID, shown } from "../contract/view-rule.js";
import { ApiError } from "./errors/api-error.js";
import { ContractViolationError } from "./errors/contract-violation-error.js";
import { HttpError } from "./errors/http-error.js";
import type { LoginError } from "./errors/login-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { ResponseFormatError } from "./errors/response-format-error.js";
import { failure, Outcome } from "./outcome.js";
import { retryAfterMs } from "./retry.js";
import type { LoginResult } from "./result.js";
import type { ErrorResponseBody } from "../types.js";
import type { OperationDescriptor } from "./pipeline/descriptor.js";
import { violations, type Schema } from "../contract/validate.js";

/**
 * The answer fetch gave, by the stand-in the client handed openapi-fetch in its place (a Response cannot be rebuilt
 * with a status past 599, a reason phrase with control characters, or the fact that it was redirected).
 */
export const answers = new WeakMap<Response, Response>();

/** How an answer was a redirect, or undefined: the client refuses all three. */
export const redirectOf = ({ status, redirected, type }: Response) =>
  type == "opaqueredirect" ? "opaque" : redirected ? "followed" : status > 299 && status < 400 ? "3xx" : undefined;

/**
 * The answer's X-Request-Id when a view may show it: of a request id's shape, and holding none of the call's
 * `secrets`, the answer's cookies or the strings of its JSON body (a server may send a token there).
 */
export function requestIdOf(response: Response, secrets: readonly unknown[], body?: unknown): string | undefined {
  const id = response.headers.get("x-request-id");
  return id ? shown(id, REQUEST_ID, [...secrets, response.headers.get("set-cookie"), ...stringsOf(body)]) : undefined;
}

/**
 * Every string of a parsed JSON body, keys too, however deep it sits (a bare string body is one): a token may be
 * anywhere. A loop with a stack of its own, so a deeply nested body cannot exhaust the call stack.
 */
function stringsOf(body: unknown): unknown[] {
  const found: unknown[] = [];
  const stack = [body];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value == "string") found.push(value);
    // An array's indexes are no strings of the body: 0 stands in for them, and is passed over.
    else if (value && typeof value == "object") for (const [key, item] of Object.entries(value)) stack.push(Array.isArray(value) ? 0 : key, item);
  }
  return found;
}

/**
 * Turns an answer into a result. `payload` is the body text on 2xx, and of any other answer its JSON-parsed body, or
 * its text when not JSON. `secrets`
 * are the call's (credentials, header values): with the answer's cookies, what a request id or error code shown in a
 * view may not hold.
 */
export function interpret(op: OperationDescriptor, response: Response, payload: unknown, request: RequestSummary, secrets: readonly unknown[]): LoginResult {
  const answer = answers.get(response) ?? response;
  const { status, headers } = answer;
  // An error code may echo a cookie as well as a request id may (requestIdOf adds the cookies itself): read only for
  // an error, since a success has no code to check.
  const withCookies = () => [...secrets, headers.get("set-cookie")];
  const fail = (error: LoginError) => failure(error, answer);
  const redirect = redirectOf(answer);

  const schema = op.responses[status];
  if ((status != 200 && status != 400) || schema === undefined || redirect) {
    const code = (payload as Partial<ErrorResponseBody> | null | undefined)?.error_code;
    const to = redirect == "followed" ? answer.url : headers.get("location");
    // Only the origin: a redirect's path and query may carry the credentials (an opaque one, "null", names no place).
    let location: string | undefined;
    try {
      location = redirect && to ? new URL(to, request.url).origin : undefined;
    } catch {}
    const retryAfter = status == 429 || status == 503 ? retryAfterMs(headers.get("retry-after")) : undefined;
    return fail(new HttpError(status, typeof code == "string" ? code : undefined, request, { location, retryAfter, redirect }, requestIdOf(answer, secrets), withCookies()));
  }
  // A 200 documented without a body (a sent code): nothing to judge, and nothing kept.
  if (schema === null && status == 200) return succeed(op, { ok: true }, undefined, answer, () => requestIdOf(answer, secrets));
  let body = payload;
  let problem: string | undefined;
  try {
    // openapi-fetch parses a 400 body itself and hands back its text when that fails; a 200 body arrives as text.
    if (typeof payload == "string" && (status == 400 || ((body = JSON.parse(payload)), false))) throw 0;
  } catch {
    problem = payload ? "a body that is not JSON" : "an empty body";
  }
  if (body === undefined) problem = "an empty body";
  const id = () => requestIdOf(answer, secrets, status == 200 && body);
  if (problem) return fail(new ResponseFormatError(status, problem, request, id()));

  const problems = schema ? violations(schema, body) : [];
  if (problems.length) return fail(new ContractViolationError(status, problems, body, request, id()));
  if (status == 400) {
    const { error_code, error_msg } = body as ErrorResponseBody;
    return fail(new ApiError(error_code, error_msg, request, id(), withCookies(), op.label ?? "request"));
  }
  const { properties, discriminator } = schema as Schema;
  const byStatus = properties?.status || discriminator?.propertyName == "status" ? { status: (body as { status: unknown }).status } : {};
  return succeed(op, { ok: true, ...byStatus }, body, answer, id);
}

/** A success: its fields, the raw body and answer, and a request id checked on first read. */
function succeed(op: OperationDescriptor, fields: object, body: unknown, answer: Response, id: () => string | undefined): LoginResult {
  const { headers } = answer;
  const result = new Outcome(fields, answer, body, op.responses[200]) as unknown as LoginResult;
  // Checked on first read (a view, or the caller's): the check costs more than the rest of a success.
  let requestId: string | undefined | null = null;
  if (headers.has("x-request-id")) Object.defineProperty(result, "requestId", { enumerable: true, get: () => (requestId === null ? (requestId = id()) : requestId) });
  return result;
}
