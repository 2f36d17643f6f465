// Run by test/package/packed.test.ts, on each Node of the matrix, in a fresh project that installed the packed
// tarball: a plain CommonJS consumer. Node 20.19+ requires the package's ES modules synchronously.
"use strict";

// Every JavaScript entry of the package's `exports`, required as a CommonJS consumer would. A new entry is one line
// here; the test fails while an entry of the published exports is missing from this table.
const entries = {
  ".": require("oneaccess-sms-login"),
  "./mock": require("oneaccess-sms-login/mock"),
  "./testing": require("oneaccess-sms-login/testing"),
  // Its handlers are msw's: without msw installed (as here) it resolves, and fails naming msw.
  "./testing/msw": (() => {
    try {
      return require("oneaccess-sms-login/testing/msw");
    } catch (error) {
      return { failure: `${error.code}: ${/Cannot find (?:package|module) '(msw[^']*)'/.exec(error.message)?.[1]}` };
    }
  })(),
  "./check": require("oneaccess-sms-login/check"),
  "./server": require("oneaccess-sms-login/server"),
};
const spec = require("oneaccess-sms-login/openapi.json");

async function main() {
  const { createLoginClient, isLoginError, OneAccessError } = entries["."];
  const client = createLoginClient({
    baseUrl: process.env.ONEACCESS_BASE_URL,
    clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
    device: { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "cjs-consumer/1.0" },
  });
  const result = await client.login({ mobile: "12345678901", verify_code: "232326" });
  const refused = await client.login({ mobile: "12345678901", verify_code: "" });
  // No Prism in this project: the mock entry must still load and explain how to install it.
  const mockFailure = await entries["./mock"].startMock().then(
    () => "started",
    (error) => `${error.name}:${error.kind}`,
  );
  // One build: require() and import() give the same module, so an error class is one class either way.
  const imported = await import("oneaccess-sms-login");
  console.log(
    JSON.stringify({
      entries: Object.keys(entries),
      sameAsImport: imported.OneAccessError === OneAccessError && imported.createLoginClient === createLoginClient,
      status: result.ok ? result.status : result.error.kind,
      refused: refused.ok ? "sent" : isLoginError(refused.error) && refused.error instanceof OneAccessError && refused.error.kind,
      mockFailure,
      mockFetch: typeof entries["./testing"].createMockFetch,
      checkServer: typeof entries["./check"].checkServer,
      // The check has an entry of its own; the mock's entry is the mock alone.
      checkInMock: "checkServer" in entries["./mock"],
      serverClient: typeof entries["./server"].createServerClient,
      mswFailure: entries["./testing/msw"].failure,
      title: spec.info.title,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
