import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoPath } from "../helpers/spec.js";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  "runs-on": string;
  environment?: { name: string; url?: string };
  steps: Step[];
}

const text = readFileSync(repoPath(".github/workflows/pages.yml"), "utf8");
const workflow = parse(text, { strict: true, uniqueKeys: true }) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** The one step that uses an action (any version). */
const uses = (action: string) => {
  const found = steps.filter((step) => step.uses?.startsWith(`${action}@`));
  expect(found, action).toHaveLength(1);
  return found[0]!;
};
const work = mkdtempSync(join(tmpdir(), "oa-pages-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(".github/workflows/pages.yml: the API docs on GitHub Pages", () => {
  test("is valid YAML that runs on pushes to main, with the permissions Pages deployment needs", () => {
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  test("builds, then deploys with the official Pages actions, into the github-pages environment", () => {
    const build = workflow.jobs.build!;
    const deploy = workflow.jobs.deploy!;
    const order = build.steps.map((step) => step.uses?.replace(/@.*/, "") ?? step.name ?? step.run);
    expect(order.indexOf("Render the API docs page")).toBeLessThan(order.indexOf("actions/upload-pages-artifact"));
    expect(order.indexOf("actions/configure-pages")).toBeGreaterThan(-1);
    expect(deploy.needs).toBe("build");
    expect(deploy.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    expect(deploy.steps).toEqual([{ id: "deployment", uses: uses("actions/deploy-pages").uses }]);
    for (const step of steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  test("its render step, run as the workflow runs it, writes the self-contained page the package ships into the uploaded folder", () => {
    const render = steps.find((step) => step.name === "Render the API docs page")!;
    expect(uses("actions/upload-pages-artifact").with).toEqual({ path: render.env!.SITE });
    // The same command and environment, its output folder moved out of the repository.
    const site = join(work, "_site");
    const ran = spawnSync("bash", ["-eo", "pipefail", "-c", render.run!], { cwd: repoPath(""), encoding: "utf8", env: { ...process.env, ...render.env, SITE: site }, timeout: 60_000 });
    expect(ran.status, ran.stderr).toBe(0);
    const page = readFileSync(join(site, "index.html"));
    expect(page.equals(readFileSync(repoPath("dist/docs/api.html")))).toBe(true);
  }, 60_000);
});
