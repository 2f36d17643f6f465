import { CONTENT_TYPE } from "../../client/constants.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

// RFC 9110 section 8.3.1: type "/" subtype, then parameters "; name=value" (a token or a quoted string).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const PARAMETER = `(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")`;
const MEDIA_TYPE = new RegExp(`^(${TOKEN}/${TOKEN})((?:[ \\t]*;[ \\t]*${PARAMETER})*)[ \\t]*$`);

/** JSON is UTF-8 (RFC 8259); OneAccess spells it `utf8`, as in the Content-Type it documents for requests. */
const UTF8 = new Set(["utf-8", "utf8"]);

/** Problems with a response's Content-Type against the documented media types. */
function responseContentType(value: string | null, mediaTypes: readonly string[]): string[] {
  const listed = mediaTypes.join(", ");
  if (value === null) return [`missing Content-Type (documented: ${listed})`];
  const match = MEDIA_TYPE.exec(value);
  if (!match) return [`malformed media type "${value}" (documented: ${listed})`];
  if (!mediaTypes.includes(match[1]!.toLowerCase())) return [`undocumented Content-Type "${value}" (documented: ${listed})`];
  const charset = [...match[2]!.matchAll(new RegExp(PARAMETER, "g"))].find(([, name]) => name!.toLowerCase() == "charset")?.[2];
  const name = charset?.replace(/^"|"$/g, "").toLowerCase();
  return name === undefined || UTF8.has(name) ? [] : [`Content-Type "${value}" declares charset ${name}; JSON must be UTF-8`];
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
    if (answer.status === 415 && probe.headers["Content-Type"] === CONTENT_TYPE) {
      return [`${probe.name}: refused the documented request Content-Type ${CONTENT_TYPE} with HTTP 415`];
    }
    const response = documented(answer.status);
    if (!response) return undocumentedSkip(answer.status);
    return responseContentType(answer.headers.get("content-type"), response.mediaTypes).map((p) => `${probe.name}: HTTP ${answer.status}: ${p}`);
  },
};
