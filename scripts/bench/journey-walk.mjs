// One whole journey through a client, shared by testing-journey.mjs and testing-start.mjs. No imports beyond the
// mock's own: the start time of the journey (testing-start.mjs journey) counts loading this file.
import { CAPTCHA_ANSWER } from "../../dist/src/testing/index.js";

/**
 * One journey through `client`: `codeOf(mobile)` reads the code that was sent. Resolves to undefined when the login
 * answered SUCCESS, else what went wrong (runLoad counts it as a failure).
 */
export async function journey(client, mobile, codeOf) {
  const captcha = await client.getCaptcha();
  if (!captcha.ok) return `captcha: ${captcha.error.kind}`;
  const checked = await client.verifyCaptcha({ point_json: CAPTCHA_ANSWER, token: captcha.body.token, sender: mobile });
  if (!checked.ok) return `captcha check: ${checked.error.kind}`;
  const sent = await client.sendCode({ mobile, type: "LOGIN_SMS", captcha_token: checked.body.captcha_token });
  if (!sent.ok) return `send: ${sent.error.kind}`;
  const login = await client.login({ mobile, verify_code: codeOf(mobile) });
  return login.ok && login.status === "SUCCESS" ? undefined : login.ok ? login.status : `login: ${login.error.kind}`;
}

