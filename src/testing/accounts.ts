import { examples } from "../../generated/examples.js";

const COUNT = /\d+(?=\.?$)/;
const template = examples["400"].wrongCredentials;

// "(0)" after a country code is the trunk prefix shown as optional: "+86 (0)138 0000 0001" is +86 138 0000 0001,
// whatever separators (spaces, ( ) - .) stand between them: "+86-(0)138-0000-0001", "+86.(0)138.0000.0001".
const TRUNK = /^([\s(]*(?:\+|00)\s*\d{1,3}[\s().-]*?)\(0\)/;

/**
 * A phone number as accounts are keyed: its digits, without a +86 or 0086 country prefix ("(+86) 138-0000-0001" and
 * fullwidth "１３８０００００００１" are 13800000001); undefined when it is not written as a phone number (digits, spaces,
 * ( ) - . and a leading + or 00), so "user1@example.com" is not the number 1.
 */
export function accountKey(mobile: string): string | undefined {
  // One number is keyed several times per journey step (outbox, attempts, accounts): the last few are kept.
  if (keys.has(mobile)) return keys.get(mobile);
  if (keys.size >= 64) keys.clear();
  const key = keyOf(mobile);
  keys.set(mobile, key);
  return key;
}
const keys = new Map<string, string | undefined>();

const DIGITS = /^\d+$/;

function keyOf(mobile: string): string | undefined {
  // Plain ASCII digits (how a test writes a number) are their own key but for a 0086 prefix: the rules below, without
  // the normalising and the replacing that cannot change them.
  if (DIGITS.test(mobile)) return mobile.length > 4 && mobile.startsWith("0086") ? mobile.slice(4) : mobile;
  const compact = mobile.normalize("NFKC").replace(TRUNK, "$1").replace(/[\s().-]/g, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  return compact.replace(/^(?:\+|00)86(?=\d)/, "").replace(/^\+/, "");
}

/** The stateful scenario: known numbers, their codes and the attempts left (see LoginMockOptions.accounts). */
export class Accounts {
  readonly #codes: ReadonlyMap<string, string>;
  readonly #left = new Map<string, number>();
  readonly #attempts: number;

  /** `codes`: the accounts option's entries, read once (checked by the caller: every code a string). */
  constructor(codes: ReadonlyArray<readonly [string, string]>, attempts: number) {
    const byDigits = new Map<string, string>();
    for (const [mobile, code] of codes) {
      const key = accountKey(mobile);
      // The number stays out of the messages, as every mobile number does.
      if (key === undefined) throw new TypeError("accounts lists a key that is not a phone number: write each as digits, with spaces, ( ) - . and a leading + or 00 if you like");
      if (byDigits.has(key)) throw new TypeError("accounts lists one mobile number twice (written two ways)");
      byDigits.set(key, code);
    }
    this.#codes = byDigits;
    this.#attempts = attempts;
  }

  /** Checks one login: undefined when it succeeds, else the LOGIN.0002 body with the attempts left. */
  login(given: string, code: string): { error_code: string; error_msg: string } | undefined {
    // A value that is not a phone number is keyed as itself: no listed number's, and not another such value's.
    const mobile = accountKey(given) ?? given;
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
