// Turns the operation's named response examples into generated/examples.ts: the in-process mock (src/testing/)
// answers from it, so it serves the same examples Prism serves from the bundled spec, in the same order, in browsers
// too (no file system), and its scenario names are a type.
import { resolve } from "./schemas.mjs";

const OPERATION = ["/api/v2/sdk/login/mobile-verify-code", "post"];

/** The JSON media type of a response (the key may carry parameters, e.g. `application/json;charset=utf8`). */
function jsonMedia(response, path) {
  const key = Object.keys(response.content ?? {}).find((type) => /^application\/json\b/i.test(type));
  if (!key) throw new Error(`${path}: no application/json content`);
  return response.content[key];
}

/** Source of generated/examples.ts for a bundled spec. */
export function examplesModule(spec) {
  const responses = spec.paths[OPERATION[0]][OPERATION[1]].responses;
  const byStatus = Object.fromEntries(
    Object.entries(responses).map(([status, ref]) => {
      const media = jsonMedia(resolve(spec, ref, status), status);
      const named = Object.entries(media.examples ?? {}).map(([name, ex]) => [name, resolve(spec, ex, `${status}.${name}`).value]);
      if (named.length === 0) throw new Error(`${status}: no named examples`);
      return [status, Object.fromEntries(named)];
    }),
  );
  return (
    `/** The operation's named response examples by status, in the spec's order: Prism answers with the first. */\n` +
    `export const examples = ${JSON.stringify(byStatus)} as const;\n`
  );
}
