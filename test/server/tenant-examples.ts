import { readFileSync } from "node:fs";
import type { Fetch } from "../../src/client/options.js";
import { repoPath } from "../helpers/spec.js";
import { TENANT_PATHS } from "../helpers/tenant.js";

const spec = JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8"));
const ref = (value: any): any => (value?.$ref ? ref(value.$ref.split("/").slice(1).reduce((node: any, key: string) => node[key], spec)) : value);

/** The first 200 example of a tenant operation in the bundled spec. */
function example(path: string): unknown {
  const media = ref(ref(spec.paths[path].post.responses["200"]).content["application/json"]);
  return ref(Object.values(media.examples)[0]).value;
}

/**
 * A bridge for the in-process mock until src/testing serves the tenant operations: `base` (createMockFetch) answers
 * everything it routes; a tenant path it answers with 404 gets the spec's 200 example, and 401 without a Bearer token.
 */
export function withTenantExamples(base: Fetch): Fetch {
  return async (input, init) => {
    const answer = await base(input, init);
    const { pathname } = new URL(input.url);
    if (answer.status !== 404 || !(TENANT_PATHS as readonly string[]).includes(pathname)) return answer;
    const bearer = pathname === "/api/v2/tenant/token" || /^Bearer \S+$/.test(input.headers.get("authorization") ?? "");
    return bearer ? Response.json(example(pathname)) : new Response(null, { status: 401 });
  };
}
