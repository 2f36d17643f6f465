import createClient, { type Client, type Middleware } from "openapi-fetch";
import { schemas } from "../../generated/schemas.js";
import { resolveBaseUrl } from "./base-url.js";
import { DEFAULT_MAX_RESPONSE_BYTES, readBody, TooLarge } from "./body.js";
import { CONTENT_TYPE, DEFAULT_TIMEOUT_MS, LOGIN_PATH } from "./constants.js";
import { AbortError } from "./errors/abort-error.js";
import { need } from "./errors/config-error.js";
import { InputError } from "./errors/input-error.js";
import { NetworkError } from "./errors/network-error.js";
import type { RequestSummary } from "./errors/one-access-error.js";
import { ResponseFormatError } from "./errors/response-format-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { extraHeaderProblems, headerProblems, loginHeaders } from "./headers.js";
import { ownData } from "./input.js";
import { answers, interpret, redirectOf, requestIdOf } from "./interpret.js";
import type { Fetch, LoginCallOptions, LoginClientOptions } from "./options.js";
import { failure } from "./outcome.js";
import { readRetry, retrying } from "./retry.js";
import type { LoginResult } from "./result.js";
import { isSignal, onAbort } from "./signals.js";
import type { LoginCredentials, paths } from "../types.js";
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
const HOOKS = ["onRequest", "onResponse", "onError"] as const;
const ignore = () => {};

/** True for an openapi-fetch middleware object: at least one hook, and every hook given a function. */
const isMiddleware = (m: unknown): m is Middleware =>
  typeof m == "object" && !!m && HOOKS.some((h) => h in m) && HOOKS.every((h) => ["undefined", "function"].includes(typeof (m as Middleware)[h]));

