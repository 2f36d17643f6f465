// oneaccess-sms-login/check: the contract check a consumer runs against OneAccess, a proxy or their own BFF (the bin's
// `verify`). It sends requests itself and needs no Prism. Contents:
export { checkServer, type CheckReport, type CheckResult, type CheckStatus, type SentRequest } from "./check-server.js";
export { DEFAULT_CHECK_TIMEOUT_MS, DEFAULT_MAX_REQUESTS, type CheckOptions } from "./options.js";
export { CHECKS, type Check, type CheckName } from "./checks/index.js";
export { formatCheckReport } from "./format-report.js";
export { toJUnit } from "./junit.js";
export { CheckOptionsError } from "./check-options-error.js";
