import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { reduceSchema } from "../../scripts/lib/schemas.mjs";
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
    const file = join(work, "openapi/components/schemas/LoginResponse.yaml");
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
