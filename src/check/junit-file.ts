import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync, constants } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/** Why the report file cannot be written, or undefined. */
export class ReportFileError extends Error {
  override readonly name = "ReportFileError";
}

const code = (cause: unknown) => (cause as NodeJS.ErrnoException)?.code ?? "unknown error";

/** What stands at `file` now: nothing, a regular file, or something the report must never replace. */
function refusal(file: string, writer: string): string | undefined {
  try {
    const stat = lstatSync(file);
    // A link is never written through: its target may be any file the user can write (a CI job's ~/.bashrc).
    if (stat.isSymbolicLink()) return `is a symbolic link, which ${writer} never writes through`;
    if (!stat.isFile()) return "is not a regular file";
  } catch (cause) {
    if (code(cause) !== "ENOENT") return `cannot be inspected (${code(cause)})`;
  }
  return undefined;
}

/** A new file next to `file`, created exclusively and without following links (O_EXCL | O_NOFOLLOW), holding `text`. */
function writeTemporary(file: string, text: string | Uint8Array): string {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const fd = openSync(temporary, flags, 0o644);
  try {
    const bytes = typeof text == "string" ? Buffer.from(text) : text;
    // writeSync may write less than asked: a page of megabytes is written to its end.
    for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

/**
 * Checks, before anything is sent, that the report can be written at `file`: its folder exists or can be made, a file
 * can be created there, and `file` is absent or a regular file (never a link). Throws ReportFileError saying why not.
 * Creates nothing at `file` itself.
 */
export function checkReportFile(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (cause) {
    throw new ReportFileError(`${file} cannot be written: its folder cannot be made (${code(cause)})`);
  }
  const refused = refusal(file, "verify");
  if (refused) throw new ReportFileError(`${file} ${refused}`);
  let probe: string;
  try {
    probe = writeTemporary(file, "");
  } catch (cause) {
    throw new ReportFileError(`${file} cannot be written (${code(cause)})`);
  }
  rmSync(probe, { force: true });
}

/**
 * Writes the report: a new file beside `file`, then renamed over it, so a reader never sees half a report and a link
 * placed at `file` meanwhile is replaced, not written through (and refused when seen first). Throws ReportFileError;
 * `writer` names the command in the refusal of a link. Also what `oneaccess-sms-login docs --out` writes with.
 */
export function writeReportFile(file: string, text: string | Uint8Array, writer = "verify"): void {
  const refused = refusal(file, writer);
  if (refused) throw new ReportFileError(`${file} ${refused}`);
  let temporary: string | undefined;
  try {
    temporary = writeTemporary(file, text);
    renameSync(temporary, file);
  } catch (cause) {
    if (temporary) rmSync(temporary, { force: true });
    throw new ReportFileError(`${file} cannot be written (${code(cause)})`);
  }
}
