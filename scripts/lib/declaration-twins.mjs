// The CommonJS declarations (.d.cts) of a package entry whose code is one ES module build.
//
// A peer package with separate ES module and CommonJS declarations (msw: lib/core/index.d.mts and index.d.ts) has two
// copies of each class, and TypeScript does not take one for the other (TS2345, "HttpHandler is not assignable to
// AnyHandler"). A CommonJS consumer's `msw/node` resolves to msw's CommonJS copy, so a declaration file that names a
// peer's types gets a CommonJS twin (.d.cts, where `from "msw"` resolves as require() does), as does every file of
// ours it imports that names them. Declarations that name no peer stay one copy, re-exported, so a class of ours is
// one type whichever way a consumer loads it.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The peers whose types come in an ES module and a CommonJS copy. */
const PEERS = /^msw(\/|$)/;
/** The module specifiers of a declaration file: `from "x"`, `import("x")`, `import "x"`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"']+)\1/g;

/** The declaration file a relative specifier of `file` names (./x.js -> x.d.ts). */
const declarationOf = (file, specifier) => join(dirname(file), specifier.replace(/\.js$/, ".d.ts"));

/**
 * Writes `cjsTypes`, the CommonJS declarations of the entry whose ES module declarations are `esmTypes`: a re-export
 * of them, or, when they name a peer's types, a twin of them (and of each file of ours they import that names them).
 * Returns the twins written.
 */
export function writeCommonJsDeclarations(esmTypes, cjsTypes) {
  // The entry's declaration files and their relative imports; then, until nothing changes, a file names a peer's types
  // when it imports the peer or a file that does (import cycles included).
  const imports = new Map();
  const namesPeer = new Set();
  for (const pending = [esmTypes]; pending.length > 0; ) {
    const file = pending.pop();
    if (imports.has(file)) continue;
    const specifiers = [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((match) => match[2]);
    if (specifiers.some((s) => PEERS.test(s))) namesPeer.add(file);
    const relatives = specifiers.filter((s) => s.startsWith(".")).map((s) => declarationOf(file, s));
    imports.set(file, relatives);
    pending.push(...relatives);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, relatives] of imports) {
      if (!namesPeer.has(file) && relatives.some((r) => namesPeer.has(r))) grew = Boolean(namesPeer.add(file));
    }
  }
  const importsPeer = (file) => namesPeer.has(file);
  const twins = [];
  /** Writes file's twin, its imports of files that name a peer pointed at their twins (./x.cjs -> x.d.cts). */
  const writeTwin = (file, twin) => {
    if (twins.includes(twin)) return;
    twins.push(twin);
    const text = readFileSync(file, "utf8").replace(SPECIFIER, (whole, quote, specifier) => {
      if (!specifier.startsWith(".") || !importsPeer(declarationOf(file, specifier))) return whole;
      const imported = declarationOf(file, specifier);
      writeTwin(imported, imported.replace(/\.d\.ts$/, ".d.cts"));
      return whole.replace(`${quote}${specifier}${quote}`, `${quote}${specifier.replace(/\.js$/, ".cjs")}${quote}`);
    });
    writeFileSync(twin, text);
  };
  if (importsPeer(esmTypes)) writeTwin(esmTypes, cjsTypes);
  else writeFileSync(cjsTypes, `export * from "./${basename(esmTypes).replace(/\.d\.ts$/, ".js")}";\n`);
  return twins;
}
