// The shared request rules live in src/contract/: the mocks and verify import them from there, and the folder
// imports from none of them (nor from the client), so no sibling borrows from another.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import spec from "../../generated/openapi.json" with { type: "json" };
import { LOGIN_PATH as CLIENT_LOGIN_PATH, CONTENT_TYPE as CLIENT_CONTENT_TYPE } from "../../src/index.js";
import { CONTENT_TYPE, LOGIN_PATH, SERVER_TEMPLATES } from "../../src/contract/operation.js";
import { OPERATIONS } from "../../src/contract/operations.js";
import { repoPath } from "../helpers/spec.js";

const SIBLINGS = ["client", "mock", "testing", "check", "cli"];

/** Every relative import of the .ts files under a folder of src/, as the folder it points into. */
function importsOf(folder: string): Array<{ file: string; into: string }> {
  const dir = repoPath(`src/${folder}`);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      return [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map(([, target]) => {
        const resolved = join(folder, file, "..", target!);
        return { file: `${folder}/${file}`, into: resolved.split("/")[0]! };
      });
    });
}

test("src/contract/ imports from no sibling folder", () => {
  expect(importsOf("contract").filter(({ into }) => SIBLINGS.includes(into))).toEqual([]);
});

test("the mocks and verify borrow no rule from one another: mock/, testing/ and check/ import only contract/ and client/ besides themselves", () => {
  const borrowed = ["mock", "testing", "check"].flatMap((folder) =>
    // The package's wiring is the one crossing: the bin (mock/cli.ts running verify) and the ./mock entry re-exporting
    // checkServer; both move when the check gets its own bin subcommand and entry (issue 23, item 7).
    importsOf(folder).filter(({ file, into }) => into !== folder && ["mock", "testing", "check"].includes(into) && !["mock/cli.ts", "mock/index.ts"].includes(file)),
  );
  expect(borrowed).toEqual([]);
});

test("the contract's operation facts are the spec's and the client's", () => {
  expect(Object.keys(spec.paths)).toContain(LOGIN_PATH);
  // Every operation of the spec is in the table the mocks and the request rules read, in the spec's order.
  const inSpec = Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
  expect(OPERATIONS.map((o) => `${o.method} ${o.path}`)).toEqual(inSpec);
  expect(spec.servers.map((server: { url: string }) => server.url)).toEqual(SERVER_TEMPLATES);
  expect([LOGIN_PATH, CONTENT_TYPE]).toEqual([CLIENT_LOGIN_PATH, CLIENT_CONTENT_TYPE]);
});

test("verify depends on recognising no value: src/check imports no redactor", () => {
  const files = [...new Set(importsOf("check").map(({ file }) => file))];
  expect(files.filter((file) => /from\s+"[^"]*redact[^"]*"/.test(readFileSync(join(repoPath("src"), file), "utf8")))).toEqual([]);
});
