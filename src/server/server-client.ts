// The server entry's client: the tenant operations on the browser client's one pipeline (src/client/pipeline/call.ts),
// with a server Transport, the client secret, and the application's access token from the app-token manager.
import type { Middleware } from "openapi-fetch";
import * as ops from "../../generated/server-operations.js";
import { resolveBaseUrl } from "../client/base-url.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../client/body.js";
import { DEFAULT_TIMEOUT_MS } from "../client/constants.js";
import { ContractViolationError } from "../client/errors/contract-violation-error.js";
import { ConfigError, need } from "../client/errors/config-error.js";
import { InputError } from "../client/errors/input-error.js";
import { unsendableHeaders } from "../client/headers.js";
import { ownData } from "../client/input.js";
import type { Fetch } from "../client/options.js";
import { failure } from "../client/outcome.js";
import { call, isTimeout, TIMEOUT_RULE } from "../client/pipeline/call.js";
import type { OperationDescriptor } from "../client/pipeline/descriptor.js";
import { isMiddleware } from "../client/pipeline/send.js";
import type { Transport } from "../client/pipeline/transport.js";
import type { LoginFailure, LoginResult } from "../client/result.js";
import { readRetry } from "../client/retry.js";
import { AppTokenError } from "./app-token-error.js";
import { createAppTokenManager } from "./app-token-manager.js";
import type { ServerCallOptions, ServerClientOptions } from "./options.js";
import { grantFromTokenResponse } from "./token-grant.js";
import type { ServerInputOf, ServerResult, SessionTokenInput } from "./types.js";
import { safeView } from "./views.js";

/** A configured client for the tenant operations; it holds the client secret and the application's access token. */
export interface ServerClient {
  /**
   * `POST /api/v2/tenant/sso/session-token/sso-ticket`: a SUCCESS login's `session_token`, with the device fields
   * (`device_fingerprint` as sent at login), for a one-time `sso_ticket`. Never repeated once it may have arrived.
   */
  exchangeSessionToken(input: SessionTokenInput, options?: ServerCallOptions): Promise<ServerResult<"exchangeSessionTokenForSsoTicket">>;
  /** `POST /api/v2/tenant/sso/sso-ticket/verify`: the user behind an `sso_ticket` (`body.data.user`). */
  verifyTicket(input: ServerInputOf<"verifySsoTicket">, options?: ServerCallOptions): Promise<ServerResult<"verifySsoTicket">>;
  /** `POST /api/v2/tenant/sso/session-token/refresh`: a new `session_token` for a current one. */
  refreshSessionToken(input: ServerInputOf<"refreshSessionToken">, options?: ServerCallOptions): Promise<ServerResult<"refreshSessionToken">>;
  /**
   * Both steps: exchanges the session token for a ticket, then verifies the ticket with the same device fields.
   * Resolves to the verification's result (the user under `body.data.user`), or the first step's failure.
   */
  userFromSessionToken(input: SessionTokenInput, options?: ServerCallOptions): Promise<ServerResult<"verifySsoTicket">>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

// The tenant operations with the words their messages use; a session token is spent by its exchange, so that call
// is retried only when provably unsent.
const TOKEN: OperationDescriptor = { ...ops.getTenantAccessToken, label: "app token request" };
const EXCHANGE: OperationDescriptor = { ...ops.exchangeSessionTokenForSsoTicket, label: "session token exchange", retry: "unsent" };
const VERIFY: OperationDescriptor = { ...ops.verifySsoTicket, label: "ticket verification" };
const REFRESH: OperationDescriptor = { ...ops.refreshSessionToken, label: "session token refresh", retry: "unsent" };

// The token call's own failure, by the AppTokenError the exchange rejected with: what the tenant call returns.
const tokenFailures = new WeakMap<AppTokenError, LoginFailure>();


/** The HTTP status a result answered with, for the manager's one retry on 401. */
const statusOf = (result: LoginResult) => (result.ok ? result.response.status : (result.response?.status ?? 0));

/** The caller's call options with the app token's Authorization header added as an extra header (a secret of the call). */
function authorized(options: unknown, authorization: string): { options: unknown } | { problem: string } {
  let given: unknown, headers: unknown;
  try {
    given = ownData(options ?? {});
    if (typeof given != "object" || given === null) return { options };
    headers = ownData((given as ServerCallOptions).headers ?? {});
  } catch {
    // The pipeline reads them again and refuses them with its own InputError.
    return { options };
  }
  if (typeof headers != "object" || headers === null || Array.isArray(headers)) return { options };
  if (Object.keys(headers).some((name) => name.toLowerCase() == "authorization")) return { problem: "headers: authorization may not be set per call" };
  return { options: { ...given, headers: { ...headers, Authorization: authorization } } };
}

class Client implements ServerClient {
  readonly baseUrl: string;
  readonly #transport: Transport;
  readonly #tokens: ReturnType<typeof createAppTokenManager>;
  // The same transport without middleware, whose fetch never sends: the pipeline's own input and option checks, run
  // before an app token is asked for. Its rejection carries no code, so no retry rule takes it for an unsent request.
  readonly #dry: Transport;

