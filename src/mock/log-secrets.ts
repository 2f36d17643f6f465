// Prism's engine logs whole request and response bodies at debug and trace level ("< Body: {...}"); in proxy mode
// those hold a real user's mobile number and code, OneAccess's tokens and the application's client secret. The mock's
// log lines keep the field names and drop their values.
import { secretNames } from "../../generated/requests.js";

// Every field and header the spec marks x-secret, for every operation (declared once, in the spec). Names are
// letters, digits, "_" and "-" only; escaped anyway so a spec cannot turn one into a pattern.
const FIELDS = secretNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
// "field": "value", "field": 123 (any spacing; escaped quotes inside the value), and field=value of a form body.
const IN_JSON = new RegExp(`("(?:${FIELDS})"\\s*:\\s*)(?:"(?:\\\\.|[^"\\\\])*"|[^,}\\]\\s]+)`, "gi");
const IN_FORM = new RegExp(`(\\b(?:${FIELDS})=)[^&\\s]*`, "gi");

/** A log text with the values of the contract's secret fields and headers replaced by [REDACTED]. */
export const withoutSecrets = (text: string): string => text.replace(IN_JSON, '$1"[REDACTED]"').replace(IN_FORM, "$1[REDACTED]");
