/** `checkServer` or `verify` was given options it cannot work with; thrown before any request is sent. */
export class CheckOptionsError extends TypeError {
  override readonly name = "CheckOptionsError";

  constructor(problem: string) {
    super(`Invalid verify options: ${problem}`);
  }
}
