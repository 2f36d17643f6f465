import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoPath } from "../helpers/spec.js";
import { pkg } from "./package-entries.js";

/** One simple command of a shell snippet, with the JSON output a comment right below it promises, if any. */
export interface ShellCommand {
  words: string[];
  /** `# {...}` on the line after the command: what it prints. */
  expected?: string;
}

/** The bin's subcommands the docs may name. */
export const SUBCOMMANDS = ["mock", "verify", "docs"];

/** Splits shell text into simple commands (quote-aware; `&&`, `||`, `;`, `|` and newlines separate them). */
export function shellCommands(text: string): ShellCommand[] {
  // A closing newline, so a comment or quote always ends (an unclosed quote runs to the end, as a word).
  const code = text.endsWith("\n") ? text : `${text}\n`;
  const until = (char: string, from: number) => (code.indexOf(char, from) < 0 ? code.length : code.indexOf(char, from));
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === "\\" && code[i + 1] === "\n") i++;
    else if (c === "'") {
      const end = until("'", i + 1);
      word = (word ?? "") + code.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = "";
      for (i++; i < code.length && code[i] !== '"'; i++) text += code[i] === "\\" ? code[++i] : code[i];
      word = (word ?? "") + text;
    } else if (c === "#" && word === undefined) {
      const end = until("\n", i);
      const comment = code.slice(i + 1, end).trim();
      // A JSON comment on its own line right after a command is that command's output.
      const last = commands[commands.length - 1];
      if (words.length === 0 && last && /^[{[]/.test(comment) && last.expected === undefined) last.expected = comment;
      else if (words.length > 0) endCommand();
      i = end - 1;
    } else if (c === "\n" || c === ";") endCommand();
    else if ((c === "&" || c === "|") && word === undefined) {
      if (code[i + 1] === c) i++;
      endCommand();
    } else if (c === " " || c === "\t") endWord();
    else word = (word ?? "") + c;
  }
  endCommand();
  return commands;
}

/** The `run:` steps of a CI YAML snippet, folded blocks joined as YAML joins them. */
export function yamlRunSteps(code: string): string[] {
  const lines = code.split("\n");
  const steps: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const run = /^(\s*)(?:- )?run:\s*(.*)$/.exec(lines[i]!);
    if (!run) continue;
    if (!/^[>|]-?$/.test(run[2]!)) {
      steps.push(run[2]!);
      continue;
    }
    const folded: string[] = [];
    const indent = run[1]!.length;
    for (; i + 1 < lines.length && (lines[i + 1]!.match(/^\s*/)![0].length > indent + 2 || lines[i + 1]!.trim() === ""); i++) folded.push(lines[i + 1]!.trim());
    steps.push(folded.join(run[2]!.startsWith(">") ? " " : "\n"));
  }
  return steps;
}

/** Text of every file under these repository folders (to check that an option or variable a snippet names exists). */
function corpus(...roots: string[]): string {
  const texts: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) readdirSync(path).forEach((name) => walk(join(path, name)));
    else if (/\.(ts|mjs|js|sh)$|\/run$/.test(path)) texts.push(readFileSync(path, "utf8"));
  };
  roots.map(repoPath).filter(existsSync).forEach(walk);
  return texts.join("\n");
}

const SOURCE = corpus("src");
const EVERYTHING = `${SOURCE}\n${corpus("scripts", "test", ".ci")}`;
/** Commands the docs may use that belong to the system, not to this package. */
const SYSTEM_COMMANDS = new Set(["mkdir", "tar", "cd", "git", "export", "echo", "cat", "ls", "open", "kill"]);

/** What is wrong with one command of a snippet, in words a doc writer can act on ([] when it is right). */
export function commandProblems(command: ShellCommand): string[] {
  const words = [...command.words];
  const problems: string[] = [];
  while (words.length > 1 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const name = words.shift()!.split("=")[0]!;
    if (!EVERYTHING.includes(name)) problems.push(`environment variable ${name} is read nowhere in src/, scripts/, test/ or .ci/`);
  }
  const [program, ...args] = words as [string, ...string[]];
  const line = words.join(" ");
  switch (program) {
    case "npm":
      return [...problems, ...npmProblems(args, line)];
    case "npx":
      return [...problems, ...npxProblems(args, line)];
    case "node":
    case "bash":
      return [...problems, ...args.filter((a) => !a.startsWith("-")).slice(0, 1).filter((f) => !existsSync(repoPath(f))).map((f) => `${line}: no file ${f}`)];
    case ".ci/run":
      return problems;
    case "curl":
      return problems; // sent to the in-process mock by the test itself
    default:
      if (SYSTEM_COMMANDS.has(program)) return problems;
      return [...problems, `${line}: the snippet test does not know the command ${program}; teach test/docs/shell-commands.ts`];
  }
}

