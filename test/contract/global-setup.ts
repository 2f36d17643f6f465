import type { TestProject } from "vitest/node";
import { startMock, type RunningMock } from "../../src/mock/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server under contract test. */
    contractBaseUrl: string;
    /** True when that server is this package's Prism mock (named examples can be asked for). */
    contractTargetIsMock: boolean;
  }
}

let mock: RunningMock | undefined;

/** Starts the mock for the contract suite, unless ONEACCESS_BASE_URL names another server to test. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.ONEACCESS_BASE_URL;
  if (external) {
    project.provide("contractBaseUrl", external.replace(/\/+$/, ""));
    project.provide("contractTargetIsMock", process.env.ONEACCESS_TARGET_IS_MOCK === "1");
    return;
  }
  mock = await startMock();
  project.provide("contractBaseUrl", mock.url);
  project.provide("contractTargetIsMock", true);
}

/** Stops the mock. */
export async function teardown(): Promise<void> {
  await mock?.stop();
}
