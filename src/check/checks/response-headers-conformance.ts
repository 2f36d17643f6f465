import { violations } from "../../contract/validate.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

/**
 * Documented answers carry every required response header, and each documented header that is present matches its
 * schema (today: an optional, non-empty X-Request-Id, non-empty in each of its field lines too). Values are never
 * quoted: a server may echo anything there.
 */
export const responseHeadersConformance: Check = {
  name: "response_headers_conformance",
  passes: "every documented answer had the documented headers, each matching its schema",
  applies: () => true,
  judge(probe, answer) {
    const response = documented(probe, answer.status);
    if (!response) return undocumentedSkip(answer.status);
    return Object.entries(response.headers).flatMap(([name, { required, schema }]) => {
      const value = answer.headers.get(name);
      if (value === null) return required ? [`missing required header ${name}`] : [];
      const problems = violations(schema, value, `header ${name}`);
      // fetch joins repeated field lines with ", ": an empty one ("X-Request-Id:" then "X-Request-Id: abc") only
      // shows as an empty element, and the joined value would pass.
      if (problems.length === 0 && schema.minLength && value.split(",").some((element) => element.trim() === "")) {
        return [`header ${name} has an empty value among its values (sent more than once, once empty?)`];
      }
      return problems;
    }).map((p) => `${probe.name}: HTTP ${answer.status}: ${p}`);
  },
};
