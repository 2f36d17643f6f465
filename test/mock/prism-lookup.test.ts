import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { MockError, PRISM_VERSION, startMock } from "../../src/mock/index.js";
import { prismCliManifest } from "../../src/mock/prism-packages.js";

// Where the mock finds Prism: a consumer's project (the working directory) first, then next to this package, and a
// MockError saying how to install it when neither has it. This repository has Prism installed, so "not installed" is
// the module resolver answering MODULE_NOT_FOUND for it, as Node does on a machine without it.
const prism = vi.hoisted(() => ({ installed: true }));
vi.mock("node:module", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:module")>();
  const createRequire = (base: string | URL) => {
    const require = actual.createRequire(base);
    const found = require.resolve;
    const resolve = (id: string, options?: { paths?: string[] }) => {
      if (!prism.installed && id.startsWith("@stoplight/prism-cli")) {
        throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
      }
      return found(id, options);
    };
    return Object.assign(require, { resolve: Object.assign(resolve, { paths: found.paths }) });
  };
  return { ...actual, createRequire, default: { ...actual, createRequire } };
});

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "oneaccess-consumer-")));
});
afterEach(() => {
  prism.installed = true;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("startMock: finding Prism", () => {
  test("without Prism installed anywhere, it rejects with a not-installed MockError that gives the install command", async () => {
    prism.installed = false;
    const error = await startMock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({ name: "MockError", kind: "not-installed" });
    expect((error as Error).message).toBe(
      `Prism is not installed. The mock needs it as a dev dependency: npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}`,
    );
  });

  test("a consumer's own prism-cli, in the project it runs from, is used before the one next to this package", () => {
    // The consumer's project is a folder below the temporary one, so nothing above it has a node_modules of its own.
    const project = join(dir, "app");
    const manifest = join(project, "node_modules/@stoplight/prism-cli/package.json");
    mkdirSync(join(project, "node_modules/@stoplight/prism-cli"), { recursive: true });
    writeFileSync(manifest, JSON.stringify({ name: "@stoplight/prism-cli", version: PRISM_VERSION }));
    vi.spyOn(process, "cwd").mockReturnValue(project);
    expect(prismCliManifest()).toBe(manifest);
  });

  test("a project without prism-cli of its own gets the one next to this package", () => {
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    expect(prismCliManifest()).toMatch(/node_modules\/@stoplight\/prism-cli\/package\.json$/);
    expect(prismCliManifest().startsWith(dir)).toBe(false);
  });
});
