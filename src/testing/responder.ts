// The in-process mock's one decision: which answer a request to an operation gets. Mirrors Prism 5.14.2's choices for
// the bundled spec (test/testing/differential.test.ts compares them), except where Prism breaks the contract.
import { exampleResponse, isBearer, json, statusOf, unauthorized, withViolations } from "./answers.js";
import type { SlViolation } from "../contract/sl-violations.js";
import { LOGIN, type Operation } from "../contract/operations.js";
import { Accounts, countable } from "./accounts.js";
import { checkRequest } from "../contract/request-rules.js";
import type { LoginMockOptions } from "./options.js";
import { readPreferences } from "./prefer.js";
import { Journey } from "./journey.js";

/**
 * Answers one request to `operation` (default: the login); an abort of `signal` while its body is read rejects with
 * the signal's reason (`signal` not aborted yet: createMockFetch checks it first, in the same synchronous run that
 * starts listening to it). `href`: request.url when the caller has read it already (each read serialises the URL again).
 */
export type Responder = (request: Request, signal?: AbortSignal | null, operation?: Operation, href?: string) => Promise<Response>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v == "object" && v !== null && !Array.isArray(v);
// A Map or class instance has no own entries to read as accounts: refused rather than read as none.
const isPlain = (v: unknown): v is Record<string, unknown> => isRecord(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Checks the options at once, so a typo fails where the mock is made rather than as a puzzling answer. */
function checked(options: LoginMockOptions): Omit<LoginMockOptions, "accounts"> & { accounts?: Array<[string, string]>; attempts: number } {
  if (!isRecord(options as unknown)) throw new TypeError("mock options must be an object");
  const { scenario, accounts, attempts = 5, journey } = options;
  if (scenario !== undefined && statusOf(LOGIN, String(scenario)) === undefined) {
    const names = Object.values(LOGIN.examples).flatMap((set) => Object.keys(set ?? {}));
    throw new TypeError(`unknown scenario ${JSON.stringify(scenario)}: use one of ${names.join(", ")}`);
  }
  // Read once, so a getter cannot answer the check one code and the mock another.
  const entries = isPlain(accounts) ? Object.entries(accounts) : undefined;
  if (accounts !== undefined && !entries?.every(([, code]) => typeof code == "string")) {
    throw new TypeError("accounts must map mobile numbers to verify codes (strings) in a plain object");
  }
  if (accounts !== undefined && !countable) throw new TypeError("the spec's wrongCredentials example has no attempts count to decrease");
  // A safe integer, so the count in LOGIN.0002's message is exact.
  if (!Number.isSafeInteger(attempts) || attempts < 1) throw new TypeError("attempts must be a positive integer (at most Number.MAX_SAFE_INTEGER)");
  if (journey !== undefined && !(journey instanceof Journey)) throw new TypeError("journey must be a journey from createJourney()");
  if (journey !== undefined && accounts !== undefined) throw new TypeError("give accounts to createJourney() when a journey plays the login, not to the mock as well");
  return { scenario, accounts: entries as Array<[string, string]> | undefined, attempts, journey };
}

/** The operation's documented 400 (first example) for a Prefer that cannot be met, with the reason in `sl-violations`. */
const impossible = (operation: Operation, message: string, more: SlViolation[] = []): Response =>
  withViolations(exampleResponse(operation, "400")!, [{ location: ["request", "header", "prefer"], severity: "Error", code: "prefer", message }, ...more]);

/** Creates the responder for a set of options; each holds its own stateful-scenario count. */
export function createResponder(options: LoginMockOptions = {}): Responder {
  const { scenario, accounts: codes, attempts, journey } = checked(options);
  const accounts = codes && new Accounts(codes, attempts);
  const scenarioStatus = scenario && statusOf(LOGIN, scenario);

  return async (request, signal, operation = LOGIN, href = request.url) => {
    // As Prism: an operation under Bearer security without `Authorization: Bearer <token>` gets 401, before the
    // request or its Prefer is looked at.
    if (operation.bearer && !isBearer(request.headers.get("authorization"))) return unauthorized();
    const preferences = readPreferences(request, href);
    // As the Prism mock: a Prefer the spec cannot satisfy is outside the contract, so it gets the documented 400.
    if (!preferences.ok) return impossible(operation, `Prefer cannot be read: ${preferences.reason}`);
    // `dynamic` is read but not honoured: this mock always answers examples (a difference docs/testing.md names).
    const { prefer } = preferences;
    const { body, problems } = await checkRequest(request, signal, operation);
    // The scenario option names a login example: the other operations answer their own first examples.
    const ownScenario = operation === LOGIN ? scenario : undefined;
    const ownStatus = operation === LOGIN ? scenarioStatus : undefined;
    if (problems.length) {
      // As Prism: the documented 400, whose example a Prefer (or scenario) chooses only together with code 400.
      const example = prefer.code === "400" ? prefer.example : prefer.code === undefined && ownStatus === "400" ? ownScenario : undefined;
      const response = exampleResponse(operation, "400", example);
      return response ? withViolations(response, problems) : impossible(operation, `Prefer asks for a response the spec does not have: ${example} for status 400`, problems);
    }
    if (prefer.code !== undefined || prefer.example !== undefined) {
      const status = prefer.code ?? "200";
      return exampleResponse(operation, status, prefer.example) ?? impossible(operation, `Prefer asks for a response the spec does not have: ${prefer.example ?? "an example"} for status ${status}`);
    }
    if (journey) return journey.answer(operation, body, request.headers);
    if (accounts && operation === LOGIN) {
      const { mobile, verify_code } = body as { mobile: string; verify_code: string };
      const failure = accounts.login(mobile, verify_code);
      if (failure) return json(400, failure);
      return exampleResponse(LOGIN, "200", ownStatus === "200" ? ownScenario : undefined)!;
    }
    return (ownScenario ? exampleResponse(operation, ownStatus!, ownScenario) : exampleResponse(operation, "200"))!;
  };
}
