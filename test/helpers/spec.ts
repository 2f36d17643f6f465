import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";

/** Absolute path of a file in the repository. */
export const repoPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The bundled spec as the package ships it; `any`, because tests walk it generically. */
export const spec: any = JSON.parse(readFileSync(repoPath("generated/openapi.json"), "utf8"));

/** The login operation (`POST /api/v2/sdk/login/mobile-verify-code`), the one the client and mocks implement today. */
export const operation = spec.paths["/api/v2/sdk/login/mobile-verify-code"].post;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of the contract: its path, lower-case method and operation object. */
export interface SpecOperation {
  path: string;
  method: (typeof METHODS)[number];
  op: any;
}

/** Every operation of the contract, in the spec's path order. */
export const operations: SpecOperation[] = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ path, method, op: item[method] })),
);

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

/** Validates values against the schema a media type names by `$ref` (every media type of this spec does). */
export function refValidator(schema: { $ref?: string }): (value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...spec, $id: "spec.json" });
  const validate = typeof schema?.$ref === "string" ? ajv.getSchema(`spec.json${schema.$ref}`) : undefined;
  if (!validate) throw new Error(`not a $ref to a schema of the spec: ${JSON.stringify(schema)}`);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`));
}

/** Named examples of a media type, with refs followed: { name: value }. */
export function namedExamples(mediaType: any): Record<string, unknown> {
  return Object.fromEntries(Object.entries(mediaType.examples ?? {}).map(([name, ex]) => [name, deref<any>(ex).value]));
}

/** The first named example (or `example`) of a parameter: the value the API page's example request sends. */
const parameterExample = (parameter: any): string => (Object.values(namedExamples(parameter))[0] as string) ?? parameter.example;

/**
 * An operation's example request as its API page shows it: each header with its example, a Bearer token (the token
 * page's example) where the operation's security asks for one, the first body example written as its media type
 * writes it (a form body for the tenant token call, JSON otherwise).
 */
export function exampleRequest({ op }: SpecOperation): { headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = {};
  for (const parameter of (op.parameters ?? []).map(deref)) {
    if (parameter.in === "header") headers[parameter.name] = parameterExample(parameter);
  }
  if (op.security?.length) headers["Authorization"] = "Bearer 334******140";
  if (!op.requestBody) return { headers };
  const [mediaType, media] = Object.entries<any>(deref(op.requestBody).content)[0]!;
  headers["Content-Type"] = mediaType;
  const example = Object.values(namedExamples(media))[0] as Record<string, string>;
  return { headers, body: mediaType === "application/x-www-form-urlencoded" ? new URLSearchParams(example).toString() : JSON.stringify(example) };
}
