// The generated operation tables say what the spec says: every operation once, in the browser table or the tenant
// one, with its method, path, headers, answers and the fields the spec marks x-secret. Read from the spec here with
// its own walk, not with the generator's code.
import { describe, expect, test } from "vitest";
import * as browser from "../../generated/operations.js";
import * as tenant from "../../generated/server-operations.js";
import type { OperationDescriptor } from "../../src/client/pipeline/descriptor.js";
import { deref, operations, spec } from "../helpers/spec.js";

const tables = { ...browser, ...tenant } as unknown as Record<string, OperationDescriptor>;
delete (tables as Record<string, unknown>).METHOD_NAMES;

describe.each(operations.map((o) => [o.op.operationId as string, o] as const))("%s", (id, { path, method, op }) => {
  const entry = tables[id]!;
  const parameters = (op.parameters ?? []).map(deref);

  test("is in the browser table exactly when its path is /api/v2/sdk/, with the spec's method and path", () => {
    expect(id in browser).toBe(path.startsWith("/api/v2/sdk/"));
    expect(id in tenant).toBe(!path.startsWith("/api/v2/sdk/"));
    expect([entry.method, entry.path]).toEqual([method.toUpperCase(), path]);
  });

  test("declares the spec's header parameters, the required ones required", () => {
    expect(Object.keys(entry.headers.properties)).toEqual(parameters.map((p: any) => p.name));
    expect(entry.headers.required).toEqual(parameters.filter((p: any) => p.required).map((p: any) => p.name));
  });

  test("its media type is the request body's, and it carries no list of secrets: views need none", () => {
    const media: any = op.requestBody ? Object.values<any>(deref(op.requestBody).content)[0] : undefined;
    expect("secrets" in entry).toBe(false);
    expect(entry.mediaType).toBe(media ? Object.keys(deref(op.requestBody).content)[0] : undefined);
  });

  test("documents the spec's statuses, null for an answer without a body", () => {
    expect(Object.keys(entry.responses)).toEqual(Object.keys(op.responses));
    for (const [status, response] of Object.entries<any>(op.responses)) expect(entry.responses[status] === null).toBe(!deref(response).content);
  });

  test("only sending a code refuses an answered retry", () => {
    expect(entry.retry ?? "answered").toBe(id === "sendSmsVerifyCode" ? "unsent" : "answered");
  });
});

describe("the validator knows what the journey's answers use", () => {
  test("lists of types (nullable), arrays and their items", async () => {
    const { violations } = await import("../../src/contract/validate.js");
    const nullable = { type: ["string", "null"] } as const;
    expect(violations(nullable, null)).toEqual([]);
    expect(violations(nullable, 1)).toEqual(["body must be a string or null"]);
    const list = { type: "array", items: { type: "object", properties: { areaCode: { type: "string" } } } } as const;
    expect(violations(list, [{ areaCode: "86" }])).toEqual([]);
    expect(violations(list, [{ areaCode: "86" }, { areaCode: 86 }])).toEqual(["body[1].areaCode must be a string"]);
    expect(violations(list, {})).toEqual(["body must be an array"]);
  });

  test("each type accepts exactly its own values, alone or in a list", async () => {
    const { violations } = await import("../../src/contract/validate.js");
    const values = { object: {}, string: "s", integer: 1, boolean: true, array: [], null: null } as const;
    const others = [1.5, 10n, Symbol("s"), () => {}, undefined];
    for (const type of Object.keys(values) as (keyof typeof values)[]) {
      for (const [name, value] of Object.entries(values)) {
        expect([type, name, violations({ type }, value).length]).toEqual([type, name, name == type ? 0 : 1]);
        expect([type, name, violations({ type: [type, "null"] }, value).length]).toEqual([type, name, name == type || name == "null" ? 0 : 1]);
      }
      for (const value of others) expect(violations({ type }, value)).toHaveLength(1);
    }
  });
});

describe("request bodies", () => {
  test("the generator refuses a body media type the pipeline cannot send (it sends JSON, or a form)", async () => {
    // @ts-expect-error -- a plain .mjs script without types
    const { operationDescriptors } = await import("../../scripts/lib/operations.mjs");
    // The spec with one more tenant operation whose body has the given media type.
    const withBody = (type: string) => {
      const copy = structuredClone(spec) as any;
      copy.paths["/api/v2/tenant/x"] = { post: { operationId: "x", requestBody: { content: { [type]: { schema: { type: "string" } } } }, responses: {} } };
      return copy;
    };
    const sent = (type: string) => operationDescriptors(withBody(type)).find((d: { id: string }) => d.id == "x").mediaType;
    expect(() => sent("text/plain")).toThrow("the pipeline sends JSON or form bodies only, not text/plain");
    expect(sent("application/json")).toBe("application/json");
    expect(sent("application/x-www-form-urlencoded")).toBe("application/x-www-form-urlencoded");
  });
});
