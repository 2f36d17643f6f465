// The responses the in-process mock sends, shaped as Prism 5.14.2 shapes them (checked side by side by
// test/testing/differential.test.ts).
import { examples } from "../../generated/examples.js";
import { LOGIN_PATH } from "../contract/operation.js";
import { violationsHeader, type SlViolation } from "../contract/sl-violations.js";


const byStatus: Readonly<Record<string, Readonly<Record<string, unknown>>>> = examples;

/** A JSON response. */
export const json = (status: number, body: unknown, type = "application/json"): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

/** Prism's problem+json answer for what it cannot do. */
export const problem = (status: number, kind: string, title: string, detail: string): Response =>
  json(status, { type: `https://stoplight.io/prism/errors#${kind}`, title, status, detail }, "application/problem+json");

/** Prism's 405 for a method the operation's path does not have (any but POST). */
export const wrongMethod = (method: string): Response =>
  problem(405, "NO_METHOD_MATCHED_ERROR", "Route resolved, but no method matched", `The route ${LOGIN_PATH} has been matched, but it does not have "${method.toLowerCase()}" method defined`);

/**
 * The response for a status and optional example name, as Prism picks it: the first example unless one is named;
 * undefined when the spec has no such status or example.
 */
export function exampleResponse(status: string, name?: string): Response | undefined {
  const named = byStatus[status];
  if (!named || (name !== undefined && !Object.hasOwn(named, name))) return undefined;
  return json(Number(status), name === undefined ? Object.values(named)[0] : named[name]);
}

/** The status (as a string) whose examples include name. */
export const statusOf = (name: string): string | undefined => Object.keys(byStatus).find((status) => Object.hasOwn(byStatus[status]!, name));

/** Adds an `sl-violations` header (see violationsHeader: bounded JSON, any field name escaped to a valid header). */
export function withViolations(response: Response, list: SlViolation[]): Response {
  response.headers.set("sl-violations", violationsHeader(list));
  return response;
}
