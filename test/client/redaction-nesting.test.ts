import { describe, expect, test } from "vitest";
import type { LoginResult } from "../../src/index.js";
import { clientWith, json } from "../helpers/client.js";

/** The message of the ApiError a server's error_msg echo produces for these credentials. */
async function echoed(credentials: { mobile: string; verify_code: string }, errorMsg: string): Promise<string> {
  const { client } = clientWith(() => json(400, { error_code: "USER.0038", error_msg: errorMsg }));
  const result: LoginResult = await client.login(credentials);
  if (result.ok) throw new Error("expected a failure");
  return (result.error as { errorMsg: string }).errorMsg;
}

/** The failure a fetch that throws `thrown` produces for these credentials. */
async function thrownBy(credentials: { mobile: string; verify_code: string }, thrown: unknown) {
  const { client } = clientWith(() => Promise.reject(thrown));
  const result = await client.login(credentials);
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}

describe("redaction of the call's secrets", () => {
  test("a secret inside another is removed whole, whichever is given first", async () => {
    expect(await echoed({ mobile: "1234", verify_code: "123456" }, "code 123456 for 1234")).toBe("code [REDACTED] for [REDACTED]");
    expect(await echoed({ mobile: "123456", verify_code: "1234" }, "code 1234 for 123456")).toBe("code [REDACTED] for [REDACTED]");
  });

  test("every occurrence is replaced", async () => {
    expect(await echoed({ mobile: "13912345678", verify_code: "918273" }, "918273 918273 13912345678")).toBe("[REDACTED] [REDACTED] [REDACTED]");
  });

  test("a formatted number is also redacted in its digit-only form", async () => {
    expect(await echoed({ mobile: "139-1234-5678", verify_code: "918273" }, "unknown 13912345678 and 139-1234-5678")).toBe(
      "unknown [REDACTED] and [REDACTED]",
    );
  });

  test("values of four characters are secrets; shorter ones are left alone, so messages keep their digits", async () => {
    expect(await echoed({ mobile: "13912345678", verify_code: "4321" }, "code 4321 rejected")).toBe("code [REDACTED] rejected");
    expect(await echoed({ mobile: "13912345678", verify_code: "321" }, "code 321 rejected, 3 tries left")).toBe("code 321 rejected, 3 tries left");
  });

  test("the code and error_code are redacted too", async () => {
    const { client } = clientWith(() => json(400, { error_code: "E918273", error_msg: "x" }));
    const result = await client.login({ mobile: "13912345678", verify_code: "918273" });
    expect(result).toMatchObject({ ok: false, error: { code: "E[REDACTED]" } });
  });

  test("an HttpError's error_code is redacted", async () => {
    const { client } = clientWith(() => json(502, { error_code: "GW-13912345678" }));
    const result = await client.login({ mobile: "13912345678", verify_code: "918273" });
    expect(result).toMatchObject({ ok: false, error: { kind: "http", code: "GW-[REDACTED]" } });
  });
});

describe("a network failure's cause", () => {
  const credentials = { mobile: "13912345678", verify_code: "918273" };

  test("is the original error when it shows no secret", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const error = await thrownBy(credentials, cause);
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/^Request failed \(fetch failed: connect ECONNREFUSED\)/);
  });

  test("is a redacted stand-in of the same name when its message shows a secret", async () => {
    const error = await thrownBy(credentials, new TypeError("bad body 918273"));
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "bad body [REDACTED]" });
    expect(error.message).toMatch(/^Request failed \(bad body \[REDACTED\]\)/);
  });

  test("is a redacted stand-in when only its inner cause shows a secret", async () => {
    const error = await thrownBy(credentials, new TypeError("fetch failed", { cause: new Error("echo 13912345678") }));
    expect(error.cause).toMatchObject({ name: "TypeError", message: "fetch failed: echo [REDACTED]" });
    expect(String((error.cause as Error).cause ?? "")).not.toContain("13912345678");
  });

  test("an inner cause that is not an Error adds nothing to the reason", async () => {
    const error = await thrownBy(credentials, new TypeError("fetch failed", { cause: "just text" }));
    expect(error.message).toMatch(/^Request failed \(fetch failed\)/);
  });

  test("a thrown non-Error becomes an Error named Error", async () => {
    const error = await thrownBy(credentials, `thrown 918273`);
    expect(error.cause).toMatchObject({ name: "Error", message: "thrown [REDACTED]" });
  });
});
