import type { LoginError } from "./errors/login-error.js";
import type { AnswerOf, BrowserOperationId, LoginResponseBody, LoginStatus } from "../types.js";

/** A login OneAccess answered with HTTP 200, narrowed by `status`: `if (r.ok && r.status === "MFA_AUTH")`. */
export type LoginSuccess = {
  [S in LoginStatus]: {
    readonly ok: true;
    /** The documented `status`: what the caller does next (see the spec's LoginStatus). */
    readonly status: S;
    /** The validated 200 body, the shape of this status (a SUCCESS has its session_token); tokens are here only. */
    readonly body: Extract<LoginResponseBody, { status: S }>;
    /** The raw HTTP response (body already read). */
    readonly response: Response;
    /** Raw: the answer's `X-Request-Id` as sent, for support (undefined without one); in no view (docs/views.md). */
    readonly requestId?: string;
  };
}[LoginStatus];

/** A login that failed; `error.kind` says how. Never thrown: returned. */
export interface LoginFailure {
  readonly ok: false;
  readonly error: LoginError;
  /** The HTTP response when there was one (api, http, format, contract failures). */
  readonly response: Response | undefined;
}

/** What {@link LoginClient.login} resolves to. It never rejects. */
export type LoginResult = LoginSuccess | LoginFailure;

/** A success of any operation: `status` (when its 200 body has one) narrows `body` like a login's. */
export type OperationSuccess<Id extends BrowserOperationId> = AnswerOf<Id> extends { status: infer S }
  ? S extends string
    ? {
        readonly ok: true;
        /** The 200 body's `status`: what the caller does next. */
        readonly status: S;
        /** The validated 200 body (secrets such as tokens are here only). */
        readonly body: Extract<AnswerOf<Id>, { status: S }> extends never ? AnswerOf<Id> : Extract<AnswerOf<Id>, { status: S }>;
        /** The raw HTTP response (body already read). */
        readonly response: Response;
        /** Raw: the answer's `X-Request-Id` as sent, for support; in no view (docs/views.md). */
        readonly requestId?: string;
      }
    : never
  : {
      readonly ok: true;
      /** The validated 200 body (undefined for an answer documented without one). */
      readonly body: AnswerOf<Id>;
      /** The raw HTTP response (body already read). */
      readonly response: Response;
      /** Raw: the answer's `X-Request-Id` as sent, for support; in no view (docs/views.md). */
      readonly requestId?: string;
    };

/** What a client method resolves to: a success or a typed failure. It never rejects. */
export type OperationResult<Id extends BrowserOperationId> = OperationSuccess<Id> | LoginFailure;
