// oneaccess-sms-login/testing/msw: the in-process mock as MSW request handlers. msw (2 or 3) is an optional peer.
import { http, type HttpHandler } from "msw";
import { LOGIN_PATH } from "../client/constants.js";
import type { LoginMockOptions } from "./options.js";
import { wrongMethod } from "./answers.js";
import { createResponder } from "./responder.js";

export type { LoginMockOptions, Scenario } from "./options.js";

/**
 * MSW handlers for the login operation on any origin (at the exact path), answering as the Prism mock would (see
 * createMockFetch): another method there gets Prism's 405; another path is left unhandled.
 */
export function createHandlers(options: LoginMockOptions = {}): HttpHandler[] {
  const respond = createResponder(options);
  // Any origin, the operation's path exactly (no base path, as the Prism mock and createMockFetch): a request to
  // another path is left to the other handlers and MSW's onUnhandledRequest, not answered 404 as createMockFetch
  // does, since the app's other requests are not this mock's. (LOGIN_PATH has no RegExp specials.)
  return [http.all(new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+${LOGIN_PATH}$`), ({ request }) => (request.method === "POST" ? respond(request) : wrongMethod(request.method)))];
}

/** The default handlers: the spec's examples, chosen per request by `Prefer`, as Prism serves them. */
export const handlers: HttpHandler[] = createHandlers();
