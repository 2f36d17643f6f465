// Echoes that beat the old redactor's rules (one secret inside another, a country prefix the caller wrote or the server
// added, short secrets) now never reach a view at all: server text is not shown, so nothing has to be recognised.
import { describe, expect, test } from "vitest";
import type { ContractViolationError, LoginResult } from "../../src/index.js";
import { clientWith, normalise, views } from "../helpers/client.js";

/** The result of a login with these credentials when the server answers a 200 breaking the contract, `echo` in it. */
async function echoed(credentials: { mobile: string; verify_code: string }, echo: string): Promise<LoginResult> {
  const body = JSON.stringify({ status: "NOPE", trace: echo });
  const { client } = clientWith(() => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
  return client.login(credentials);
}

/** Asserts no view of result shows echo, as written or normalised, and the raw body still has it. */
function hidden(result: LoginResult, echo: string) {
  const text = views(result);
  expect(text).not.toContain(echo);
  expect(normalise(text)).not.toContain(normalise(echo));
  expect(!result.ok && (result.error as ContractViolationError).body).toEqual({ status: "NOPE", trace: echo });
}

describe("echoes the redactor had rules for", () => {
  test("a code that is the start of the mobile number leaves nothing of the number behind", async () => {
    const result = await echoed({ mobile: "12345678901", verify_code: "123456" }, "user 12345678901 asked");
    hidden(result, "user 12345678901 asked");
    expect(views(result)).not.toContain("78901");
  });

  test.each([
    ["+8613912345678", "139 1234 5678"],
    ["008613912345678", "13912345678"],
    ["+86 139 1234 5678", "(0086) 139-1234-5678"],
    ["13912345678", "+86 13912345678"],
    ["13912345678", "0086-139.1234.5678"],
  ])("a mobile given as %j, echoed as %j, shows nowhere", async (mobile, echo) => {
    const result = await echoed({ mobile, verify_code: "918273" }, `for ${echo} today`);
    hidden(result, `for ${echo} today`);
    expect(views(result)).not.toMatch(/1234|5678|0086|\+86/);
  });

  test("a code shorter than 6 characters shows nowhere, and neither does the text around it", async () => {
    hidden(await echoed({ mobile: "13912345678", verify_code: "4242" }, "code 4242 sent at 14242"), "code 4242 sent at 14242");
  });
});
