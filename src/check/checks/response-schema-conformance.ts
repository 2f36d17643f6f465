import { schemas } from "../../../generated/schemas.js";
import { violations } from "../../client/validate.js";
import { duplicateNames } from "../duplicate-names.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

/**
 * Documented answers carry a body valid against the status's schema, as JSON text (RFC 8259: UTF-8, no byte order
 * mark, each member name once per object) of at most 65536 bytes, the client's own default cap (the contract's
 * answers are a few hundred bytes).
 * Checked with the client's own validator on the schemas generated from the spec, which refuses to generate any
 * keyword the validator does not enforce; its messages name fields, never values. A 400 to malformed JSON is not
 * judged (see `Probe.unparsable`).
 */
export const responseSchemaConformance: Check = {
  name: "response_schema_conformance",
  passes: "every documented answer had a body valid against its status's schema",
  applies: () => true,
  judge(probe, answer) {
    const response = documented(answer.status);
    if (!response) return undocumentedSkip(answer.status);
    if (probe.unparsable && answer.status === 400) return { skip: "a 400 to an unparsable body may come from a parser in front of the API, without the error body" };
    const where = `${probe.name}: HTTP ${answer.status}:`;
    // Too large for any client to read, not UTF-8, or a byte order mark: not the JSON text RFC 8259 defines.
    if (answer.unreadable) return [`${where} ${answer.unreadable} (documented: ${response.body})`];
    if (answer.json === undefined) return [`${where} the body is not JSON (documented: ${response.body})`];
    const repeated = duplicateNames(answer.text).map((name) => `body member ${JSON.stringify(name)} appears more than once in one object`);
    return [...repeated, ...violations(schemas[response.body], answer.json)].map((v) => `${where} ${v} (${response.body})`);
  },
};
