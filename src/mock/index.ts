// oneaccess-sms-login/mock: start the Prism mock of the contract, or verify a real server against it.
export { BUNDLED_SPEC, PRISM_VERSION, startMock, type MockExit, type MockOptions, type RunningMock } from "./start-mock.js";
export { formatReport, verifyServer, type ProbeResult, type VerifyOptions, type VerifyReport } from "./verify.js";
export { MockError, type MockErrorKind } from "./mock-error.js";
