import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CONTRACT_VERSION } from "../../src/index.js";
import { repoPath, spec } from "../helpers/spec.js";

const work = mkdtempSync(join(tmpdir(), "oa-gate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = (name: string) => repoPath(`test/governance/fixtures/${name}.json`);
let runs = 0;

/** A changelog whose entries are given newest first as [version, body]. */
const changelog = (...entries: Array<[string, string]>) =>
  `# Changelog\n\n${entries.map(([v, body]) => `## [${v}] - 2026-11-25\n\n${body}\n`).join("\n")}`;

/** Runs the gate as npm test does, on a released spec, a revision, a package version and a changelog. */
function gate(options: { released?: string; spec: string; version: string; changelog: string }) {
  const dir = join(work, String(runs++));
  const files = { package: join(dir, "package.json"), changelog: join(dir, "CHANGELOG.md") };
  mkdirSync(dir, { recursive: true });
  writeFileSync(files.package, JSON.stringify({ version: options.version }));
  writeFileSync(files.changelog, options.changelog);
  const args = ["--spec", options.spec, "--package", files.package, "--changelog", files.changelog];
  if (options.released) args.push("--released", options.released);
  const result = spawnSync(process.execPath, [repoPath("scripts/check-contract.mjs"), ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** The released fixture with another info.version, for the 0.x rules. */
function releasedAs(version: string): string {
  const path = join(work, `released-${version}.json`);
  const released = JSON.parse(readFileSync(fixture("released"), "utf8"));
  writeFileSync(path, JSON.stringify({ ...released, info: { ...released.info, version } }));
  return path;
}

const BREAKING_ENTRY = "### Changed\n\n- **Breaking:** `X-L` is required; `expire` is gone.";
const ADDED_ENTRY = "### Added\n\n- `X-tenant-id` header and `id_token`.";
const base = { released: fixture("released") };

// Each gate run spawns Redocly's diff (seconds on a loaded 2-core machine) and spawnSync blocks the worker, so the
// concurrent tests of a file wait for each other: their timeout covers that wait.
describe("contract gate (scripts/check-contract.mjs) on fixture spec pairs", { timeout: 120_000 }, () => {
  test.concurrent("passes an unchanged contract at the released version", () => {
    const run = gate({ ...base, spec: fixture("released"), version: "1.2.0", changelog: changelog(["1.2.0", ADDED_ENTRY]) });
    expect(run.output).toContain("no contract change since 1.2.0");
    expect(run.status).toBe(0);
  });

  test.concurrent("rejects a breaking change released as a minor, listing what breaks", () => {
    const run = gate({ ...base, spec: fixture("breaking"), version: "1.3.0", changelog: changelog(["1.3.0", BREAKING_ENTRY]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain("breaking change since 1.2.0, which needs a major bump");
    expect(run.output).toContain("release it as 2.0.0");
    expect(run.output).toMatch(/`X-L` header parameter became required.*POST \/login/);
    expect(run.output).toMatch(/Property `expire`.* was removed/);
  });

  test.concurrent("rejects a breaking change with no version bump at all", () => {
    const run = gate({ ...base, spec: fixture("breaking"), version: "1.2.0", changelog: changelog(["1.2.0", ADDED_ENTRY]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain("version 1.2.0 is not bumped");
  });

  test.concurrent("accepts a breaking change as a major with a changelog entry that says Breaking", () => {
    const run = gate({ ...base, spec: fixture("breaking"), version: "2.0.0", changelog: changelog(["2.0.0", BREAKING_ENTRY], ["1.2.0", ADDED_ENTRY]) });
    expect(run.output).toContain("major change since 1.2.0");
    expect(run.status).toBe(0);
  });

  test.concurrent("rejects a major whose changelog entry does not call out the breaking change", () => {
    const run = gate({ ...base, spec: fixture("breaking"), version: "2.0.0", changelog: changelog(["2.0.0", ADDED_ENTRY]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain('entry does not call out the breaking change');
  });

  test.concurrent("accepts an additive change with a minor bump and an Added entry", () => {
    const run = gate({ ...base, spec: fixture("additive"), version: "1.3.0", changelog: changelog(["1.3.0", ADDED_ENTRY], ["1.2.0", "- first"]) });
    expect(run.output).toContain("minor change since 1.2.0");
    expect(run.status).toBe(0);
  });

  test.concurrent("rejects an additive change without a minor bump", () => {
    for (const version of ["1.2.0", "1.2.1"]) {
      const run = gate({ ...base, spec: fixture("additive"), version, changelog: changelog([version, ADDED_ENTRY]) });
      expect(run.status, version).toBe(1);
      expect(run.output).toContain("an additive change since 1.2.0, which needs a minor bump");
      expect(run.output).toMatch(/X-tenant-id|parameters\/2/);
    }
  });

  test.concurrent("rejects an additive change whose new version has no changelog entry, or no Added section", () => {
    const missing = gate({ ...base, spec: fixture("additive"), version: "1.3.0", changelog: changelog(["1.2.0", ADDED_ENTRY]) });
    expect(missing.status).toBe(1);
    expect(missing.output).toContain("CHANGELOG.md's latest entry is 1.2.0, package.json's version is 1.3.0");
    const unsorted = gate({ ...base, spec: fixture("additive"), version: "1.3.0", changelog: changelog(["1.3.0", "### Fixed\n\n- typo"]) });
    expect(unsorted.status).toBe(1);
    expect(unsorted.output).toContain('no "### Added" section');
  });

  test.concurrent("asks a patch bump and an entry for a change that neither breaks nor adds", () => {
    expect(gate({ ...base, spec: fixture("patch"), version: "1.2.0", changelog: changelog(["1.2.0", "- x"]) }).status).toBe(1);
    expect(gate({ ...base, spec: fixture("patch"), version: "1.2.1", changelog: changelog(["1.2.1", "### Fixed\n\n- wording"]) }).status).toBe(0);
  });

  test.concurrent("rejects a version lower than the released one", () => {
    const run = gate({ ...base, spec: fixture("released"), version: "1.1.9", changelog: changelog(["1.1.9", "- x"]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain("lower than the released 1.2.0");
  });

  test.concurrent("says what is wrong, without a stack trace, for a spec it cannot read or a version that is not semver", () => {
    const missing = gate({ ...base, spec: join(work, "nowhere.json"), version: "1.2.0", changelog: changelog(["1.2.0", "- x"]) });
    expect(missing.status).toBe(1);
    expect(missing.output).toMatch(/cannot read .*nowhere\.json: ENOENT/);
    const unversioned = gate({ ...base, spec: fixture("released"), version: "v1", changelog: changelog(["1.2.0", "- x"]) });
    expect(unversioned.status).toBe(1);
    expect(unversioned.output).toContain('package.json version is not a semantic version: "v1"');
    for (const run of [missing, unversioned]) expect(run.output).not.toMatch(/\n\s+at /);
  });

  // Between releases the contract may move ahead of the released snapshot when `## [Unreleased]` owns up to it;
  // publishing (`--release`) still demands the bump.
  const unreleased = (body: string, ...entries: Array<[string, string]>) =>
    changelog(...entries).replace("# Changelog\n\n", `# Changelog\n\n## [Unreleased]\n\n${body}\n\n`);

  test.concurrent("accepts an additive change at the released version when [Unreleased] has an Added section", () => {
    const run = gate({ ...base, spec: fixture("additive"), version: "1.2.0", changelog: unreleased(ADDED_ENTRY, ["1.2.0", "- first"]) });
    expect(run.output).toContain("minor change since 1.2.0, unreleased");
    expect(run.status).toBe(0);
  });

  test.concurrent("rejects an unreleased additive change whose [Unreleased] entry has no Added section", () => {
    const run = gate({ ...base, spec: fixture("additive"), version: "1.2.0", changelog: unreleased("### Fixed\n\n- typo", ["1.2.0", "- first"]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain('[Unreleased] entry has no "### Added" section');
  });

  test.concurrent("rejects an unreleased breaking change whose [Unreleased] entry does not say Breaking", () => {
    expect(gate({ ...base, spec: fixture("breaking"), version: "1.2.0", changelog: unreleased(ADDED_ENTRY, ["1.2.0", "- first"]) }).status).toBe(1);
    expect(gate({ ...base, spec: fixture("breaking"), version: "1.2.0", changelog: unreleased(BREAKING_ENTRY, ["1.2.0", "- first"]) }).status).toBe(0);
  });

  test.concurrent("--release still demands the bump for an unreleased change", () => {
    const dir = join(work, "release");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ version: "1.2.0" }));
    writeFileSync(join(dir, "CHANGELOG.md"), unreleased(ADDED_ENTRY, ["1.2.0", "- first"]));
    const args = ["--spec", fixture("additive"), "--released", fixture("released"), "--package", join(dir, "package.json"), "--changelog", join(dir, "CHANGELOG.md"), "--release"];
    const run = spawnSync(process.execPath, [repoPath("scripts/check-contract.mjs"), ...args], { encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("version 1.2.0 is not bumped");
  });

  test.concurrent("before 1.0.0, a breaking change needs a minor bump and an addition a patch bump (npm caret ranges)", () => {
    const released = releasedAs("0.4.0");
    const breakingAsPatch = gate({ released, spec: fixture("breaking"), version: "0.4.1", changelog: changelog(["0.4.1", BREAKING_ENTRY]) });
    expect(breakingAsPatch.status).toBe(1);
    expect(breakingAsPatch.output).toContain("needs a minor bump (0.x: npm's caret ranges)");
    expect(gate({ released, spec: fixture("breaking"), version: "0.5.0", changelog: changelog(["0.5.0", BREAKING_ENTRY]) }).status).toBe(0);
    expect(gate({ released, spec: fixture("additive"), version: "0.4.1", changelog: changelog(["0.4.1", ADDED_ENTRY]) }).status).toBe(0);
    expect(gate({ released, spec: fixture("additive"), version: "0.4.0", changelog: changelog(["0.4.0", ADDED_ENTRY]) }).status).toBe(1);
  });
});

describe("contract gate on this package's bundled OpenAPI 3.1 spec", { timeout: 120_000 }, () => {
  // Without --release: between releases the contract may be ahead of its snapshot under `## [Unreleased]`.
  test.concurrent("passes the repository as it is: generated/openapi.json against its released snapshot", () => {
    const run = spawnSync(process.execPath, [repoPath("scripts/check-contract.mjs")], { encoding: "utf8", timeout: 60_000 });
    expect(run.stdout + run.stderr).toContain(`${CONTRACT_VERSION} and CHANGELOG.md agree`);
    expect(run.status).toBe(0);
  });

  test.concurrent("rates adding the SMS login journey's operations an addition: a patch bump before 1.0, nothing breaking", () => {
    // The bundle without the journey's companion operations stands for the release before them, so the verdict is
    // about this addition alone, whatever else changes in the same release.
    const journey = ["captcha", "captcha/verify", "country-codes", "sms/send", "mobile-by-token", "mfa/sms", "pwd/update", "pwd/skip-update"];
    const before = structuredClone(spec);
    for (const path of journey) delete before.paths[`/api/v2/sdk/${path}`];
    before.tags = before.tags.filter((tag: { name: string }) => tag.name === "Login");
    before.info.version = "0.1.0";
    const released = join(work, "before-journey.json");
    writeFileSync(released, JSON.stringify(before));
    const current = repoPath("generated/openapi.json");
    const unbumped = gate({ released, spec: current, version: "0.1.0", changelog: changelog(["0.1.0", "- first"]) });
    expect(unbumped.status).toBe(1);
    expect(unbumped.output).toContain("an additive change since 0.1.0, which needs a patch bump (0.x: npm's caret ranges)");
    expect(unbumped.output).toContain("release it as 0.1.1");
    for (const path of journey) expect(unbumped.output).toContain(`added /api/v2/sdk/${path}\n`);
    expect(unbumped.output).not.toContain("what breaks");
    const bumped = gate({ released, spec: current, version: "0.1.1", changelog: changelog(["0.1.1", ADDED_ENTRY], ["0.1.0", "- first"]) });
    expect(bumped.output).toContain("minor change since 0.1.0; 0.1.1 and CHANGELOG.md agree");
    expect(bumped.status).toBe(0);
  });

  test.concurrent("catches X-L made required in the bundle, and a 200 status value added", () => {
    const changed = structuredClone(spec);
    changed.components.parameters.XLanguage.required = true;
    changed.components.schemas.LoginStatus.enum.push("LOCKED");
    const path = join(work, "bundle-breaking.json");
    writeFileSync(path, JSON.stringify(changed));
    // Against the bundle as it is now, so only these two changes are in the diff (not what is still unreleased).
    const released = join(work, "bundle-current.json");
    writeFileSync(released, JSON.stringify({ ...spec, info: { ...spec.info, version: CONTRACT_VERSION } }));
    // A changelog with no [Unreleased] entry: one owning up to a breaking change would let it wait there.
    const run = gate({ released, spec: path, version: CONTRACT_VERSION, changelog: changelog([CONTRACT_VERSION, "- released"]) });
    expect(run.status).toBe(1);
    expect(run.output).toContain("`X-L` header parameter became required");
    // The status values live in LoginStatus, which each 200 shape narrows to its own value.
    expect(run.output).toContain("Enum of `LoginStatus` gained values: 'LOCKED'");
  });
});
