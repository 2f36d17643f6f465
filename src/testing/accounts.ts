import { examples } from "../../generated/examples.js";

const COUNT = /\d+(?=\.?$)/;
const template = examples["400"].wrongCredentials;

/** The stateful scenario: known numbers, their codes and the attempts left (see LoginMockOptions.accounts). */
export class Accounts {
  readonly #codes: ReadonlyMap<string, string>;
  readonly #left = new Map<string, number>();
  readonly #attempts: number;

  constructor(codes: Readonly<Record<string, string>>, attempts: number) {
    this.#codes = new Map(Object.entries(codes));
    this.#attempts = attempts;
  }

  /** Checks one login: undefined when it succeeds, else the LOGIN.0002 body with the attempts left. */
  login(mobile: string, code: string): { error_code: string; error_msg: string } | undefined {
    const left = this.#left.get(mobile) ?? this.#attempts;
    if (left > 0 && this.#codes.get(mobile) === code) {
      this.#left.delete(mobile);
      return undefined;
    }
    const now = Math.max(0, left - 1);
    this.#left.set(mobile, now);
    // The spec's own LOGIN.0002 example, with its count replaced: the message shape OneAccess documents.
    return { error_code: template.error_code, error_msg: template.error_msg.replace(COUNT, String(now)) };
  }
}

/** Whether the spec's LOGIN.0002 example still ends in a count this scenario can replace. */
export const countable = COUNT.test(template.error_msg);
