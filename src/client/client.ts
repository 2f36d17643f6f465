import createClient, { type Client } from "openapi-fetch";
import { schemas } from "../../generated/schemas.js";
import { resolveBaseUrl } from "./base-url.js";
import { CONTENT_TYPE, DEFAULT_TIMEOUT_MS, LOGIN_PATH } from "./constants.js";
import { AbortError } from "./errors/abort-error.js";
import { need } from "./errors/config-error.js";
import { InputError } from "./errors/input-error.js";
import type { LoginError } from "./errors/login-error.js";
import { NetworkError } from "./errors/network-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { loginHeaders, unsendableHeaders } from "./headers.js";
import { interpret } from "./interpret.js";
import type { Fetch, LoginCallOptions, LoginClientOptions } from "./options.js";
import { describeCause, redactor, type Redactor } from "./redact.js";
import type { LoginFailure, LoginResult } from "./result.js";
import type { LoginCredentials, LoginHeaders, paths } from "../types.js";
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
const isTimeout = (ms: unknown): ms is number => typeof ms == "number" && ms > 0 && ms <= 2_147_483_647;
const TIMEOUT_RULE = "timeoutMs must be a positive number of milliseconds";
const ignore = () => {};

/** A failure that got no response. */
const failed = (error: LoginError): LoginFailure => ({ ok: false, error, response: undefined });

/** What is wrong with a set of headers by the spec's rules and fetch's. */
const headerProblems = (headers: LoginHeaders) => [...violations(schemas.LoginHeaders, headers, "headers"), ...unsendableHeaders(headers)];

/** Creates a login client once per application (or per tenant); throws ConfigError on unusable options. */
export function createLoginClient(options: LoginClientOptions): LoginClient {
  need(typeof options == "object" && options, "options must be an object");
  const baseUrl = resolveBaseUrl(options);
  // A snapshot: later changes to the caller's options object do not change this client.
  const { clientId, tenantId, timeoutMs = DEFAULT_TIMEOUT_MS, fetch = globalThis.fetch as Fetch } = options;
  const device = { ...options.device };
  need(typeof clientId == "string" && clientId, "clientId must be a non-empty string");
  need(typeof options.device == "object" && options.device, "device must be an object");
  need(isTimeout(timeoutMs), TIMEOUT_RULE);
  need(typeof fetch == "function", "fetch must be a function");

  // Overrides openapi-fetch's default "application/json": OneAccess documents this exact value.
  const raw = createClient<paths>({ baseUrl, fetch, headers: { "Content-Type": CONTENT_TYPE } });
  if (options.middleware?.length) raw.use(...options.middleware);
  const request: RequestSummary = { method: "POST", url: baseUrl + LOGIN_PATH };
  const identity = { clientId, tenantId };
  // The client's own headers and their problems, worked out once: most calls add no device override.
  const ownHeaders = loginHeaders(identity, device);
  const ownProblems = headerProblems(ownHeaders);

  /** A NetworkError for cause, redacted. */
  function networkError(cause: unknown, redact: Redactor): NetworkError {
    const [reason, safe] = describeCause(cause, redact);
    return new NetworkError(reason, request, safe);
  }

  async function send(credentials: LoginCredentials, call: LoginCallOptions, redact: Redactor): Promise<LoginResult> {
    const { device: override, signal, timeoutMs: ms = timeoutMs } = call;
    const headers = override ? loginHeaders(identity, { ...device, ...override }) : ownHeaders;
    const problems = violations(schemas.MobileVerifyCodeLoginRequest, credentials);
    problems.push(...(override ? headerProblems(headers) : ownProblems));
    if (!isTimeout(ms)) problems.push(TIMEOUT_RULE);
    // Duck-typed: a signal from another realm (jsdom, an iframe) is not an instance of this one's AbortSignal.
    if (signal !== undefined && typeof signal?.addEventListener != "function") problems.push("signal must be an AbortSignal");
    // Redacted because a JavaScript caller may put a secret where a field name belongs.
    if (problems.length) return failed(new InputError(problems.map(redact), request));
    if (signal?.aborted) return failed(new AbortError(request));

    const controller = new AbortController();
    let timedOut = false;
    let stop!: () => void;
    // Settles on abort even when a caller's fetch ignores the signal, so a login can never hang.
    const aborted = new Promise<never>((_, reject) => (stop = reject));
    const cancel = () => {
      controller.abort();
      stop();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      cancel();
    }, ms);
    signal?.addEventListener("abort", cancel, { once: true });
    const pending = raw.POST(LOGIN_PATH, {
      params: { header: headers },
      body: credentials,
      parseAs: "text",
      // The signal goes to fetch, not into openapi-fetch's Request: fetch makes its own Request from (request, init)
      // anyway, and undici links a signal on each Request that has one. One link instead of two; see BENCHMARKS.md.
      fetch: (request: Request, init?: RequestInit) => fetch(request, { ...init, signal: controller.signal }),
    });
    pending.catch(ignore); // the race below may leave it behind; its rejection is not the caller's
    aborted.catch(ignore);
    try {
      const { data, error, response } = await Promise.race([pending, aborted]);
      return interpret(response, data ?? error, request, redact);
    } catch (cause) {
      return failed(timedOut ? new TimeoutError(ms, request) : signal?.aborted ? new AbortError(request) : networkError(cause, redact));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", cancel);
    }
  }

  return {
    raw,
    baseUrl,
    async login(credentials, call) {
      let redact: Redactor = String;
      try {
        redact = redactor([credentials?.mobile, credentials?.verify_code]);
        return await send(credentials, call ?? {}, redact);
      } catch (unexpected) {
        // Anything else (a throwing getter in a call's options, say) still ends as a typed failure, not a rejection.
        return failed(networkError(unexpected, redact));
      }
    },
  };
}