  constructor(baseUrl: string, transport: Transport, credentials: { client_id: string; client_secret: string }) {
    this.baseUrl = baseUrl;
    this.#transport = transport;
    this.#dry = { ...transport, middleware: [], fetch: () => Promise.reject(new Error("not sent")) };
    // Bound, as the login client's closures are: `const { userFromSessionToken } = client` works.
    for (const name of ["exchangeSessionToken", "verifyTicket", "refreshSessionToken", "userFromSessionToken"] as const) {
      Object.defineProperty(this, name, { value: this[name].bind(this) });
    }
    this.#tokens = createAppTokenManager({
      exchange: async () => {
        const result = await call(transport, TOKEN, { grant_type: "client_credentials", ...credentials }, undefined);
        if (!result.ok) {
          const error = new AppTokenError("exchange-failed");
          tokenFailures.set(error, result);
          throw error;
        }
        return grantFromTokenResponse(result.body);
      },
    });
  }

  /** Runs a tenant operation with the app token; a 401 gets one new token and one more try. Never rejects. */
  async #run(op: OperationDescriptor, input: unknown, options: unknown): Promise<LoginResult> {
    const request = { method: op.method, url: this.baseUrl + op.path };
    // Bad input or options are the caller's InputError, whatever the token request would do, and cost no token.
    const refused = authorized(options, "Bearer -");
    if ("problem" in refused) return failure(new InputError([refused.problem], request, op.label));
    const checked = await call(this.#dry, op, input, options);
    if (!checked.ok && (checked.error.kind == "input" || checked.error.kind == "abort")) return checked;
    try {
      const { result } = await this.#tokens.withToken(async (token) => {
        const withAuth = authorized(options, token.authorization());
        const result = "problem" in withAuth ? failure(new InputError([withAuth.problem], request, op.label)) : await call(this.#transport, op, input, withAuth.options);
        return { status: statusOf(result), result };
      });
      return result;
    } catch (error) {
      const tokenFailure = error instanceof AppTokenError ? tokenFailures.get(error) : undefined;
      if (tokenFailure) return tokenFailure;
      // Only a grant the pipeline already validated reaches grantFromTokenResponse: this is the defensive remainder.
      return failure(new ContractViolationError(200, ["the token answer holds no usable access_token and expires_in"], undefined, { method: TOKEN.method, url: this.baseUrl + TOKEN.path }));
    }
  }

  exchangeSessionToken(input: SessionTokenInput, options?: ServerCallOptions) {
    return this.#run(EXCHANGE, input, options) as Promise<ServerResult<"exchangeSessionTokenForSsoTicket">>;
  }

  verifyTicket(input: ServerInputOf<"verifySsoTicket">, options?: ServerCallOptions) {
    return this.#run(VERIFY, input, options) as Promise<ServerResult<"verifySsoTicket">>;
  }

  refreshSessionToken(input: ServerInputOf<"refreshSessionToken">, options?: ServerCallOptions) {
    return this.#run(REFRESH, input, options) as Promise<ServerResult<"refreshSessionToken">>;
  }

  async userFromSessionToken(input: SessionTokenInput, options?: ServerCallOptions): Promise<ServerResult<"verifySsoTicket">> {
    // Read once, as own data: both steps send the same device fields, and a getter cannot change (or throw) between them.
    let given: unknown = input;
    try {
      given = ownData(input);
    } catch {
      // The exchange reads it again and answers with its InputError.
    }
    const exchanged = await this.exchangeSessionToken(given as SessionTokenInput, options);
    if (!exchanged.ok) return exchanged;
    // The exchange accepted it, so it is an object of the operation's fields.
    const { session_token: _spent, client_id: _client, ...device } = given as SessionTokenInput;
    return this.verifyTicket({ ...device, sso_ticket: exchanged.body.sso_ticket }, options);
  }
}
safeView(Client, (self: Client) => ({ baseUrl: self.baseUrl }), "ServerClient");

