import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isLoginError, type LoginResult } from "../../src/index.js";
import { clientWith, json } from "../helpers/client.js";

// Whatever a JavaScript caller or a server throws at the client, it resolves to a typed result.
type Echo = (mobile: string, code: string) => string;
// Answers of any status that echo the credentials the way a careless server might.
const anyAnswer = fc.record({
  status: fc.oneof(fc.constantFrom(200, 400), fc.integer({ min: 200, max: 599 })),
  render: fc.oneof(
    fc.constant<Echo>((m, c) => `${m}:${c}`),
    fc.constant<Echo>((m, c) => JSON.stringify({ error_code: m, error_msg: `bad ${c} for ${m}` })),
    fc.constant<Echo>((m, c) => JSON.stringify({ status: m, session_token: c })),
    fc.jsonValue().map<Echo>((v) => (m, c) => JSON.stringify([v, m, c])),
  ),
});

// Real numbers and codes: digits only, so a match in an error is a leak, not a word of the message's own text.
const realisticCredentials = fc.record({
  mobile: fc.stringMatching(/^\+?[1-9][0-9]{7,14}$/),
  verify_code: fc.stringMatching(/^[0-9]{4,8}$/).filter((code) => !["200", "400"].some((s) => code.includes(s))),
});

describe("the client never throws, never rejects, and never leaks (fast-check)", () => {
  test("arbitrary credentials and call options end in a result", async () => {
    const { client } = clientWith(() => json(200, { status: "SUCCESS", session_token: "bts******2VO", expire: 604800 }));
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.option(fc.anything()), async (credentials, call) => {
        const result: LoginResult = await client.login(credentials as never, call as never);
        if (!result.ok) expect(isLoginError(result.error)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("arbitrary answers end in a result, and a failure never shows the credentials", async () => {
    await fc.assert(
      fc.asyncProperty(realisticCredentials, anyAnswer, async (credentials, answer) => {
        const text = answer.render(credentials.mobile, credentials.verify_code);
        const { client } = clientWith(() => new Response(text, { status: answer.status }));
        const result = await client.login(credentials);
        if (result.ok) return;
        expect(isLoginError(result.error)).toBe(true);
        const shown = `${result.error.message} ${JSON.stringify(result.error)}`;
        expect(shown).not.toContain(credentials.mobile);
        expect(shown).not.toContain(credentials.verify_code);
      }),
      { numRuns: 300 },
    );
    // 300 logins: seconds on a loaded machine, more than the 4 s mutation runs give a test (vitest.mutate.config.ts);
    // at 4 s it failed Stryker's dry run under load, and counted mutants as killed that had only made it slower.
  }, 60_000);
});
