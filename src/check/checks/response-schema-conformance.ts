import { violations, type Schema } from "../../contract/validate.js";
import { duplicateNames } from "../duplicate-names.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

/**
 * Documented answers carry a body valid against the operation's schema for the status, as JSON text (RFC 8259: UTF-8, no byte order
 * mark, each member name once per object) of at most 65536 bytes, the client's own default cap (the contract's
 * answers are a few hundred bytes).
 * Checked with the validator the mocks and the client share, on the operation's schemas as the bundled spec has them
 * (a keyword that validator does not enforce, such as a format, is not judged); its messages name the schema's
 * fields, never values, and count the properties the schema does not know (their names are the server's text). A 400
 * to malformed JSON is not judged (see `Probe.unparsable`).
 */
export const responseSchemaConformance: Check = {
  name: "response_schema_conformance",
  passes: "every documented answer had a body valid against its status's schema",
  applies: () => true,
  judge(probe, answer) {
    const response = documented(probe, answer.status);
    if (!response) return undocumentedSkip(answer.status);
    if (probe.unparsable && answer.status === 400) return { skip: "a 400 to an unparsable body may come from a parser in front of the API, without the error body" };
    if (!response.body) return answer.size === 0 ? [] : { skip: `HTTP ${answer.status} of ${probe.operation.name} documents no body, so there is none to judge` };
    const where = `${probe.name}: HTTP ${answer.status}:`;
    // Too large for any client to read, not UTF-8, or a byte order mark: not the JSON text RFC 8259 defines.
    if (answer.unreadable) return [`${where} ${answer.unreadable} (documented: ${response.bodyName})`];
    if (answer.json === undefined) return [`${where} the body is not JSON (documented: ${response.bodyName})`];
    const schema: Schema = response.body;
    const known = new Set(namesIn(schema));
    const repeated = duplicateNames(answer.text);
    const unknown = repeated.filter((name) => !known.has(name)).length;
    const problems = [
      ...repeated.filter((name) => known.has(name)).map((name) => `body member ${name} appears more than once in one object`),
      ...(unknown > 0 ? [`${unknown} body member name${unknown === 1 ? "" : "s"} the contract does not know appear${unknown === 1 ? "s" : ""} more than once in one object`] : []),
      ...violations(schema, answer.json),
    ];
    return problems.map((v) => `${where} ${v} (${response.bodyName})`);
  },
};

/** Every property name a schema declares, at any depth and in each oneOf shape: the names a view may repeat. */
function namesIn(schema: Schema): string[] {
  return [...Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => [name, ...namesIn(sub)]), ...(schema.oneOf ?? []).flatMap(namesIn)];
}
