import { examples } from "../../generated/examples.js";

const COUNT = /\d+(?=\.?$)/;
const template = examples["400"].wrongCredentials;

/** A number as accounts are keyed: its digits, without a +86 or 0086 country prefix ("+86 138-0000-0001" is 13800000001). */
// A value with no digits at all stays itself, so two such values are not one account.
const digits = (mobile: string): string => mobile.trim().replace(/^(\+|00)86/, "").replace(/\D/g, "") || mobile;

/** The stateful scenario: known numbers, their codes and the attempts left (see LoginMockOptions.accounts). */
export class Accounts {
  readonly #codes: ReadonlyMap<string, string>;
  readonly #left = new Map<string, number>();
  readonly #attempts: number;

  constructor(codes: Readonly<Record<string, string>>, attempts: number) {
    const byDigits = new Map<string, string>();
    for (const [mobile, code] of Object.entries(codes)) {
      // The number stays out of the message, as every mobile number does.
      if (byDigits.has(digits(mobile))) throw new TypeError("accounts lists one mobile number twice (written two ways)");
      byDigits.set(digits(mobile), code);
    }
    this.#codes = byDigits;
    this.#attempts = attempts;
  }

  /** Checks one login: undefined when it succeeds, else the LOGIN.0002 body with the attempts left. */
  login(given: string, code: string): { error_code: string; error_msg: string } | undefined {
    const mobile = digits(given);
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
