/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

// Shorter values would redact ordinary digits and words; codes and numbers are longer than this.
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of the given secrets (and digit-only forms of them) in text. */
export type Redactor = (text: string) => string;

/** Builds a redactor for the secrets of one call: the mobile number and the verification code. */
export function redactor(secrets: readonly unknown[]): Redactor {
  // Built on first use: a successful login never needs it.
  let ordered: string[] | undefined;
  return (text) => {
    if (!ordered) {
      const needles = new Set<string>();
      for (const secret of secrets) {
        if (typeof secret !== "string") continue;
        for (const form of [secret, secret.replace(/\D/g, "")]) if (form.length >= MIN_SECRET_LENGTH) needles.add(form);
      }
      // Longest first, so a secret containing another is removed whole.
      ordered = [...needles].sort((a, b) => b.length - a.length);
    }
    return ordered.reduce((out, needle) => out.split(needle).join(REDACTED), text);
  };
}

/** An error's reason in one line ("fetch failed: connect ECONNREFUSED …"), redacted. */
function reason(cause: unknown, redact: Redactor): string {
  if (!(cause instanceof Error)) return redact(String(cause));
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return redact(`${cause.message}${inner}`);
}

/**
 * A failure's redacted reason, and the error to keep as its `cause`: the original when no secret shows in it, else
 * a copy carrying only the redacted reason, because loggers print causes and their stacks.
 */
export function describeCause(cause: unknown, redact: Redactor): { reason: string; cause: Error } {
  const text = reason(cause, redact);
  const raw = cause instanceof Error ? `${cause.stack}${String(cause.cause)}` : "";
  if (cause instanceof Error && redact(raw) === raw) return { reason: text, cause };
  const copy = new Error(text);
  copy.name = cause instanceof Error ? cause.name : "Error";
  return { reason: text, cause: copy };
}
