/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

// Shorter values would redact ordinary digits and words; codes and numbers are longer than this.
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of the given secrets (and digit-only forms of them) in text. */
export type Redactor = (text: string) => string;

/** Builds a redactor for the secrets of one call: the mobile number and the verification code. */
export function redactor(secrets: readonly unknown[]): Redactor {
  // Built on first use: a successful login never needs it.
  let needles: string[] | undefined;
  return (text) => {
    needles ??= secrets
      .flatMap((secret) => (typeof secret == "string" ? [secret, secret.replace(/\D/g, "")] : []))
      .filter((form) => form.length >= MIN_SECRET_LENGTH)
      // Longest first, so a secret containing another is removed whole.
      .sort((a, b) => b.length - a.length);
    return needles.reduce((out, needle) => out.split(needle).join(REDACTED), text);
  };
}

/**
 * A failure's redacted reason in one line ("fetch failed: connect ECONNREFUSED …"), and the error to keep as its
 * `cause`: the original when no secret shows in it, else a copy carrying only the reason, because loggers print causes
 * and their stacks.
 */
export function describeCause(cause: unknown, redact: Redactor): [reason: string, cause: Error] {
  const error = cause instanceof Error ? cause : undefined;
  const inner = error?.cause instanceof Error ? `: ${error.cause.message}` : "";
  const reason = redact(error ? error.message + inner : String(cause));
  const raw = `${error?.stack}${error?.cause}`;
  if (error && redact(raw) === raw) return [reason, error];
  return [reason, Object.assign(new Error(reason), { name: error?.name ?? "Error" })];
}
