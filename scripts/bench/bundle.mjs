// Bundle size: the client entry minified and gzipped, with and without openapi-fetch.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

/** Minified and gzipped bytes of a bundle of entry (an ESM module path), bundling everything but `external`. */
async function sizeOf(stdin, external) {
  const result = await build({
    stdin: { contents: stdin, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    external,
    treeShaking: true,
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Sizes of what an app would ship for a login call. */
export async function bundleSizes() {
  const usesWrapper = `import { createLoginClient } from "./dist/src/index.js"; globalThis.x = createLoginClient;`;
  const usesBare = `import createClient from "openapi-fetch"; globalThis.x = createClient;`;
  return {
    "openapi-fetch alone": await sizeOf(usesBare, []),
    "wrapper + openapi-fetch": await sizeOf(usesWrapper, []),
    "wrapper alone (openapi-fetch external)": await sizeOf(usesWrapper, ["openapi-fetch"]),
  };
}
