// The error codes the spec documents: those its ErrorResponse's `error_code` lists (OneAccess's error table, carried
// over) and those its error examples use. A closed set, so a view may show a code from it: no server can put anything
// else there (docs/views.md).
import { resolve } from "./schemas.mjs";

// OneAccess's code shape, "LOGIN.0002": how a documented code is told from the prose around it.
const CODE = /\b[A-Z]+(?:\.[A-Z]+)*\.\d{4}\b/g;

/** Every documented code, sorted. */
export function documentedCodes(spec) {
  const field = resolve(spec, spec.components.schemas.ErrorResponse, "ErrorResponse").properties.error_code;
  const examples = Object.values(spec.components.examples ?? {}).map((e) => e.value?.error_code);
  const text = [field.description, ...(field.examples ?? []), ...examples].filter((t) => typeof t == "string").join("\n");
  return [...new Set(text.match(CODE))].sort();
}

/** Source of generated/error-codes.ts. */
export const errorCodesModule = (spec) =>
  `/** The error codes the spec documents (ErrorResponse's error_code and the error examples): the only ones a view shows. */\n` +
  `export const ERROR_CODES: readonly string[] = ${JSON.stringify(documentedCodes(spec))};\n`;