/**
 * Creates the server client once per application (or per tenant), on a server only: it holds the client secret.
 * Throws ConfigError on unusable options, by createLoginClient's rules where they apply.
 */
export function createServerClient(options: ServerClientOptions): ServerClient {
  try {
    return serverClient(options);
  } catch (error) {
    // A getter or proxy trap that threw: its error may quote anything, and is no ConfigError (as createLoginClient).
    need(error instanceof ConfigError, "options must be readable data");
    throw error;
  }
}

/** createServerClient's work: may throw a caller's getter's error, which createServerClient replaces. */
function serverClient(options: ServerClientOptions): ServerClient {
  need(typeof options == "object" && options, "options must be an object");
  const baseUrl = resolveBaseUrl(options);
  // A snapshot: later changes to the caller's options object do not change this client.
  const { clientId, clientSecret, tenantId, timeoutMs = DEFAULT_TIMEOUT_MS, fetch: custom, middleware = [], maxResponseBytes: max = DEFAULT_MAX_RESPONSE_BYTES } = options;
  need(typeof clientId == "string" && clientId.length > 0 && clientId.length <= 256, "clientId must be a non-empty string of at most 256 characters");
  // The message never quotes the secret, only the rule it breaks.
  need(typeof clientSecret == "string" && clientSecret.length > 0 && clientSecret.length <= 256, "clientSecret must be a non-empty string of at most 256 characters");
  need(tenantId === undefined || (typeof tenantId == "string" && tenantId.length > 0 && !unsendableHeaders({ tenantId }).length), "tenantId must be a non-empty string that can be sent as a header");
  need(isTimeout(timeoutMs), TIMEOUT_RULE);
  need(custom === undefined || typeof custom == "function", "fetch must be a function");
  need(Number.isSafeInteger(max) && max > 0, "maxResponseBytes must be a positive integer");
  need(Array.isArray(middleware) && middleware.every(isMiddleware), "middleware must be an array of openapi-fetch middleware objects");
  const [retry, retryProblems] = readRetry(options.retry);
  need(!retryProblems.length, retryProblems.join("; "));

  const fetch: Fetch = custom ?? ((input, init) => globalThis.fetch(input, init));
  const own: Record<string, string> = tenantId === undefined ? {} : { "X-tenant-id": tenantId };
  const transport: Transport = {
    baseUrl,
    middleware: [...middleware],
    fetch,
    timeoutMs,
    maxResponseBytes: max,
    retry,
    // The device travels in the tenant calls' bodies: a per-call device override has no place here.
    headers: (override) => [own, override === undefined ? [] : ["device is not an option of a server call: the device fields are the input's"]],
  };
  return new Client(baseUrl, transport, { client_id: clientId, client_secret: clientSecret });
}
