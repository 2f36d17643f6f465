import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { reduceSchema } from "../../scripts/lib/schemas.mjs";
import { schemas } from "../../generated/schemas.js";
import { violations } from "../../src/contract/validate.js";
import { repoPath } from "../helpers/spec.js";

describe("generated/ drift check", () => {
  let work: string;
  const check = () => spawnSync(process.execPath, ["scripts/generate.mjs", "--check"], { cwd: work, encoding: "utf8" });

  beforeAll(() => {
    // A scratch copy of what generation reads, so the test can change the spec without touching the repo.
    work = mkdtempSync(join(tmpdir(), "oa-drift-"));
    for (const item of ["openapi", "scripts", "generated", "redocly.yaml", "package.json"]) {
      cpSync(repoPath(item), join(work, item), { recursive: true });
    }
    symlinkSync(repoPath("node_modules"), join(work, "node_modules"), "dir");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("passes when generated/ is what the spec produces", () => {
    const result = check();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("fails and names the stale files when the spec changes", () => {
    const file = join(work, "openapi/components/schemas/LoginResponsePasswordWarn.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  data:\n", "  extra:\n    type: string\n  data:\n"));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/out of date.*openapi\.json, schema\.ts, schemas\.ts/);
    // Regenerating brings it back in line.
    execFileSync(process.execPath, ["scripts/generate.mjs"], { cwd: work });
    expect(check().status).toBe(0);
  });

  test("fails when a generated file is edited by hand", () => {
    const file = join(work, "generated/schema.ts");
    writeFileSync(file, readFileSync(file, "utf8") + "\n// hand edit\n");
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/schema\.ts/);
  });
}, 60_000);

describe("response schema reduction", () => {
  test("refuses a keyword the client's validator does not enforce", () => {
    const spec = { components: { schemas: {} } };
    expect(() => reduceSchema(spec, { type: "string", pattern: "^a" }, "X")).toThrow(/keyword 'pattern' is not supported/);
  });

  test("refuses a type the client's validator does not know", () => {
    const spec = { components: { schemas: {} } };
    expect(() => reduceSchema(spec, { type: "number" }, "X")).toThrow(/type 'number' is not supported/);
  });

  test("follows refs and drops annotations", () => {
    const spec = { components: { schemas: { S: { type: "string", description: "d", enum: ["A"] } } } };
    expect(reduceSchema(spec, { $ref: "#/components/schemas/S" }, "X")).toEqual({ type: "string", enum: ["A"] });
  });
});

describe("a oneOf chosen by a discriminator (LoginResponse: one shape per status)", () => {
  const variant = (value: string, required: string[] = []) => ({
    type: "object",
    required: ["status", ...required],
    properties: { status: { $ref: "#/components/schemas/S", enum: [value] }, token: { type: "string" } },
  });
  const spec = {
    components: {
      schemas: {
        S: { type: "string", enum: ["A", "B"] },
        A: variant("A", ["token"]),
        B: variant("B"),
        R: { oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }], discriminator: { propertyName: "status", mapping: { A: "#/components/schemas/A", B: "#/components/schemas/B" } } },
      },
    },
  };

  test("reduces to the shapes and, per value, the index of the shape it selects; an enum beside a $ref narrows it", () => {
    const reduced = reduceSchema(spec, { $ref: "#/components/schemas/R" }, "R");
    expect(reduced.discriminator).toEqual({ propertyName: "status", mapping: { A: 0, B: 1 } });
    expect(reduced.oneOf[0].properties.status).toEqual({ type: "string", enum: ["A"] });
  });

  test("refuses a mapping to a shape that is not one of oneOf's", () => {
    const broken = structuredClone(spec);
    broken.components.schemas.R.discriminator.mapping.B = "#/components/schemas/C";
    expect(() => reduceSchema(broken, { $ref: "#/components/schemas/R" }, "R")).toThrow(/mapping B -> #\/components\/schemas\/C/);
  });

  test("refuses keywords other than enum beside a $ref (they would need a merge)", () => {
    expect(() => reduceSchema(spec, { $ref: "#/components/schemas/S", minLength: 2 }, "X")).toThrow(/only enum may narrow a \$ref/);
  });

  test("the client checks a body against its status's shape only", () => {
    const schema = reduceSchema(spec, { $ref: "#/components/schemas/R" }, "R");
    expect(violations(schema, { status: "A", token: "t" })).toEqual([]);
    expect(violations(schema, { status: "A" })).toEqual(["body.token is required"]);
    expect(violations(schema, { status: "B" })).toEqual([]);
    expect(violations(schema, {})).toEqual(["body.status is required"]);
    expect(violations(schema, { status: "constructor" })).toEqual(["body.status must be one of A, B"]);
    expect(violations(schema, { status: "B", token: 1 })).toEqual(["body.token must be a string"]);
  });

  test("without a discriminator, exactly one shape must fit", () => {
    const schema = { oneOf: [{ type: "string" }, { type: "string", minLength: 2 }] } as const;
    expect(violations(schema, "x")).toEqual([]);
    expect(violations(schema, "xy")).toEqual(["body must match exactly one of 2 shapes (matches 2)"]);
    expect(violations(schema, 3)).toEqual(["body must match exactly one of 2 shapes (matches 0)"]);
  });

  test("the shipped contract: a SUCCESS needs its session_token and expire, the other statuses no token", () => {
    expect(violations(schemas.LoginResponse, { status: "SUCCESS", session_token: "s", expire: 1 })).toEqual([]);
    expect(violations(schemas.LoginResponse, { status: "SUCCESS" })).toEqual(["body.session_token is required", "body.expire is required"]);
    for (const status of ["PASSWORD_WARN", "PASSWORD_EXPIRED", "MFA_AUTH", "ACCESS_DENIED"]) {
      expect(violations(schemas.LoginResponse, { status }), status).toEqual([]);
    }
    // A field a shape does not list is not refused: OneAccess may send more than its pages show.
    expect(violations(schemas.LoginResponse, { status: "ACCESS_DENIED", state_token: "t", extra: 1 })).toEqual([]);
  });
});

describe("an unknown status still has its known fields checked", () => {
  test("the fields a shape defines keep their types when no shape applies", () => {
    expect(violations(schemas.LoginResponse, { status: "LOGGED_IN", expire: "7d", other: 1 })).toEqual([
      "body.status must be one of SUCCESS, PASSWORD_WARN, PASSWORD_EXPIRED, ACCESS_DENIED, MFA_AUTH",
      "body.expire must be an integer",
    ]);
  });
});
