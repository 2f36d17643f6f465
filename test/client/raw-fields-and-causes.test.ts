// What the server or a fetch sent stays on raw properties, as sent; the views (message, JSON, inspect, the cause chain)
// show only the package's own words, documented error codes and transport codes that hold no secret (docs/views.md).
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import type { ApiError, HttpError, LoginResult } from "../../src/index.js";
import { clientWith, json, views } from "../helpers/client.js";

const credentials = { mobile: "13912345678", verify_code: "918273" };

/** The failed result a server's 400 with this error_msg gives for these credentials. */
async function refused(creds: { mobile: string; verify_code: string }, errorMsg: string, code = "USER.0038") {
  const { client } = clientWith(() => json(400, { error_code: code, error_msg: errorMsg }));
  const result: LoginResult = await client.login(creds);
  if (result.ok) throw new Error("expected a failure");
  return { result, error: result.error as ApiError };
}

/** The failure a fetch that throws `thrown` produces for these credentials. */
async function thrownBy(thrown: unknown) {
  const { client } = clientWith(() => Promise.reject(thrown));
  const result = await client.login(credentials);
  if (result.ok) throw new Error("expected a failure");
  return { result, error: result.error };
}

describe("error_msg and error_code", () => {
  test.each([
    ["a secret inside another", { mobile: "1234", verify_code: "123456" }, "code 123456 for 1234"],
    ["every occurrence", credentials, "918273 918273 13912345678"],
    ["a formatted number and its digit-only form", { mobile: "139-1234-5678", verify_code: "918273" }, "unknown 13912345678 and 139-1234-5678"],
    ["a code inside a longer token", credentials, "ref A918273B"],
  ])("%s: errorMsg keeps it raw and not enumerable; no view shows any of it", async (_name, creds, errorMsg) => {
    const { result, error } = await refused(creds, errorMsg);
    expect(error.errorMsg).toBe(errorMsg);
    expect(Object.keys(error)).not.toContain("errorMsg");
    expect(views(result)).not.toContain(errorMsg);
    for (const secret of [creds.mobile, creds.verify_code]) expect(views(result)).not.toContain(secret);
  });

  test("an error_code of the documented shape is shown; one holding the code is raw, shown as undocumented", async () => {
    expect((await refused(credentials, "x", "LOGIN.0002")).error).toMatchObject({ code: "LOGIN.0002", message: expect.stringContaining("with LOGIN.0002") });
    const { result, error } = await refused(credentials, "x", "E918273");
    expect(error.code).toBe("E918273");
    expect(error.message).toContain("refused the login with an undocumented error code");
    expect(views(result)).not.toContain("918273");
    // Of the documented shape, but holding 4 digits of the mobile number: a server could spell a secret that way.
    expect((await refused(credentials, "x", "LOGIN.1391")).error.message).toContain("an undocumented error code");
  });

  test("an HttpError's error_code is raw unless documented-shaped and free of secrets", async () => {
    const { client } = clientWith(() => json(502, { error_code: "GW-13912345678" }));
    const result = await client.login(credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", code: "GW-13912345678" } });
    expect(views(result)).not.toContain("13912345678");
    expect(JSON.parse(JSON.stringify((result as { error: HttpError }).error))).not.toHaveProperty("code");
  });
});

describe("a network failure's cause", () => {
  test("is a safe copy: names from a closed list and transport codes only, never a message", async () => {
    const { result, error } = await thrownBy(new TypeError("bad body 918273", { cause: Object.assign(new Error("connect 13912345678"), { code: "ECONNREFUSED" }) }));
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "" });
    expect((error.cause as Error).cause).toMatchObject({ name: "Error", message: "ECONNREFUSED", code: "ECONNREFUSED" });
    expect(error.message).toMatch(/^Request failed \(TypeError < Error ECONNREFUSED\)/);
    expect(views(result)).not.toMatch(/918273|13912345678|bad body|connect/);
  });

  test("is a chain of copies five deep, cut there, so a cycle ends", async () => {
    const chain = (n: number): Error => (n === 0 ? new RangeError("level 5") : new TypeError(`level ${5 - n}`, { cause: chain(n - 1) }));
    const names = (error: unknown) => {
      const out: string[] = [];
      for (let e = error as Error | undefined; e; e = e.cause as Error | undefined) out.push(e.name);
      return out;
    };
    expect(names((await thrownBy(chain(5))).error.cause)).toEqual(Array(5).fill("TypeError"));
    const cycle = new TypeError("fetch failed");
    cycle.cause = cycle;
    const { error } = await thrownBy(cycle);
    expect(names(error.cause)).toEqual(Array(5).fill("TypeError"));
    expect(error.message).toMatch(/^Request failed \(TypeError < TypeError < TypeError < TypeError < TypeError\)/);
  });

  test("keeps a name from the closed list and a code of the transport shape holding no secret; drops the rest", async () => {
    const link = (name: string, code: unknown) => Object.assign(new Error("socket"), { name, code });
    const causeOf = async (name: string, code: unknown) => (await thrownBy(link(name, code))).error.cause as { name: string; code?: unknown };
    expect(await causeOf("SocketError", "UND_ERR_SOCKET")).toMatchObject({ name: "SocketError", code: "UND_ERR_SOCKET", message: "UND_ERR_SOCKET" });
    expect(await causeOf("Err918273", "ECONNRESET")).toMatchObject({ name: "Error", code: "ECONNRESET" });
    for (const dropped of [5, "E918273", "E CONN", "", "econnreset", { toString: () => "ECONNRESET" }]) expect((await causeOf("Error", dropped)).code).toBeUndefined();
  });

  test("an inner cause that is not an Error is a nameless link, and a thrown non-Error an Error", async () => {
    const { result, error } = await thrownBy(new TypeError("fetch failed", { cause: "echo 13912345678" }));
    expect(error.message).toMatch(/^Request failed \(TypeError < Error\)/);
    expect((error.cause as Error).cause).toMatchObject({ name: "Error", message: "" });
    expect(inspect(result, { depth: Infinity })).not.toContain("13912345678");
    expect((await thrownBy("thrown 918273")).error.cause).toMatchObject({ name: "Error", message: "" });
  });
});
