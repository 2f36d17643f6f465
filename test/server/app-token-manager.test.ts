import { describe, expect, test } from "vitest";
import { AppTokenError, createAppTokenManager, grantFromTokenResponse, isAppTokenError, REFRESH_MARGIN_SECONDS, type TokenGrant } from "../../src/server/index.js";
import { expectNoSecretIn } from "./views.js";

const SECRET = "client-secret-Zq81xYkP";
const TOKEN = (n: number) => `access-token-${n}-9fK2mQ`;

/** A controllable clock and a counting token exchange whose answers the test decides. */
function harness(expiresIn = 1800) {
  let now = 1_700_000_000_000;
  let issued = 0;
  const gates: Array<() => void> = [];
  let hold = false;
  const exchange = async (): Promise<TokenGrant> => {
    issued++;
    const n = issued;
    if (hold) await new Promise<void>((resolve) => gates.push(resolve));
    return { accessToken: TOKEN(n), expiresIn };
  };
  return {
    clock: () => now,
    advance: (seconds: number) => (now += seconds * 1000),
    exchange,
    issued: () => issued,
    hold: () => (hold = true),
    release: () => gates.splice(0).forEach((open) => open()),
  };
}

describe("the application's access token manager", () => {
  test("fetches on first need, not when created", async () => {
    const h = harness();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    expect(h.issued()).toBe(0);
    const token = await manager.token();
    expect(h.issued()).toBe(1);
    expect(token.authorization()).toBe(`Bearer ${TOKEN(1)}`);
  });

  test(`reuses the token until ${REFRESH_MARGIN_SECONDS} s before it expires, then fetches a new one`, async () => {
    const h = harness(1800);
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    await manager.token();
    h.advance(1800 - REFRESH_MARGIN_SECONDS - 1);
    expect((await manager.token()).authorization()).toBe(`Bearer ${TOKEN(1)}`);
    h.advance(1);
    expect((await manager.token()).authorization()).toBe(`Bearer ${TOKEN(2)}`);
    expect(h.issued()).toBe(2);
  });

  test("a token shorter-lived than two margins is renewed at half its lifetime", async () => {
    const h = harness(30);
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    await manager.token();
    h.advance(14);
    await manager.token();
    expect(h.issued()).toBe(1);
    h.advance(1);
    await manager.token();
    expect(h.issued()).toBe(2);
  });

  test("many concurrent callers share one fetch", async () => {
    const h = harness();
    h.hold();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    const waiting = Array.from({ length: 50 }, () => manager.token());
    await new Promise((r) => setTimeout(r, 5));
    h.release();
    const tokens = await Promise.all(waiting);
    expect(h.issued()).toBe(1);
    for (const token of tokens) expect(token.sameAs(tokens[0]!)).toBe(true);
  });

  test("a failed fetch fails every waiting caller with a typed error that quotes nothing, and is not cached", async () => {
    let calls = 0;
    const manager = createAppTokenManager({
      exchange: async () => {
        calls++;
        if (calls === 1) throw new Error(`POST /api/v2/tenant/token client_secret=${SECRET} answered {"access_token":"${TOKEN(0)}"}`);
        return { accessToken: TOKEN(1), expiresIn: 1800 };
      },
    });
    const results = await Promise.allSettled([manager.token(), manager.token(), manager.token()]);
    expect(calls).toBe(1);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(AppTokenError);
      expect(isAppTokenError(error)).toBe(true);
      expect(error.kind).toBe("exchange-failed");
      expect(error.cause).toBeUndefined();
      expectNoSecretIn(error, [SECRET, TOKEN(0)], expect);
    }
    expect((await manager.token()).authorization()).toBe(`Bearer ${TOKEN(1)}`);
  });

  test("an answer without a usable token or lifetime is an invalid-grant error", async () => {
    for (const grant of [{ accessToken: "", expiresIn: 1800 }, { accessToken: TOKEN(1), expiresIn: -1 }, { accessToken: TOKEN(1), expiresIn: Number.NaN }, null]) {
      const manager = createAppTokenManager({ exchange: async () => grant as unknown as TokenGrant });
      const error = await manager.token().catch((e: unknown) => e);
      expect(error, JSON.stringify(grant)).toBeInstanceOf(AppTokenError);
      expect((error as AppTokenError).kind).toBe("invalid-grant");
      expectNoSecretIn(error, [TOKEN(1)], expect);
    }
  });

  test("grantFromTokenResponse reads the page's 200 body and refuses anything else without quoting it", () => {
    expect(grantFromTokenResponse({ access_token: "334******140", token_type: "Bearer", expires_in: 1719, scope: "all" })).toEqual({ accessToken: "334******140", expiresIn: 1719 });
    for (const body of [null, "x", {}, { access_token: TOKEN(3) }, { access_token: TOKEN(3), expires_in: "1800" }, { access_token: 5, expires_in: 1800 }]) {
      let thrown: unknown;
      try {
        grantFromTokenResponse(body);
      } catch (error) {
        thrown = error;
      }
      expect(isAppTokenError(thrown), JSON.stringify(body)).toBe(true);
      expectNoSecretIn(thrown, [TOKEN(3)], expect);
    }
  });

  test("a 401 retires the token, fetches a new one once and runs the call again", async () => {
    const h = harness();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    const seen: string[] = [];
    const answer = await manager.withToken(async (token) => {
      seen.push(token.authorization());
      return { status: seen.length === 1 ? 401 : 200 };
    });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([`Bearer ${TOKEN(1)}`, `Bearer ${TOKEN(2)}`]);
    expect(h.issued()).toBe(2);
  });

  test("a second 401 is returned as the failure, without a third try", async () => {
    const h = harness();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    let calls = 0;
    const answer = await manager.withToken(async () => ({ status: 401, attempt: ++calls }));
    expect(answer).toEqual({ status: 401, attempt: 2 });
    expect(h.issued()).toBe(2);
  });

  test("a 401 whose refresh fails rejects with the typed token error, not the 401", async () => {
    let calls = 0;
    const manager = createAppTokenManager({
      exchange: async () => {
        if (++calls > 1) throw new Error(`client_secret=${SECRET}`);
        return { accessToken: TOKEN(1), expiresIn: 1800 };
      },
    });
    const error = await manager.withToken(async () => ({ status: 401 })).catch((e: unknown) => e);
    expect(isAppTokenError(error) && error.kind).toBe("exchange-failed");
    expectNoSecretIn(error, [SECRET], expect);
  });

  test("many calls that get a 401 with the same token share one refresh", async () => {
    const h = harness();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    const first = await manager.token();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => manager.withToken(async (token) => ({ status: token.sameAs(first) ? 401 : 200 }))),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(h.issued()).toBe(2);
  });

  test("neither the manager nor a token shows the token in any view", async () => {
    const h = harness();
    const manager = createAppTokenManager({ exchange: h.exchange, now: h.clock });
    expectNoSecretIn(manager, [TOKEN(1)], expect);
    const token = await manager.token();
    for (const value of [manager, token, { token }, [token]]) expectNoSecretIn(value, [TOKEN(1)], expect);
    expect(JSON.parse(JSON.stringify(token))).toEqual({ token: "[redacted]", expiresAt: 1_700_000_000_000 + 1_800_000 });
    expect(String(manager)).toBe("[AppTokenManager]");
  });

  test("options it cannot use are a TypeError at creation", () => {
    expect(() => createAppTokenManager({} as never)).toThrow(TypeError);
    expect(() => createAppTokenManager({ exchange: async () => ({ accessToken: "a", expiresIn: 1 }), marginSeconds: -1 })).toThrow(TypeError);
  });
});