/** Creates a login client once per application (or per tenant); throws ConfigError on unusable options. */
export function createLoginClient(options: LoginClientOptions): LoginClient {
  need(typeof options == "object" && options, "options must be an object");
  const baseUrl = resolveBaseUrl(options);
  // A snapshot: later changes to the caller's options object do not change this client.
  const { clientId, tenantId, timeoutMs = DEFAULT_TIMEOUT_MS, fetch: custom, middleware = [], maxResponseBytes: max = DEFAULT_MAX_RESPONSE_BYTES } = options;
  const device = { ...options.device };
  need(typeof clientId == "string" && clientId, "clientId must be a non-empty string");
  need(typeof options.device == "object" && options.device, "device must be an object");
  need(isTimeout(timeoutMs), TIMEOUT_RULE);
  need(custom === undefined || typeof custom == "function", "fetch must be a function");
  need(Number.isSafeInteger(max) && max > 0, "maxResponseBytes must be a positive integer");
  need(Array.isArray(middleware) && middleware.every(isMiddleware), "middleware must be an array of openapi-fetch middleware objects");
  const identity = { clientId, tenantId };
  // The client's own headers, checked once: a clientId with CR/LF could never be sent.
  const ownHeaders = loginHeaders(identity, device);
  const ownProblems = headerProblems(ownHeaders);
  need(!ownProblems.length, ownProblems.join("; "));
  const [clientRetry, retryProblems] = readRetry(options.retry);
  need(!retryProblems.length, retryProblems.join("; "));

  // Without a fetch option, the global one is looked up at each call: a mock installed after creation still applies.
  const fetch: Fetch = custom ?? ((input, init) => globalThis.fetch(input, init));
  // Overrides openapi-fetch's default "application/json": OneAccess documents this exact value.
  const raw = createClient<paths>({ baseUrl, fetch, headers: { "Content-Type": CONTENT_TYPE } });
  raw.use(...middleware);
  const request: RequestSummary = { method: "POST", url: baseUrl + LOGIN_PATH };

  /** A NetworkError for cause, keeping only a safe copy of its chain. */
  const networkError = (cause: unknown, secrets: readonly unknown[]) => new NetworkError(request, cause, secrets);

  return {
    raw,
    baseUrl,
    async login(given, options) {
      // What a request id, error code or transport code shown in a view may not hold: the credentials, header values.
      let secrets: unknown[] = [];
      const problems: string[] = [];
      let retry = clientRetry;
      try {
        // Read once, as own data: what is validated below is exactly what is sent.
        let credentials: unknown, call: LoginCallOptions;
        try {
          credentials = ownData(given);
          call = (ownData(options ?? {}) ?? {}) as LoginCallOptions;
          if (typeof call != "object") problems.push("options must be an object");
          else if (call.headers !== undefined) call.headers = ownData(call.headers) as Record<string, string>;
          if (call.retry !== undefined) {
            const [merged, wrong] = readRetry(call.retry, retry);
            retry = merged;
            problems.push(...wrong);
          }
          if (call.signal !== undefined && !isSignal(call.signal)) problems.push("signal must be an AbortSignal");
        } catch {
          // The thrown error is the caller's (a getter, a Proxy trap) and may quote anything: it is not kept.
          return failure(new InputError(["the credentials and options must be readable data"], request));
        }
        const { mobile, verify_code } = (credentials ?? {}) as Partial<LoginCredentials>;
        const { device: override, signal, timeoutMs: ms = timeoutMs, headers: extra } = call;
        secrets = [mobile, verify_code, ...(typeof extra == "object" ? Object.values(extra ?? {}) : [])];
        if (problems.length) return failure(new InputError(problems, request));

        const headers = override ? loginHeaders(identity, { ...device, ...override }) : ownHeaders;
        problems.push(...violations(schemas.MobileVerifyCodeLoginRequest, credentials, "body", true));
        if (override) problems.push(...headerProblems(headers));
        if (extra !== undefined) problems.push(...extraHeaderProblems(extra));
        if (!isTimeout(ms)) problems.push(TIMEOUT_RULE);
        if (problems.length) return failure(new InputError(problems, request));
        if (signal?.aborted) return failure(new AbortError(request));

        const controller = new AbortController();
        let timedOut = false;
        let stop!: () => void;
        // Settles on abort even when a caller's fetch ignores the signal, so a login can never hang.
        const aborted = new Promise<never>((_, reject) => (stop = reject));
        aborted.catch(ignore);
        const cancel = () => {
          controller.abort();
          stop();
        };
        let unlisten = ignore;
        try {
          if (signal) unlisten = onAbort(signal, cancel);
        } catch {
          // Its addEventListener threw: not a usable signal. Before the timer starts, so nothing is left behind.
          return failure(new InputError(["signal must be an AbortSignal"], request));
        }
        const timer = setTimeout(() => {
          timedOut = true;
          cancel();
        }, ms);
        /** One attempt: the request, and its answer read up to the cap and interpreted. */
        const attempt = () =>
          raw
            .POST(LOGIN_PATH, {
              params: { header: headers },
              headers: extra,
              body: credentials as LoginCredentials,
              // The client reads a 2xx body itself, up to the cap; transport caps any other before openapi-fetch reads it.
              parseAs: "stream",
              redirect: "manual",
              // The signal goes to fetch, not into openapi-fetch's Request: fetch makes its own Request from (request,
              // init) anyway, and undici links a signal on each Request that has one. One link instead of two; see
              // BENCHMARKS.md. The body of any non-2xx answer is cut at the cap before openapi-fetch reads it.
              fetch: async (input: Request, init?: RequestInit) => {
                const response = await fetch(input, { ...init, signal: controller.signal, redirect: "manual" });
                const { status } = response;
                // A custom fetch may return anything: only an HTTP status (0 for an opaque redirect) can be shown.
                if (!(Number.isInteger(status) && status >= 0 && status < 1000)) throw new TypeError();
                const redirect = redirectOf(response);
                if (response.ok && !redirect) return response;
                // A redirect's body is never read: it ends as an HttpError, whatever (and however much) it holds.
                if (redirect) response.body?.cancel().catch(ignore);
                // A stand-in, since a Response cannot be rebuilt with a status past 599 or an unsendable reason
                // phrase; interpret() reads the answer itself through `answers`.
                const standIn = new Response(redirect ? null : await readBody(response.body, max, response), { status: status > 199 && status < 600 ? status : 599, headers: response.headers });
                answers.set(standIn, response);
                return standIn;
              },
            })
            .then(async ({ data, error, response }) =>
              interpret(response, response.ok ? await readBody(data as ReadableStream | undefined, max, response) : error, request, secrets),
            );
        const { retries: times = 0, onRetryAfter, maxRetryAfterMs = 10_000 } = retry;
        // Without retries (the default), a call is one attempt and nothing more.
        const pending = times ? retrying(attempt, times, onRetryAfter ? maxRetryAfterMs : -1, Date.now() + ms, controller.signal) : attempt();
        pending.catch(ignore); // the race below may leave it behind; its rejection is not the caller's
        try {
          return await Promise.race([pending, aborted]);
        } catch (cause) {
          if (cause instanceof TooLarge) {
            const { status } = cause.response;
            return failure(new ResponseFormatError(status, `a body larger than ${max} bytes`, request, requestIdOf(cause.response, secrets)), cause.response);
          }
          return failure(timedOut ? new TimeoutError(ms, request) : signal?.aborted ? new AbortError(request) : networkError(cause, secrets));
        } finally {
          clearTimeout(timer);
          unlisten();
        }
      } catch (unexpected) {
        // Anything else (a device override whose getter throws, say) still ends as a typed failure, not a rejection.
        return failure(networkError(unexpected, secrets));
      }
    },
  };
}
