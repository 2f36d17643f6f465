// Adversarial probes against docs/testing.md's promises for createMockFetch's accounts.
import { describe, expect, test } from "vitest";
import { createLoginClient } from "../../src/index.js";
import { createMockFetch } from "../../src/testing/index.js";

const clientOf = (fetch: ReturnType<typeof createMockFetch>) =>
  createLoginClient({ baseUrl: "https://tenant.example.test", clientId: "c", device: { osVersion: "o", fingerprint: "f", agent: "a" }, fetch });

describe("adversarial: createMockFetch accounts (docs/testing.md)", () => {
  test("'Numbers match by their digits' (separators `( ) - .`): a (0) trunk digit after a hyphen or dot, as after a space", async () => {
    // "(+86) (0)138 0000 0001" is one of the page's own examples and matches, as does "+86 (0)138-0000-0001"; the same
    // number with "-" or "." before "(0)" is no listed number's (the trunk digit is kept only after a space).
    for (const mobile of ["(+86) (0)138 0000 0001", "+86 (0)138-0000-0001", "+86-(0)138-0000-0001", "0086-(0)138-0000-0001", "+86.(0)138.0000.0001"]) {
      const result = await clientOf(createMockFetch({ accounts: { "13800000001": "111111" } })).login({ mobile, verify_code: "111111" });
      expect({ mobile, ok: result.ok }).toEqual({ mobile, ok: true });
    }
  });
});
