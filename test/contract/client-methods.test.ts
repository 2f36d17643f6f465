import { describe, expect, test } from "vitest";
import { METHOD_NAMES } from "../../generated/operations.js";
import { createLoginClient, type LoginResult } from "../../src/index.js";
import { PAGE } from "../helpers/client.js";
import { baseUrl, targetIsMock } from "../helpers/contract.js";
import { deref, exampleRequest, namedExamples, operations } from "../helpers/spec.js";

// Each method of the client against Prism (started once by global-setup.ts): the API page's example input, every
// named 200 example comes back as a success with that body, and a named 400 as an ApiError. Only against the mock: a
// real tenant would send SMS and spend codes.
const client = createLoginClient({ ...PAGE.options, baseUrl, allowInsecureHttp: true });

describe.runIf(targetIsMock)("every client method against the Prism mock", () => {
  const byId = new Map(operations.map((o) => [o.op.operationId as string, o]));
  describe.each(Object.entries(METHOD_NAMES))("%s as client.%s", (id, method) => {
    const operation = byId.get(id)!;
    const { headers, body } = exampleRequest(operation);
    const input = { ...(body ? JSON.parse(body) : {}), ...(headers["X-state-token"] ? { state_token: headers["X-state-token"] } : {}) };
    const run = (prefer: string): Promise<LoginResult> => {
      const fn = (client as unknown as Record<string, (...a: unknown[]) => Promise<LoginResult>>)[method]!;
      const options = { headers: { Prefer: prefer } };
      return Object.keys(input).length ? fn.call(client, input, options) : fn.call(client, options);
    };
    const media = (status: string) => Object.values<any>(deref(operation.op.responses[status]).content ?? {})[0];

    test("each named 200 example is a success carrying it", async () => {
      const examples = media("200") ? Object.entries(namedExamples(media("200"))) : [["", undefined] as const];
      for (const [name, value] of examples) {
        const result = await run(name ? `code=200, example=${name}` : "code=200");
        expect(result.ok, `${id} ${name}`).toBe(true);
        if (result.ok && value !== undefined) expect(result.body).toEqual(value);
      }
    });

    test("each named 400 example is an ApiError with its code", async () => {
      for (const [name, value] of Object.entries<any>(namedExamples(media("400")))) {
        expect(await run(`code=400, example=${name}`)).toMatchObject({ ok: false, error: { kind: "api", status: 400, code: value.error_code } });
      }
    });
  });
});
