import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoPath } from "../helpers/spec.js";
import type { Snippet } from "./markdown-snippets.js";
import { entrySources } from "./package-entries.js";

/** Where snippets are written to be compiled and run (gitignored; one folder per process, so runs cannot collide). */
export const SNIPPET_DIR = repoPath(`.tmp/snippets/${process.pid}`);

/** A file name for a snippet: its document and line, so a compiler message names where it came from. */
export const snippetFile = (snippet: Snippet): string =>
  join(SNIPPET_DIR, `${snippet.doc.replace(/[^A-Za-z0-9]+/g, "-")}-L${snippet.line}.ts`);

/** The source a snippet is compiled from: its hidden context, then its code; a module even without imports. */
export const snippetSource = (snippet: Snippet): string => `${snippet.context}${snippet.code}export {};\n`;

/**
 * Type-checks every snippet in one compiler run, as a consumer's strict NodeNext project with the package installed
 * (its entries resolve to the source, through package.json's exports). Returns each snippet's diagnostics, located in
 * its document ("README.md:57: error TS2345: ...").
 */
export function typecheckSnippets(snippets: Snippet[]): Map<string, string[]> {
  rmSync(SNIPPET_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPET_DIR, { recursive: true });
  const byFile = new Map<string, Snippet>();
  for (const snippet of snippets) {
    const file = snippetFile(snippet);
    writeFileSync(file, snippetSource(snippet));
    byFile.set(file, snippet);
  }
  const paths = Object.fromEntries([...entrySources()].map(([specifier, source]) => [specifier, [source]]));
  const tsconfig = {
    extends: repoPath("tsconfig.json"),
    compilerOptions: { paths, resolveJsonModule: true, noEmit: true },
    include: [join(SNIPPET_DIR, "*.ts")],
    exclude: [],
  };
  writeFileSync(join(SNIPPET_DIR, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  const tsc = spawnSync(process.execPath, [repoPath("node_modules/typescript/bin/tsc"), "-p", join(SNIPPET_DIR, "tsconfig.json"), "--pretty", "false"], {
    cwd: repoPath(""),
    encoding: "utf8",
  });

  const diagnostics = new Map<string, string[]>(snippets.map((s) => [s.name, []]));
  const unplaced: string[] = [];
  for (const line of tsc.stdout.split("\n").filter(Boolean)) {
    const at = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
    const snippet = at ? byFile.get(repoPath(at[1]!)) ?? byFile.get(at[1]!) : undefined;
    if (!at || !snippet) {
      unplaced.push(line);
      continue;
    }
    // Line 1 of the file is the first context line, then the code, which starts one line below the fence.
    const contextLines = snippet.context ? snippet.context.split("\n").length - 1 : 0;
    const codeLine = Number(at[2]) - contextLines;
    const where = codeLine >= 1 ? `${snippet.doc}:${snippet.line + codeLine}` : `${snippet.name} (its <!-- context --> comment)`;
    diagnostics.get(snippet.name)!.push(`${where}: ${at[4]}`);
  }
  // Errors outside the snippets (the source itself, the config) would otherwise pass unseen.
  if (unplaced.length > 0 || (tsc.status !== 0 && [...diagnostics.values()].every((d) => d.length === 0))) {
    throw new Error(`tsc failed outside the snippets (exit ${tsc.status}):\n${[...unplaced, tsc.stderr].join("\n")}`);
  }
  return diagnostics;
}
