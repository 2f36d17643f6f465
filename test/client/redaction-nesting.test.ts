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

  test("values of six characters are secrets anywhere; shorter ones only as whole tokens, so messages keep their digits", async () => {
    const mobile = "13912345678";
    // Digits: six are found inside a longer token, five only standing alone.
    expect(await echoed({ mobile, verify_code: "918273" }, "ref A918273B")).toBe("ref A[REDACTED]B");
    expect(await echoed({ mobile, verify_code: "91827" }, "ref A91827B, code 91827 rejected")).toBe("ref A91827B, code [REDACTED] rejected");
    // Six digits are a number, found however a server spaces them; five are not.
    expect(await echoed({ mobile, verify_code: "918273" }, "code 918-273")).toBe("code [REDACTED]");
    expect(await echoed({ mobile, verify_code: "91827" }, "code 918-27")).toBe("code 918-27");
    // Letters with digits: the same boundary.
    expect(await echoed({ mobile, verify_code: "ab12cd" }, "ref xab12cdx")).toBe("ref x[REDACTED]x");
    expect(await echoed({ mobile, verify_code: "ab12c" }, "ref xab12cx, code ab12c rejected")).toBe("ref xab12cx, code [REDACTED] rejected");
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

  test("is a redacted stand-in of the same name when its message shows a secret", async () => {
    const error = await thrownBy(credentials, new TypeError("bad body 918273"));
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "bad body [REDACTED]" });
    expect(error.message).toMatch(/^Request failed \(bad body \[REDACTED\]\)/);
  });

  // Always a sanitized copy (src/client/cause.ts); the copy of a secret-free chain: failures.test.ts.
  test("is a chain of copies five deep, cut there, so a cycle ends", async () => {
    const chain = (n: number): Error => (n === 0 ? new Error("level 5") : new Error(`level ${5 - n}`, { cause: chain(n - 1) }));
    const levels = (error: unknown) => {
      const out: string[] = [];
      for (let e = error as Error | undefined; e; e = e.cause as Error | undefined) out.push(e.message);
      return out;
    };
    expect(levels((await thrownBy(credentials, chain(5))).cause)).toEqual(["level 0", "level 1", "level 2", "level 3", "level 4"]);
    const cycle = new TypeError("fetch failed");
    cycle.cause = cycle;
    const error = await thrownBy(credentials, cycle);
    expect(levels(error.cause)).toEqual(Array(5).fill("fetch failed"));
    expect(error.message).toMatch(/^Request failed \(fetch failed: fetch failed\)/);
  });

  test("keeps a link's name and a plain string code, redacted; drops any other code", async () => {
    const link = (code: unknown) => Object.assign(new Error("socket"), { name: "Err918273", code });
    const codeOf = async (code: unknown) => ((await thrownBy(credentials, link(code))).cause as { code?: unknown }).code;
    expect((await thrownBy(credentials, link("ECONNRESET"))).cause).toMatchObject({ name: "Err[REDACTED]", message: "socket", code: "ECONNRESET" });
    expect(await codeOf("E918273")).toBe("E[REDACTED]");
    for (const dropped of [5, "E CONN", "", { toString: () => "ECONNRESET" }]) expect(await codeOf(dropped)).toBeUndefined();
  });

  test("an inner cause that is not an Error is kept as its text, redacted, and joins the reason", async () => {
    const error = await thrownBy(credentials, new TypeError("fetch failed", { cause: "echo 13912345678" }));
    expect(error.message).toMatch(/^Request failed \(fetch failed: echo \[REDACTED\]\)/);
    expect((error.cause as Error).cause).toMatchObject({ name: "Error", message: "echo [REDACTED]" });
    expect((error.cause as Error).cause).toBeInstanceOf(Error);
  });

  test("a thrown non-Error becomes an Error named Error", async () => {
    const error = await thrownBy(credentials, `thrown 918273`);
    expect(error.cause).toMatchObject({ name: "Error", message: "thrown [REDACTED]" });
  });
});
