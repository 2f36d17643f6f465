import { describe, expect, test } from "vitest";
import { createLoginClient } from "../../src/index.js";
import { createMockFetch } from "../../src/testing/index.js";
import { PAGE } from "../helpers/client.js";

const accounts = { "13800000001": "111111", "13800000002": "222222" };
const setup = (attempts?: number) => {
  const client = createLoginClient({ ...PAGE.options, fetch: createMockFetch({ accounts, attempts }) });
  return (mobile: string, verify_code: string) => client.login({ mobile, verify_code });
};
const failure = async (pending: ReturnType<ReturnType<typeof setup>>) => {
  const result = await pending;
  return result.ok ? result.status : { code: result.error.kind === "api" ? result.error.code : result.error.kind, msg: (result.error as { errorMsg?: string }).errorMsg };
};
const remaining = (n: number) => ({ code: "LOGIN.0002", msg: `Invalid account name or password. Remaining attempts: ${n}.` });

describe("stateful scenario: mobile numbers and their codes", () => {
  test("the right code logs in; each wrong one gets LOGIN.0002 with one attempt fewer", async () => {
    const login = setup(3);
    expect(await failure(login("13800000001", "111111"))).toBe("SUCCESS");
    expect(await failure(login("13800000001", "000000"))).toEqual(remaining(2));
    expect(await failure(login("13800000001", "000001"))).toEqual(remaining(1));
    // Numbers count separately.
    expect(await failure(login("13800000002", "000000"))).toEqual(remaining(2));
    expect(await failure(login("13800000001", "111111"))).toBe("SUCCESS");
    // A success restores the attempts.
    expect(await failure(login("13800000001", "000000"))).toEqual(remaining(2));
  });

  test("at 0 every code, the right one too, keeps getting LOGIN.0002 with 0 (no lockout code is invented)", async () => {
    const login = setup(2);
    expect(await failure(login("13800000001", "999999"))).toEqual(remaining(1));
    expect(await failure(login("13800000001", "999999"))).toEqual(remaining(0));
    expect(await failure(login("13800000001", "999999"))).toEqual(remaining(0));
    expect(await failure(login("13800000001", "111111"))).toEqual(remaining(0));
  });

  test("a number not listed never logs in, and the default is 5 attempts", async () => {
    const login = setup();
    expect(await failure(login("13900000000", "111111"))).toEqual(remaining(4));
  });

  test("numbers match by their digits, a +86 or 0086 prefix dropped: one account however it is written", async () => {
    const mockFetch = createMockFetch({ accounts: { "+86 138 0000 0001": "111111" }, attempts: 5 });
    const login = (mobile: string, verify_code: string) => failure(createLoginClient({ ...PAGE.options, fetch: mockFetch }).login({ mobile, verify_code }));
    expect(await login("13800000001", "000000")).toEqual(remaining(4));
    expect(await login("138-0000-0001", "000000")).toEqual(remaining(3));
    expect(await login("+8613800000001", "000000")).toEqual(remaining(2));
    expect(await login("0086 138 0000 0001", "000000")).toEqual(remaining(1));
    expect(await login("138 0000 0001", "111111")).toBe("SUCCESS");
    // Another number is another account.
    expect(await login("13800000002", "111111")).toEqual(remaining(4));
    expect(() => createMockFetch({ accounts: { "13800000001": "1", "138 0000 0001": "2" } })).toThrow(/one mobile number twice/);
  });

  test.each(["(+86) 138 0000 0001", "+86 (0)138 0000 0001", "+ 86 13800000001", "＋８６ １３８ ００００ ０００１", "１３８０００００００１", "0086-(138)-0000-0001", "+86.138.0000.0001", "+86-(0)138-0000-0001", "0086-(0)138-0000-0001", "+86.(0)138.0000.0001", "+86 - (0)138 0000 0001", "+86(0)13800000001"])(
    "%j is the account 13800000001 (written as people and forms write numbers: brackets, a (0) trunk prefix, fullwidth)",
    async (mobile) => {
      const mockFetch = createMockFetch({ accounts: { "13800000001": "111111" } });
      expect(await failure(createLoginClient({ ...PAGE.options, fetch: mockFetch }).login({ mobile, verify_code: "111111" }))).toBe("SUCCESS");
    },
  );

  test("digits alone are the number itself, but for a leading 0086 before more digits", async () => {
    const mockFetch = createMockFetch({ accounts: { "13800000001": "111111", "0086": "222222", "8613800000003": "333333" } });
    const login = (mobile: string, verify_code: string) => failure(createLoginClient({ ...PAGE.options, fetch: mockFetch }).login({ mobile, verify_code }));
    expect(await login("008613800000001", "111111")).toBe("SUCCESS");
    // "0086" with nothing after it is no prefix; 86 without 00 or + is digits of the number.
    expect(await login("0086", "222222")).toBe("SUCCESS");
    expect(await login("8613800000003", "333333")).toBe("SUCCESS");
    expect(await login("13800000003", "333333")).toEqual(remaining(4));
  });

  test("a value that is not a phone number is no account's, however many digits it holds", async () => {
    const mockFetch = createMockFetch({ accounts: { "1": "111111", "13800000001": "111111" } });
    const login = (mobile: string) => failure(createLoginClient({ ...PAGE.options, fetch: mockFetch }).login({ mobile, verify_code: "111111" }));
    expect(await login("user1@example.com")).toEqual(remaining(4));
    expect(await login("tel:13800000001")).toEqual(remaining(4));
    // Without + or 00, a leading 86 is part of the number.
    expect(await login("86 13800000001")).toEqual(remaining(4));
    // A (0) is a trunk prefix only after a country code: elsewhere its 0 is a digit of the number.
    expect(await login("(0)13800000001")).toEqual(remaining(4));
    expect(await login("86-(0)13800000001")).toEqual(remaining(4));
    expect(await login("1")).toBe("SUCCESS");
  });

  test("a key that is not a phone number throws a TypeError that does not quote it", () => {
    for (const key of ["user1@example.com", "abc", "", "+", "__proto__", "constructor", "138 0000 0001 ext 2", "++8613800000001"]) {
      const error = (() => {
        try {
          createMockFetch({ accounts: { [key]: "111111" } });
        } catch (e) {
          return e;
        }
      })();
      expect(error, key).toBeInstanceOf(TypeError);
      expect((error as Error).message, key).toMatch(/accounts lists a key that is not a phone number/);
      if (key.length > 1) expect((error as Error).message, key).not.toContain(key);
    }
    expect(() => createMockFetch({ accounts: JSON.parse('{"__proto__":"111111"}') })).toThrow(/not a phone number/);
  });

  test("accounts must be a plain object, read once", () => {
    expect(() => createMockFetch({ accounts: new Map([["13800000001", "111111"]]) as unknown as Record<string, string> })).toThrow(/accounts must map mobile numbers to verify codes/);
    expect(() => createMockFetch({ accounts: ["111111"] as unknown as Record<string, string> })).toThrow(TypeError);
    expect(() => createMockFetch({ accounts: Object.assign(Object.create(null), { "13800000001": "111111" }) })).not.toThrow();
    let reads = 0;
    const flipping = {
      get "13800000001"() {
        return reads++ === 0 ? "111111" : (5 as unknown as string);
      },
    };
    // A getter that changes its answer is read once: the code checked is the code used.
    expect(() => createMockFetch({ accounts: flipping })).not.toThrow();
    expect(reads).toBe(1);
  });

  test("attempts must be a safe integer, so the count in the message is exact", () => {
    expect(() => createMockFetch({ accounts, attempts: 2 ** 60 })).toThrow(/attempts must be a positive integer/);
    expect(() => createMockFetch({ accounts, attempts: Number.MAX_SAFE_INTEGER })).not.toThrow();
  });

  test("an invalid request is answered 400 without using an attempt", async () => {
    const login = setup(3);
    expect(await failure(login("13800000001", ""))).toEqual({ code: "input", msg: undefined }); // the client refuses it
    const mockFetch = createMockFetch({ accounts, attempts: 3 });
    const bad = await mockFetch(new Request("http://t/api/v2/sdk/login/mobile-verify-code", { method: "POST", body: "{}" }));
    expect(bad.status).toBe(400);
    const client = createLoginClient({ ...PAGE.options, fetch: mockFetch });
    const result = await client.login({ mobile: "13800000001", verify_code: "999999" });
    expect(!result.ok && (result.error as { errorMsg?: string }).errorMsg).toBe(remaining(2).msg);
  });
});
