import type { Check } from "./check.js";

// Schemathesis's default expected statuses for invalid input: any of these (or a 5xx, which not_a_server_error
// reports) counts as a rejection. The contract itself documents 400.
const REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 415, 422, 428, 429];

/** Each request that breaks the contract is rejected, not answered as if it were valid. */
export const negativeDataRejection: Check = {
  name: "negative_data_rejection",
  passes: "every request breaking the contract was rejected",
  applies: (probe) => probe.kind === "negative",
  judge: (probe, answer) =>
    REJECTIONS.includes(answer.status) || answer.status >= 500
      ? []
      : [`${probe.name}: accepted a request breaking the contract with HTTP ${answer.status} (invalid: ${probe.invalid}; expected ${REJECTIONS.join(", ")} or 500 or more)`],
};
