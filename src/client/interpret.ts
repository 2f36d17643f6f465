import { schemas } from "../../generated/schemas.js";
import { ApiError } from "./errors/api-error.js";
import { ContractViolationError } from "./errors/contract-violation-error.js";
import { HttpError } from "./errors/http-error.js";
import type { LoginError } from "./errors/login-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { ResponseFormatError } from "./errors/response-format-error.js";
import { failure, outcome, scrub } from "./outcome.js";
import type { Redactor } from "./redact.js";
import { retryAfterMs } from "./retry.js";
import type { LoginResult } from "./result.js";
import type { ErrorResponseBody, LoginResponseBody } from "../types.js";
import { violations } from "./validate.js";

/** The origin a redirect pointed to, redacted; never its path or query. */
function redirectOrigin(response: Response, base: string, redact: Redactor): string | undefined {
  try {
    const target = response.redirected ? response.url : response.headers.get("location");
    const { origin } = new URL(target ?? "", base);
    return origin == "null" ? undefined : redact(origin);
  } catch {
    return undefined;
  }
}

/** The answer's X-Request-Id, redacted (a hostile server may echo a secret there); undefined when absent or empty. */
export function requestIdOf(response: Response, redact: Redactor): string | undefined {
  const id = response.headers.get("x-request-id");
  return id ? redact(id) : undefined;
}

/**
 * Turns an answer into a result. `payload` is the body text on 2xx (read by the client), and what openapi-fetch made
 * of any other answer: its JSON-parsed body, its text when not JSON, undefined for an announced empty body.
 */
export function interpret(response: Response, payload: unknown, request: RequestSummary, redact: Redactor): LoginResult {
  const { status } = response;
  const requestId = requestIdOf(response, redact);
  const fail = (error: LoginError) => failure(error, redact, response);

  // A redirect is an HttpError whatever its status: a custom fetch may have followed one to another server's 200.
  const redirect = (status >= 300 && status < 400) || response.redirected || response.type == "opaqueredirect";
  if ((status != 200 && status != 400) || redirect) {
    const code = (payload as Partial<ErrorResponseBody> | undefined)?.error_code;
    const location = redirect ? redirectOrigin(response, request.url, redact) : undefined;
    return fail(
      new HttpError(status, redact(response.statusText), typeof code == "string" ? redact(code) : undefined, request, location, status == 429 || status == 503 ? retryAfterMs(response.headers.get("retry-after")) : undefined, requestId),
    );
  }
  let body = payload;
  let problem: string | undefined;
  try {
    // openapi-fetch parses a 400 body itself and hands back its text when that fails; a 200 body arrives as text.
    if (typeof payload == "string" && (status == 400 || ((body = JSON.parse(payload)), false))) throw 0;
  } catch {
    problem = payload ? "a body that is not JSON" : "an empty body";
  }
  if (body === undefined) problem = "an empty body";
  if (problem) return fail(new ResponseFormatError(status, problem, request, requestId));

  const problems = violations(status == 200 ? schemas.LoginResponse : schemas.ErrorResponse, body);
  if (problems.length) return fail(new ContractViolationError(status, problems.map(redact), scrub(body, redact), request, requestId));
  if (status == 400) {
    const { error_code, error_msg } = body as ErrorResponseBody;
    return fail(new ApiError(redact(error_code), redact(error_msg), request, requestId));
  }
  return outcome({ ok: true, status: (body as LoginResponseBody).status, body, response, ...(requestId && { requestId }) } as LoginResult, redact);
}
