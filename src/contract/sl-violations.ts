// The `sl-violations` header both mocks write (the Prism mock's src/mock/safe-headers.ts and the in-process one):
// always JSON, always a valid header value, always bounded.

/** One entry of the `sl-violations` header, in Prism's shape. */
export interface SlViolation {
  location: string[];
  severity: string;
  code?: string | number | undefined;
  message: string;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

/** JSON whose every character outside printable ASCII is \u-escaped: always a valid header value, and still JSON. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_PRINTABLE_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Prism's limit for the header (its MAX_SAFE_HEADER_LENGTH): proxies and clients refuse much longer ones. */
export const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;
/** Messages quote field names, which come from the request and may be huge: each is cut here. */
const MAX_MESSAGE = 200;
/** Room kept for the closing note (far more than it takes). */
const NOTE_ROOM = 200;

/**
 * The header value for a list of violations: a JSON array of them, cut (where Prism cut the text itself, leaving
 * "Too many violations! <half an array>") after the first ones that fit under {@link MAX_VIOLATIONS_HEADER}
 * characters, with a last entry `{ code: "truncated", severity: "Information" }` saying how many were left out.
 */
export function violationsHeader(list: readonly SlViolation[]): string {
  const entries = list.map((v) => asciiJson(v.message.length > MAX_MESSAGE ? { ...v, message: `${v.message.slice(0, MAX_MESSAGE - 1)}…` } : v));
  if (entries.reduce((size, entry) => size + entry.length + 1, 1) <= MAX_VIOLATIONS_HEADER) return `[${entries.join(",")}]`;
  const kept: string[] = [];
  let size = 1 + NOTE_ROOM;
  for (const entry of entries) {
    if (size + entry.length + 1 > MAX_VIOLATIONS_HEADER) break;
    kept.push(entry);
    size += entry.length + 1;
  }
  const left = list.length - kept.length;
  const note = { location: ["sl-violations"], severity: "Information", code: "truncated", message: `${left} more violations left out to keep this header under ${MAX_VIOLATIONS_HEADER} characters` };
  return `[${[...kept, asciiJson(note)].join(",")}]`;
}
