// oneaccess-sms-login/testing: the contract's mock in the test process, for unit tests. Dependency-free; the MSW
// handlers are in oneaccess-sms-login/testing/msw (msw is an optional peer).
export { createMockFetch } from "./mock-fetch.js";
export { CAPTCHA_ANSWER, createJourney, Journey } from "./journey.js";
export type { MockClock } from "./clock.js";
export type { Outbox, SentCode } from "./outbox.js";
export type { JourneyAccount, JourneyOptions, LoginMockOptions, Scenario } from "./options.js";
export { examples } from "../../generated/examples.js";
