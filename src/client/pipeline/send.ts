import type { Middleware } from "openapi-fetch";
import type { Fetch } from "../options.js";

const HOOKS = ["onRequest", "onResponse", "onError"] as const;

/** True for an openapi-fetch middleware object: at least one hook, and every hook given a function. */
export const isMiddleware = (m: unknown): m is Middleware =>
  typeof m == "object" && !!m && HOOKS.some((h) => h in m) && HOOKS.every((h) => ["undefined", "function"].includes(typeof (m as Middleware)[h]));

/** What a middleware hook is told besides the request, as openapi-fetch tells it. */
export interface HookContext {
  readonly schemaPath: string;
  readonly params: { readonly header: Record<string, string> };
  readonly options: { readonly baseUrl: string };
  readonly id: string;
}

// openapi-fetch's own sentence: the hook's name says what it modifies ("onError" the error).
const BAD = (hook: string, what: string) => new Error(`${hook}: must return new ${what} when modifying the ${hook.slice(2).toLowerCase()}`);

/**
 * Sends `request` through openapi-fetch middleware and `fetch` with openapi-fetch's rules (the client no longer
 * bundles openapi-fetch itself): each `onRequest` in order (a Response returned ends the chain unsent), then `fetch`,
 * then `onError` (when fetch threw) and `onResponse` in reverse order. Rejects with what fetch or a hook threw.
 */
export async function send(middleware: readonly Middleware[], fetch: Fetch, request: Request, init: RequestInit, context: HookContext): Promise<Response> {
  // The usual case, no middleware: nothing to run around fetch.
  if (!middleware.length) return fetch(request, init);
  let response: Response | undefined;
  for (const m of middleware) {
    const result: unknown = await m.onRequest?.({ request, ...context } as never);
    if (result instanceof Request) request = result;
    else if (result instanceof Response) return result;
    else if (result) throw BAD("onRequest", "Request() or Response()");
  }
  const reversed = [...middleware].reverse();
  try {
    response = await fetch(request, init);
  } catch (error) {
    let failed: unknown = error;
    for (const m of reversed) {
      const result: unknown = await m.onError?.({ request, error: failed, ...context } as never);
      if (result instanceof Response) {
        response = result;
        break;
      }
      if (result instanceof Error) failed = result;
      else if (result) throw BAD("onError", "Response() or instance of Error");
    }
    if (!response) throw failed;
  }
  for (const m of reversed) {
    const result: unknown = await m.onResponse?.({ request, response, ...context } as never);
    if (result instanceof Response) response = result;
    else if (result) throw BAD("onResponse", "Response()");
  }
  return response;
}
