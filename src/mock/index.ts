// oneaccess-sms-login/mock: start the Prism mock of the contract (checking a real server is oneaccess-sms-login/check).
export { BUNDLED_SPEC, PRISM_VERSION, startMock, type MockExit, type MockOptions, type RunningMock } from "./start-mock.js";
export { MockError, type MockErrorKind } from "./mock-error.js";
