import { violations } from "../../client/validate.js";
import { documented, undocumentedSkip, type Check } from "./check.js";

/**
 * Documented answers carry every required response header, and each documented header that is present matches its
 * schema (today: an optional, non-empty X-Request-Id). Values are never quoted: a server may echo anything there.
 */
export const responseHeadersConformance: Check = {
  name: "response_headers_conformance",
  passes: "every documented answer had the documented headers, each matching its schema",
  applies: () => true,
  judge(probe, answer) {
    const response = documented(answer.status);
    if (!response) return undocumentedSkip(answer.status);
    return Object.entries(response.headers).flatMap(([name, { required, schema }]) => {
      const value = answer.headers.get(name);
      if (value === null) return required ? [`missing required header ${name}`] : [];
      return violations(schema, value, `header ${name}`);
    }).map((p) => `${probe.name}: HTTP ${answer.status}: ${p}`);
  },
};
