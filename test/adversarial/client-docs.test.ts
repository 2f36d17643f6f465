// Adversarial probes against docs/client.md's guarantees, with answers a hostile server (or a custom fetch) gives.
import { describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type LoginClientOptions } from "../../src/index.js";
import { clientWith, PAGE } from "../helpers/client.js";

describe("adversarial: client guarantees (docs/client.md)", () => {
  test("'No redirects ... as `location`, the origin it pointed to (never its path or query)': a 302's location", async () => {
    const target = "https://collector.example/steal?mobile=12345678901&code=232326#x";
    const { client } = clientWith(() => new Response(null, { status: 302, headers: { Location: target } }));
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 302 } });
    expect(!result.ok && result.error.kind === "http" && result.error.location).toBe("https://collector.example");
  });

  test("'an HttpError ... `location` (an origin) for a redirect': an answer a custom fetch reached by following one", async () => {
    const { client } = clientWith(() => {
      const answer = new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
      // What fetch's own Response says after following a redirect.
      Object.defineProperties(answer, { redirected: { value: true }, url: { value: "https://collector.example/p/12345678901?c=232326" } });
      return answer;
    });
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http" } });
    expect(!result.ok && result.error.kind === "http" && result.error.location).toBe("https://collector.example");
  });

  test("'Bad options throw a `ConfigError` at once' (README): options whose getters throw", () => {
    // login() turns a throwing getter into an InputError ("A getter that throws is an InputError"); creation lets the
    // caller's own error escape, which may quote anything and is no ConfigError.
    const unreadable: Array<Partial<LoginClientOptions>> = [
      Object.defineProperty({ ...PAGE.options }, "clientId", { get: () => { throw new Error("unreadable clientId"); }, enumerable: true }),
      { ...PAGE.options, device: Object.defineProperty({ ...PAGE.options.device }, "agent", { get: () => { throw new Error("unreadable agent"); }, enumerable: true }) },
      { ...PAGE.options, retry: Object.defineProperty({}, "retries", { get: () => { throw new Error("unreadable retries"); }, enumerable: true }) },
    ];
    for (const options of unreadable) expect(() => createLoginClient(options as LoginClientOptions)).toThrow(ConfigError);
  });
});
