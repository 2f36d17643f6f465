// The release rules of the contract: what a change to the spec demands of the version and of CHANGELOG.md.
// The diff itself is Redocly CLI's `redocly diff` (the diff-recommended rules in redocly.yaml), which rates every change
// major (can break a client), minor (adds) or patch (neither).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * The smallest version bump that a contract change of this impact needs after `released`. Before 1.0.0 the rules are
 * npm's caret rules (^0.1.0 takes 0.1.x and never 0.2.0): a breaking change needs a minor bump, anything else a patch.
 */
function requiredBump(impact, released) {
  if (impact === "none") return "none";
  if (semver.major(released) > 0) return impact;
  return impact === "major" ? "minor" : "patch";
}

/** The bump from one version to the next: none, patch, minor or major ("prepatch" counts as patch, and so on). */
function actualBump(from, to) {
  const level = semver.diff(from, to);
  return level === null ? "none" : level.replace(/^pre/, "");
}

/**
 * Runs `redocly diff` and returns its JSON report. info.version is left out of the comparison: the version is what
 * the gate checks, not a change to the contract.
 */
function diffContracts(base, revision) {
  const work = mkdtempSync(join(tmpdir(), "oa-contract-"));
  try {
    const files = [["base.json", base], ["revision.json", revision]].map(([name, spec]) => {
      const path = join(work, name);
      writeFileSync(path, JSON.stringify({ ...spec, info: { ...spec.info, version: "0.0.0" } }, null, 2));
      return path;
    });
    const out = join(work, "report.json");
    const result = spawnSync(
      join(root, "node_modules/.bin/redocly"),
      ["diff", ...files, "--config", join(root, "redocly.yaml"), "--fail-on", "none", "--format", "json", "-o", out],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" },
      },
    );
    if (result.status !== 0) throw new Error(`redocly diff failed (exit ${result.status}):\n${result.stderr}`);
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** "#/paths/~1login/post/parameters/4" as "POST /login parameters/4". */
function readablePointer(pointer) {
  const [top, path, method, ...rest] = pointer.replace(/^#\//, "").split("/").map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
  if (top !== "paths") return [top, path, method, ...rest].filter((s) => s !== undefined).join("/");
  return [method?.toUpperCase(), path, rest.join("/")].filter(Boolean).join(" ");
}

/** One line per change of the given impact: the rule's message where a rule rated it, else what changed where. */
function describeChanges(report, impact) {
  return report.changes
    .filter((change) => change.impact === impact)
    .map((change) => {
      const where = readablePointer(change.path);
      const messages = change.verdicts.filter((v) => v.impact === impact).map((v) => `${v.message} (${v.ruleId})`);
      return messages.length > 0 ? messages.join("; ") + ` at ${where}` : `${change.kind} ${where}${change.property ? ` · ${change.property}` : ""}`;
    });
}

/** The entries of a Keep a Changelog file, in file order: { version ("Unreleased" or x.y.z), body }. */
function changelogEntries(text) {
  const parts = text.split(/^## /m).slice(1);
  return parts.map((part) => {
    const heading = part.slice(0, part.indexOf("\n") === -1 ? part.length : part.indexOf("\n"));
    const version = heading.match(/^\[([^\]]+)\]/)?.[1] ?? heading.trim();
    return { version, body: part.slice(heading.length).trim() };
  });
}

/**
 * Checks a contract against the last released one. Returns { problems, impact, report, unreleased }: `problems` is
 * empty when the change may ship as `version`, or (without `release`) wait under CHANGELOG.md's `## [Unreleased]`.
 */
export function checkContract({ released, current, version, changelog, release = false }) {
  const problems = [];
  const releasedVersion = released.info?.version;
  for (const [what, v] of [["the released snapshot's info.version", releasedVersion], ["package.json version", version]]) {
    if (!semver.valid(v)) problems.push(`${what} is not a semantic version: ${JSON.stringify(v)}`);
  }
  if (problems.length > 0) return { problems, impact: "none", report: undefined };

  const report = diffContracts(released, current);
  const impact = report.changes.length === 0 ? "none" : report.bump ?? "patch";
  const breaking = describeChanges(report, "major");
  const added = describeChanges(report, "minor");
  const needed = requiredBump(impact, releasedVersion);
  const bumped = semver.lt(version, releasedVersion) ? "backwards" : actualBump(releasedVersion, version);

  const entries = changelogEntries(changelog);
  const top = entries.find((e) => e.version !== "Unreleased");
  const pending = entries.find((e) => e.version === "Unreleased");
  let unreleased = false;

  if (bumped === "backwards") {
    problems.push(`package.json version ${version} is lower than the released ${releasedVersion}`);
  } else if (bumped === "none" && needed !== "none" && !release && pending) {
    // Between releases the contract may run ahead of its snapshot when `## [Unreleased]` owns up to the change;
    // publishing (--release) still takes the bump below.
    unreleased = true;
    // An item that starts "**Breaking", not the word anywhere: this entry also talks about the gate's own rules.
    if (impact === "major" && !/^\s*-\s*\*\*Breaking/im.test(pending.body)) problems.push(`CHANGELOG.md's [Unreleased] entry does not call out the breaking change (an item starting "**Breaking:**")`);
    if (impact === "minor" && !/^### Added/m.test(pending.body)) problems.push(`CHANGELOG.md's [Unreleased] entry has no "### Added" section for the additions`);
    if (pending.body === "") problems.push(`CHANGELOG.md's [Unreleased] entry is empty`);
  } else if ((RANK[bumped] ?? 0) < RANK[needed]) {
    const next = semver.inc(releasedVersion, needed);
    const kind = impact === "major" ? "a breaking change" : impact === "minor" ? "an additive change" : "a change";
    const rule = semver.major(releasedVersion) === 0 && needed !== impact ? " (0.x: npm's caret ranges)" : "";
    problems.push(
      `the contract has ${kind} since ${releasedVersion}, which needs a ${needed} bump${rule}: ${bumped === "none" ? `version ${version} is not bumped` : `${version} is a ${bumped} bump`}; release it as ${next} or later`,
    );
  }

  if (!top) problems.push("CHANGELOG.md has no version entry (## [x.y.z] - date)");
  else if (top.version !== version) problems.push(`CHANGELOG.md's latest entry is ${top.version}, package.json's version is ${version}`);
  if (impact !== "none" && top?.version === version && version !== releasedVersion) {
    if (impact === "major" && !/breaking/i.test(top.body)) problems.push(`CHANGELOG.md's ${version} entry does not call out the breaking change (say "Breaking")`);
    if (impact === "minor" && !/^### Added/m.test(top.body)) problems.push(`CHANGELOG.md's ${version} entry has no "### Added" section for the additions`);
    if (top.body === "") problems.push(`CHANGELOG.md's ${version} entry is empty`);
  }
  if (problems.length > 0 && breaking.length > 0) problems.push(`what breaks:\n${breaking.map((l) => `  - ${l}`).join("\n")}`);
  if (problems.length > 0 && added.length > 0) problems.push(`what was added:\n${added.map((l) => `  - ${l}`).join("\n")}`);
  return { problems, impact, report, unreleased };
}
