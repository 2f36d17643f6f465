import { describe, expect, test } from "vitest";
import { deref, namedExamples, schemaValidator, spec } from "../helpers/spec.js";
import { requestMedia, responseMedia, TENANT_PATHS, tenantOperation } from "../helpers/tenant.js";

// The tenant operations carry where each claim comes from, and which values are secret, as data.
const PAGE = /^https:\/\/support\.huaweicloud\.com\/(intl\/en-us\/)?api-oneaccess\/[A-Za-z0-9_]+\.(html|md)$/;

const sourced = (node: any, where: string) => {
  const sources = node["x-source"];
  const rule = node["x-package-rule"];
  expect(sources !== undefined || rule !== undefined, `${where} has neither x-source nor x-package-rule`).toBe(true);
  if (sources !== undefined) {
    expect(Array.isArray(sources) && sources.length > 0, where).toBe(true);
    for (const url of sources) expect(url, where).toMatch(PAGE);
  }
  if (rule !== undefined) expect(rule, where).toMatch(/\w{3,}.*\w{3,}/);
};

/** Every schema reachable from a schema, with a readable location. */
function* schemas(node: any, where: string): Generator<[any, string]> {
  const schema = deref(node);
  yield [schema, where];
  for (const [name, sub] of Object.entries<any>(schema.properties ?? {})) yield* schemas(sub, `${where}.${name}`);
}

const bodySchemas = (path: string): Array<[any, string]> => {
  const operation = tenantOperation(path);
  const roots: Array<[any, string]> = [[requestMedia(path)[1].schema, `${path} request`]];
  for (const status of Object.keys(operation.responses)) roots.push([responseMedia(path, status).schema, `${path} ${status}`]);
  return roots.flatMap(([schema, where]) => [...schemas(schema, where)]);
};

/** The names of the properties marked x-secret in a schema tree. */
const secrets = (schema: any): string[] => [...schemas(schema, "")].filter(([s]) => s["x-secret"] === true).map(([, w]) => w.split(".").pop()!);

describe.each(TENANT_PATHS)("POST %s in the contract", (path) => {
  const operation = tenantOperation(path);

  test("is tagged Server side and sourced from OneAccess's API pages", () => {
    expect(operation.tags).toEqual(["Server side"]);
    sourced(operation, path);
    expect(operation["x-source"].length).toBeGreaterThan(0);
    for (const p of operation.parameters ?? []) sourced(deref(p), `${path} ${deref(p).name}`);
  });

  test("every schema and property carries x-source or x-package-rule, every enum value its source", () => {
    for (const [schema, where] of bodySchemas(path)) {
      sourced(schema, where);
      for (const value of schema.enum ?? []) expect(schema["x-enum-sources"]?.[value], `${where} enum ${value}`).toBeDefined();
    }
  });

  test("every named example is valid against its schema and sourced", () => {
    const media = [requestMedia(path)[1], ...Object.keys(operation.responses).map((s) => responseMedia(path, s))];
    for (const m of media) {
      const name = m.schema.$ref.replace("#/components/schemas/", "");
      const valid = schemaValidator(name);
      const examples = namedExamples(m);
      expect(Object.keys(examples).length).toBeGreaterThan(0);
      for (const [exampleName, value] of Object.entries(examples)) {
        expect(valid(value), `${path} ${exampleName}`).toEqual([]);
        sourced(deref(m.examples[exampleName]), `${path} example ${exampleName}`);
      }
    }
  });
});

describe("secrets of the tenant operations are marked x-secret", () => {
  test("the client secret, tokens, tickets and the user's mobile", () => {
    expect(secrets(requestMedia("/api/v2/tenant/token")[1].schema)).toEqual(["client_secret"]);
    expect(secrets(responseMedia("/api/v2/tenant/token", "200").schema).sort()).toEqual(["access_token", "id_token"]);
    expect(secrets(requestMedia("/api/v2/tenant/sso/session-token/sso-ticket")[1].schema)).toEqual(["session_token"]);
    expect(secrets(responseMedia("/api/v2/tenant/sso/session-token/sso-ticket", "200").schema)).toEqual(["sso_ticket"]);
    expect(secrets(requestMedia("/api/v2/tenant/sso/sso-ticket/verify")[1].schema)).toEqual(["sso_ticket"]);
    expect(secrets(responseMedia("/api/v2/tenant/sso/sso-ticket/verify", "200").schema)).toEqual(["mobile"]);
    expect(secrets(requestMedia("/api/v2/tenant/sso/session-token/refresh")[1].schema)).toEqual(["session_token"]);
    expect(secrets(responseMedia("/api/v2/tenant/sso/session-token/refresh", "200").schema).sort()).toEqual(["id_token", "session_token"]);
  });

  test("the Bearer access token is a secret security scheme, required by every tenant call but the token call", () => {
    const scheme = spec.components.securitySchemes.TenantBearer;
    expect(scheme).toMatchObject({ type: "http", scheme: "bearer", "x-secret": true });
    sourced(scheme, "TenantBearer");
    expect(tenantOperation("/api/v2/tenant/token").security).toEqual([]);
    for (const path of TENANT_PATHS.slice(1)) expect(tenantOperation(path).security, path).toEqual([{ TenantBearer: [] }]);
  });
});

describe("media types of the tenant operations", () => {
  test("the token call takes a form; the others the page's literal JSON media type", () => {
    expect(requestMedia("/api/v2/tenant/token")[0]).toBe("application/x-www-form-urlencoded");
    for (const path of TENANT_PATHS.slice(1)) expect(requestMedia(path)[0], path).toBe("application/json;charset=utf8");
  });

  test("the device fingerprint must be the login's (sso-ticket), and the fields the pages require are required", () => {
    const ticket = deref(requestMedia("/api/v2/tenant/sso/session-token/sso-ticket")[1].schema);
    expect(ticket.required).toEqual(["session_token", "operating_sys_version", "device_ip", "device_fingerprint"]);
    expect(ticket.properties.device_fingerprint.description).toMatch(/login/);
    expect(deref(requestMedia("/api/v2/tenant/token")[1].schema).required).toEqual(["grant_type", "client_id", "client_secret"]);
    expect(deref(requestMedia("/api/v2/tenant/sso/sso-ticket/verify")[1].schema).required).toEqual(["sso_ticket", "operating_sys_version", "device_ip", "device_fingerprint"]);
  });
});
