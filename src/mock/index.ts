// oneaccess-sms-login/mock: start the Prism mock of the contract, or check a real server against it.
export { BUNDLED_SPEC, PRISM_VERSION, startMock, type MockExit, type MockOptions, type RunningMock } from "./start-mock.js";
export { MockError, type MockErrorKind } from "./mock-error.js";
// The contract check behind `verify`: sends requests itself, needs no Prism.
export {
  CHECKS,
  CheckOptionsError,
  DEFAULT_CHECK_TIMEOUT_MS,
  DEFAULT_MAX_REQUESTS,
  checkServer,
  formatCheckReport,
  toJUnit,
  type Check,
  type CheckName,
  type CheckOptions,
  type CheckReport,
  type CheckResult,
  type CheckStatus,
  type SentRequest,
} from "../check/index.js";
