import { ERROR_NAME, transportCode } from "../contract/view-rule.js";

// Deep enough for fetch's TypeError, undici's error and the socket's; a cycle or a deeper chain is cut here.
const DEPTH = 4;

/**
 * A copy of a transport error's chain for a NetworkError's `cause`, made only of parts that cannot carry a secret:
 * each link's name when it is one of a closed list (else "Error") and its `code` when it is one of the fixed list of
 * transport codes; its message is that code or empty. Messages (a custom fetch may quote anything), raw
 * replies (undici keeps them on `data`) and request bodies are left behind.
 */
export function safeCause(cause: unknown, depth = 0): Error {
  let name = "Error";
  let code: string | undefined;
  let next: unknown;
  try {
    if (cause instanceof Error) {
      ({ cause: next } = cause);
      // Read once, and only a string: a getter (or an object's toString) may say one thing to the check and another after.
      const given: unknown = cause.name;
      if (typeof given == "string" && ERROR_NAME.test(given)) name = given;
      code = transportCode((cause as { code?: unknown }).code);
    }
  } catch {
    // A getter that throws: what could not be read is not kept.
  }
  const safe: Error & { code?: string } = new Error(code ?? "");
  safe.name = name;
  if (code) safe.code = code;
  if (next !== undefined && depth < DEPTH) safe.cause = safeCause(next, depth + 1);
  return safe;
}
