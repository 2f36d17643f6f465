// MSW installed AFTER the client was created (no fetch option): the client looks globalThis.fetch up at call time.
import { setupServer } from "msw/node";
import { afterAll, expect, test } from "vitest";
import { examples } from "../../generated/examples.js";
import { createLoginClient } from "../../src/index.js";
import { createHandlers } from "../../src/testing/msw.js";
import { PAGE } from "../helpers/client.js";

const client = createLoginClient(PAGE.options);
const server = setupServer(...createHandlers({ scenario: "passwordWarn" }));
afterAll(() => server.close());

test("MSW set up after the client was created still intercepts its calls", async () => {
  server.listen();
  expect(await client.login(PAGE.credentials)).toMatchObject({ ok: true, status: "PASSWORD_WARN", body: examples[200].passwordWarn });
});
