// The one path every operation takes: input read once as own data -> validated against the operation's schemas ->
// sent (no redirects, timeout, signal, the headers the operation declares) -> read up to the cap -> interpreted by
// status -> a result or a typed failure whose views are safe by construction (docs/views.md).
import { readBody, TooLarge } from "../body.js";
import { AbortError } from "../errors/abort-error.js";
import { InputError } from "../errors/input-error.js";
import { NetworkError } from "../errors/network-error.js";
import type { RequestSummary } from "../errors/one-access-error.js";
import { ResponseFormatError } from "../errors/response-format-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { extraHeaderProblems, unsendableHeaders } from "../headers.js";
import { ownData } from "../input.js";
import { answers, interpret, redirectOf, requestIdOf } from "../interpret.js";
import type { LoginCallOptions } from "../options.js";
import { failure, isHttpStatus } from "../outcome.js";
import { readRetry, retrying } from "../retry.js";
import type { LoginResult } from "../result.js";
import { isSignal, onAbort } from "../signals.js";
import { typeOf, violations, type Schema } from "../../contract/validate.js";
import { send } from "./send.js";
import type { OperationDescriptor } from "./descriptor.js";
import type { Transport } from "./transport.js";

// setTimeout's own limit: a longer delay would fire at once.
export const isTimeout = (ms: unknown): ms is number => typeof ms == "number" && ms > 0 && ms <= 2_147_483_647;
export const TIMEOUT_RULE = "timeoutMs must be a positive number of milliseconds";
const ignore = () => {};

// Per operation, built on first call: the schema of its input (body fields and the headers given as input fields).
const inputSchemas = new WeakMap<OperationDescriptor, Schema>();

/** The schema the caller's input is checked against: the body's, plus the headers the input carries. */
function inputSchema(op: OperationDescriptor): Schema {
  let schema = inputSchemas.get(op);
  if (!schema) {
    const names = Object.entries(op.fromInput ?? {});
    const { body = { type: "object", additionalProperties: false } } = op;
    schema = {
      ...body,
      required: [...(body.required ?? []), ...names.filter(([, header]) => op.headers.required?.includes(header)).map(([name]) => name)],
      properties: { ...body.properties, ...Object.fromEntries(names.map(([name, header]) => [name, op.headers.properties[header]!])) },
    };
    inputSchemas.set(op, schema);
  }
  return schema;
}

/**
 * Runs one operation: `input` is the body's fields and the input headers (undefined for an operation without either).
 * Resolves to a result discriminated by `ok`; never rejects.
 */
