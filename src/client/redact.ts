/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of the call's secrets in text, however a server formatted them. */
export type Redactor = (text: string) => string;

// What a server may put between the digits of a number: "+86 (139) 1234-5678", "139.1234.5678", "139_1234/5678".
const SEP = "[^\\p{L}\\p{N}]{0,3}";
// Fewer characters than this could be ordinary text ("Code 42", "HTTP 503"): matched only as a whole token.
const SHORT = 6;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pattern that finds one secret in text, and its base64 form ("MTM4MDAxMzgwMDA="): servers echo encoded values. */
function pattern(secret: string): string {
  let encoded = "";
  try {
    // Only for secrets long enough that their base64 cannot be ordinary text.
    if (secret.length >= SHORT) encoded = `|${escape(btoa(secret).replace(/=+$/, ""))}=*`;
  } catch {
    // not Latin-1: no base64 form to look for
  }
  return written(secret) + encoded;
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

/** Builds a redactor for the secrets of one call: the mobile number, the verification code, extra header values. */
export function redactor(secrets: readonly unknown[]): Redactor {
  // Built on first use: a successful login never needs it.
  let found: RegExp | undefined;
  return (text) => {
    if (!found) {
      const patterns = secrets.filter((s): s is string => typeof s == "string" && s.trim() != "").map(pattern);
      // Longest first, so a secret containing another is removed whole.
      // Case-insensitive: a server may echo "AbCdEf" as "ABCDEF", an e-mail in capitals.
      found = patterns.length ? new RegExp(patterns.sort((a, b) => b.length - a.length).join("|"), "giu") : /(?!)/g;
    }
    const out = String(text).replace(found, REDACTED);
    if (!out.includes("%")) return out;
    // URL-encoded echoes ("%2B86%20138…"): where the decoded text holds a secret, the decoded text is kept, redacted.
    const decoded = unescapeUrl(out);
    const safe = decoded.replace(found, REDACTED);
    return safe == decoded ? out : safe;
  };
}
