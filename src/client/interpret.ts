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

/** How an answer was a redirect, or undefined: the client refuses all three. `status` is the one already read. */
export const redirectOf = ({ redirected, type }: Response, status: number) =>
  type == "opaqueredirect" ? "opaque" : redirected ? "followed" : status > 299 && status < 400 ? "3xx" : undefined;

/** Raw: the answer's X-Request-Id as sent (never in a view), or undefined without one. */
export const requestIdOf = (response: Response) => response.headers.get("x-request-id") ?? undefined;

/**
 * Turns an answer into a result. `payload` is the body text on 2xx, and of any other answer its JSON-parsed body, or
 * its text when not JSON. `status` is the answer's, as read once and checked by the pipeline: never read again here.
 */
export function interpret(op: OperationDescriptor, response: Response, payload: unknown, request: RequestSummary, status: number): LoginResult {
  const answer = answers.get(response) ?? response;
  const { headers } = answer;
  const fail = (error: LoginError) => failure(error, answer);
  const redirect = redirectOf(answer, status);

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
    return fail(new HttpError(status, typeof code == "string" ? code : undefined, request, { location, retryAfter, redirect }, requestIdOf(answer)));
  }
  // A 200 documented without a body (a sent code): nothing to judge, and nothing kept.
  if (schema === null && status == 200) return succeed(op, { ok: true }, undefined, answer);
  let body = payload;
  let problem: string | undefined;
  try {
    // openapi-fetch parses a 400 body itself and hands back its text when that fails; a 200 body arrives as text.
    if (typeof payload == "string" && (status == 400 || ((body = JSON.parse(payload)), false))) throw 0;
  } catch {
    problem = payload ? "a body that is not JSON" : "an empty body";
  }
  if (body === undefined) problem = "an empty body";
  if (problem) return fail(new ResponseFormatError(status, problem, request, requestIdOf(answer)));

  const problems = schema ? violations(schema, body) : [];
  if (problems.length) return fail(new ContractViolationError(status, problems, body, request, requestIdOf(answer)));
  if (status == 400) {
    const { error_code, error_msg } = body as ErrorResponseBody;
    return fail(new ApiError(error_code, error_msg, request, requestIdOf(answer), op.label ?? "request"));
  }
  const { properties, discriminator } = schema as Schema;
  const { status: state } = body as { status?: unknown };
  // A status from a closed set (an enum, a discriminator's values) is shown; an open one (the password steps' status,
  // whose values the pages do not list) is the server's text: raw, like the body, so in no view.
  if (discriminator?.propertyName == "status" || properties?.status?.enum) return succeed(op, { ok: true, status: state }, body, answer);
  const result = succeed(op, { ok: true }, body, answer);
  if (properties?.status) Object.defineProperty(result, "status", { value: state });
  return result;
}

/** A success: its fields, and the raw body and answer. */
const succeed = (op: OperationDescriptor, fields: object, body: unknown, answer: Response) => new Outcome(fields, answer, body, op.responses[200]) as unknown as LoginResult;
