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
