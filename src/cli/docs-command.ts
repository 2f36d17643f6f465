// `oneaccess-sms-login docs`: writes the API docs page that ships in the package. The build renders it from the
// bundled spec (generated/openapi.json) with Redoc inlined (scripts/docs.mjs), so writing it needs neither the network
// nor Redocly at run time: the page is one self-contained HTML file.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ReportFileError, writeReportFile } from "../check/junit-file.js";

/** Where the built package keeps the page, relative to this module (dist/src/cli/). */
const PAGE = new URL("../../docs/api.html", import.meta.url);

/** The file `docs` writes when given no --out. */
export const DEFAULT_DOCS_FILE = "oneaccess-sms-login-api.html";

/** The docs subcommand's usage line. */
export const DOCS_USAGE = `oneaccess-sms-login docs [--out FILE (default ${DEFAULT_DOCS_FILE})]`;

/**
 * `docs`: copies the shipped page to --out (folders created, an existing regular file replaced, a symbolic link
 * refused) and says where it went.
 */
export async function runDocs(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string", default: DEFAULT_DOCS_FILE } } });
  if (values.out === "") throw new TypeError("--out takes a file name");
  let page: Buffer;
  try {
    page = readFileSync(PAGE);
  } catch (cause) {
    // Not a wrong call: the installation lacks the page (a build that skipped it), so exit 1 without usage.
    throw new Error(`the docs page is missing from this installation (${(cause as NodeJS.ErrnoException).code ?? "unreadable"}): reinstall oneaccess-sms-login`);
  }
  const out = resolve(values.out);
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (cause) {
    throw new TypeError(`--out ${values.out} cannot be written (${(cause as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  try {
    // As verify's --junit: a new file renamed over `out`, never written through a link (its target may be any file
    // the user can write) and never half-written.
    writeReportFile(out, page, "docs");
  } catch (error) {
    if (!(error instanceof ReportFileError)) throw error;
    throw new TypeError(`--out ${error.message}`);
  }
  console.log(`wrote ${out} (${Math.round(page.length / 1024)} KiB): open it in a browser, it needs no network`);
  return 0;
}
