import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { namedExamples, repoPath, schemaValidator } from "../helpers/spec.js";
import { requestMedia, responseMedia, TENANT_PATHS, tenantOperation } from "../helpers/tenant.js";

// Prism itself (not this package's mock server, whose request checks are the login's) serves each named example of
// every tenant operation from the bundled spec, and each answer holds to the spec.

let prism: ChildProcess;
let base = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  prism = spawn(process.execPath, [repoPath("node_modules/@stoplight/prism-cli/dist/index.js"), "mock", repoPath("generated/openapi.json"), "-h", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${base}/api/v2/tenant/token`, { method: "OPTIONS" }).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Prism did not start");
}, 60_000);

afterAll(async () => {
  if (prism.exitCode === null) {
    const exited = new Promise((resolve) => prism.once("exit", resolve));
    prism.kill("SIGTERM");
    await exited;
  }
});

/** The page's example request of a tenant operation, encoded for its media type. */
function pageRequest(path: string): { headers: Record<string, string>; body: string } {
  const [type, media] = requestMedia(path);
  const example = namedExamples(media).page as Record<string, string>;
  const bearer: Record<string, string> = tenantOperation(path).security.length ? { Authorization: "Bearer 334******140" } : {};
  const body = type === "application/x-www-form-urlencoded" ? new URLSearchParams(example).toString() : JSON.stringify(example);
  return { headers: { "Content-Type": type, ...bearer }, body };
}

async function call(path: string, headers: Record<string, string>, body: string) {
  const response = await fetch(`${base}${path}`, { method: "POST", headers, body });
  return { status: response.status, body: await response.json(), violations: response.headers.get("sl-violations") };
}

describe.each(TENANT_PATHS)("Prism serves POST %s", (path) => {
  const operation = tenantOperation(path);
  for (const status of Object.keys(operation.responses)) {
    const media = responseMedia(path, status);
    const valid = schemaValidator(media.schema.$ref.replace("#/components/schemas/", ""));
    test.each(Object.entries(namedExamples(media)))(`the ${status} example %s for the page's request, schema-valid`, async (name, example) => {
      const { headers, body } = pageRequest(path);
      const answer = await call(path, { ...headers, Prefer: `code=${status}, example=${name}` }, body);
      expect(answer.status).toBe(Number(status));
      expect(answer.body).toEqual(example);
      expect(valid(answer.body)).toEqual([]);
      expect(answer.violations).toBeNull();
    });
  }

  test("the first 400 example, with the violation, for a request without its required fields", async () => {
    const { headers } = pageRequest(path);
    const type = headers["Content-Type"]!;
    const answer = await call(path, headers, type.includes("json") ? "{}" : "");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(Object.values(namedExamples(responseMedia(path, "400")))[0]);
    expect(answer.violations).toMatch(/required/);
  });
});

describe("Prism asks the tenant calls for the application's Bearer token", () => {
  test.each(TENANT_PATHS.slice(1))("POST %s without Authorization is refused", async (path) => {
    const { headers, body } = pageRequest(path);
    const { Authorization: _dropped, ...anonymous } = headers;
    const answer = await fetch(`${base}${path}`, { method: "POST", headers: anonymous, body });
    expect(answer.status).toBe(401);
  });
});
