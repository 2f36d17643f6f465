// The mock's log lines drop the value of every field and header the spec marks x-secret, for every operation: the
// list comes from the spec (generated/requests.ts), so a secret added to the contract is redacted with no code change.
import { describe, expect, test } from "vitest";
import spec from "../../generated/openapi.json" with { type: "json" };
import { withoutSecrets } from "../../src/mock/log-secrets.js";

/** Every property and parameter name the bundled spec marks x-secret, found by walking the document itself. */
function markedInSpec(): string[] {
  const deref = (node: any): any => (typeof node?.$ref == "string" ? deref(node.$ref.slice(2).split("/").reduce((n: any, k: string) => n[k], spec)) : node);
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node != "object" || node === null) return;
    const record = node as Record<string, any>;
    if (record["x-secret"] === true && typeof record["in"] == "string") names.add(record["name"]);
    if (typeof record["properties"] == "object") {
      for (const [name, sub] of Object.entries<any>(record["properties"])) if (sub["x-secret"] === true || deref(sub)?.["x-secret"] === true) names.add(name);
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(spec);
  return [...names];
}

const VALUE = "Zq7secretvalue42";

describe("the mock's log redaction", () => {
  const names = markedInSpec();

  test("knows the journey's and the tenant's secrets", () => {
    expect(names).toEqual(expect.arrayContaining(["captcha_token", "state_token", "X-state-token", "old_password", "new_password", "client_secret", "access_token", "sso_ticket", "verify_code", "session_token"]));
  });

  test.each(names)("drops the value of %s in a JSON body", (name) => {
    const line = `< Body: {"other":"kept","${name}": "${VALUE}", "n": 1}`;
    const out = withoutSecrets(line);
    expect(out).not.toContain(VALUE);
    expect(out).toContain(`"${name}"`);
    expect(out).toContain('"other":"kept"');
  });

  test.each(names)("drops the value of %s in a form body", (name) => {
    const out = withoutSecrets(`grant_type=client_credentials&${name}=${VALUE}&scope=all`);
    expect(out).not.toContain(VALUE);
    expect(out).toContain("grant_type=client_credentials");
  });

  test("drops an Authorization header's Bearer token (the tenant's security scheme is x-secret)", () => {
    const out = withoutSecrets(`{"headers":{"authorization":"Bearer ${VALUE}","x-agent":"a"}}`);
    expect(out).not.toContain(VALUE);
    expect(out).toContain('"x-agent":"a"');
  });

  test("keeps fields the spec does not mark", () => {
    expect(withoutSecrets('{"status":"SUCCESS","expire":604800}')).toBe('{"status":"SUCCESS","expire":604800}');
  });
});