export async function call(transport: Transport, op: OperationDescriptor, input: unknown, options: unknown): Promise<LoginResult> {
  const request: RequestSummary = { method: op.method, url: transport.baseUrl + op.path };
  const label = op.label ?? "request";
  const problems: string[] = [];
  let retry = transport.retry;
  try {
    // Read once, as own data: what is validated is what is sent. Options that are no object (or an array) are refused.
    let given: unknown, call: LoginCallOptions;
    try {
      given = ownData(input);
      call = (ownData(options ?? {}) ?? {}) as LoginCallOptions;
      if (typeOf(call) != "object") return failure(new InputError(["options must be an object"], request, label));
      if (call.headers !== undefined) call.headers = ownData(call.headers) as Record<string, string>;
      if (call.retry !== undefined) {
        const [merged, wrong] = readRetry(call.retry, retry);
        retry = merged;
        problems.push(...wrong);
      }
      if (call.signal !== undefined && !isSignal(call.signal)) problems.push("signal must be an AbortSignal");
    } catch {
      // The thrown error is the caller's (a getter, a Proxy trap) and may quote anything: it is not kept.
      return failure(new InputError(["the credentials and options must be readable data"], request, label));
    }
    const fields = (given ?? {}) as Record<string, unknown>;
    const { device: override, signal, timeoutMs: ms = transport.timeoutMs, headers: extra } = call;
    if (problems.length) return failure(new InputError(problems, request, label));

    const [own, ownProblems] = transport.headers(override);
    const headers: Record<string, string> = { ...own };
    let body: Record<string, unknown> | undefined;
    const { fromInput } = op;
    if (op.body || fromInput) {
      problems.push(...violations(inputSchema(op), given, op.body ? "body" : "input"));
      if (!problems.length) {
        body = op.body ? Object.create(null) : undefined;
        // The input's header values by input name, as the sendability check names them.
        const inHeaders: Record<string, unknown> = {};
        for (const name in fields) {
          const header = fromInput?.[name];
          if (header) headers[header] = (inHeaders[name] = fields[name]) as string;
          else body![name] = fields[name];
        }
        problems.push(...unsendableHeaders(inHeaders));
      }
    }
    problems.push(...ownProblems);
    if (extra !== undefined) problems.push(...extraHeaderProblems(extra, op.headers.properties));
    if (!isTimeout(ms)) problems.push(TIMEOUT_RULE);
    if (problems.length) return failure(new InputError(problems, request, label));
    if (signal?.aborted) return failure(new AbortError(request));

    const max = transport.maxResponseBytes;
    const controller = new AbortController();
    let timedOut = false;
    let stop!: () => void;
    // Settles on abort even when a caller's fetch ignores the signal, so a call can never hang.
    const aborted = new Promise<never>((_, reject) => (stop = reject));
    aborted.catch(ignore);
    const cancel = () => {
      controller.abort();
      stop();
    };
    let unlisten = ignore;
    try {
      if (signal) unlisten = onAbort(signal, cancel);
    } catch {
      // Its addEventListener threw: not a usable signal. Before the timer starts, so nothing is left behind.
      return failure(new InputError(["signal must be an AbortSignal"], request, label));
    }
    const timer = setTimeout(() => {
      timedOut = true;
      cancel();
    }, ms);
    const url = request.url;
    const context = { schemaPath: op.path, params: { header: headers }, options: { baseUrl: transport.baseUrl }, id: "" };
    // The last answer whose status was read and checked, and that status: a custom fetch's Response-like object (or a
    // middleware's Response subclass) may answer each read of `status` differently, so the checked number is the one
    // interpreted and shown, never a later read.
    let seen: Response | undefined;
    let seenStatus = 0;
    /** The fetch under the middleware: the call's signal, no redirects, any answer but a plain 2xx read up to the cap. */
    const fetchOnce = async (input: Request, init?: RequestInit) => {
      const response = await transport.fetch(input, { ...init, signal: controller.signal, redirect: "manual" });
      const { status } = response;
      // A custom fetch may return anything: only an HTTP status (0 for an opaque redirect) can be shown.
      if (!isHttpStatus(status)) throw new TypeError();
      seen = response;
      seenStatus = status;
      const redirect = redirectOf(response, status);
      if (response.ok && !redirect) return response;
      // A redirect's body is never read: it ends as an HttpError, whatever (and however much) it holds.
      if (redirect) response.body?.cancel().catch(ignore);
      // A stand-in, since a Response cannot be rebuilt with a status past 599 or an unsendable reason phrase;
      // interpret() reads the answer itself through `answers`.
      const standIn = new Response(redirect ? null : await readBody(response.body, max, response), { status: status > 199 && status < 600 ? status : 599, headers: response.headers });
      answers.set(standIn, response);
      seen = standIn;
      return standIn;
    };
    /** One attempt: a fresh request (a body is read once), its answer read up to the cap and interpreted. */
    const attempt = async () => {
      // The contract's headers last: a call's extra headers cannot replace them (checked above too).
      const sent = new Request(url, {
        method: op.method,
        headers: body ? { "Content-Type": op.mediaType!, ...extra, ...headers } : { ...extra, ...headers },
        // JSON, or a form for the one tenant operation that takes one (the server entry's token request).
        body: body && (op.mediaType!.includes("json") ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString()),
        redirect: "manual",
      });
      const response = await send(transport.middleware, fetchOnce, sent, {}, context);
      // A middleware's own Response never went through fetchOnce: its status is read once and checked here.
      const status = response === seen ? seenStatus : response.status;
      if (!isHttpStatus(status)) throw new TypeError();
      seen = response;
      seenStatus = status;
      const text = await readBody(response.body, max, response);
      let payload: unknown = text;
      // A 2xx body is parsed by interpret(); any other answer's, when it is JSON.
      if (!response.ok) {
        try {
          payload = JSON.parse(text);
        } catch {
          // Not JSON: interpret() reports the text's absence or form, never the text.
        }
      }
      return interpret(op, response, payload, request, status);
    };
    const { retries: times = 0, onRetryAfter, maxRetryAfterMs = 10_000 } = retry;
    // Without retries (the default), a call is one attempt and nothing more. An answered request is retried only
    // where the operation allows it (never a sent code).
    const pending = times ? retrying(attempt, times, onRetryAfter && op.retry != "unsent" ? maxRetryAfterMs : -1, Date.now() + ms, controller.signal) : attempt();
    pending.catch(ignore); // the race below may leave it behind; its rejection is not the caller's
    try {
      return await Promise.race([pending, aborted]);
    } catch (cause) {
      if (cause instanceof TooLarge) {
        // Both reads that throw TooLarge come right after that answer's status was checked.
        const status = cause.response === seen ? seenStatus : 0;
        return failure(new ResponseFormatError(status, `a body larger than ${max} bytes`, request, requestIdOf(cause.response)), cause.response);
      }
      return failure(timedOut ? new TimeoutError(ms, request) : signal?.aborted ? new AbortError(request) : new NetworkError(request, cause));
    } finally {
      clearTimeout(timer);
      unlisten();
    }
  } catch (unexpected) {
    // Anything else (a device override whose getter throws, say) still ends as a typed failure, not a rejection.
    return failure(new NetworkError(request, unexpected));
  }
}
