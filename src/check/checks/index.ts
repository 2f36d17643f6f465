// The checks, in the order they are reported (Schemathesis's own order: response checks, then input handling).
import type { Check } from "./check.js";
import { contentTypeConformance } from "./content-type-conformance.js";
import { negativeDataRejection } from "./negative-data-rejection.js";
import { notAServerError } from "./not-a-server-error.js";
import { positiveDataAcceptance } from "./positive-data-acceptance.js";
import { responseHeadersConformance } from "./response-headers-conformance.js";
import { responseSchemaConformance } from "./response-schema-conformance.js";
import { statusCodeConformance } from "./status-code-conformance.js";

export type { Check, CheckContext, CheckName, Skip } from "./check.js";

/** Every check `verify` runs. */
export const CHECKS: readonly Check[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  responseHeadersConformance,
  negativeDataRejection,
  positiveDataAcceptance,
];
