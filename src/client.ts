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
import type { LoginCredentials, paths } from "./types.js";
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

const isTimeout = (ms: unknown): ms is number => typeof ms === "number" && ms > 0 && ms <= 2_147_483_647;

/** Creates a login client once per application (or per tenant); throws ConfigError on unusable options. */
export function createLoginClient(options: LoginClientOptions): LoginClient {
  if (typeof options !== "object" || options === null) throw new ConfigError("options must be an object");
  const baseUrl = resolveBaseUrl(options);
  if (typeof options.clientId !== "string" || options.clientId === "") throw new ConfigError("clientId must be a non-empty string");
  if (typeof options.device !== "object" || options.device === null) throw new ConfigError("device must be an object");
  if (options.timeoutMs !== undefined && !isTimeout(options.timeoutMs)) throw new ConfigError("timeoutMs must be a positive number of milliseconds");
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new ConfigError("fetch must be a function");

  const raw = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Overrides openapi-fetch's default "application/json": OneAccess documents this exact value.
    headers: { "Content-Type": CONTENT_TYPE },
  });
  if (options.middleware?.length) raw.use(...options.middleware);
  const request: RequestSummary = { method: "POST", url: `${baseUrl}${LOGIN_PATH}` };

  async function send(credentials: LoginCredentials, call: LoginCallOptions, redact: Redactor): Promise<LoginResult> {
    const headers = loginHeaders(options, { ...options.device, ...call.device });
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const problems = [
      ...violations(schemas.MobileVerifyCodeLoginRequest, credentials),
      ...violations(schemas.LoginHeaders, headers, "headers"),
      ...unsendableHeaders(headers),
      ...(isTimeout(timeoutMs) ? [] : ["timeoutMs must be a positive number of milliseconds"]),
    ];
    // Redacted because a JavaScript caller may put a secret where a field name belongs.
    if (problems.length > 0) return { ok: false, error: new InputError(problems.map(redact), request), response: undefined };
    if (call.signal?.aborted) return { ok: false, error: new AbortError(request), response: undefined };

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    call.signal?.addEventListener("abort", onAbort, { once: true });
    // Settles on abort even when a caller's fetch ignores the signal, so a login can never hang.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true }),
    );
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
      call.signal?.removeEventListener("abort", onAbort);
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
      const redact = redactor([credentials?.mobile, credentials?.verify_code]);
      try {
        return await send(credentials, call ?? {}, redact);
      } catch (unexpected) {
        // Anything else (a throwing getter in options, say) still ends as a typed failure, not a rejection.
        return { ok: false, error: networkError(unexpected, redact), response: undefined };
      }
    },
  };
}
