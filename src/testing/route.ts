// Which requests reach an operation, as Prism 5.14.2's router decides (test/testing/differential.test.ts compares
// them): the path segment by segment, each percent-decoded (src/contract/operations.ts); then, for `__server`, the
// spec's servers.
import { SERVER_TEMPLATES } from "../contract/operation.js";
import { problem } from "./answers.js";

// A template's variables match any text, as in Prism's server matcher (no variable here has an enum).
const SERVERS = SERVER_TEMPLATES.map((template) => new RegExp(`^${template.split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*?")}$`));

/** Prism's 404 for a `__server` query parameter (the first, when non-empty) that matches none of the spec's servers. */
export function serverMismatch(url: URL): Response | undefined {
  // No query, no `__server` (and no URLSearchParams to build).
  const server = url.search === "" ? null : url.searchParams.get("__server");
  if (!server || SERVERS.some((pattern) => pattern.test(server))) return undefined;
  return problem(404, "NO_SERVER_MATCHED_ERROR", "Route not resolved, no server matched", `The server url ${server} hasn't been matched with any of the provided servers`);
}
