/** The parts of an AbortSignal the client uses; a signal from another realm (jsdom, an iframe) has them too. */
export type SignalLike = Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener">;

/** True when value can be used as an AbortSignal: checked before anything is sent. */
export function isSignal(value: unknown): value is SignalLike {
  const s = value as SignalLike | null;
  return typeof s == "object" && !!s && typeof s.aborted == "boolean" && typeof s.addEventListener == "function" && typeof s.removeEventListener == "function";
}

interface Listening {
  readonly calls: Set<() => void>;
  readonly fire: () => void;
}

// One listener per signal, however many logins share it: Node warns (MaxListenersExceededWarning) past 10.
const listening = new WeakMap<SignalLike, Listening>();

/** Calls `call` when signal aborts; returns the function that stops listening. */
export function onAbort(signal: SignalLike, call: () => void): () => void {
  let entry = listening.get(signal);
  if (!entry) {
    const calls = new Set<() => void>();
    entry = { calls, fire: () => calls.forEach((c) => c()) };
    // Listened to first: a signal whose addEventListener throws is never taken for one already listened to.
    signal.addEventListener("abort", entry.fire);
    listening.set(signal, entry);
  }
  const { calls, fire } = entry;
  calls.add(call);
  return () => {
    // The last login out removes the one listener.
    if (calls.delete(call) && !calls.size) {
      listening.delete(signal);
      signal.removeEventListener("abort", fire);
    }
  };
}
