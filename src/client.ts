import createClient, { type Client } from "openapi-fetch";
import { schemas } from "../generated/schemas.js";
import { resolveBaseUrl } from "./base-url.js";
import { CONTENT_TYPE, DEFAULT_TIMEOUT_MS, LOGIN_PATH } from "./constants.js";
import { ConfigError } from "./errors/config-error.js";
import { AbortError } from "./errors/abort-error.js";
import { InputError } from "./errors/input-error.js";
import { NetworkError } from "./errors/network-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { loginHeaders, unsendableHeaders } from "./headers.js";
import { interpret } from "./interpret.js";
import type { LoginCallOptions, LoginClientOptions } from "./options.js";
import { describeCause, redactor, type Redactor } from "./redact.js";
import type { LoginResult } from "./result.js";
import type { LoginCredentials, LoginHeaders, paths } from "./types.js";
import { violations } from "./validate.js";

/** A configured OneAccess SMS login client. */
export interface LoginClient {
  /** Logs in with a mobile number and the SMS code it received. Resolves to a result; never rejects. */
  login(credentials: LoginCredentials, options?: LoginCallOptions): Promise<LoginResult>;
  /** The underlying typed openapi-fetch client, for anything the wrapper does not cover. */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

// setTimeout's own limit: a longer delay would fire at once.
const isTimeout = (ms: unknown): ms is number => typeof ms === "number" && ms > 0 && ms <= 2_147_483_647;
const TIMEOUT_RULE = "timeoutMs must be a positive number of milliseconds";

/** Throws a ConfigError with problem unless ok. */
function need(ok: unknown, problem: string): void {
  if (!ok) throw new ConfigError(problem);
}

/** What is wrong with a set of headers by the spec's rules and fetch's. */
function headerProblems(headers: LoginHeaders): string[] {
  return [...violations(schemas.LoginHeaders, headers, "headers"), ...unsendableHeaders(headers)];
}

/** Creates a login client once per application (or per tenant); throws ConfigError on unusable options. */
export function createLoginClient(options: LoginClientOptions): LoginClient {
  need(typeof options == "object" && options, "options must be an object");
  const baseUrl = resolveBaseUrl(options);
  need(typeof options.clientId == "string" && options.clientId, "clientId must be a non-empty string");
  need(typeof options.device == "object" && options.device, "device must be an object");
  need(options.timeoutMs === undefined || isTimeout(options.timeoutMs), TIMEOUT_RULE);
  need(options.fetch === undefined || typeof options.fetch == "function", "fetch must be a function");

  const raw = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Overrides openapi-fetch's default "application/json": OneAccess documents this exact value.
    headers: { "Content-Type": CONTENT_TYPE },
  });
  if (options.middleware?.length) raw.use(...options.middleware);
  const request: RequestSummary = { method: "POST", url: `${baseUrl}${LOGIN_PATH}` };

  // A snapshot: later changes to the caller's options object do not change this client.
  const identity = { clientId: options.clientId, tenantId: options.tenantId };
  const device = { ...options.device };
  // The client's own headers and their problems, worked out once: most calls add no device override.
  const ownHeaders = loginHeaders(identity, device);
  const ownProblems = headerProblems(ownHeaders);

  async function send(credentials: LoginCredentials, call: LoginCallOptions, redact: Redactor): Promise<LoginResult> {
    const headers = call.device ? loginHeaders(identity, { ...device, ...call.device }) : ownHeaders;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const problems = [
      ...violations(schemas.MobileVerifyCodeLoginRequest, credentials),
      ...(call.device ? headerProblems(headers) : ownProblems),
      ...(isTimeout(timeoutMs) ? [] : [TIMEOUT_RULE]),
      // Duck-typed: a signal from another realm (jsdom, an iframe) is not an instance of this one's AbortSignal.
      ...(call.signal === undefined || typeof call.signal?.addEventListener == "function" ? [] : ["signal must be an AbortSignal"]),
    ];
    // Redacted because a JavaScript caller may put a secret where a field name belongs.
    if (problems.length > 0) return { ok: false, error: new InputError(problems.map(redact), request), response: undefined };
    if (call.signal?.aborted) return { ok: false, error: new AbortError(request), response: undefined };

    const controller = new AbortController();
    let timedOut = false;
    let stop!: (reason: unknown) => void;
    // Settles on abort even when a caller's fetch ignores the signal, so a login can never hang.
    const aborted = new Promise<never>((_, reject) => (stop = reject));
    const cancel = () => {
      controller.abort();
      stop(controller.signal.reason);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      cancel();
    }, timeoutMs);
    call.signal?.addEventListener("abort", cancel, { once: true });
    const pending = raw.POST(LOGIN_PATH, {
      params: { header: headers },
      body: credentials,
      parseAs: "text",
      signal: controller.signal,
    });
    pending.catch(() => undefined); // the race below may leave it behind; its rejection is not the caller's
    aborted.catch(() => undefined);
    try {
      const { data, error, response } = await Promise.race([pending, aborted]);
      return interpret(response, data ?? error, request, redact);
    } catch (cause) {
      if (timedOut) return { ok: false, error: new TimeoutError(timeoutMs, request), response: undefined };
      if (call.signal?.aborted) return { ok: false, error: new AbortError(request), response: undefined };
      return { ok: false, error: networkError(cause, redact), response: undefined };
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", cancel);
    }
  }

  function networkError(cause: unknown, redact: Redactor): NetworkError {
    const safe = describeCause(cause, redact);
    return new NetworkError(safe.reason, request, safe.cause);
  }

  return {
    raw,
    baseUrl,
    async login(credentials, call = {}) {
      let redact: Redactor = (text) => text;
      try {
        redact = redactor([credentials?.mobile, credentials?.verify_code]);
        return await send(credentials, call ?? {}, redact);
      } catch (unexpected) {
        // Anything else (a throwing getter in options, say) still ends as a typed failure, not a rejection.
        return { ok: false, error: networkError(unexpected, redact), response: undefined };
      }
    },
  };
}
