import { CONTENT_TYPE } from "../../contract/operation.js";
import { parseMediaType } from "../../contract/media-type.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

/** JSON is UTF-8 (RFC 8259); OneAccess spells it `utf8`, as in the Content-Type it documents for requests. */
const UTF8 = new Set(["utf-8", "utf8"]);

/**
 * Problems with a response's Content-Type against the documented media types. The header is the server's text:
 * a media type is named only when it is a documented one, any other is "another media type", and a charset is
 * never named (a server can put anything there).
 */
function responseContentType(value: string | null, mediaTypes: readonly string[]): string[] {
  const listed = mediaTypes.join(", ");
  if (value === null) return [`missing Content-Type (documented: ${listed})`];
  // The mocks' own RFC 9110 parser: the same grammar for what the mocks accept and what verify passes.
  const type = parseMediaType(value);
  if (!type) {
    // The parser refuses a second charset too (which one would a client honour?): said apart, as it is no typo.
    if ((value.match(/;[ \t]*charset=/gi) ?? []).length > 1) return ["the Content-Type names more than one charset; JSON must be UTF-8, once"];
    return [`the Content-Type is not a media type by RFC 9110's grammar (documented: ${listed})`];
  }
  if (!mediaTypes.includes(type.essence)) return [`the Content-Type names another media type (documented: ${listed})`];
  const { charset } = type;
  return charset === undefined || UTF8.has(charset) ? [] : [`the Content-Type ${type.essence} declares a charset other than UTF-8; JSON must be UTF-8`];
}

/**
 * Requests sent with the Content-Type OneAccess documents (`application/json;charset=utf8`, its spelling of UTF-8)
 * are not refused for it (415), and documented answers say they are JSON: `application/json`, with no charset or a
 * UTF-8 one (`utf-8` or `utf8`, any case); other parameters are allowed.
 */
export const contentTypeConformance: Check = {
  name: "content_type_conformance",
  passes: `every documented answer had a documented Content-Type and no request sent as ${CONTENT_TYPE} was refused for it`,
  applies: () => true,
  judge(probe, answer) {
    if (answer.status === 415 && probe.headers["Content-Type"] === CONTENT_TYPE && probe.body !== undefined) {
      return [`${probe.name}: refused the documented request Content-Type ${CONTENT_TYPE} with HTTP 415`];
    }
    const response = documented(probe, answer.status);
    if (!response) return undocumentedSkip(answer.status);
    // An answer documented without a body (sms/send's 200) has no media type to keep.
    if (response.mediaTypes.length === 0) return [];
    return responseContentType(answer.headers.get("content-type"), response.mediaTypes).map((p) => `${probe.name}: HTTP ${answer.status}: ${p}`);
  },
};
