import { mkdirSync, writeFileSync } from "node:fs";
import { operation, repoPath } from "./spec.js";

/** The request samples the docs page shows (x-codeSamples). */
export const samples: Array<{ lang: string; label: string; source: string }> = operation["x-codeSamples"];

/** The source of the sample with this label. */
export const sample = (label: string) => samples.find((s) => s.label === label)!.source;

/** A TypeScript sample written into `work` as a module of this repository: the package's import names point at src/. */
export function asRepoModule(work: string, name: string, source: string): string {
  mkdirSync(work, { recursive: true });
  const path = `${work}/${name}.mts`;
  writeFileSync(
    path,
    source
      .replace(/"oneaccess-sms-login\/mock"/g, JSON.stringify(repoPath("src/mock/index.js")))
      .replace(/"oneaccess-sms-login"/g, JSON.stringify(repoPath("src/index.js"))),
  );
  return path;
}
