// oneaccess-sms-login/mock: start and stop the Prism mock of the contract from a consumer's tests.
export { BUNDLED_SPEC, PRISM_VERSION, startMock, type MockOptions, type RunningMock } from "./start-mock.js";
export { MockError, type MockErrorKind } from "./mock-error.js";
