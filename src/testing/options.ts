import type { examples } from "../../generated/examples.js";

/** A named response example of the spec: a 200 login result or a 400 error, as Prism's `Prefer: example=NAME` names it. */
export type Scenario = keyof (typeof examples)["200"] | keyof (typeof examples)["400"];

/** Options of {@link createMockFetch} and `createHandlers` (oneaccess-sms-login/testing/msw). */
export interface LoginMockOptions {
  /**
   * The example valid requests get (default: the spec's first 200 example, as Prism). A 400 example is also what
   * invalid requests get, as with Prism's `Prefer: code=400, example=NAME`. A request's own `Prefer` header wins.
   */
  scenario?: Scenario;
  /**
   * Stateful logins: mobile number -> its valid verify_code. The right code gets the 200 example (the scenario's,
   * or the first); a wrong code, or any code for a number not listed, gets 400 LOGIN.0002 "Invalid account name or
   * password. Remaining attempts: N." with N one lower each time. At 0 every code, the right one too, keeps getting
   * LOGIN.0002 with 0: the public docs name no lockout code, so none is invented. A successful login restores the
   * attempts. The count lives in the mock: create a new one per test. Numbers match by their digits, a +86 or 0086
   * prefix dropped: "+86 138-0000-0001", "(+86) (0)138 0000 0001", fullwidth "１３８０００００００１" and "13800000001"
   * are one account (two keys that are one number throw). A plain object; each key a phone number (digits, spaces,
   * ( ) - . and a leading + or 00), else a TypeError; a request's mobile written otherwise is no listed number's.
   */
  accounts?: Readonly<Record<string, string>>;
  /** Wrong codes allowed per number before it is stuck at 0 (default 5; a safe integer). */
  attempts?: number;
}
