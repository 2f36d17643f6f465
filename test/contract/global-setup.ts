import type { TestProject } from "vitest/node";
import { startMock, type RunningMock } from "../../src/mock/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server under contract test. */
    contractBaseUrl: string;
    /** True when that server is this package's Prism mock (named examples can be asked for). */
    contractTargetIsMock: boolean;
    /** Base URL of a default Prism mock (startMock()) that every test file may send requests to (test/helpers/mock.ts). */
    sharedMockUrl: string;
  }
}

let mock: RunningMock | undefined;

/**
 * Starts one default mock for the run: the contract suite's server, unless ONEACCESS_BASE_URL names another server to
 * test, and the shared mock of the tests that need only a default mock that is up (a start costs seconds of CPU).
 */
export async function setup(project: TestProject): Promise<void> {
  mock = await startMock();
  project.provide("sharedMockUrl", mock.url);
  const external = process.env.ONEACCESS_BASE_URL;
  if (external) {
    project.provide("contractBaseUrl", external.replace(/\/+$/, ""));
    project.provide("contractTargetIsMock", process.env.ONEACCESS_TARGET_IS_MOCK === "1");
    return;
  }
  project.provide("contractBaseUrl", mock.url);
  project.provide("contractTargetIsMock", true);
}

/** Stops the mock. */
export async function teardown(): Promise<void> {
  await mock?.stop();
}
