// The tenant operations' input and answer types, from the generated contract types (never a hand-written copy).
import type { LoginFailure } from "../client/result.js";
import type { operations } from "../../generated/schema.js";

/** The tenant (server-side) operations the server client runs, by operationId. */
export type ServerOperationId = "getTenantAccessToken" | "exchangeSessionTokenForSsoTicket" | "verifySsoTicket" | "refreshSessionToken";

type BodyOf<R> = R extends { content: { [type: string]: infer B } } ? B : never;

/** What a server client method takes: the request body's fields, as the spec names them. */
export type ServerInputOf<Id extends ServerOperationId> = operations[Id] extends { requestBody: infer R } ? BodyOf<R> : never;
/** Body of a tenant operation's HTTP 200 answer. */
export type ServerAnswerOf<Id extends ServerOperationId> = BodyOf<operations[Id]["responses"][200]>;

/** A tenant call OneAccess answered with HTTP 200: the validated body (its secrets are here only). */
export interface ServerSuccess<Id extends ServerOperationId> {
  readonly ok: true;
  /** The validated 200 body; a view lists the documented fields present, never a value. */
  readonly body: ServerAnswerOf<Id>;
  /** The raw HTTP response (body already read). */
  readonly response: Response;
  /** Raw: the answer's `X-Request-Id` as sent, for support; in no view (docs/views.md). */
  readonly requestId?: string;
}

/** What a server client method resolves to: a success or a typed failure. It never rejects. */
export type ServerResult<Id extends ServerOperationId> = ServerSuccess<Id> | LoginFailure;

/** The session token's call: the SSO-ticket exchange's and the refresh's body (session_token and the device fields). */
export type SessionTokenInput = ServerInputOf<"exchangeSessionTokenForSsoTicket">;
/** The user OneAccess returns for a verified ticket (`data.user`). */
export type SsoUser = ServerAnswerOf<"verifySsoTicket">["data"]["user"];
