import { parseArgs } from "node:util";
import { TOKEN } from "../client/headers.js";
import { CheckOptionsError } from "./check-options-error.js";
import { namable } from "./header-options.js";

// verify's options: strings take a value, flags none; only --header may be given more than once.
const OPTIONS = {
  upstream: { type: "string" },
  "client-id": { type: "string" },
  "tenant-id": { type: "string" },
  header: { type: "string", multiple: true },
  "max-requests": { type: "string" },
  "timeout-ms": { type: "string" },
  junit: { type: "string" },
  "spend-code": { type: "boolean" },
  "send-sms": { type: "boolean" },
} as const;

type Name = keyof typeof OPTIONS;

/** verify's arguments, read: each string option's value as given (never empty), the flags, the headers by name. */
export interface VerifyArgs {
  readonly upstream?: string;
  readonly "client-id"?: string;
  readonly "tenant-id"?: string;
  readonly "max-requests"?: string;
  readonly "timeout-ms"?: string;
  readonly junit?: string;
  readonly "spend-code": boolean;
  readonly "send-sms": boolean;
  /** The --header lines as name and value, names as spelled, each name once in any case. */
  readonly headers: Record<string, string>;
}

const known = (name: string): name is Name => Object.hasOwn(OPTIONS, name);

/**
 * Reads verify's command line, or throws a CheckOptionsError that quotes no argument: any of them may be a secret (an
 * unquoted `--header X-Api-Key: value` leaves the value as an argument of its own), so a wrong one is named by its
 * position, and an option by its name only when it is one of verify's. An empty value (an unset `$VARIABLE`) is
 * refused rather than read as "not given", and so is an option given twice (which one was meant?).
 */
export function readVerifyArgs(argv: readonly string[]): VerifyArgs {
  // Not strict: node's own errors quote the argument they stumble on, so each token is judged here instead.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values: Partial<Record<Name, string | boolean>> = {};
  const lines: string[] = [];
  for (const token of tokens) {
    const at = `argument ${token.index + 1}`;
    if (token.kind === "option-terminator") throw new CheckOptionsError(`${at} is "--": verify takes no arguments after it`);
    if (token.kind === "positional") {
      throw new CheckOptionsError(`${at} is neither an option nor an option's value (an unquoted --header? write --header 'Name: value')`);
    }
    if (!known(token.name)) throw new CheckOptionsError(`${at} is not an option of verify`);
    const option = `--${token.name}`;
    if (OPTIONS[token.name].type === "boolean") {
      if (token.value !== undefined) throw new CheckOptionsError(`${option} takes no value`);
      if (values[token.name] !== undefined) throw new CheckOptionsError(`${option} is given twice`);
      values[token.name] = true;
      continue;
    }
    // As node's strict mode: `--junit --spend-code` is a forgotten value, not a file named "--spend-code".
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) {
      throw new CheckOptionsError(`${option} needs a value (write ${option}=VALUE for one starting with -)`);
    }
    if (token.value === "") throw new CheckOptionsError(`${option} has an empty value (an unset variable?)`);
    if (token.name === "header") lines.push(token.value);
    else if (values[token.name] !== undefined) throw new CheckOptionsError(`${option} is given twice`);
    else values[token.name] = token.value;
  }
  return { ...(values as Omit<VerifyArgs, "headers">), "spend-code": values["spend-code"] === true, "send-sms": values["send-sms"] === true, headers: headerLines(lines) };
}

/** `Name: value` lines as a record; a line without a name, a name given twice in any case or an empty value refused. */
function headerLines(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at < 1) throw new CheckOptionsError(`--header takes "Name: value", got a value without a colon`);
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    // Only a name of header characters is quoted: anything else may be a value that lost its line.
    if (!TOKEN.test(name)) throw new CheckOptionsError("a header name is not a valid token");
    // The second would silently replace the first; names are case-insensitive on the wire.
    if (seen.has(name.toLowerCase())) throw new CheckOptionsError(namable(name) ? `header ${name} is given twice` : "a --header name is given twice (names are case-insensitive)");
    seen.add(name.toLowerCase());
    headers[name] = value;
  }
  return headers;
}
