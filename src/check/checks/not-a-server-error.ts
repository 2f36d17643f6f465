import { bodyFacts, type Check } from "./check.js";

/** No answer is a 5xx, whatever was sent: a server error is never part of the contract. */
export const notAServerError: Check = {
  name: "not_a_server_error",
  passes: "no answer had a status of 500 or more",
  applies: () => true,
  judge: (probe, answer) => (answer.status >= 500 ? [`${probe.name}: server error HTTP ${answer.status} ${bodyFacts(answer)}`] : []),
};
