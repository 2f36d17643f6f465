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
  // Not an async function: the answer's promise is returned as it is, not wrapped in another one that waits for it
  // (a few microtasks per request); what would have thrown rejects, as from fetch.
  return (input, init) => {
    try {
      // The client calls fetch(request, { signal, redirect: "manual" }): reuse its Request rather than build a second
      // one per call (copying its body stream is most of a mocked login's cost). The redirect mode cannot change an
      // answer that never redirects. Any other init, or a value fetch would refuse, goes through new Request, which
      // refuses it with fetch's own TypeError.
      const signalOk = init?.signal === undefined || init.signal === null || init.signal instanceof AbortSignal;
      const redirectOk = init?.redirect === undefined || REDIRECT_MODES.has(init.redirect);
      let reuse = input instanceof Request && signalOk && redirectOk;
      // init's own enumerable names, as Object.keys lists them, without building the list on every call.
      if (reuse && init) for (const key in init) if (Object.hasOwn(init, key) && key !== "signal" && key !== "redirect") reuse = false;
      const request = reuse ? input : new Request(input, init);
      // As fetch(request): the Request's own signal, unless init names one (null: none).
      const signal = reuse ? (init?.signal === undefined ? request.signal : init.signal) : request.signal;
      signal?.throwIfAborted();
      // Read once: each read of request.url serialises the URL again.
      const href = request.url;
      // A serialised http(s) URL without query or fragment is origin + path, so its path is the text after the origin:
      // no URL to parse (most of a stub's own cost per request). Anything else is parsed.
      const plain = (href.startsWith("https://") || href.startsWith("http://")) && !href.includes("?") && !href.includes("#");
      const url = plain ? undefined : new URL(href);
      const pathname = url ? url.pathname : href.slice(href.indexOf("/", href.indexOf("//") + 2));
      // The path exactly, as Prism matches it: any origin, but no base path (give the client a base URL without one).
      const reached = route(request.method, pathname);
      if (!reached) return Promise.resolve(noPath(pathname));
      if (!("operation" in reached)) return Promise.resolve(wrongMethod(request.method, reached.path));
      // Without a query there is no `__server` to mismatch.
      const mismatch = url && serverMismatch(url);
      if (mismatch) return Promise.resolve(mismatch);
      return respond(request, signal, reached.operation, href);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
}
