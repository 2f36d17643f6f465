// oneaccess-sms-login/testing/msw: the in-process mock as MSW request handlers. msw (2 or 3) is an optional peer.
import { http, type HttpHandler } from "msw";
import { LOGIN_PATH } from "../contract/operation.js";
import type { LoginMockOptions } from "./options.js";
import { wrongMethod } from "./answers.js";
import { createResponder } from "./responder.js";
import { serverMismatch } from "./route.js";

export type { LoginMockOptions, Scenario } from "./options.js";

// The path as Prism's router reads it: each character but "/" as itself or percent-encoded, hex in either case.
// (LOGIN_PATH is ASCII letters, digits and "-", no RegExp specials; an ASCII code's first hex digit is a digit.)
const ENCODED_PATH = [...LOGIN_PATH]
  .map((c) => {
    const hex = c.charCodeAt(0).toString(16);
    return c === "/" ? c : `(?:${c}|%${hex[0]}[${hex[1]}${hex[1]!.toUpperCase()}])`;
  })
  .join("");

/**
 * MSW handlers for the login operation on any origin (at the exact path), answering as the Prism mock would (see
 * createMockFetch): another method there gets Prism's 405; another path is left unhandled.
 */
export function createHandlers(options: LoginMockOptions = {}): HttpHandler[] {
  const respond = createResponder(options);
  // Any origin, the operation's path exactly (no base path, as the Prism mock and createMockFetch; percent-encoded
  // characters read as Prism reads them, and `__server` checked as Prism does): a request to
  // another path is left to the other handlers and MSW's onUnhandledRequest, not answered 404 as createMockFetch
  // does, since the app's other requests are not this mock's.
  return [
    http.all(new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+${ENCODED_PATH}$`), ({ request }) =>
      request.method === "POST" ? (serverMismatch(new URL(request.url)) ?? respond(request)) : wrongMethod(request.method),
    ),
  ];
}


/** The default handlers: the spec's examples, chosen per request by `Prefer`, as Prism serves them. */
export const handlers: HttpHandler[] = createHandlers();
