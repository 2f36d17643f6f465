import { DOCUMENTED_STATUSES, documented, type Check } from "./check.js";

/** Every status is one the spec documents for the operation (it has no `default` response). */
export const statusCodeConformance: Check = {
  name: "status_code_conformance",
  passes: `every status was documented (${DOCUMENTED_STATUSES})`,
  applies: () => true,
  judge: (probe, answer) =>
    documented(answer.status) ? [] : [`${probe.name}: undocumented HTTP status ${answer.status} (documented: ${DOCUMENTED_STATUSES})`],
};
