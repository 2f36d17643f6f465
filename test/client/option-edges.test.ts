// Edges of createLoginClient's options: which hosts count as loopback for plain http, the port-0 message, and a
// ConfigError naming several header problems at once. Each case is one a mutation test left alive: it fails on it.
import { describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type LoginClientOptions } from "../../src/index.js";
import { PAGE } from "../helpers/client.js";

const create = (overrides: Partial<LoginClientOptions> & Record<string, unknown>) => () =>
  createLoginClient({ ...PAGE.options, fetch: async () => new Response(null), ...overrides } as LoginClientOptions);

describe("base URL", () => {
  test.each(["http://notlocalhost", "http://evil-localhost:8080", "http://a.127.0.0.1.example", "http://mylocalhost:3000"])(
    "plain http to %s is refused: a host that only ends like a loopback one is not loopback",
    (baseUrl) => {
      expect(create({ baseUrl })).toThrow(ConfigError);
      expect(create({ baseUrl })).toThrow("baseUrl must be https unless its host is loopback (or set allowInsecureHttp: true)");
    },
  );

  test.each(["http://localhost:8080", "http://127.0.0.1", "http://[::1]:3000"])("plain http to loopback %s is allowed", (baseUrl) => {
    expect(create({ baseUrl })).not.toThrow();
  });

  test("port 0 is refused with its own message", () => {
    expect(create({ baseUrl: "https://tenant.example.test:0" })).toThrow("the port must not be 0");
  });
});

describe("the client's own headers", () => {
  test("several problems are named in one ConfigError, separated by '; '", () => {
    const device = { ...PAGE.options.device, osVersion: "", fingerprint: "" };
    let error: unknown;
    try {
      create({ device })();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("X-operating-sys-version");
    expect(message).toContain("X-device-fingerprint");
    expect(message).toMatch(/X-operating-sys-version[^;]*; [^;]*X-device-fingerprint/);
  });
});
