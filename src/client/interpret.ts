import { schemas } from "../../generated/schemas.js";
import { ApiError } from "./errors/api-error.js";
import { ContractViolationError } from "./errors/contract-violation-error.js";
import { HttpError } from "./errors/http-error.js";
import type { LoginError } from "./errors/login-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { ResponseFormatError } from "./errors/response-format-error.js";
import type { Redactor } from "./redact.js";
import type { LoginResult } from "./result.js";
import type { ErrorResponseBody, LoginResponseBody } from "../types.js";
import { violations } from "./validate.js";

/**
 * Turns an answer into a result. `payload` is what openapi-fetch read with parseAs "text": the body text on 2xx,
 * the JSON-parsed body (or its text when not JSON) otherwise, undefined for an announced empty body.
 */
export function interpret(response: Response, payload: unknown, request: RequestSummary, redact: Redactor): LoginResult {
  const { status } = response;
  const fail = (error: LoginError): LoginResult => ({ ok: false, error, response });

  if (status != 200 && status != 400) {
    const code = (payload as Partial<ErrorResponseBody> | undefined)?.error_code;
    return fail(new HttpError(status, response.statusText, typeof code == "string" ? redact(code) : undefined, request));
  }
  let body = payload;
  // openapi-fetch parses a 400 body itself and hands back its text when that fails; a 200 body arrives as text.
  if (typeof payload == "string") {
    if (status == 400 || !payload) return fail(new ResponseFormatError(status, !payload, request));
    try {
      body = JSON.parse(payload);
    } catch {
      return fail(new ResponseFormatError(status, false, request));
    }
  }
  if (body === undefined) return fail(new ResponseFormatError(status, true, request));

  const problems = violations(status == 200 ? schemas.LoginResponse : schemas.ErrorResponse, body);
  if (problems.length) return fail(new ContractViolationError(status, problems, body, request));
  if (status == 400) {
    const { error_code, error_msg } = body as ErrorResponseBody;
    return fail(new ApiError(redact(error_code), redact(error_msg), request));
  }
  return { ok: true, status: (body as LoginResponseBody).status, body, response } as LoginResult;
}
