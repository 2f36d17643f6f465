// The rule every view of a result, error or report follows (docs/views.md): it is built only from parts that cannot
// carry a secret. Server-chosen text enters a view only in the few fixed shapes below, and then only when, normalised,
// it neither holds nor is part of any secret of the exchange. Shared by the client and the contract check.

/** OneAccess's documented error code shape: an upper-case dotted name and 4 digits ("LOGIN.0002", "APP.0001"). */
export const ERROR_CODE = /^[A-Z]+(\.[A-Z]+)*\.\d{4}$/;
/** A request id a view may show: 1 to 64 ASCII letters, digits, ".", "_", ":" or "-". */
export const REQUEST_ID = /^[\w.:-]{1,64}$/;
/**
 * A transport error code of one of the families Node, undici and TLS use ("ECONNREFUSED", "EAI_AGAIN", "UND_ERR_SOCKET",
 * "ERR_ASSERTION", "HPE_INVALID_CONSTANT", "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT"): a closed set of shapes,
 * so an upper-cased token a custom fetch throws as its `code` ("AAAA…", 16 letters or more, no family) is not one.
 */
export const TRANSPORT_CODE = /^(?:E[A-Z]{2,14}|EAI_[A-Z]{2,20}|(?:UND_ERR|ERR|HPE)(?:_[A-Z0-9]{1,30}){1,6}|ABORT_ERR|(?:[A-Z]{2,12}_){0,4}CERT(?:_[A-Z]{2,12}){0,5}|UNABLE_TO_[A-Z_]{2,40})$/;
/** The error names a view may show; any other is shown as "Error". */
export const ERROR_NAME = /^(Type|Range|Syntax|Abort|Timeout|Socket|ConnectTimeout|HeadersTimeout|BodyTimeout)?Error$/;

/** The digit a Unicode decimal digit stands for: its distance from the first digit of its run of ten. */
function digit(d: string): string {
  let zero = d.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((d.codePointAt(0)! - zero) % 10);
}

/**
 * Text in the form secrets are compared in: NFKC (fullwidth and other compatibility forms), every Unicode decimal
 * digit as its ASCII digit, then only letters and digits (separators, escapes' punctuation and zero-width characters
 * gone), in lower case.
 */
export const normalise = (text: string) =>
  // ASCII text, by far the most common, skips the Unicode steps: they cost a hundred times more.
  (/[^\0-\x7f]/.test(text) ? text.normalize("NFKC").replace(/(?![0-9])\p{Nd}/gu, digit).replace(/[^\p{L}\p{N}]/gu, "") : text.replace(/[^a-z\d]/gi, "")).toLowerCase();

/** What finds a secret: a long number by its last 8 digits, a shorter one without its leading zeros, other text whole. */
function finder(secret: string): string {
  if (!/^\d+$/.test(secret)) return secret;
  const core = secret.replace(/^0+/, "");
  return secret.length > 8 ? secret.slice(-8) : core.length > 3 ? core : secret;
}

/**
 * `text` as base64(url), and its normalised form `plain` (no separators) as hex, decoded at every alignment of each
 * run inside them, the bytes read as UTF-8 (a server echoes the bytes of what it got, a fullwidth code too): how a
 * server may hide a secret. Each reading decodes every run at once, from the same offset (a leftover character is
 * kept, or padded, rather than made to throw: a thrown error per reading would cost more than all the rest).
 */
const readings = (text: string, plain: string) =>
  [0, 1, 2, 3]
    .flatMap((at) => [
      text.replace(/[\w-]+/g, (run) => {
        const rest = run.slice(at).replace(/-/g, "+").replace(/_/g, "/");
        return atob(rest.length % 4 == 1 ? rest + "A" : rest);
      }),
      plain.replace(/[\da-f]+/g, (run) => run.slice(at).replace(/../g, (hex) => String.fromCharCode(+`0x${hex}`))),
    ])
    .map((binary) => new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));

/**
 * True when `text` (a request id, an error code) may be shown beside the exchange's `secrets` (the caller's
 * credentials and header values, the answer's tokens and cookies): normalised, neither it nor its digits hold a secret
 * (a number found as {@link finder} says, other text of 4 or more characters whole) or are part of one, and none of
 * its hex or base64 readings holds one.
 */
export function freeOf(text: string, secrets: readonly unknown[]): boolean {
  const form = normalise(text);
  const digits = form.replace(/\D/g, "");
  // The text and its digits may neither hold a secret nor be part of one; a decoded reading (random bytes, for most
  // ids) may only not hold one, since its letters and scattered digits are part of too much by chance.
  const whole = digits.length > 3 ? [form, digits] : [form];
  const decoded = readings(text, form).map(normalise);
  // A composite value ("Bearer <token>", a cookie's "name=value; Path=/") is compared by its parts too.
  const parts = secrets.flatMap((secret) => (typeof secret == "string" ? [secret, ...secret.split(/[\s;,=]+/).filter((part) => part.length > 5)] : []));
  return parts.every((part) => {
    const secret = normalise(part);
    const find = finder(secret);
    // Forms of 3 characters or fewer are part of too much ordinary text to be compared but for equality.
    return (
      !secret ||
      (whole.every((f) => f != secret && !(f.length > 3 && secret.includes(f))) && (find.length < 4 || [...whole, ...decoded].every((f) => !f.includes(find))))
    );
  });
}

/** `text` when it has `shape` and is {@link freeOf} the secrets, else undefined. */
export const shown = (text: unknown, shape: RegExp, secrets: readonly unknown[]) =>
  typeof text == "string" && shape.test(text) && freeOf(text, secrets) ? text : undefined;
