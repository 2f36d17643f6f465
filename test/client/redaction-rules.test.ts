// The redactor's rules, each pinned by what a caller would see leak without it: one secret inside another, a
// country prefix the caller wrote or the server added, short secrets as whole words only.
import { describe, expect, test } from "vitest";
import { REDACTED, type LoginResult } from "../../src/index.js";
import { clientWith, views } from "../helpers/client.js";

/** The result of a login with these credentials when the server answers a 200 breaking the contract, `echo` in it. */
async function echoed(credentials: { mobile: string; verify_code: string }, echo: string): Promise<LoginResult> {
  const body = JSON.stringify({ status: "NOPE", trace: echo });
  const { client } = clientWith(() => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
  return client.login(credentials);
}

describe("redaction rules", () => {
  test("a code that is the start of the mobile number never leaves the number's tail behind", async () => {
    const text = views(await echoed({ mobile: "12345678901", verify_code: "123456" }, "user 12345678901 asked"));
    expect(text).toContain(`user ${REDACTED} asked`);
    expect(text).not.toContain("78901");
  });

  test.each([
    ["+8613912345678", "139 1234 5678"],
    ["008613912345678", "13912345678"],
    ["+86 139 1234 5678", "(0086) 139-1234-5678"],
    ["13912345678", "+86 13912345678"],
    ["13912345678", "0086-139.1234.5678"],
  ])("a mobile given as %j is found when the server writes it %j, prefix and all", async (mobile, echo) => {
    const text = views(await echoed({ mobile, verify_code: "918273" }, `for ${echo} today`));
    expect(text).toMatch(new RegExp(`for \\(?${REDACTED.replace(/[[\]]/g, "\\$&")} today`));
    expect(text).not.toMatch(/1234|5678|0086|\+86/);
  });

  test("a code shorter than 6 characters is redacted as a whole word, not inside other numbers", async () => {
    const text = views(await echoed({ mobile: "13912345678", verify_code: "4242" }, "code 4242 sent at 14242"));
    expect(text).toContain(`code ${REDACTED} sent at 14242`);
  });

  test("a secret of spaces only redacts nothing: the answer's own spacing stays", async () => {
    const text = views(await echoed({ mobile: "13912345678", verify_code: "   " }, "a   b"));
    expect(text).toContain("a   b");
    expect(text).not.toContain(REDACTED);
  });
});
