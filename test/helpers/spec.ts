import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";

/** Absolute path of a file in the repository. */
export const repoPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The bundled spec as the package ships it; `any`, because tests walk it generically. */
export const spec: any = JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8"));

/** The one operation of the contract. */
export const operation = spec.paths["/api/v2/sdk/login/mobile-verify-code"].post;

/** Follows a local "#/..." $ref in the bundled spec. */
export function deref<T = any>(node: any): T {
  while (node && typeof node.$ref === "string") {
    node = node.$ref.replace(/^#\//, "").split("/").reduce((n: any, k: string) => n?.[k], spec);
  }
  return node;
}

/** Validates values against the spec's schemas with a full JSON Schema 2020-12 validator (OpenAPI 3.1's dialect). */
export function schemaValidator(schemaName: string): (value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...spec, $id: "spec.json" });
  const validate = ajv.getSchema(`spec.json#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`));
}

/** Named examples of a media type, with refs followed: { name: value }. */
export function namedExamples(mediaType: any): Record<string, unknown> {
  return Object.fromEntries(Object.entries(mediaType.examples ?? {}).map(([name, ex]) => [name, deref<any>(ex).value]));
}
