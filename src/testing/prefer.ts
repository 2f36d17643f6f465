// Reads Prism's `Prefer` header the way Prism 5 does: comma-separated `key=value` items, keys case-insensitive,
// anything after a `;` in an item ignored, quotes around a value dropped.

/** What a request's `Prefer` header asks for. */
export interface Preference {
  code?: string;
  example?: string;
}

/** Parses a `Prefer` header; unknown items are ignored, as Prism ignores them. */
export function parsePrefer(header: string | null): Preference {
  const out: Preference = {};
  for (const item of (header ?? "").split(",")) {
    const [key = "", ...value] = item.split(";")[0]!.split("=");
    const name = key.trim().toLowerCase();
    if (name === "code" || name === "example") out[name] = value.join("=").trim().replace(/^"(.*)"$/, "$1");
  }
  return out;
}
