import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
// @ts-expect-error -- a build script in JavaScript, without declarations
import { writeCommonJsDeclarations } from "../../scripts/lib/declaration-twins.mjs";

const write = writeCommonJsDeclarations as (esmTypes: string, cjsTypes: string) => string[];
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
/** A folder of declaration files, as tsc writes them. */
const files = (contents: Record<string, string>) => {
  dir = mkdtempSync(join(tmpdir(), "oa-twins-"));
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return (name: string) => join(dir, name);
};

describe("the CommonJS declarations of an entry (scripts/lib/declaration-twins.mjs)", () => {
  test("re-export the ES module declarations when they name no msw type, through any import", () => {
    const at = files({ "index.d.ts": 'export { a } from "./a.js";\n', "a.d.ts": 'import type { B } from "./b.js";\nexport declare const a: B;\n', "b.d.ts": "export type B = 1;\n" });
    expect(write(at("index.d.ts"), at("index.d.cts"))).toEqual([]);
    expect(readFileSync(at("index.d.cts"), "utf8")).toBe('export * from "./index.js";\n');
  });

  test("are a twin of the ES module declarations that import msw, so msw resolves as require() resolves it", () => {
    const text = 'import { type HttpHandler } from "msw";\nimport type { O } from "./options.js";\nexport declare const handlers: HttpHandler[];\n';
    const at = files({ "msw.d.ts": text, "options.d.ts": "export type O = 1;\n" });
    expect(write(at("msw.d.ts"), at("msw.d.cts"))).toEqual([at("msw.d.cts")]);
    // The import of ./options.js names no msw type: it stays on the one ES module copy.
    expect(readFileSync(at("msw.d.cts"), "utf8")).toBe(text);
  });

  test("twin every file of ours between the entry and msw (msw/node too, and import() types), pointing the imports at the twins", () => {
    const at = files({
      "index.d.ts": 'export { handlers } from "./handlers.js";\nexport type { O } from "./options.js";\n',
      "handlers.d.ts": 'export declare const handlers: import("./types.js").Handlers;\n',
      "types.d.ts": 'import type { SetupServer } from "msw/node";\nexport type Handlers = Parameters<SetupServer["use"]>;\n',
      "options.d.ts": "export type O = 1;\n",
    });
    expect(write(at("index.d.ts"), at("index.d.cts")).sort()).toEqual([at("handlers.d.cts"), at("index.d.cts"), at("types.d.cts")]);
    expect(readFileSync(at("index.d.cts"), "utf8")).toBe('export { handlers } from "./handlers.cjs";\nexport type { O } from "./options.js";\n');
    expect(readFileSync(at("handlers.d.cts"), "utf8")).toBe('export declare const handlers: import("./types.cjs").Handlers;\n');
    expect(readFileSync(at("types.d.cts"), "utf8")).toBe(readFileSync(at("types.d.ts"), "utf8"));
    expect(existsSync(at("options.d.cts"))).toBe(false);
  });

  test("survive an import cycle", () => {
    const at = files({ "a.d.ts": 'export * from "./b.js";\nexport type { X } from "msw";\n', "b.d.ts": 'export * from "./a.js";\n' });
    expect(write(at("b.d.ts"), at("b.d.cts")).sort()).toEqual([at("a.d.cts"), at("b.d.cts")]);
    expect(readFileSync(at("a.d.cts"), "utf8")).toBe('export * from "./b.cjs";\nexport type { X } from "msw";\n');
  });
});

test("a file that reaches msw only through an import cycle is twinned too", () => {
  // x imports y and z; y imports only x; z imports msw: y reaches msw through x.
  const at = files({ "x.d.ts": 'export * from "./y.js";\nexport * from "./z.js";\n', "y.d.ts": 'export type { X } from "./x.js";\n', "z.d.ts": 'export type { HttpHandler } from "msw";\n' });
  expect(write(at("x.d.ts"), at("x.d.cts")).sort()).toEqual([at("x.d.cts"), at("y.d.cts"), at("z.d.cts")]);
  expect(readFileSync(at("y.d.cts"), "utf8")).toBe('export type { X } from "./x.cjs";\n');
});
