// Adversarial probes against docs/client.md's guarantees, with answers a hostile server (or a custom fetch) gives.
import { describe, expect, test } from "vitest";
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
});
