// Prism's engine logs whole request and response bodies at debug and trace level ("< Body: {...}"); in proxy mode
// those hold a real user's mobile number and code, and OneAccess's tokens. The mock's log lines keep the field names
// and drop their values.

/** The contract's fields whose values are secrets. */
const FIELDS = "mobile|verify_code|session_token|id_token|state_token";
// "field": "value", "field": 123 (any spacing; escaped quotes inside the value), and field=value of a form body.
const IN_JSON = new RegExp(`("(?:${FIELDS})"\\s*:\\s*)(?:"(?:\\\\.|[^"\\\\])*"|[^,}\\]\\s]+)`, "gi");
const IN_FORM = new RegExp(`(\\b(?:${FIELDS})=)[^&\\s]*`, "gi");

/** A log text with the values of the contract's secret fields replaced by [REDACTED]. */
export const withoutSecrets = (text: string): string => text.replace(IN_JSON, '$1"[REDACTED]"').replace(IN_FORM, "$1[REDACTED]");
