// Kept only for src/check (verify), which imports it until its own rewrite lands; the client no longer redacts: its
// views are safe by construction (docs/views.md). To be removed with that rewrite.
/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of the call's secrets in text, however a server formatted them. */
export type Redactor = (text: string) => string;

// What a server may put between the digits of a number: "+86 (139) 1234-5678", "139.1234.5678", "139_1234/5678".
const SEP = "[^\\p{L}\\p{N}]{0,3}";
// Fewer characters than this could be ordinary text ("Code 42", "HTTP 503"): matched only as a whole token.
const SHORT = 6;
// More characters than any mobile number (E.164: at most 15 digits, written with separators) or code: such a secret
// is found only as written, since a formatting-tolerant pattern of a caller's 100 000 digits would take the regular
// expression engine minutes, or be too large for it.
const LONG = 64;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The pattern that finds one secret in text, and its encoded forms servers echo: base64 and base64url wherever the
 * secret sits in the encoded text, and hex (any letter case: the pattern ignores case).
 */
function pattern(secret: string): string {
  // Only for secrets long enough that their encodings cannot be ordinary text.
  if (secret.length < SHORT) return written(secret);
  // Its UTF-8 bytes as the Latin-1 text btoa takes (a loop: spreading a huge secret's bytes would overflow the stack).
  let raw = "";
  for (const byte of new TextEncoder().encode(secret)) raw += String.fromCharCode(byte);
  const hex = [...raw].map((c) => (c.charCodeAt(0) + 256).toString(16).slice(1)).join("");
  // Base64 encodes 3 bytes in 4 characters, so a secret inside a longer text starts at one of 3 offsets; at each,
  // the characters between its first and last whole 6 bits depend on its bytes alone.
  const base64 = [0, 1, 2].map((offset) =>
    btoa("\0".repeat(offset) + raw)
      .slice(Math.ceil((offset * 4) / 3), Math.floor(((offset + raw.length) * 4) / 3))
      .replace(/\+/g, "[+-]")
      .replace(/\//g, "[/_]"),
  );
  return [written(secret), hex, ...base64].join("|");
}

/** The pattern that finds one secret as written, however a server formatted it. */
function written(secret: string): string {
  const number = /^(\+|00)?[\d\s().-]+$/.exec(secret);
  const digits = secret.replace(/\D/g, "");
  if (number && digits.length >= SHORT) {
    // Written with a country prefix: "00" and up to 3 digits are optional (never leaving fewer than SHORT), so the
    // national number alone is found too.
    const optional = Math.max(0, Math.min(number[1] ? (number[1] == "+" ? 3 : 5) : 0, digits.length - SHORT));
    const lead = [...digits.slice(0, optional)].map((d) => `(?:${d}${SEP})?`).join("");
    const body = lead + [...digits.slice(optional)].join(SEP);
    // Any country prefix the server adds goes with it: "+86 139…" becomes "[REDACTED]", not "+86 [REDACTED]".
    return `(?:(?:\\+|00)\\d{1,3}${SEP})?${body}`;
  }
  return secret.length >= SHORT ? escape(secret) : `(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`;
}

/** Decodes %XX escapes; never throws, unlike decodeURIComponent on a stray "%". */
const unescapeUrl = (text: string) => text.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Decodes HTML character references ("&#49;", "&#x31;"); leaves any past the last code point as they are. */
const unescapeHtml = (text: string) =>
  text.replace(/&#(x[\da-f]{1,6}|\d{1,7});?/gi, (ref, n: string) => {
    // "0x31" and "049" are both 49 to Number.
    const point = Number("0" + n);
    return point > 0x10ffff ? ref : String.fromCodePoint(point);
  });

// Other ways a server may write a secret: URL escapes, HTML character references, and compatibility forms such as
// fullwidth digits ("１３８…", which NFKC makes "138…").
const DECODERS = [unescapeUrl, unescapeHtml, (text: string) => text.normalize("NFKC")];

/** Builds a redactor for the secrets of one call: the mobile number, the verification code, extra header values. */
export function redactor(secrets: readonly unknown[]): Redactor {
  // Built on first use: a successful login never needs it.
  let found: RegExp | undefined;
  let long: string[] = [];
  return (text) => {
    if (!found) {
      const given = secrets.filter((s): s is string => typeof s == "string" && s.trim() != "");
      long = given.filter((s) => s.length > LONG);
      const patterns = given.filter((s) => s.length <= LONG).map(pattern);
      // Longest first, so a secret containing another is removed whole.
      // Case-insensitive: a server may echo "AbCdEf" as "ABCDEF", an e-mail in capitals.
      found = patterns.length ? new RegExp(patterns.sort((a, b) => b.length - a.length).join("|"), "giu") : /(?!)/g;
    }
    let out = long.reduce((t, secret) => t.split(secret).join(REDACTED), String(text)).replace(found, REDACTED);
    // Where a decoded text holds a secret, the decoded text is kept, redacted ("%2B86%20138…" becomes "[REDACTED]").
    for (const decode of DECODERS) {
      const decoded = decode(out);
      const safe = decoded.replace(found, REDACTED);
      if (safe != decoded) out = safe;
    }
    return out;
  };
}
