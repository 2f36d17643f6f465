// A pipeline Transport for tests that drive call() directly: no createLoginClient, no device, a fetch that records a
// copy of each request it is sent and answers with `handler`.
import type { Transport } from "../../src/client/pipeline/transport.js";
import { json } from "./client.js";

/** A Transport over `handler` (a 200 `{}` by default) with `headers` as its own headers, and the requests it was sent. */
export function recordingTransport(
  handler: (request: Request) => Response | Promise<Response> = () => json(200, {}),
  headers: Transport["headers"] = () => [{}, []],
): { t: Transport; requests: Request[] } {
  const requests: Request[] = [];
  const t: Transport = {
    baseUrl: "https://tenant.example.test",
    middleware: [],
    fetch: async (request) => (requests.push(request.clone()), handler(request)),
    timeoutMs: 1_000,
    maxResponseBytes: 65_536,
    retry: {},
    headers,
  };
  return { t, requests };
}
