import type { Fetch } from "../client/options.js";
import { route } from "../contract/operations.js";
import { noPath, wrongMethod } from "./answers.js";
import type { LoginMockOptions } from "./options.js";
import { createResponder } from "./responder.js";
import { serverMismatch } from "./route.js";

/** RequestInit's redirect modes, the values `new Request` accepts. */
const REDIRECT_MODES = new Set<unknown>(["follow", "error", "manual"]);

/**
 * A fetch that answers every operation of the spec in-process, as the Prism mock would: give it to
 * `createLoginClient({ fetch: createMockFetch() })`. Dependency-free; works in Node and browsers.
 * Any origin is served, at the operations' paths exactly (no base path before them, as the Prism mock; percent-encoded
 * characters read as Prism reads them); any other path gets 404, another method on an operation's path 405, and a
 * `__server` query parameter matching none of the spec's servers 404, as from Prism. With `journey` (see
 * createJourney) it plays the stateful login journey instead of answering the spec's examples.
 */
export function createMockFetch(options: LoginMockOptions = {}): Fetch {
  const respond = createResponder(options);
  return async (input, init) => {
    // The client calls fetch(request, { signal, redirect: "manual" }): reuse its Request rather than build a second
    // one per call (copying its body stream is most of a mocked login's cost). The redirect mode cannot change an
    // answer that never redirects. Any other init, or a value fetch would refuse, goes through new Request, which
    // refuses it with fetch's own TypeError.
    const signalOk = init?.signal === undefined || init.signal === null || init.signal instanceof AbortSignal;
    const redirectOk = init?.redirect === undefined || REDIRECT_MODES.has(init.redirect);
    const reuse = input instanceof Request && signalOk && redirectOk && Object.keys(init ?? {}).every((key) => key === "signal" || key === "redirect");
    const request = reuse ? input : new Request(input, init);
    // As fetch(request): the Request's own signal, unless init names one (null: none).
    const signal = reuse ? (init?.signal === undefined ? input.signal : init.signal) : request.signal;
    signal?.throwIfAborted();
    const url = new URL(request.url);
    const { pathname } = url;
    // The path exactly, as Prism matches it: any origin, but no base path (give the client a base URL without one).
    const reached = route(request.method, pathname);
    if (!reached) return noPath(pathname);
    if (!("operation" in reached)) return wrongMethod(request.method, reached.path);
    const mismatch = serverMismatch(url);
    if (mismatch) return mismatch;
    return respond(request, signal, reached.operation);
  };
}
