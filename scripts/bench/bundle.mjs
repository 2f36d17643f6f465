// Bundle size: what a browser app ships for the client, measured with esbuild (minified, gzip level 9): the
// login-only consumer against the budget recorded in bundle-budget.json, the whole client, openapi-fetch for scale,
// what each operation of the generated table costs, and what each part of the pipeline costs.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** The recorded budget: main's login-only bundle before the pipeline, and the allowance on top. */
export const BUDGET = JSON.parse(readFileSync(new URL("./bundle-budget.json", import.meta.url), "utf8"));

const USES_LOGIN = `import { createLoginClient } from "./dist/src/index.js"; globalThis.x = createLoginClient;`;
const USES_ALL = `export * from "./dist/src/index.js";`;
const USES_BARE = `import createClient from "openapi-fetch"; globalThis.x = createClient;`;
const PIPELINE = `import { call } from "./dist/src/client/pipeline/call.js";`;

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

/** Minified and gzipped bytes of a bundle of stdin (esbuild, browser, ESM), with `stubbed` modules emptied. */
export async function sizeOf(stdin, { external = [], stubbed = [], resolveDir = process.cwd(), loader = "js" } = {}) {
  const result = await build({
    stdin: { contents: stdin, resolveDir, loader },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    external,
    treeShaking: true,
    logLevel: "silent",
    plugins: [stubbing(stubbed)],
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Sizes of what an app ships: login only, the whole client, and openapi-fetch alone for scale. */
export async function bundleSizes() {
  return {
    "openapi-fetch alone": await sizeOf(USES_BARE),
    "login only (createLoginClient)": await sizeOf(USES_LOGIN),
    "whole client (every root export)": await sizeOf(USES_ALL),
  };
}

/** Gzipped bytes each operation's descriptor adds to the pipeline alone (shared schema parts counted once each). */
export async function operationCosts() {
  const names = [...readFileSync("dist/generated/operations.js", "utf8").matchAll(/export const (\w+) =/g)].map((m) => m[1]).filter((n) => n !== "METHOD_NAMES");
  const base = (await sizeOf(`${PIPELINE} globalThis.x = [call];`)).gzip;
  const costs = {};
  for (const name of names) {
    costs[name] = (await sizeOf(`${PIPELINE} import { ${name} } from "./dist/generated/operations.js"; globalThis.x = [call, ${name}];`)).gzip - base;
  }
  return costs;
}

// The pipeline's parts, by the dist modules that hold them.
const PARTS = {
  "the operations table (generated/operations)": ["generated/operations.js"],
  "input read and checked, request sent (pipeline/call)": ["src/client/pipeline/call.js"],
  "middleware, as openapi-fetch runs it (pipeline/send)": ["src/client/pipeline/send.js"],
  "request/response validation (validator)": ["src/contract/validate.js"],
  "answer interpretation + its four error classes": [
    "src/client/interpret.js",
    "src/client/errors/api-error.js",
    "src/client/errors/http-error.js",
    "src/client/errors/contract-violation-error.js",
    "src/client/errors/response-format-error.js",
  ],
  "view rule (closed lists) and safe causes": ["src/contract/view-rule.js", "generated/error-codes.js", "src/client/safe-cause.js"],
  "retries (unsent proof, Retry-After forms)": ["src/client/retry.js"],
  "safe-to-log results": ["src/client/outcome.js"],
  "bounded body reading": ["src/client/body.js"],
  "one abort listener per shared signal": ["src/client/signals.js"],
  "base URL checks": ["src/client/base-url.js"],
  "header mapping, sendability and per-call header checks": ["src/client/headers.js"],
};

/** Gzipped bytes each part adds to the whole client: the full bundle minus the bundle with that part stubbed. */
export async function partCosts() {
  const full = (await sizeOf(USES_ALL)).gzip;
  const costs = {};
  for (const [part, modules] of Object.entries(PARTS)) costs[part] = full - (await sizeOf(USES_ALL, { stubbed: modules })).gzip;
  return costs;
}
