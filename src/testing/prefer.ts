// Reads Prism's mock preferences the way Prism 5 does (prism-http-server's getHttpConfigFromRequest): the `Prefer`
// header as the parse-prefer-header package splits it, or, without one, the `__code`, `__example`, `__dynamic` and
// `__seed` query parameters; then its decoder: a code is three digits, dynamic is true or false, and an item without
// a value is unreadable; then its engine, which takes an empty example name (`?__example=`) for none.
// test/testing/prefer.test.ts compares this with Prism's own on generated headers.

/** What a request asks for. `dynamic` is read (and checked) as Prism reads it, but this mock has no dynamic mode. */
export interface Preference {
  code?: string;
  example?: string;
  dynamic?: boolean;
}

/** The preferences, or why Prism could not read them. */
export type PreferenceResult = { ok: true; prefer: Preference } | { ok: false; reason: string };

const NOTHING: PreferenceResult = Object.freeze({ ok: true, prefer: Object.freeze({}) });

/** Splits at sep outside double quotes; as parse-prefer-header, text after an unclosed quote is dropped. */
function split(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const char = i < text.length ? text[i] : sep;
    if (char === '"') quoted = !quoted;
    else if (char === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/** lodash's camelCase, which parse-prefer-header names keys with, for the keys that matter here (ASCII words). */
function camelCase(token: string): string {
  const words = token.normalize("NFD").replace(/[\u0300-\u036f'\u2019]/g, "").match(/[a-z0-9]+/g) ?? [];
  return words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}

/** parse-prefer-header: `key=value` items separated by commas, `;`-parameters named `key-param`, the first of a key wins. */
function parseHeader(header: string): Map<string, string | true> {
  const result = new Map<string, string | true>();
  for (const item of split(header, ",")) {
    let base: string | undefined;
    for (const segment of split(item, ";")) {
      const at = segment.indexOf("=");
      let token = (at < 0 ? segment : segment.slice(0, at)).trim().toLowerCase();
      let value = at < 0 ? "" : segment.slice(at + 1).trim();
      if (value[0] === '"' && value[value.length - 1] === '"') value = value.slice(1, -1);
      if (base === undefined) base = token;
      else token = `${base}-${token}`;
      const key = camelCase(token);
      if (!result.has(key)) result.set(key, value.length ? value : true);
    }
  }
  return result;
}

/** The query parameters Prism reads when there is no Prefer header; a repeated one is a list, which it cannot read. */
function parseQuery(url: URL): Map<string, string | string[]> {
  const result = new Map<string, string | string[]>();
  for (const key of ["code", "example", "dynamic", "seed"]) {
    const values = url.searchParams.getAll(`__${key}`);
    if (values.length > 0) result.set(key, values.length === 1 ? values[0]! : values);
  }
  return result;
}

/** A request's mock preferences, read and checked as Prism reads them (`href`: request.url, if read already). */
export function readPreferences(request: Request, href: string = request.url): PreferenceResult {
  const header = request.headers.get("prefer");
  // Neither a Prefer header nor a query: nothing is asked for (the common case, answered without parsing).
  if (!header && !href.includes("?")) return NOTHING;
  // A URL without a '?' has no query parameters: no need to parse it again.
  const raw: Map<string, unknown> = header ? parseHeader(header) : href.includes("?") ? parseQuery(new URL(href)) : new Map();
  const { code, example, dynamic, seed } = Object.fromEntries(raw) as Record<string, unknown>;
  const unreadable =
    code !== undefined && !(typeof code == "string" && /^\d{3}$/.test(code))
      ? "code must be three digits"
      : dynamic !== undefined && dynamic !== "true" && dynamic !== "false"
        ? "dynamic must be true or false"
        : [example, seed].some((value) => value !== undefined && typeof value != "string")
          ? "example and seed need a value"
          : undefined;
  if (unreadable) return { ok: false, reason: unreadable };
  return {
    ok: true,
    prefer: {
      ...(code === undefined ? {} : { code: code as string }),
      // Prism's engine takes an empty example name (`?__example=`) for none.
      ...(example === undefined || example === "" ? {} : { example: example as string }),
      ...(dynamic === undefined ? {} : { dynamic: dynamic === "true" }),
    },
  };
}
