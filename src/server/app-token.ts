import { safeView } from "./views.js";

/**
 * The application's access token as handed to a caller. The value is only reachable through
 * {@link AppToken.authorization} (the header a tenant call sends); every view of the object hides it.
 */
export class AppToken {
  readonly #value: string;
  /** When OneAccess stops accepting it (epoch milliseconds on the manager's clock). */
  readonly expiresAt: number;

  constructor(value: string, expiresAt: number) {
    this.#value = value;
    this.expiresAt = expiresAt;
  }

  /** The `Authorization` header value of a tenant call: `Bearer {access_token}`. */
  authorization(): string {
    return `Bearer ${this.#value}`;
  }

  /** True when both hold the same token value (a 401 answer to one of them retires only that one). */
  sameAs(other: AppToken): boolean {
    return this.#value === other.#value;
  }
}
safeView(AppToken, (self: AppToken) => ({ token: "[redacted]", expiresAt: self.expiresAt }), "AppToken");
