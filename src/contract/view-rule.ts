// The rule every view of a result, error or report follows (docs/views.md): it is built only from the package's own
// words, numbers it measured and values from closed sets. A string a server (or a custom fetch) chose enters a view
// only when it is one of the fixed values below, so no view needs to look for the caller's secrets: none can be there.
// Shared by the client and the contract check.
import { ERROR_CODES } from "../../generated/error-codes.js";
import { TRANSPORT_CODES } from "./transport-codes.js";

/** `code` when it is an error code OneAccess documents (the spec's closed list), else undefined. */
export const documentedCode = (code: unknown) => (ERROR_CODES.includes(code as string) ? (code as string) : undefined);

/** `code` when it is one of the transport error codes Node, undici and TLS report (a fixed list), else undefined. */
export const transportCode = (code: unknown) => (TRANSPORT_CODES.has(code as string) ? (code as string) : undefined);

/** The error names a view may show; any other is shown as "Error". */
export const ERROR_NAME = /^(Type|Range|Syntax|Abort|Timeout|Socket|ConnectTimeout|HeadersTimeout|BodyTimeout)?Error$/;
