import { inspect } from "node:util";

/** Every view of a value a log line or a report could take: String, JSON, util.inspect at any depth, and for errors message, stack and cause. */
export function views(value: unknown): string[] {
  const out = [String(value), JSON.stringify(value) ?? "", JSON.stringify({ nested: [value] }), inspect(value, { depth: Infinity, showHidden: true }), inspect({ deep: { deeper: value } }, { depth: Infinity }), `${value}`];
  if (value instanceof Error) out.push(value.message, value.stack ?? "", String((value as { cause?: unknown }).cause ?? ""));
  return out;
}

/** Asserts that no view of `value` contains any of `secrets`. */
export function expectNoSecretIn(value: unknown, secrets: string[], expect: (v: unknown, m?: string) => { not: { toContain(s: string): void } }): void {
  for (const view of views(value)) for (const secret of secrets) expect(view, secret).not.toContain(secret);
}
