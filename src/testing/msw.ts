// oneaccess-sms-login/testing/msw: the in-process mock as MSW request handlers. msw (2 or 3) is an optional peer.
import { http, type HttpHandler } from "msw";
import { OPERATIONS, route } from "../contract/operations.js";
import type { LoginMockOptions } from "./options.js";
import { wrongMethod } from "./answers.js";
import { createResponder } from "./responder.js";
import { serverMismatch } from "./route.js";

export type { JourneyAccount, JourneyOptions, LoginMockOptions, Scenario } from "./options.js";

// A path as Prism's router reads it: each character but "/" as itself or percent-encoded, hex in either case.
// (The spec's paths are ASCII letters, digits, "-" and "/", no RegExp specials; an ASCII code's first hex digit is a
// digit.)
const encoded = (path: string) =>
  [...path]
    .map((c) => {
      const hex = c.charCodeAt(0).toString(16);
      return c === "/" ? c : `(?:${c}|%${hex[0]}[${hex[1]}${hex[1]!.toUpperCase()}])`;
    })
    .join("");
const PATHS = [...new Set(OPERATIONS.map((o) => o.path))].map(encoded).join("|");

/**
 * MSW handlers for every operation of the spec on any origin (at the exact paths), answering as the Prism mock would
 * (see createMockFetch): another method on an operation's path gets Prism's 405; another path is left unhandled.
 * With `journey`, the same stateful journey as createMockFetch's (share one journey between both if you like).
 */
export function createHandlers(options: LoginMockOptions = {}): HttpHandler[] {
  const respond = createResponder(options);
  // Any origin, the operations' paths exactly (no base path, as the Prism mock and createMockFetch; percent-encoded
  // characters read as Prism reads them, and `__server` checked as Prism does): a request to another path is left to
  // the other handlers and MSW's onUnhandledRequest, not answered 404 as createMockFetch does, since the app's other
  // requests are not this mock's.
  return [
    http.all(new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+(?:${PATHS})$`), ({ request }) => {
      const url = new URL(request.url);
      const reached = route(request.method, url.pathname)!;
      if (!("operation" in reached)) return wrongMethod(request.method, reached.path);
      return serverMismatch(url) ?? respond(request, undefined, reached.operation);
    }),
  ];
}

/** The default handlers: the spec's examples, chosen per request by `Prefer`, as Prism serves them. */
export const handlers: HttpHandler[] = createHandlers();
