import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Schema } from "../contract/validate.js";
import { reduceSchema, resolveRef } from "./reduce-schema.js";

/** What a call can cost outside the server's answer: an SMS sent (the tenant pays), or a one-time code spent. */
export type SideEffect = "sends-sms" | "spends-code" | "none";

// Which operations cost more than an answer, by operationId. Sending a code texts a phone; a login or a second factor
// with a real code uses it up (and counts a failed attempt against the user when wrong). Every other operation of the
// contract only reads, or spends a state token or ticket that verify never has unless the user gives it one.
const SIDE_EFFECTS: Readonly<Record<string, SideEffect>> = {
  sendSmsVerifyCode: "sends-sms",
  loginWithMobileVerifyCode: "spends-code",
  secondaryAuthByMobileVerifyCode: "spends-code",
};

/** One documented answer of an operation. */
export interface ResponseContract {
  /** Documented media types (empty: no body is documented). */
  readonly mediaTypes: readonly string[];
  /** The body's schema component name ("LoginResponse"), or "the documented body" for an inline one. */
  readonly bodyName: string | undefined;
  readonly body: Schema | undefined;
  readonly headers: Readonly<Record<string, { readonly required: boolean; readonly schema: Schema }>>;
}

/** One operation of the contract as verify sends and judges it: all of it the spec's data. */
export interface OperationContract {
  readonly operationId: string;
  readonly method: "GET" | "POST";
  readonly path: string;
  /** "GET /api/v2/sdk/captcha": how the report names it. */
  readonly name: string;
  /** Needs the application's credentials (a Bearer access token or the client secret): a tenant (back-end) call. */
  readonly serverSide: boolean;
  readonly bearer: boolean;
  readonly sideEffect: SideEffect;
  /** The header parameters as one object schema. */
  readonly headers: Schema;
  /** The example value of each header parameter that has one (the API pages' samples). */
  readonly headerSamples: Readonly<Record<string, string>>;
  /** The request body's documented media type, schema and first named example, if the operation takes a body. */
  readonly body?: { readonly mediaType: string; readonly schema: Schema; readonly sample: Readonly<Record<string, unknown>> };
  readonly responses: Readonly<Record<string, ResponseContract>>;
}

type Node = { readonly [key: string]: unknown };

/** The bundled spec shipped with the package (dist/src/check/ when built, src/check/ from source). */
function bundledSpec(): Node {
  const file = ["../../../generated/openapi.json", "../../generated/openapi.json"]
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((path) => existsSync(path));
  if (!file) throw new Error("oneaccess-sms-login: generated/openapi.json is missing from the package");
  return JSON.parse(readFileSync(file, "utf8")) as Node;
}

const firstExample = (spec: Node, holder: Node): unknown => {
  const examples = holder.examples as Node | undefined;
  const first = examples ? Object.values(examples)[0] : undefined;
  return first === undefined ? holder.example : resolveRef(spec, first).value;
};

/** Every operation of a bundled spec, in the spec's order. */
export function operationsOf(spec: Node): OperationContract[] {
  return Object.entries(spec.paths as Node).flatMap(([path, item]) =>
    Object.entries(item as Node)
      .filter(([method, op]) => (method === "get" || method === "post") && typeof (op as Node).operationId == "string")
      .map(([method, raw]): OperationContract => {
        const op = raw as Node;
        const parameters = ((op.parameters as unknown[]) ?? []).map((p) => resolveRef(spec, p)).filter((p) => p.in === "header");
        const bearer = ((op.security as Node[] | undefined) ?? (spec.security as Node[] | undefined) ?? []).some((s) => Object.keys(s).length > 0);
        const requestBody = op.requestBody ? resolveRef(spec, op.requestBody) : undefined;
        const [mediaType, media] = Object.entries((requestBody?.content as Node | undefined) ?? {})[0] ?? [];
        const responses = Object.fromEntries(
          Object.entries(op.responses as Node).map(([status, ref]) => {
            const response = resolveRef(spec, ref);
            const content = Object.entries((response.content as Node | undefined) ?? {}) as Array<[string, Node]>;
            const schemaRef = content[0]?.[1].schema as Node | undefined;
            const headers = Object.entries((response.headers as Node | undefined) ?? {}).map(([name, h]) => [name, resolveRef(spec, h)] as const);
            return [
              status,
              {
                mediaTypes: content.map(([type]) => type),
                bodyName: schemaRef ? (typeof schemaRef.$ref == "string" ? schemaRef.$ref.split("/").at(-1) : "the documented body") : undefined,
                body: schemaRef ? reduceSchema(spec, schemaRef) : undefined,
                headers: Object.fromEntries(headers.map(([name, h]) => [name, { required: h.required === true, schema: reduceSchema(spec, h.schema) }])),
              } satisfies ResponseContract,
            ];
          }),
        );
        const id = op.operationId as string;
        return {
          operationId: id,
          method: method.toUpperCase() as "GET" | "POST",
          path,
          name: `${method.toUpperCase()} ${path}`,
          serverSide: bearer || path.startsWith("/api/v2/tenant/"),
          bearer,
          sideEffect: SIDE_EFFECTS[id] ?? "none",
          headers: {
            type: "object",
            required: parameters.filter((p) => p.required === true).map((p) => p.name as string),
            properties: Object.fromEntries(parameters.map((p) => [p.name as string, reduceSchema(spec, p.schema)])),
          },
          headerSamples: Object.fromEntries(
            parameters.flatMap((p) => {
              const sample = firstExample(spec, p);
              return typeof sample == "string" ? [[p.name as string, sample]] : [];
            }),
          ),
          ...(mediaType && media
            ? { body: { mediaType, schema: reduceSchema(spec, (media as Node).schema), sample: (firstExample(spec, media as Node) ?? {}) as Record<string, unknown> } }
            : {}),
          responses,
        };
      }),
  );
}

let cached: readonly OperationContract[] | undefined;
/** The contract's operations, read once from the bundled spec. */
export const OPERATIONS = (): readonly OperationContract[] => (cached ??= operationsOf(bundledSpec()));
