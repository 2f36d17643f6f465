import { AppToken } from "./app-token.js";
import { AppTokenError, isAppTokenError } from "./app-token-error.js";
import type { TokenGrant } from "./token-grant.js";
import { safeView } from "./views.js";

/**
 * Renew this many seconds before the token expires. OneAccess's access-credential page asks callers to cache the
 * token and to make sure it stays valid while in use ("using a token that will soon expire may cause API calling
 * failures"); a minute covers a slow tenant call and clock drift. For a token that lives less than two margins the
 * margin is half its lifetime, so a short-lived token is still reused at all.
 */
export const REFRESH_MARGIN_SECONDS = 60;

/** How the manager gets a token: one HTTP exchange with `POST /api/v2/tenant/token`, injected by the caller. */
export type TokenExchange = () => Promise<TokenGrant>;

/** Options of {@link createAppTokenManager}. */
export interface AppTokenManagerOptions {
  /** Performs the token request and returns its grant (see `grantFromTokenResponse`). */
  readonly exchange: TokenExchange;
  /** The clock, in epoch milliseconds; `Date.now` unless a test controls time. */
  readonly now?: () => number;
  /** Seconds before expiry at which a token is renewed; {@link REFRESH_MARGIN_SECONDS} by default. */
  readonly marginSeconds?: number;
}

/** Hands out the application's access token: fetched on first need, reused until shortly before it expires. */
export interface AppTokenManager {
  /** A token valid for at least the margin; concurrent callers share one fetch. */
  token(): Promise<AppToken>;
  /**
   * Runs a tenant call with a token. On a 401 answer the token is retired, a new one fetched (once, however many
   * calls got the 401) and the call run once more; a second 401 is returned as it is. A refresh that fails rejects
   * with its {@link AppTokenError}.
   */
  withToken<T extends { readonly status: number }>(call: (token: AppToken) => Promise<T>): Promise<T>;
  /** Forgets the cached token (only if it is `token`, when given), so the next call fetches a new one. */
  invalidate(token?: AppToken): void;
}

class Manager implements AppTokenManager {
  readonly #exchange: TokenExchange;
  readonly #now: () => number;
  readonly #margin: number;
  #current: { token: AppToken; renewAt: number } | undefined;
  #pending: Promise<AppToken> | undefined;

  constructor(options: AppTokenManagerOptions) {
    this.#exchange = options.exchange;
    this.#now = options.now ?? Date.now;
    this.#margin = options.marginSeconds ?? REFRESH_MARGIN_SECONDS;
  }

  token(): Promise<AppToken> {
    const current = this.#current;
    if (current && this.#now() < current.renewAt) return Promise.resolve(current.token);
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async withToken<T extends { readonly status: number }>(call: (token: AppToken) => Promise<T>): Promise<T> {
    const first = await this.token();
    const answer = await call(first);
    if (answer.status !== 401) return answer;
    this.invalidate(first);
    return call(await this.token());
  }

  invalidate(token?: AppToken): void {
    if (!token || (this.#current && this.#current.token.sameAs(token))) this.#current = undefined;
  }

  async #fetch(): Promise<AppToken> {
    // The lifetime counts from when OneAccess issued the token, at the latest when the request was sent.
    const sentAt = this.#now();
    let grant: TokenGrant;
    try {
      grant = await this.#exchange();
    } catch (error) {
      throw isAppTokenError(error) ? error : new AppTokenError("exchange-failed");
    }
    const { accessToken, expiresIn } = (grant ?? {}) as Partial<TokenGrant>;
    if (typeof accessToken !== "string" || accessToken === "" || typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || expiresIn < 0) {
      throw new AppTokenError("invalid-grant");
    }
    const expiresAt = sentAt + expiresIn * 1000;
    const margin = Math.min(this.#margin, expiresIn / 2) * 1000;
    const token = new AppToken(accessToken, expiresAt);
    this.#current = { token, renewAt: expiresAt - margin };
    return token;
  }

  /** The view: whether a token is held and until when, never the token. */
  view(): Record<string, unknown> {
    const current = this.#current;
    return { token: current ? "[redacted]" : "none", ...(current ? { expiresAt: current.token.expiresAt } : {}), fetching: this.#pending !== undefined };
  }
}
safeView(Manager, (self: Manager) => self.view(), "AppTokenManager");

/** Creates the manager of the application's access token around an injected token exchange. */
export function createAppTokenManager(options: AppTokenManagerOptions): AppTokenManager {
  // Read once: what is checked is what the manager keeps.
  let given: AppTokenManagerOptions;
  try {
    const { exchange, now, marginSeconds } = options ?? ({} as Partial<AppTokenManagerOptions>);
    given = { exchange, ...(now === undefined ? {} : { now }), ...(marginSeconds === undefined ? {} : { marginSeconds }) } as AppTokenManagerOptions;
  } catch {
    // A getter or proxy trap that threw: its error may quote anything, so it is not what escapes.
    throw new TypeError("createAppTokenManager needs its options as readable data");
  }
  if (typeof given.exchange !== "function") throw new TypeError("createAppTokenManager needs an exchange function");
  const margin = given.marginSeconds;
  if (margin !== undefined && !(Number.isFinite(margin) && margin >= 0)) throw new TypeError("createAppTokenManager: marginSeconds must be a finite number of seconds, 0 or more");
  return new Manager(given);
}
