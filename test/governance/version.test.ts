import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CONTRACT_VERSION } from "../../src/index.js";
import { repoPath, spec } from "../helpers/spec.js";

const read = (path: string) => readFileSync(repoPath(path), "utf8");
const packageVersion: string = JSON.parse(read("package.json")).version;
/** The versions of a changelog's entries, newest first ([Unreleased] left out). */
const versions = (changelog: string) => [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\]/gm)].map((m) => m[1]);

describe("one version", () => {
  test("package.json, the spec's info.version (source and bundle) and CONTRACT_VERSION agree", () => {
    const sourceVersion = read("openapi/openapi.yaml").match(/^info:\n(?:  .*\n)*?  version: (.*)$/m)?.[1];
    expect({ source: sourceVersion, bundle: spec.info.version, constant: CONTRACT_VERSION }).toEqual({
      source: packageVersion,
      bundle: packageVersion,
      constant: packageVersion,
    });
  });

  test("CHANGELOG.md's latest entry is that version, dated, in Keep a Changelog form", () => {
    const text = read("CHANGELOG.md");
    expect(text).toMatch(/^# Changelog\n/);
    expect(text).toContain("Keep a Changelog");
    expect(versions(text)[0]).toBe(packageVersion);
    for (const heading of text.match(/^## .*$/gm) ?? []) expect(heading).toMatch(/^## \[(Unreleased|\d+\.\d+\.\d+)\]( - \d{4}-\d{2}-\d{2})?$/);
  });

  test("every released contract snapshot is named for its info.version and has a CHANGELOG.md entry", () => {
    const logged = versions(read("CHANGELOG.md"));
    const snapshots = readdirSync(repoPath("openapi/released")).filter((f) => f.endsWith(".json"));
    expect(snapshots.length).toBeGreaterThan(0);
    for (const file of snapshots) {
      const version = JSON.parse(read(`openapi/released/${file}`)).info.version;
      expect(file).toBe(`${version}.json`);
      expect(logged).toContain(version);
    }
  });
});
