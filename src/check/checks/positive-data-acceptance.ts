import { bodyFacts, type Check } from "./check.js";

// Schemathesis's default expected statuses for valid input besides 2xx: credentials, missing resources, conflicts,
// rate limits and downstream failures are not a refusal of the data's shape.
const ACCEPTANCES = [401, 403, 404, 409, 429];

/**
 * Each request keeping the contract is accepted. OneAccess answers wrong credentials, codes, tokens and captcha
 * answers with a 400, so a 400 only counts against the server when the request carried the user's own values
 * (ONEACCESS_MOBILE and ONEACCESS_VERIFY_CODE with --spend-code, the captcha token with --send-sms, the application's
 * credentials); to the API pages' samples it cannot be judged.
 */
export const positiveDataAcceptance: Check = {
  name: "positive_data_acceptance",
  passes: "every request keeping the contract was accepted",
  applies: (probe) => probe.kind === "positive",
  judge(probe, answer, { realValuesHint }) {
    const { status } = answer;
    if ((status >= 200 && status < 300) || ACCEPTANCES.includes(status) || status >= 500) return [];
    if (status === 400 && !probe.real) return { skip: `the API pages' sample values were sent and a real tenant rejects them with a 400: ${realValuesHint(probe)}` };
    return [`${probe.name}: rejected a request keeping the contract with HTTP ${status} ${bodyFacts(answer)} (expected 2xx, ${ACCEPTANCES.join(", ")} or 500 or more)`];
  },
};
