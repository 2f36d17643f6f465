// Aliases of the generated contract types: the only place the client names them, and never a hand-written copy.
import type { components, operations } from "../generated/schema.js";

export type { paths, components, operations } from "../generated/schema.js";

type Operation = operations["loginWithMobileVerifyCode"];

/** Body of the login request: the mobile number and the SMS code it received. */
export type LoginCredentials = components["schemas"]["MobileVerifyCodeLoginRequest"];
/** Body of an HTTP 200 answer. */
export type LoginResponseBody = components["schemas"]["LoginResponse"];
/** The five documented values of `status`. */
export type LoginStatus = components["schemas"]["LoginStatus"];
/** Body of an HTTP 400 answer. */
export type ErrorResponseBody = components["schemas"]["ErrorResponse"];
/** The request headers of the operation, by wire name. */
export type LoginHeaders = Operation["parameters"]["header"];

/** The browser-side operations the client has a method for, by operationId. */
export type BrowserOperationId =
  | "showCaptcha"
  | "validateCaptcha"
  | "listCountryCodes"
  | "sendSmsVerifyCode"
  | "loginWithMobileVerifyCode"
  | "showMobileByStateToken"
  | "secondaryAuthByMobileVerifyCode"
  | "forceUpdatePwd"
  | "skipForceUpdatePwd";

type JsonOf<T> = T extends { content: { "application/json": infer B } } ? B : T extends { content: { [type: string]: infer B } } ? B : never;
type BodyOf<Id extends BrowserOperationId> = operations[Id] extends { requestBody: infer R } ? JsonOf<R> : {};
// Headers given as input fields: only X-state-token among the browser operations.
type StateTokenOf<Id extends BrowserOperationId> = operations[Id]["parameters"]["header"] extends { "X-state-token": infer T } ? { state_token: T } : {};

/** What a method of the client takes: the request body's fields, and `state_token` where the call needs one. */
export type InputOf<Id extends BrowserOperationId> = BodyOf<Id> & StateTokenOf<Id>;
/** Body of an operation's HTTP 200 answer; undefined for an answer documented without a body. */
export type AnswerOf<Id extends BrowserOperationId> = operations[Id]["responses"][200] extends { content: object } ? JsonOf<operations[Id]["responses"][200]> : undefined;

export type { LoginCallOptions as CallOptions } from "./client/options.js";
