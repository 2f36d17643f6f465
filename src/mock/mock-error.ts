/** Why the mock could not start: Prism missing, its server exited (port taken, bad spec), no start in time, another server answering its URL, bad options, the `signal` aborted. */
export type MockErrorKind = "not-installed" | "exited" | "timeout" | "unreachable" | "invalid-options" | "aborted";

/** The mock server could not be started; `kind` says why and the message says what to do. */
export class MockError extends Error {
  override readonly name = "MockError";
  /** Why the mock could not start. */
  readonly kind: MockErrorKind;

  constructor(kind: MockErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
