// The rule every view of a result, error or report follows (docs/views.md): it is built only from the package's own
// words, numbers it measured and values from closed sets. A string a server (or a custom fetch) chose enters a view
// only when it is one of the fixed values below, so no view needs to look for the caller's secrets: none can be there.
// Shared by the client and the contract check.
import { ERROR_CODES } from "../../generated/error-codes.js";

/** `code` when it is an error code OneAccess documents (the spec's closed list), else undefined. */
export const documentedCode = (code: unknown) => (ERROR_CODES.includes(code as string) ? (code as string) : undefined);

// What Node's fetch (undici), its sockets, DNS and TLS report when a request gets no answer (ERR_ASSERTION: undici's
// answer to a status line below 100). A closed list: a code of the same shape that is not on it (a custom fetch may
// throw anything as `code`) is not shown.
const TRANSPORT_CODES = new Set(
  (
    "ECONNREFUSED ECONNRESET ECONNABORTED ETIMEDOUT EPIPE EPROTO EHOSTUNREACH ENETUNREACH ENETDOWN EHOSTDOWN EADDRNOTAVAIL " +
    "ENOTFOUND EAI_AGAIN EAI_FAIL EREFUSED ESERVFAIL ABORT_ERR UND_ERR_CONNECT_TIMEOUT UND_ERR_HEADERS_TIMEOUT " +
    "UND_ERR_BODY_TIMEOUT UND_ERR_HEADERS_OVERFLOW UND_ERR_SOCKET UND_ERR_CLOSED UND_ERR_DESTROYED UND_ERR_ABORTED UND_ERR_INFO " +
    "UND_ERR_RES_CONTENT_LENGTH_MISMATCH UND_ERR_REQ_CONTENT_LENGTH_MISMATCH UND_ERR_NOT_SUPPORTED HPE_INVALID_CONSTANT " +
    "HPE_INVALID_STATUS HPE_INVALID_HEADER_TOKEN HPE_INVALID_CONTENT_LENGTH HPE_UNEXPECTED_CONTENT_LENGTH " +
    "HPE_INVALID_CHUNK_SIZE HPE_INVALID_TRANSFER_ENCODING HPE_INVALID_VERSION HPE_CR_EXPECTED HPE_LF_EXPECTED " +
    "HPE_HEADER_OVERFLOW ERR_ASSERTION CERT_HAS_EXPIRED CERT_NOT_YET_VALID DEPTH_ZERO_SELF_SIGNED_CERT " +
    "SELF_SIGNED_CERT_IN_CHAIN UNABLE_TO_VERIFY_LEAF_SIGNATURE UNABLE_TO_GET_ISSUER_CERT_LOCALLY " +
    "ERR_TLS_CERT_ALTNAME_INVALID ERR_SSL_WRONG_VERSION_NUMBER"
  ).split(" "),
);

/** `code` when it is one of the transport error codes Node, undici and TLS report (a fixed list), else undefined. */
export const transportCode = (code: unknown) => (TRANSPORT_CODES.has(code as string) ? (code as string) : undefined);

/** The error names a view may show; any other is shown as "Error". */
export const ERROR_NAME = /^(Type|Range|Syntax|Abort|Timeout|Socket|ConnectTimeout|HeadersTimeout|BodyTimeout)?Error$/;
