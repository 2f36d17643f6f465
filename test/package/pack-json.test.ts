import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

// Release tools read `npm pack --json` (and `npm publish --json`) from stdout: the prepack build must print nothing
// there, so stdout is npm's JSON alone.
describe("npm pack --json", () => {
  test("prints JSON only, the prepack build included, listing the bin and the docs page", () => {
    const packed = spawnSync("npm", ["pack", "--json", "--dry-run"], { cwd: repoPath(""), encoding: "utf8", timeout: 180_000 });
    expect(packed.status, packed.stderr).toBe(0);
    const [manifest] = JSON.parse(packed.stdout) as Array<{ name: string; files: Array<{ path: string }> }>;
    expect(manifest!.name).toBe("oneaccess-sms-login");
    const files = manifest!.files.map((file) => file.path);
    expect(files).toContain("dist/src/cli/bin.js");
    expect(files).toContain("dist/docs/api.html");
  }, 180_000);
});
