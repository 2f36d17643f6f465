import { describe, expect, test } from "vitest";
import { examples } from "../../generated/examples.js";
import { ApiError, createLoginClient, LOGIN_PATH } from "../../src/index.js";
import { createMockFetch, type LoginMockOptions, type Scenario } from "../../src/testing/index.js";
import { PAGE } from "../helpers/client.js";
import { violationsHeader } from "../../src/contract/sl-violations.js";

const client = (options?: LoginMockOptions) => createLoginClient({ ...PAGE.options, fetch: createMockFetch(options) });
const login = (mobile: string, verify_code: string, c = client()) => c.login({ mobile, verify_code });

describe("createMockFetch through the client", () => {
  test("answers a valid login with the spec's first 200 example", async () => {
    const result = await login("12345678901", "232326");
    expect(result).toMatchObject({ ok: true, status: "SUCCESS", body: Object.values(examples[200])[0] });
  });

  test.each(Object.keys(examples[200]) as Scenario[])("scenario %s answers that 200 example", async (scenario) => {
    const result = await login("12345678901", "232326", client({ scenario }));
    expect(result.ok && result.body).toEqual(examples[200][scenario as keyof (typeof examples)[200]]);
  });

  test.each(Object.keys(examples[400]) as Scenario[])("scenario %s answers that 400 example as an ApiError", async (scenario) => {
    const result = await login("12345678901", "232326", client({ scenario }));
    const expected = examples[400][scenario as keyof (typeof examples)[400]];
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(ApiError);
    expect(!result.ok && result.error).toMatchObject({ code: expected.error_code, errorMsg: expected.error_msg });
  });

  test("an unknown scenario, bad accounts or attempts fail at creation with a TypeError", () => {
    expect(() => createMockFetch({ scenario: "nope" as Scenario })).toThrow(/unknown scenario "nope": use one of success, /);
    expect(() => createMockFetch({ accounts: { "1": 2 as unknown as string } })).toThrow(TypeError);
    expect(() => createMockFetch({ attempts: 0 })).toThrow(/attempts must be a positive integer/);
    expect(() => createMockFetch(null as unknown as LoginMockOptions)).toThrow(/options must be an object/);
  });
});

