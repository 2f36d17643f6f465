// Bundle size: the client entry minified and gzipped, with and without openapi-fetch, and what each part of the
// wrapper costs of it.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const USES_WRAPPER = `import { createLoginClient } from "./dist/src/index.js"; globalThis.x = createLoginClient;`;
const USES_BARE = `import createClient from "openapi-fetch"; globalThis.x = createClient;`;

/**
 * An esbuild plugin that swaps the given dist modules for stubs exporting the same names as no-ops: the bundle then
 * shows what those modules cost. The stubbed bundle is measured, never run.
 */
function stubbing(modules) {
  return {
    name: "stub-modules",
    setup(b) {
      b.onLoad({ filter: /[/\\]dist[/\\].*\.js$/ }, (args) => {
        if (!modules.some((m) => args.path.replaceAll("\\", "/").endsWith(`dist/${m}`))) return undefined;
        const source = readFileSync(args.path, "utf8");
        const names = [...source.matchAll(/export (?:async )?(?:class|function|const|let) (\w+)/g)].map((m) => m[1]);
        return { contents: names.map((n) => `export const ${n} = () => {};`).join("\n"), loader: "js" };
      });
    },
  };
}

/** Minified and gzipped bytes of a bundle of stdin, bundling everything but `external`, with `stubbed` modules emptied. */
async function sizeOf(stdin, external, stubbed = []) {
  const result = await build({
    stdin: { contents: stdin, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    external,
    treeShaking: true,
    plugins: [stubbing(stubbed)],
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Sizes of what an app would ship for a login call. */
export async function bundleSizes() {
  return {
    "openapi-fetch alone": await sizeOf(USES_BARE, []),
    "wrapper + openapi-fetch": await sizeOf(USES_WRAPPER, []),
    "wrapper alone (openapi-fetch external)": await sizeOf(USES_WRAPPER, ["openapi-fetch"]),
  };
}

// The wrapper's parts, by the dist modules that hold them.
const PARTS = {
  "request/response validation (validator + schemas)": ["src/client/validate.js", "generated/schemas.js"],
  "answer interpretation + its four error classes": [
    "src/client/interpret.js",
    "src/client/errors/api-error.js",
    "src/client/errors/http-error.js",
    "src/client/errors/contract-violation-error.js",
    "src/client/errors/response-format-error.js",
  ],
  "view rule (shapes, normalisation, secret check) and safe causes": ["src/contract/view-rule.js", "src/client/safe-cause.js"],
  "safe-to-log results": ["src/client/outcome.js"],
  "bounded body reading": ["src/client/body.js"],
  "one abort listener per shared signal": ["src/client/signals.js"],
  "base URL checks": ["src/client/base-url.js"],
  "header mapping, sendability and per-call header checks": ["src/client/headers.js"],
};

/** Gzipped bytes each part adds to wrapper + openapi-fetch: the full bundle minus the bundle with that part stubbed. */
export async function partCosts() {
  const full = (await sizeOf(USES_WRAPPER, [])).gzip;
  const costs = {};
  for (const [part, modules] of Object.entries(PARTS)) costs[part] = full - (await sizeOf(USES_WRAPPER, [], modules)).gzip;
  return costs;
}
