import { bodyFacts, type Check } from "./check.js";

// Schemathesis's default expected statuses for valid input besides 2xx: credentials, missing resources, conflicts,
// rate limits and downstream failures are not a refusal of the data's shape.
const ACCEPTANCES = [401, 403, 404, 409, 429];

/**
 * The valid login is accepted. OneAccess answers wrong credentials with a 400, so a 400 only counts against the
 * server when real credentials (ONEACCESS_MOBILE, ONEACCESS_VERIFY_CODE) were sent; with the page's sample ones it
 * cannot be judged.
 */
export const positiveDataAcceptance: Check = {
  name: "positive_data_acceptance",
  passes: "the request keeping the contract was accepted",
  applies: (probe) => probe.kind === "positive",
  judge(probe, answer, { realCredentials }) {
    const { status } = answer;
    if ((status >= 200 && status < 300) || ACCEPTANCES.includes(status) || status >= 500) return [];
    if (status === 400 && !realCredentials) {
      return { skip: "the page's sample credentials were sent and a real tenant rejects them with a 400: set ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE to judge acceptance" };
    }
    return [`${probe.name}: rejected a request keeping the contract with HTTP ${status} ${bodyFacts(answer)} (expected 2xx, ${ACCEPTANCES.join(", ")} or 5xx)`];
  },
};
