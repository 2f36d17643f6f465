// Every runnable snippet of README.md and docs/*.md, run or checked the way its fence says (see markdown-snippets.ts):
// a reader who copies one gets code that compiles, runs and prints what the page says, and commands that exist.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createMockFetch } from "../../src/testing/index.js";
import { repoPath } from "../helpers/spec.js";
import { productDocs, snippetsOf, type Snippet } from "./markdown-snippets.js";
import { entrySources, packageImports } from "./package-entries.js";
import { commandProblems, curlRequest, shellCommands, yamlRunSteps } from "./shell-commands.js";
import { SNIPPET_DIR, snippetFile, snippetSource, typecheckSnippets } from "./typecheck-snippets.js";

const docs = productDocs();
const snippets = docs.flatMap(snippetsOf);
// Output listings are not runnable; every other block is a test of its own, named by its document and line.
const runnable = snippets.filter((s) => s.mode !== "text");
const typed = snippets.filter((s) => s.mode === "run" || s.mode === "check");
const testFiles = (dir: string): string[] =>
  readdirSync(repoPath(dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(`${dir}/${e.name}`) : /\.test\.ts$/.test(e.name) ? [`${dir}/${e.name}`] : []));

let diagnostics: Map<string, string[]>;
beforeAll(() => {
  diagnostics = typecheckSnippets(typed);
}, 120_000);
afterAll(() => rmSync(SNIPPET_DIR, { recursive: true, force: true }));

/** Fails naming the entries a snippet imports that package.json does not export (yet). */
function expectExportedEntries(snippet: Snippet): void {
  const entries = entrySources();
  const missing = packageImports(snippet.code).filter((specifier) => !entries.has(specifier));
  expect(missing, `${snippet.name} imports entries package.json does not export`).toEqual([]);
}

/** Runs a `ts run` snippet as a module, with the in-process mock as the global fetch; returns what it printed. */
async function runSnippet(snippet: Snippet): Promise<string> {
  const entries = entrySources();
  const code = snippetSource(snippet).replace(/(from\s+|import\s*\(\s*)"([^"]+)"/g, (all, head: string, specifier: string) =>
    entries.has(specifier) ? `${head}${JSON.stringify(entries.get(specifier))}` : all,
  );
  const file = snippetFile(snippet).replace(/\.ts$/, ".run.ts");
  writeFileSync(file, code);
  const printed: string[] = [];
  const record = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation(record);
  vi.stubGlobal("fetch", createMockFetch());
  await import(pathToFileURL(file).href);
  return printed.join("\n");
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("README.md and the guides in docs/", () => {
  test("the README is a front door: at most 250 lines", () => {
    const lines = readFileSync(repoPath("README.md"), "utf8").trimEnd().split("\n").length;
    expect(lines).toBeLessThanOrEqual(250);
  });

  test("the guides the README links exist", () => {
    const guides = ["client", "retries", "mock-server", "testing", "verify", "generators", "versions"].map((g) => `docs/${g}.md`);
    expect(guides.filter((g) => !docs.includes(g))).toEqual([]);
  });

  test.each(docs)("%s links only to files and headings that exist", (doc) => {
    const text = readFileSync(repoPath(doc), "utf8").replace(/```[\s\S]*?```/g, "");
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split("#") as [string, string | undefined];
      const file = path ? join(dirname(doc), path) : doc;
      if (!existsSync(repoPath(file))) broken.push(`${target}: no file ${file}`);
      else if (anchor && file.endsWith(".md") && !headingSlugs(file).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${file}`);
    }
    expect(broken).toEqual([]);
  });

  test.each(docs)("%s names no issue numbers or review rounds", (doc) => {
    const text = readFileSync(repoPath(doc), "utf8");
    expect(text.match(/\bissues? \d+\b|\(#\d+\)|\breview rounds?\b|\badversarial review\b|\bthis round\b/gi) ?? []).toEqual([]);
  });

  test("found the snippets it is meant to run", () => {
    expect(typed.length).toBeGreaterThan(0);
    expect(runnable.filter((s) => s.mode === "shell").length).toBeGreaterThan(0);
  });
});

describe.each(runnable.map((s) => [s.name, s] as const))("snippet %s", (_, snippet) => {
  test(`${snippet.lang} ${snippet.mode ?? "(unmarked)"}`, async () => {
    switch (snippet.mode) {
      case undefined:
        throw new Error(`${snippet.name}: a \`\`\`${snippet.lang} block must say "run", "check" or "file=PATH" after its language, or use a language the test knows (sh, yaml, json, text)`);
      case "check":
      case "run": {
        expectExportedEntries(snippet);
        expect(diagnostics.get(snippet.name), `${snippet.name} does not type-check`).toEqual([]);
        if (snippet.mode === "check") break;
        const printed = await runSnippet(snippet);
        // `// prints: text` in a snippet promises that text among what it printed.
        for (const [, promised] of snippet.code.matchAll(/\/\/ prints: (.*)$/gm)) expect(printed, `${snippet.name} printed`).toContain(promised!.trim());
        break;
      }
      case "file": {
        const file = snippet.file!;
        expect(existsSync(repoPath(file)), `${snippet.name} quotes ${file}, which does not exist`).toBe(true);
        expect(snippet.code, `${snippet.name} must quote ${file} verbatim`).toBe(readFileSync(repoPath(file), "utf8"));
        // The quoted file is a test of the suite, or a test of the suite runs it (the browser example).
        const runBy = testFiles("test").filter((t) => t === file || readFileSync(repoPath(t), "utf8").includes(file.split("/").pop()!));
        expect(runBy, `no test runs ${file}`).not.toEqual([]);
        break;
      }
      case "shell": {
        const commands = shellCommands(snippet.code);
        expect(commands.flatMap(commandProblems), `${snippet.name} names commands that do not exist`).toEqual([]);
        for (const command of commands.filter((c) => c.words[0] === "curl")) {
          const answer = await createMockFetch()(curlRequest(command.words));
          expect(answer.status, `${snippet.name}: the mock's answer to ${command.words.join(" ")}`).toBe(200);
          if (command.expected) expect(await answer.json(), `${snippet.name}: the output shown under ${command.words[0]}`).toEqual(JSON.parse(command.expected));
        }
        break;
      }
      case "yaml": {
        // Supported Node lines only: 20 is past its end of life.
        const versions = [...snippet.code.matchAll(/node-version:\s*(\[[^\]]*\]|\S+)/g)].flatMap((m) => m[1]!.match(/\d+/g) ?? []);
        expect(versions.filter((v) => Number(v) < 22), `${snippet.name} uses an unsupported Node`).toEqual([]);
        const steps = yamlRunSteps(snippet.code);
        expect(steps.length, `${snippet.name} has no run: step`).toBeGreaterThan(0);
        expect(steps.flatMap((step) => shellCommands(step).flatMap(commandProblems)), `${snippet.name} names commands that do not exist`).toEqual([]);
        break;
      }
      case "json":
        expect(() => JSON.parse(snippet.code), `${snippet.name} is not JSON`).not.toThrow();
        break;
    }
  }, 30_000);
});

/** GitHub's heading anchors in a Markdown file. */
function headingSlugs(doc: string): Set<string> {
  const text = readFileSync(repoPath(doc), "utf8").replace(/```[\s\S]*?```/g, "");
  const slugs = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    slugs.add(heading!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"));
  }
  return slugs;
}
