// Type-checked by test/package/packed.test.ts (TypeScript 5.9 and tsgo, module nodenext) in a fresh project that
// installed the packed tarball: a CommonJS TypeScript consumer sees the same types as an ES module one.
import { createLoginClient, type LoginResult } from "oneaccess-sms-login";
import { checkServer } from "oneaccess-sms-login/check";
import { startMock, type RunningMock } from "oneaccess-sms-login/mock";
import { createServerClient } from "oneaccess-sms-login/server";

const client = createLoginClient({ baseUrl: "http://127.0.0.1:1", clientId: "c", device: { osVersion: "a", fingerprint: "b", agent: "c" } });
// If the require-side types were missing or `any`, these directives would be unused and compilation would fail.
// @ts-expect-error -- verify_code is required
void client.login({ mobile: "12345678901" });
// @ts-expect-error -- port is a number
void startMock({ port: "4010" });
// @ts-expect-error -- upstream is required
void checkServer({});
// @ts-expect-error -- the device fields are required
void (() => createServerClient({ baseUrl: "https://t.example", clientId: "c", clientSecret: "s" }).exchangeSessionToken({ session_token: "t" }));

export async function login(): Promise<LoginResult> {
  const mock: RunningMock = await startMock();
  try {
    return await createLoginClient({ baseUrl: mock.url, clientId: "c", device: { osVersion: "a", fingerprint: "b", agent: "c" } }).login({ mobile: "1", verify_code: "2" });
  } finally {
    await mock.stop();
  }
}
