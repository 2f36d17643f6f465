import { readFileSync } from "node:fs";
import { repoPath } from "../helpers/spec.js";

/** package.json, as the snippet checks read it. */
export const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8")) as {
  name: string;
  version: string;
  bin?: Record<string, string>;
  scripts: Record<string, string>;
  exports: Record<string, string | { import?: { types?: string }; types?: string }>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/**
 * Each import specifier a consumer can write ("oneaccess-sms-login", "oneaccess-sms-login/testing", ...) mapped to the
 * source file behind it, read from package.json's exports: a snippet importing an entry the package does not export
 * fails, as it would for a consumer.
 */
export function entrySources(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const specifier = pkg.name + subpath.slice(1);
    if (typeof target === "string") {
      if (target.endsWith(".json")) entries.set(specifier, repoPath(target.slice(2)));
      continue;
    }
    // ./dist/src/testing/index.d.ts is built from src/testing/index.ts.
    const types = target.import?.types ?? target.types;
    if (types) entries.set(specifier, repoPath(types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts")));
  }
  return entries;
}

/** The package's own import specifiers a piece of code uses. */
export function packageImports(code: string): string[] {
  const found = code.matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)|\brequire\(\s*"([^"]+)"\s*\)/g);
  return [...found].map((m) => m[1] ?? m[2] ?? m[3]!).filter((s) => s === pkg.name || s.startsWith(`${pkg.name}/`));
}
