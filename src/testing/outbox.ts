import { accountKey } from "./accounts.js";

/** One SMS the journey's mock "sent" (nothing leaves the test): where to, for which step, the code and its lifetime. */
export interface SentCode {
  /** The mobile number as the request wrote it. */
  readonly mobile: string;
  /** The scenario the code was sent for (sms/send's `type`, e.g. "LOGIN_SMS"). */
  readonly type: string;
  /** The verification code: six digits. */
  readonly code: string;
  /** When it was sent and when it stops being accepted, on the journey's clock (ms). */
  readonly sentAt: number;
  readonly expiresAt: number;
}

/** The codes the journey's mock has sent, per mobile number: what a test reads instead of a phone. */
export interface Outbox {
  /** The last code sent to `mobile` (matched by its digits, as accounts are), for `type` if given; undefined if none. */
  last(mobile: string, type?: string): SentCode | undefined;
  /** Every code sent so far, oldest first. */
  all(): readonly SentCode[];
}

/** The outbox's store: the journey adds to it and marks codes used. */
export class SentCodes implements Outbox {
  readonly #sent: Array<Held> = [];
  /** The same codes per number (by key), oldest first: a look-up reads one number's codes, not every code sent. */
  readonly #byKey = new Map<string, Held[]>();

  /** Records a code sent to `mobile`. */
  add(code: SentCode): void {
    const key = keyOf(code.mobile);
    const { mobile, type, code: digits, sentAt, expiresAt } = code;
    const held = { mobile, type, code: digits, sentAt, expiresAt, key, used: false };
    this.#sent.push(held);
    const list = this.#byKey.get(key);
    if (list) list.push(held);
    else this.#byKey.set(key, [held]);
  }

  last(mobile: string, type?: string): SentCode | undefined {
    const found = this.#latest(mobile, type);
    return found && view(found);
  }

  all(): readonly SentCode[] {
    return this.#sent.map(view);
  }

  /**
   * Spends `code` if it is the last code sent to `mobile` (for `type`, if given), unused and not expired at `now`:
   * true when it was accepted. Only the last code counts: sending a new one replaces the old.
   */
  spend(mobile: string, code: string, now: number, type?: string): boolean {
    const found = this.#latest(mobile, type);
    if (!found || found.used || now >= found.expiresAt || found.code !== code) return false;
    found.used = true;
    return true;
  }

  #latest(mobile: string, type?: string) {
    const sent = this.#byKey.get(keyOf(mobile)) ?? [];
    for (let i = sent.length - 1; i >= 0; i--) if (type === undefined || sent[i]!.type === type) return sent[i];
    return undefined;
  }
}

type Held = SentCode & { key: string; used: boolean };

/** A number keyed by its digits (a value that is not a phone number is keyed as itself). */
const keyOf = (mobile: string) => accountKey(mobile) ?? mobile;
const view = ({ mobile, type, code, sentAt, expiresAt }: SentCode): SentCode => Object.freeze({ mobile, type, code, sentAt, expiresAt });
