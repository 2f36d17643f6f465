import { describe, expect, test } from "vitest";
import { ConfigError, createLoginClient, type LoginClientOptions } from "../../src/index.js";
import { PAGE } from "../helpers/client.js";

// A JavaScript caller can pass any value where the types ask for a string: the client refuses it at creation.
describe("createLoginClient refuses options of the wrong type", () => {
  test.each([42, true, ["id"], { id: "x" }])("clientId %j", (clientId) => {
    const create = () => createLoginClient({ ...PAGE.options, clientId } as unknown as LoginClientOptions);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow("Invalid login client options: clientId must be a non-empty string");
  });
});
