// The view rule of the server's values: what toJSON, util.inspect and String() show is built here, from the
// package's own words, so no token, ticket, secret or claim can reach a log line.

/** Node's console.log/util.inspect hook, named by symbol so the module needs no Node import. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Gives a class the same safe view for toJSON, util.inspect and String(). */
export function safeView(target: { prototype: object }, view: (self: any) => Record<string, unknown>, label: string): void {
  Object.defineProperties(target.prototype, {
    toJSON: { value(this: unknown) { return view(this); }, writable: true, configurable: true },
    [INSPECT]: { value(this: unknown) { return `${label} ${JSON.stringify(view(this))}`; }, writable: true, configurable: true },
    toString: { value() { return `[${label}]`; }, writable: true, configurable: true },
  });
}
