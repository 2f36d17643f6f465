import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// A browser's fetch fails with a bare TypeError, no code: the list of Node's transport codes a view may show is dead
// weight there, and package.json's "browser" field swaps it for an empty one. Bundlers read that field for the
// package's own files (esbuild, webpack, Vite, Rollup's node-resolve with `browser: true`).
const bundled = async (platform: "browser" | "node") => {
  const result = await build({
    stdin: { contents: `export * from "./dist/src/index.js";`, resolveDir: repoPath(""), loader: "js" },
    bundle: true,
    format: "esm",
    platform,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
};

describe("the transport code list by platform", () => {
  test("a browser bundle of the client carries no Node transport codes", async () => {
    const text = await bundled("browser");
    expect(text).toContain("createLoginClient");
    expect(text).not.toContain("ECONNREFUSED");
  });

  test("a Node bundle keeps them", async () => {
    expect(await bundled("node")).toContain("ECONNREFUSED");
  });
});
