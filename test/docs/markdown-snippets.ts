import { readFileSync, readdirSync } from "node:fs";
import { repoPath } from "../helpers/spec.js";

/**
 * How a fenced block says what the snippet test does with it, after its language in the info string:
 *   ```ts run      type-checked against the source, then executed with the in-process mock as the global fetch
 *   ```ts check    type-checked only (it needs a browser, a server's request object, ...)
 *   ```ts file=P   quoted verbatim from the repository file P, which the suite runs itself
 *   ```sh / ```yaml  every command it names is checked (scripts, bins, subcommands, flags, files, env, curl output)
 *   ```json        parsed;   ```text  not runnable (output, listings)
 * An HTML comment `<!-- context ... -->` right above a `check` block holds declarations the reader is assumed to have
 * (a request object, a helper); it is type-checked with the block and never shown.
 */
export type SnippetMode = "run" | "check" | "file" | "shell" | "yaml" | "json" | "text";

/** One fenced code block of a Markdown file. */
export interface Snippet {
  /** Repository-relative Markdown file. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The language word of the info string. */
  lang: string;
  /** What the snippet test does with it; undefined when the info string does not say (a failure of its own). */
  mode: SnippetMode | undefined;
  /** For `file=`: the quoted repository file. */
  file?: string;
  /** The block's text, indentation of the fence removed, ending in a newline. */
  code: string;
  /** Declarations from a `<!-- context -->` comment right above the fence. */
  context: string;
  /** Short name used in test titles: doc:line. */
  name: string;
}

const FENCE = /^( *)```(.*)$/;
const LANG_MODES: Record<string, SnippetMode> = { sh: "shell", bash: "shell", shell: "shell", yaml: "yaml", yml: "yaml", json: "json", text: "text" };

/** Every document whose snippets must run: the README, the guides under docs/, BENCHMARKS.md and CONTRIBUTING.md. */
export function productDocs(): string[] {
  const guides = readdirSync(repoPath("docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...guides, "BENCHMARKS.md", "CONTRIBUTING.md"];
}

/** The fenced blocks of one Markdown file, in order. */
export function snippetsOf(doc: string): Snippet[] {
  const lines = readFileSync(repoPath(doc), "utf8").split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const [lang = "", ...meta] = open[2]!.trim().split(/\s+/);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^ *```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    snippets.push({
      doc,
      line: i + 1,
      lang,
      ...modeOf(lang, meta),
      code: body.join("\n") + "\n",
      context: contextAbove(lines, i),
      name: `${doc}:${i + 1}`,
    });
    i = j;
  }
  return snippets;
}

function modeOf(lang: string, meta: string[]): Pick<Snippet, "mode" | "file"> {
  if (lang === "ts" || lang === "typescript") {
    const file = meta.find((word) => word.startsWith("file="));
    if (file) return { mode: "file", file: file.slice("file=".length) };
    if (meta.includes("run")) return { mode: "run" };
    if (meta.includes("check")) return { mode: "check" };
    return { mode: undefined };
  }
  return { mode: LANG_MODES[lang] };
}

/** The text of a `<!-- context ... -->` comment ending on the line above the fence, or "". */
function contextAbove(lines: string[], fence: number): string {
  if (fence === 0 || lines[fence - 1]!.trim() !== "-->") return "";
  let start = fence - 2;
  while (start >= 0 && !lines[start]!.startsWith("<!-- context")) start--;
  return start < 0 ? "" : lines.slice(start + 1, fence - 1).join("\n") + "\n";
}