describe("createMockFetch on the wire", () => {
  const mockFetch = createMockFetch();
  const post = (headers: Record<string, string>, body?: string) =>
    mockFetch(new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body }));
  const headers = {
    "Content-Type": "application/json;charset=utf8",
    "X-operating-sys-version": "Android 10",
    "X-device-fingerprint": "f",
    "X-agent": "a",
    "X-client-id": "c",
  };

  test("an invalid request gets the first 400 example and sl-violations in Prism's shape, naming fields only", async () => {
    const response = await post(headers, JSON.stringify({ mobile: 12345678901, secret: "232326" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(Object.values(examples[400])[0]);
    const violations = JSON.parse(response.headers.get("sl-violations")!);
    expect(violations).toEqual([
      { location: ["request", "body"], severity: "Error", code: "required", message: "Request body.verify_code is required" },
      { location: ["request", "body"], severity: "Error", code: "type", message: "Request body.mobile must be a string" },
      { location: ["request", "body"], severity: "Error", code: "additionalProperties", message: "Request body has 1 property the contract does not know" },
    ]);
    // A property the contract does not know is counted, never named: its name is the sender's text.
    expect(response.headers.get("sl-violations")).not.toMatch(/secret/);
    expect(response.headers.get("sl-violations")).not.toMatch(/12345678901|232326/);
  });

  test("a field name outside Latin-1 is escaped in sl-violations instead of breaking the header", async () => {
    const response = await post(headers, JSON.stringify({ mobile: "1", verify_code: "2", "ā😀": 1 }));
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(response.headers.get("sl-violations")!)[0].message).toBe("Request body has 1 property the contract does not know");
  });

  test("a Content-Type other than JSON in UTF-8 is a 415 violation", async () => {
    for (const type of ["text/plain", "application/json;charset=latin1", "application/ld+json", "application/json; charset = utf8", "application/json;charset=utf8;charset=latin1"]) {
      const response = await post({ ...headers, "Content-Type": type }, JSON.stringify({ mobile: "1", verify_code: "2" }));
      expect(response.status, type).toBe(400);
      expect(JSON.parse(response.headers.get("sl-violations")!)[0]).toMatchObject({ code: 415 });
    }
  });

  test("a long Content-Type of spaces and separators is answered with the 415 violation (no backtracking hang)", async () => {
    const response = await post({ ...headers, "Content-Type": `application/json${" ; ".repeat(1000)}x="` }, JSON.stringify({ mobile: "1", verify_code: "2" }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.headers.get("sl-violations")!)[0]).toMatchObject({ code: 415 });
  });

  test("an empty optional header breaks its schema (minLength 1)", async () => {
    for (const name of ["X-L", "X-device-ip", "X-tenant-id"]) {
      const response = await post({ ...headers, [name]: "" }, JSON.stringify({ mobile: "1", verify_code: "2" }));
      expect(response.status, name).toBe(400);
      expect(response.headers.get("sl-violations"), name).toContain(`${name} must not be empty`);
    }
  });

  test("many unknown fields are one violation counting them, not one per field", async () => {
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`extra_key_${i}`, 1]));
    const response = await post(headers, JSON.stringify({ mobile: "1", verify_code: "2", ...extra }));
    const list = JSON.parse(response.headers.get("sl-violations")!) as Array<{ code: string; message: string }>;
    expect(list).toEqual([expect.objectContaining({ code: "additionalProperties", message: "Request body has 300 properties the contract does not know" })]);
  });

  test("many violations: sl-violations stays JSON under 8 KiB, the first ones and a count of the rest", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ location: ["request", "body"], severity: "Error", code: "x", message: `violation number ${i}` }));
    const header = violationsHeader(many);
    expect(header.length).toBeLessThanOrEqual(8 * 1024 - 100);
    const list = JSON.parse(header) as Array<{ code: string; message: string }>;
    expect(list[0]!.message).toBe("violation number 0");
    const note = list.at(-1)!;
    expect(note).toMatchObject({ code: "truncated", severity: "Information" });
    expect(Number(/^(\d+) more violations left out/.exec(note.message)?.[1]) + list.length - 1).toBe(300);
  });

  test("a huge field name is not repeated in its violation", async () => {
    const response = await post(headers, JSON.stringify({ mobile: "1", verify_code: "2", ["k".repeat(10_000)]: 1 }));
    const list = JSON.parse(response.headers.get("sl-violations")!) as Array<{ message: string }>;
    expect(list).toEqual([expect.objectContaining({ message: "Request body has 1 property the contract does not know" })]);
  });

  test("a long message is cut in sl-violations, so the violation still fits", () => {
    const list = JSON.parse(violationsHeader([{ location: ["request"], severity: "Error", message: "k".repeat(10_000) }])) as Array<{ message: string }>;
    expect(list[0]!.message).toMatch(/^k+…$/);
    expect(list[0]!.message.length).toBe(200);
  });

  test("a body over the 10 MiB limit gets the documented 400 and says why, as from the Prism mock", async () => {
    for (const body of [`{${" ".repeat(11 * 2 ** 20)}"mobile":"1","verify_code":"2"}`, `{"mobile":"1","verify_code":"${"x".repeat(20e6)}"}`]) {
      const response = await post(headers, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(Object.values(examples[400])[0]);
      expect(JSON.parse(response.headers.get("sl-violations")!)).toEqual([expect.objectContaining({ code: "too-large", message: expect.stringMatching(/larger than the mock's limit of 10 MiB/) })]);
    }
  });

  test("a body that is not UTF-8 is invalid JSON", async () => {
    const response = await mockFetch(new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: new Uint8Array([0x7b, 0xff, 0x7d]) }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.headers.get("sl-violations")!)[0]).toMatchObject({ code: "invalid_json" });
  });

  test("another path gets 404 and another method 405, as from Prism", async () => {
    expect((await mockFetch(new Request("http://mock.test/elsewhere", { method: "POST" }))).status).toBe(404);
    expect((await mockFetch(new Request(`http://mock.test${LOGIN_PATH}`))).status).toBe(405);
  });

  test("a signal that is not an AbortSignal is a clear TypeError, as from fetch", async () => {
    const request = new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: "{}" });
    const rejection = await mockFetch(request, { signal: {} as AbortSignal }).catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(TypeError);
    expect((rejection as Error).message).toMatch(/signal/i);
    expect((rejection as Error).message).not.toMatch(/throwIfAborted/);
  });

  test("a request whose body was already read is fetch's own TypeError", async () => {
    const request = new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: "{}" });
    await request.text();
    await expect(mockFetch(request)).rejects.toThrow(/Body is unusable/);
  });

  test("the client's call shape (request, { signal, redirect }) is answered; a redirect mode fetch refuses is its TypeError", async () => {
    const request = () => new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: "{}" });
    const signal = new AbortController().signal;
    for (const redirect of ["manual", "follow", "error"] as const) expect((await mockFetch(request(), { signal, redirect })).status).toBe(400);
    await expect(mockFetch(request(), { signal, redirect: "bogus" as RequestRedirect })).rejects.toThrow(TypeError);
    await expect(mockFetch(request(), { signal: AbortSignal.abort(), redirect: "manual" })).rejects.toMatchObject({ name: "AbortError" });
  });

  test("a Request's own aborted signal rejects as fetch(request) does, also in the client's call shape", async () => {
    const request = () => new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: "{}", signal: AbortSignal.abort() });
    await expect(mockFetch(request())).rejects.toMatchObject({ name: "AbortError" });
    await expect(mockFetch(request(), { redirect: "manual" })).rejects.toMatchObject({ name: "AbortError" });
    await expect(mockFetch(request(), { signal: undefined, redirect: "manual" })).rejects.toMatchObject({ name: "AbortError" });
    // As with fetch, an init signal (or null for none) replaces the Request's own.
    expect((await mockFetch(request(), { signal: null })).status).toBe(400);
    expect((await mockFetch(request(), { signal: new AbortController().signal, redirect: "manual" })).status).toBe(400);
  });

  describe("an abort while the request body is read rejects with the signal's reason, as fetch does, and cancels the body (the Fetch standard's abort steps)", () => {
    /** A body that sends its first chunk, then never ends; `reading` resolves when the mock asks for more. */
    const endless = () => {
      let asked!: () => void;
      const reading = new Promise<void>((resolve) => (asked = resolve));
      const cancelled: unknown[] = [];
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulls++ === 0) return controller.enqueue(new TextEncoder().encode('{"mobile":'));
          asked();
          return new Promise<void>(() => {});
        },
        cancel: (reason) => void cancelled.push(reason),
      });
      return { body, reading, cancelled };
    };
    const url = `http://mock.test${LOGIN_PATH}`;
    const forms = {
      "fetch(url, { body, signal })": (body: ReadableStream, signal: AbortSignal) => (mockFetch as typeof fetch)(url, { method: "POST", headers, body, signal, duplex: "half" } as RequestInit),
      "fetch(request, { signal, redirect }) (the client's)": (body: ReadableStream, signal: AbortSignal) =>
        mockFetch(new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit), { signal, redirect: "manual" }),
      "fetch(request with its own signal)": (body: ReadableStream, signal: AbortSignal) => mockFetch(new Request(url, { method: "POST", headers, body, signal, duplex: "half" } as RequestInit)),
    };

    test.each(Object.entries(forms))("%s", async (_, send) => {
      const { body, reading, cancelled } = endless();
      const controller = new AbortController();
      const answer = send(body, controller.signal);
      await reading;
      controller.abort();
      await expect(answer).rejects.toMatchObject({ name: "AbortError" });
      expect(cancelled).toHaveLength(1);
      const reason = new Error("stopped by the test");
      const again = endless();
      const other = new AbortController();
      const second = send(again.body, other.signal);
      await again.reading;
      other.abort(reason);
      await expect(second).rejects.toBe(reason);
      expect(again.cancelled).toEqual([reason]);
    });

    test("a body that ends after the abort still gets the rejection, not an answer", async () => {
      const controller = new AbortController();
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(stream) {
          // The abort comes between two chunks of a body that would be a valid login.
          if (pulls++ === 0) return stream.enqueue(new TextEncoder().encode('{"mobile":"1",'));
          controller.abort();
          try {
            stream.enqueue(new TextEncoder().encode('"verify_code":"2"}'));
            stream.close();
          } catch {
            // Already cancelled by the abort.
          }
        },
      });
      await expect(forms["fetch(request with its own signal)"](body, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
    });
  });

  test("an aborted signal rejects as fetch does", async () => {
    const signal = AbortSignal.abort();
    await expect(mockFetch(new Request(`http://mock.test${LOGIN_PATH}`, { method: "POST", headers, body: "{}" }), { signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});
