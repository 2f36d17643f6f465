// Bundled for the browser (vitest browser mode, Storybook, a plain page): no server, no service worker.
import { createLoginClient } from "oneaccess-sms-login";
import { createMockFetch } from "oneaccess-sms-login/testing";

const client = createLoginClient({
  domain: "your-tenant.huaweioneaccess.com",
  clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  device: { osVersion: navigator.platform, fingerprint: "story-device", agent: navigator.userAgent },
  fetch: createMockFetch({ scenario: "mfaAuth" }),
});

const result = await client.login({ mobile: "12345678901", verify_code: "232326" });
document.body.textContent = result.ok ? `logged in: ${result.status}` : `failed: ${result.error.message}`;
