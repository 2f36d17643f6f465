// The SMS login journey as an Arazzo workflow (openapi/workflows/sms-login.arazzo.yaml), run by `redocly respect`
// from the pinned @redocly/cli against the package's Prism mock: each path the login's status can take.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";

const WORKFLOW = "openapi/workflows/sms-login.arazzo.yaml";

/** The page's sample values; `prefer_login` asks the mock for a named login answer. */
const INPUTS = {
  client_id: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  operating_sys_version: "Android 10",
  device_fingerprint: "156aysdna213sac",
  agent: "Mozilla/5.0",
  mobile: "12345678901",
  point_json: '{"x":237.0,"y":5.0}',
  verify_code: "232326",
  mfa_code: "123456",
};

interface StepRun {
  /** "workflow" for the steps a goto ran (respect nests them). */
  readonly type: "step" | "workflow";
  readonly executedSteps?: readonly StepRun[];
  readonly stepId: string;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly body?: unknown };
  readonly response: { readonly statusCode: number; readonly body: unknown };
  readonly checks?: ReadonlyArray<{ readonly name: string; readonly passed: boolean }>;
}

let mock: RunningMock;
let work: string;
beforeAll(async () => {
  mock = await startMock();
  work = mkdtempSync(join(tmpdir(), "oa-respect-"));
}, 30_000);
afterAll(async () => {
  await mock?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the workflow with respect; its exit code and the steps it ran (from its JSON report). */
function respect(inputs: Record<string, string>, args: string[] = []) {
  const report = join(work, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(
    "node_modules/.bin/redocly",
    ["respect", WORKFLOW, "--server", `smsLogin=${mock.url}`, "--input", JSON.stringify(inputs), "-J", report, ...args],
    { encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }, timeout: 60_000 },
  );
  const files = JSON.parse(readFileSync(report, "utf8")).files as Record<string, { executedWorkflows: Array<{ executedSteps: readonly StepRun[] }> }>;
  const flat = (runs: readonly StepRun[]): StepRun[] => runs.flatMap((r) => (r.type === "workflow" ? flat(r.executedSteps ?? []) : [r]));
  const steps = flat(Object.values(files)[0]!.executedWorkflows[0]!.executedSteps);
  return { status: run.status, output: `${run.stdout}${run.stderr}`, steps };
}

const stepIds = (steps: readonly StepRun[]) => steps.map((s) => s.stepId);
const failedChecks = (steps: readonly StepRun[]) => steps.flatMap((s) => (s.checks ?? []).filter((c) => !c.passed).map((c) => `${s.stepId}: ${c.name}`));

describe("the SMS login journey (Arazzo) run by redocly respect against the Prism mock", () => {
  test("SUCCESS: captcha, verify captcha, send the code, log in, and the journey ends there", () => {
    const run = respect({ ...INPUTS, prefer_login: "example=success" });
    expect(failedChecks(run.steps)).toEqual([]);
    expect(run.status, run.output).toBe(0);
    expect(stepIds(run.steps)).toEqual(["getCaptcha", "verifyCaptcha", "sendCode", "login"]);
    expect((run.steps[3]!.response.body as { status: string }).status).toBe("SUCCESS");
  }, 60_000);

  test("MFA_AUTH: the state_token leads to mobile-by-token and mfa/sms, which answers SUCCESS", () => {
    const run = respect({ ...INPUTS, prefer_login: "example=mfaAuth" });
    expect(failedChecks(run.steps)).toEqual([]);
    expect(run.status, run.output).toBe(0);
    expect(stepIds(run.steps)).toEqual(["getCaptcha", "verifyCaptcha", "sendCode", "login", "secondFactorMobile", "secondFactor"]);
    const [mobileByToken, mfa] = run.steps.slice(4);
    // The state token the login answered travels in X-state-token (respect masks its value in the report).
    expect(Object.keys(mobileByToken!.request.headers)).toContain("x-state-token");
    expect(Object.keys(mfa!.request.headers)).toContain("x-state-token");
    expect(mfa!.request.method.toUpperCase()).toBe("POST");
    expect((mfa!.response.body as { status: string }).status).toBe("SUCCESS");
  }, 60_000);

  test.each(["passwordWarn", "passwordExpired", "accessDenied"])("%s: the journey ends after the login, without the second factor", (example) => {
    const run = respect({ ...INPUTS, prefer_login: `example=${example}` });
    expect(run.status, run.output).toBe(0);
    expect(stepIds(run.steps)).toEqual(["getCaptcha", "verifyCaptcha", "sendCode", "login"]);
  }, 60_000);

  test("a login answered with an error fails the workflow at the login step", () => {
    const run = respect({ ...INPUTS, prefer_login: "code=400, example=wrongCredentials" });
    expect(run.status).not.toBe(0);
    expect(stepIds(run.steps).at(-1)).toBe("login");
    expect(failedChecks(run.steps)).toContain("login: success criteria check");
  }, 60_000);

  test("the body is sent as JSON with the sample values, and sms/send asks for a LOGIN_SMS code", () => {
    const run = respect({ ...INPUTS, prefer_login: "example=success" });
    const send = run.steps.find((s) => s.stepId === "sendCode")!;
    expect(send.request.url).toBe(`${mock.url}/api/v2/sdk/sms/send`);
    expect(send.request.headers["content-type"]).toBe("application/json");
    expect(send.request.body).toMatchObject({ type: "LOGIN_SMS" });
  }, 60_000);
});

describe("openapi/workflows/sms-login.arazzo.yaml", () => {
  test("passes redocly lint (Arazzo 1.0 rules)", () => {
    const run = spawnSync("node_modules/.bin/redocly", ["lint", WORKFLOW, "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    });
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  }, 60_000);

  test("names only operationIds the bundled spec has", () => {
    const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8")) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = new Set(Object.values(spec.paths).flatMap((item) => Object.values(item).map((op) => op.operationId)));
    const named = [...readFileSync(WORKFLOW, "utf8").matchAll(/operationId: \$sourceDescriptions\.smsLogin\.(\w+)/g)].map((m) => m[1]);
    expect(named).toEqual(["showCaptcha", "validateCaptcha", "sendSmsVerifyCode", "loginWithMobileVerifyCode", "showMobileByStateToken", "secondaryAuthByMobileVerifyCode"]);
    for (const id of named) expect(ids).toContain(id);
  });
});
