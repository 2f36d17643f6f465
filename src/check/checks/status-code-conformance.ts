import { documented, documentedStatuses, type Check } from "./check.js";

/** Every status is one the spec documents for the probe's operation (no operation has a `default` response). */
export const statusCodeConformance: Check = {
  name: "status_code_conformance",
  passes: "every status was documented for its operation",
  applies: () => true,
  judge: (probe, answer) =>
    documented(probe, answer.status) ? [] : [`${probe.name}: undocumented HTTP status ${answer.status} (documented: ${documentedStatuses(probe)})`],
};
