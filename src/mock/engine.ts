import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { withoutSecrets } from "./log-secrets.js";

// The slice of Prism's engine (@stoplight/prism-http 5.12, as prism-cli 5.14.2 installs it) the mock server calls.
// Prism ships CommonJS without types for these deep modules, so the shapes are declared here.

/** A request as Prism's engine takes it (what @stoplight/prism-http-server builds from an IncomingMessage). */
export interface EngineRequest {
  method: string;
  url: { path: string; baseUrl?: string | undefined; query: Record<string, string | string[]> };
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One validation result of the engine. */
export interface EngineViolation {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

/** What the engine answers: a response and the violations found in the request and the response. */
export interface EngineResult {
  output: { statusCode: number; headers?: Record<string, string | string[]>; body?: unknown };
  validations: { input: EngineViolation[]; output: EngineViolation[] };
}

/** Prism's problem+json error (NOT_FOUND, NO_PATH_MATCHED_ERROR, ...). */
export interface EngineError extends Error {
  status?: number;
  detail?: string;
  additional?: { headers?: Record<string, string> };
}

/** Per-request mock preferences (Prefer header or __code/__example query), as Prism reads them. */
export interface MockPreferences {
  code?: number | undefined;
  exampleKey?: string | undefined;
  dynamic?: boolean | undefined;
  seed?: string | undefined;
}

type Either<L, R> = { _tag: "Left"; left: L } | { _tag: "Right"; right: R };

/** The engine's configuration, as `prism mock` / `prism proxy` build it. */
export interface EngineConfig {
  validateRequest: boolean;
  validateResponse: boolean;
  checkSecurity: boolean;
  errors: boolean;
  upstreamProxy: undefined;
  mock: Omit<MockPreferences, "seed"> & { dynamic?: boolean | undefined; ignoreExamples: boolean; seed?: string | null | undefined };
  isProxy: boolean;
  upstream?: URL;
}

/** Prism's engine, loaded from the installed prism-cli. */
export interface Engine {
  request(input: EngineRequest, config: EngineConfig): Promise<Either<EngineError, EngineResult>>;
  /** Prism's own Prefer / __code parsing (prism-http-server's getHttpConfigFromRequest). */
  preferences(input: EngineRequest): Either<EngineError, MockPreferences>;
  /** Prism's own body serialization by content type (prism-http-server's serialize). */
  serialize(body: unknown, contentType: string | undefined): string | undefined;
  /** Prism's problem+json body for an engine error. */
  problem(error: EngineError): unknown;
  readonly config: EngineConfig;
  /** Prism's logger (pino), at the level the mock was started with. */
  readonly logger: EngineLogger;
}

/** The pino methods the server logs with. */
export interface EngineLogger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

/** Options the mock server process is started with. */
export interface EngineOptions {
  prismCli: string;
  spec: string;
  upstream?: string | undefined;
  dynamic: boolean;
  logLevel: string;
}

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Prism's JSON log lines, one readable line each on stderr (stdout belongs to whoever wraps the mock). */
function logLines(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as { level?: number | string; msg?: string; input?: EngineRequest };
          const level = typeof entry.level === "number" ? (LEVELS[entry.level] ?? "info") : (entry.level ?? "info");
          const request = entry.input ? ` ${entry.input.method.toUpperCase()} ${entry.input.url.path}` : "";
          process.stderr.write(`[mock] ${level}${request}: ${withoutSecrets(entry.msg ?? "")}\n`);
        } catch {
          process.stderr.write(`[mock] ${withoutSecrets(line)}\n`);
        }
      }
      done();
    },
  });
}

/** The part of an engine operation that holds a response's examples. */
interface OperationContents {
  responses?: { contents?: { examples?: { key: string }[] }[] }[];
}

/**
 * Prism's spec reader (@stoplight/http-spec) puts a schema's own `examples[0]` first, as example "default", ahead of
 * the media type's named examples, and Prism answers the first one. The contract's rule is "the first NAMED example is
 * the default answer" (the neutral 400, the page's 200; the in-process mock follows it too), and a schema's
 * whole-object example exists for samplers and docs, so the synthesized "default" is dropped where named ones exist.
 */
function dropSchemaDefaultExamples(operations: OperationContents[]): void {
  for (const content of operations.flatMap((operation) => operation.responses ?? []).flatMap((response) => response.contents ?? [])) {
    const named = content.examples?.filter((example) => example.key !== "default");
    if (named?.length) content.examples = named;
  }
}

/** Loads Prism's engine next to the installed prism-cli and prepares it for the spec, with prism-cli's own config. */
export async function loadEngine(options: EngineOptions): Promise<Engine> {
  const load = createRequire(options.prismCli);
  const http = load("@stoplight/prism-http");
  const { createLogger } = load("@stoplight/prism-core");
  const { getHttpConfigFromRequest } = load("@stoplight/prism-http-server/dist/getHttpConfigFromRequest");
  const { serialize } = load("@stoplight/prism-http-server/dist/serialize");
  // prism-cli's own step: apply the spec's x-json-schema-faker options to the dynamic generator.
  const { configureExtensionsUserProvided } = load(join(dirname(options.prismCli), "dist/extensions.js"));

  const operations = await http.getHttpOperationsFromSpec(options.spec);
  if (operations.length === 0) throw new Error(`No operations found in ${options.spec}`);
  dropSchemaDefaultExamples(operations);
  await configureExtensionsUserProvided(options.spec, { fillProperties: undefined });

  // The same config prism-cli 5.14.2 builds in util/createServer.js for `prism mock` and `prism proxy`.
  const config: EngineConfig = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    mock: { dynamic: options.dynamic, ignoreExamples: false, seed: null },
    ...(options.upstream ? { isProxy: true, upstream: new URL(options.upstream) } : { isProxy: false }),
  };
  const logger = createLogger("HTTP SERVER", { level: options.logLevel }, logLines());
  const prism = http.createInstance(config, { logger });
  return {
    config,
    logger,
    request: (input, requestConfig) => prism.request(input, operations, requestConfig)(),
    preferences: getHttpConfigFromRequest,
    serialize,
    problem: (error) => http.ProblemJsonError.toProblemJson(error),
  };
}
