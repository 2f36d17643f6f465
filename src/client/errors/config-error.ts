/** createLoginClient was given options it cannot work with; thrown at once, since no request can succeed. */
export class ConfigError extends TypeError {
  override readonly name = "ConfigError";

  constructor(problem: string) {
    super(`Invalid login client options: ${problem}`);
  }
}

/** Throws a ConfigError saying `problem` unless `ok`. */
export function need(ok: unknown, problem: string): asserts ok {
  if (!ok) throw new ConfigError(problem);
}
