import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { repoPath } from "../helpers/spec.js";

const readme = readFileSync(repoPath("README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Unit tests without a server"), readme.indexOf("## Checking a real server"));

describe('README "Unit tests without a server"', () => {
  test.each(["vitest-msw.test.ts", "plain-fetch.test.ts", "browser-page.ts"])("quotes test/testing/examples/%s verbatim", (file) => {
    const code = readFileSync(repoPath(`test/testing/examples/${file}`), "utf8");
    expect(section).toContain("```ts\n" + code + "```\n");
  });

  test("shows no other code", () => {
    expect(section.match(/```ts\n/g)).toHaveLength(3);
  });
});
