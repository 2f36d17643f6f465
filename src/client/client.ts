import type { Middleware } from "openapi-fetch";
import * as ops from "../../generated/operations.js";
import { resolveBaseUrl } from "./base-url.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./body.js";
import { DEFAULT_TIMEOUT_MS } from "./constants.js";
import { ConfigError, need } from "./errors/config-error.js";
import { headerProblems, loginHeaders } from "./headers.js";
import type { Fetch, LoginCallOptions, LoginClientOptions } from "./options.js";
import { call, isTimeout, TIMEOUT_RULE } from "./pipeline/call.js";
import type { OperationDescriptor } from "./pipeline/descriptor.js";
import { isMiddleware } from "./pipeline/send.js";
import type { Transport } from "./pipeline/transport.js";
import { readRetry } from "./retry.js";
import type { LoginResult, OperationResult } from "./result.js";
import type { CallOptions, InputOf, LoginCredentials } from "../types.js";

/** A configured OneAccess SMS login client: one typed method per browser-side operation of the journey. */
export interface LoginClient {
  /** `GET /api/v2/sdk/captcha`: a captcha challenge. Resolves to a result; never rejects. */
  getCaptcha(options?: CallOptions): Promise<OperationResult<"showCaptcha">>;
  /** `POST /api/v2/sdk/captcha/verify`: checks the captcha answer; its 200 carries the `captcha_token` sendCode needs. */
  verifyCaptcha(input: InputOf<"validateCaptcha">, options?: CallOptions): Promise<OperationResult<"validateCaptcha">>;
  /** `GET /api/v2/sdk/country-codes`: the country calling codes the tenant accepts. */
  listCountryCodes(options?: CallOptions): Promise<OperationResult<"listCountryCodes">>;
  /**
   * `POST /api/v2/sdk/sms/send`: sends a verification code by SMS. Never repeated once the request may have reached
   * OneAccess (a code costs the tenant an SMS): only a provably unsent request is retried, whatever `retry` says.
   */
  sendCode(input: InputOf<"sendSmsVerifyCode">, options?: CallOptions): Promise<OperationResult<"sendSmsVerifyCode">>;
  /** Logs in with a mobile number and the SMS code it received. Resolves to a result; never rejects. */
  login(credentials: LoginCredentials, options?: LoginCallOptions): Promise<LoginResult>;
  /** `GET /api/v2/sdk/mobile-by-token`: the (masked) mobile number of an MFA_AUTH login, by its `state_token`. */
  mobileByStateToken(input: InputOf<"showMobileByStateToken">, options?: CallOptions): Promise<OperationResult<"showMobileByStateToken">>;
  /** `POST /api/v2/sdk/mfa/sms`: the second factor, the SMS code sent to that mobile, for an MFA_AUTH login. */
  mfaSms(input: InputOf<"secondaryAuthByMobileVerifyCode">, options?: CallOptions): Promise<OperationResult<"secondaryAuthByMobileVerifyCode">>;
  /** `POST /api/v2/sdk/pwd/update`: the password change a PASSWORD_WARN or PASSWORD_EXPIRED login leads to. */
  updatePassword(input: InputOf<"forceUpdatePwd">, options?: CallOptions): Promise<OperationResult<"forceUpdatePwd">>;
  /** `GET /api/v2/sdk/pwd/skip-update`: skips the password change a PASSWORD_WARN login offers. */
  skipPasswordUpdate(input: InputOf<"skipForceUpdatePwd">, options?: CallOptions): Promise<OperationResult<"skipForceUpdatePwd">>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}


/** Creates a login client once per application (or per tenant); throws ConfigError on unusable options. */
export function createLoginClient(options: LoginClientOptions): LoginClient {
  try {
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
    const [retry, retryProblems] = readRetry(options.retry);
    need(!retryProblems.length, retryProblems.join("; "));

    // Without a fetch option, the global one is looked up at each call: a mock installed after creation still applies.
    const fetch: Fetch = custom ?? ((input, init) => globalThis.fetch(input, init));
    const transport: Transport = {
      baseUrl,
      // A copy: later changes to the caller's array do not change this client.
      middleware: [...middleware],
      fetch,
      timeoutMs,
      maxResponseBytes: max,
      retry,
      headers: (override) => {
        if (!override) return [ownHeaders as Record<string, string>, []];
        const headers = loginHeaders(identity, { ...device, ...override });
        return [headers as Record<string, string>, headerProblems(headers)];
      },
    };
    /** A method running `op` with the caller's input through the one pipeline. */
    const method = (op: OperationDescriptor) => (input: unknown, options?: unknown) => call(transport, op, input, options);
    /** A method for an operation without input: its one argument is the call's options. */
    const bare = (op: OperationDescriptor) => (options?: unknown) => call(transport, op, undefined, options);

    return {
      baseUrl,
      getCaptcha: bare(ops.showCaptcha),
      verifyCaptcha: method(ops.validateCaptcha),
      listCountryCodes: bare(ops.listCountryCodes),
      sendCode: method(ops.sendSmsVerifyCode),
      login: method(ops.loginWithMobileVerifyCode),
      mobileByStateToken: method(ops.showMobileByStateToken),
      mfaSms: method(ops.secondaryAuthByMobileVerifyCode),
      updatePassword: method(ops.forceUpdatePwd),
      skipPasswordUpdate: method(ops.skipForceUpdatePwd),
    } as LoginClient;
  } catch (error) {
    // A getter or proxy trap that threw: its error may quote anything, and is no ConfigError.
    need(error instanceof ConfigError, "options must be readable data");
    throw error;
  }
}
