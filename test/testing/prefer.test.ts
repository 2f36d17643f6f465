// The in-process mock reads Prefer (and Prism's __code/__example/__dynamic/__seed query) as Prism 5 does: compared
// here with Prism's own reader (@stoplight/prism-http-server's getHttpConfigFromRequest) on generated headers.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { prismCliManifest } from "../../src/mock/prism-packages.js";
import { readPreferences } from "../../src/testing/prefer.js";

type Either = { _tag: "Left" } | { _tag: "Right"; right: { code?: number; exampleKey?: string; dynamic?: boolean } };
const { getHttpConfigFromRequest } = createRequire(prismCliManifest())("@stoplight/prism-http-server/dist/getHttpConfigFromRequest") as {
  getHttpConfigFromRequest(input: { headers: Record<string, string>; url: { query: Record<string, string | string[]> } }): Either;
};

/** Prism's reading, in readPreferences' shape; an empty example name is none, as its engine takes it (`if (exampleKey)`). */
function prism(header: string | undefined, url: URL) {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const read = getHttpConfigFromRequest({ headers: header === undefined ? {} : { prefer: header }, url: { query } });
  if (read._tag === "Left") return { ok: false };
  const { code, exampleKey, dynamic } = read.right;
  return {
    ok: true,
    prefer: { ...(code === undefined ? {} : { code: String(code) }), ...(exampleKey === undefined || exampleKey === "" ? {} : { example: exampleKey }), ...(dynamic === undefined ? {} : { dynamic }) },
  };
}
const ours = (header: string | undefined, url: URL) => {
  const read = readPreferences(new Request(url, header === undefined ? {} : { headers: { prefer: header } }));
  return read.ok ? read : { ok: false };
};

const fragments = ["code", "example", "dynamic", "seed", "Code", "EXAMPLE", "=", "400", "200", "0400", "true", "false", "mfaAuth", ",", ";", '"', " ", "-", "_", "x", "'", "é"];
const header = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(""));

describe("Prefer is read as Prism reads it", () => {
  test.each([['"code"="400"'], ['code="400"'], ["code = 400"], ["Example = mfaAuth , CODE=200"], ["code=200;x=y"], ["=,=,="], ["example="], ["code=0400"], ["code=200, code=400"], [";code=400"], ["dynamic=true"], ["dynamic=yes"], ['example="a,b", code=400'], ['code=400, "x']])(
    "%s",
    (value) => {
      const url = new URL("http://mock.test/api");
      expect(ours(value, url)).toEqual(prism(value, url));
    },
  );

  test("generated headers", () => {
    fc.assert(
      fc.property(header, (value) => {
        const url = new URL("http://mock.test/api");
        expect(ours(value, url)).toEqual(prism(value, url));
      }),
      { numRuns: 2000 },
    );
  });

  test("the query parameters, read only without a Prefer header", () => {
    for (const query of ["?__code=400", "?__code=400&__code=200", "?__example=mfaAuth", "?__example=", "?__example", "?__code=400&__example=", "?__code=", "?__dynamic=true", "?__dynamic=1", "?__seed=", "?a=b"]) {
      const url = new URL(`http://mock.test/api${query}`);
      expect(ours(undefined, url), query).toEqual(prism(undefined, url));
      expect(ours("code=200", url), query).toEqual(prism("code=200", url));
    }
  });
});
