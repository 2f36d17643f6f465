import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// The server's code (the client secret, the app token, jose) must never reach a browser bundle of the package root.
async function bundle(entry: string) {
  const result = await build({
    entryPoints: [repoPath(entry)],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles.map((f) => f.text).join("\n") };
}

describe("a browser bundle of the package root (src/index.ts)", () => {
  test("pulls in nothing from src/server, no jose and no tenant path", async () => {
    const { inputs, text } = await bundle("src/index.ts");
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => input.includes("src/server/"))).toEqual([]);
    expect(inputs.filter((input) => input.includes("node_modules/jose/"))).toEqual([]);
    expect(text).not.toContain("/api/v2/tenant");
    expect(text).not.toMatch(/client_secret|AppTokenManager|IdTokenError/);
  });

  test("the check is live: a bundle of src/server does contain them", async () => {
    const { inputs, text } = await bundle("src/server/index.ts");
    expect(inputs.some((input) => input.includes("src/server/"))).toBe(true);
    expect(inputs.some((input) => input.includes("node_modules/jose/"))).toBe(true);
    expect(text).toMatch(/AppTokenManager/);
  });
});
