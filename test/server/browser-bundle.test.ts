import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { beforeAll, describe, expect, test } from "vitest";
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

// An app importing the entry by name, as a consumer's would: esbuild resolves the package's own exports (to dist/);
// tsconfigRaw keeps it from reading tsconfig.json, whose paths map the entries to src/ for the tests.
const APP = repoPath(".tmp/browser-app");
async function bundleApp(name: string, code: string, platform: "browser" | "node") {
  writeFileSync(`${APP}/${name}.js`, code);
  const result = await build({ entryPoints: [`${APP}/${name}.js`], absWorkingDir: repoPath(""), bundle: true, platform, format: "esm", write: false, metafile: true, logLevel: "silent", tsconfigRaw: {} });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles.map((f) => f.text).join("\n") };
}

describe("importing oneaccess-sms-login/server in a browser build", () => {
  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { cwd: repoPath(""), stdio: "ignore" });
    mkdirSync(APP, { recursive: true });
  }, 120_000);

  test("fails the build when the app names what it imports (the browser condition's module exports nothing)", async () => {
    const failed = await bundleApp("named", `import { createServerClient } from "oneaccess-sms-login/server";\nconsole.log(createServerClient);\n`, "browser").catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/No matching export in "(\.\.\/)*dist\/src\/server\/browser\.js" for import "createServerClient"/);
  });

  test("otherwise bundles only the module that throws, with a clear message, at import", async () => {
    const { inputs, text } = await bundleApp("namespace", `import * as server from "oneaccess-sms-login/server";\nexport default server;\n`, "browser");
    expect(inputs.filter((input) => input.startsWith("dist/"))).toEqual(["dist/src/server/browser.js"]);
    expect(text).not.toContain("/api/v2/tenant");
    expect(text).not.toMatch(/client_secret|AppTokenManager|jwtVerify/);
    const ran = await import(`data:text/javascript;base64,${Buffer.from(text).toString("base64")}`).catch((error: Error) => error);
    expect(ran).toBeInstanceOf(Error);
    expect((ran as Error).message).toMatch(/^oneaccess-sms-login\/server was imported in a browser build\. It holds the application's client secret/);
  });

  test("the check is live: a Node build of the same import gets the server client", async () => {
    const { inputs, text } = await bundleApp("node", `import { createServerClient } from "oneaccess-sms-login/server";\nexport default createServerClient;\n`, "node");
    expect(inputs).toContain("dist/src/server/server-client.js");
    expect(text).toContain("/api/v2/tenant/sso/session-token/sso-ticket");
  });
});