function npmProblems([sub, ...args]: string[], line: string): string[] {
  switch (sub) {
    case "test":
    case "start":
      return pkg.scripts[sub] ? [] : [`${line}: package.json has no ${sub} script`];
    case "run":
      return pkg.scripts[args[0]!] ? [] : [`${line}: package.json has no script ${args[0]}`];
    case "install":
    case "i":
      return args.filter((a) => !a.startsWith("-")).flatMap((spec) => installSpecProblems(spec, line));
    case "ci":
    case "pack":
    case "diff":
    case "outdated":
    case "version":
    case "publish":
      return [];
    default:
      return [`${line}: npm ${sub} is not a command the snippet test knows`];
  }
}

/** A package a doc tells the reader to install: this one (by name, tarball or git tag) or a pinned peer or tool. */
function installSpecProblems(spec: string, line: string): string[] {
  if (spec === pkg.name) return [];
  const tarball = /(?:^|\/)oneaccess-sms-login-(\d+\.\d+\.\d+)\.tgz$/.exec(spec);
  if (tarball) return tarball[1] === pkg.version ? [] : [`${line}: the tarball's version is not package.json's ${pkg.version}`];
  const git = /^git\+https:\/\/.+\.git#v(\d+\.\d+\.\d+)$/.exec(spec);
  if (git) return git[1] === pkg.version ? [] : [`${line}: the git tag is not v${pkg.version}`];
  const at = spec.lastIndexOf("@");
  const [name, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
  if (!(name in pkg.peerDependencies) && !(name in pkg.devDependencies)) return [`${line}: ${name} is neither a peer nor a dev dependency`];
  if (version !== undefined && pkg.devDependencies[name] !== version) return [`${line}: ${name}@${version} is not the tested ${pkg.devDependencies[name]}`];
  return [];
}

function npxProblems(args: string[], line: string): string[] {
  const [tool, ...rest] = args.filter((a, i) => i > 0 || !a.startsWith("-")) as [string, ...string[]];
  if (tool === pkg.name) {
    if (!pkg.bin?.[pkg.name]) return [`${line}: package.json has no bin "${pkg.name}" (yet)`];
    const problems: string[] = [];
    if (!SUBCOMMANDS.includes(rest[0]!)) problems.push(`${line}: ${rest[0]} is not one of the subcommands ${SUBCOMMANDS.join(", ")}`);
    const own = rest.slice(0, rest.includes("--") ? rest.indexOf("--") : undefined);
    for (const flag of own.filter((a) => /^--[a-z]/.test(a))) {
      if (!SOURCE.includes(flag.split("=")[0]!)) problems.push(`${line}: no usage text in src/ names ${flag}`);
    }
    return problems;
  }
  if (tool === "vitest") return rest.slice(1).filter((p) => !p.startsWith("-") && !existsSync(repoPath(p))).map((p) => `${line}: no path ${p}`);
  const pinned = /^(@?[^@]+)@(.+)$/.exec(tool);
  if (pinned && pkg.devDependencies[pinned[1]!]) {
    return pkg.devDependencies[pinned[1]!] === pinned[2] ? [] : [`${line}: ${tool} is not the pinned ${pkg.devDependencies[pinned[1]!]}`];
  }
  return [`${line}: npx ${tool} is not a tool the snippet test knows`];
}

/** What a curl command sends, as a Request (the mock answers any origin). */
export function curlRequest(words: string[]): Request {
  let method = "GET";
  let body: string | undefined;
  let url = "";
  const headers = new Headers();
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === "-X") method = words[++i]!;
    else if (word === "-H") {
      const header = words[++i]!;
      headers.append(header.slice(0, header.indexOf(":")), header.slice(header.indexOf(":") + 1).trim());
    } else if (word === "-d" || word === "--data") {
      body = words[++i]!;
      if (method === "GET") method = "POST";
    } else if (!word.startsWith("-")) url = word;
  }
  return new Request(url, { method, headers, body });
}
