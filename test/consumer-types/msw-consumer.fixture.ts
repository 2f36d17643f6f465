// Type-checked by test/consumer-types/msw-types.test.ts (TypeScript 5.9 and tsgo, module nodenext) against the packed package
// with msw 2 installed, twice: in an ES module project and in a CommonJS one ("type": "commonjs"), where every import
// below is a require() and resolves to the package's and msw's CommonJS declarations. No top-level await: the same
// file must compile as CommonJS.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createLoginClient, type LoginResult } from "oneaccess-sms-login";
import { checkServer, CHECKS, type CheckReport } from "oneaccess-sms-login/check";
import { startMock, type RunningMock } from "oneaccess-sms-login/mock";
import { createMockFetch, type Scenario } from "oneaccess-sms-login/testing";
import { createHandlers, handlers } from "oneaccess-sms-login/testing/msw";

// The README's MSW example: the package's handlers go to the consumer's own msw, beside the consumer's handlers.
const server = setupServer(...handlers, http.get("https://app.example.test/health", () => HttpResponse.json({ ok: true })));
server.use(...createHandlers({ scenario: "mfaAuth" }));
server.resetHandlers(...createHandlers());

const scenario: Scenario = "mfaAuth";
const client = createLoginClient({
  baseUrl: "https://tenant.example.test",
  clientId: "c",
  device: { osVersion: "a", fingerprint: "b", agent: "c" },
  fetch: createMockFetch({ scenario }),
});
export const login = (): Promise<LoginResult> => client.login({ mobile: "12345678901", verify_code: "232326" });
export const check = (mock: RunningMock): Promise<CheckReport> => checkServer({ upstream: mock.url, maxRequests: CHECKS.length });
export const start = (): Promise<RunningMock> => startMock({ port: 0 });

// If an entry's types were missing or `any`, these directives would be unused and compilation would fail.
// @ts-expect-error -- verify_code is required
void client.login({ mobile: "12345678901" });
// @ts-expect-error -- upstream is required
void checkServer({});
// @ts-expect-error -- port is a number
void startMock({ port: "4010" });
// @ts-expect-error -- not an example name of the spec
void createHandlers({ scenario: "noSuchExample" });
server.listen({ onUnhandledRequest: "error" });
server.close();
