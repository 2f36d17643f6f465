// Bundled with esbuild into the browser page of test/browser/client.test.ts: the client as a browser app uses it.
// window.runLogin logs in once against a base URL and hands back what the test judges, as plain JSON.
import { createLoginClient, type LoginClientOptions } from "../../src/index.js";

/** The page's sample credentials (public), which the views must still not show. */
export const CREDENTIALS = { mobile: "13912345678", verify_code: "093817" };

const OPTIONS = {
  clientId: "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
  device: { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "Mozilla/5.0" },
};

/** What the test reads of one login: the result's public fields and every view of it. */
export interface Outcome {
  ok: boolean;
  status?: string;
  sessionToken?: string;
  kind?: string;
  name?: string;
  code?: string;
  httpStatus?: number;
  location?: string;
  message?: string;
  views: string[];
  pageOrigin: string;
}

async function runLogin(baseUrl: string, extra: Partial<LoginClientOptions> = {}): Promise<Outcome> {
  const client = createLoginClient({ ...OPTIONS, baseUrl, ...extra } as LoginClientOptions);
  const result = await client.login(CREDENTIALS);
  const pageOrigin = globalThis.location.origin;
  if (result.ok) {
    const body = result.body as { session_token?: string };
    return { ok: true, status: result.status, sessionToken: body.session_token, views: [String(result), JSON.stringify(result)], pageOrigin };
  }
  const error = result.error as unknown as Record<string, unknown> & Error;
  return {
    ok: false,
    kind: error.kind as string,
    name: error.name,
    code: error.code as string | undefined,
    httpStatus: error.status as number | undefined,
    location: error.location as string | undefined,
    message: error.message,
    views: [String(result.error), JSON.stringify(result), JSON.stringify(result.error), error.message],
    pageOrigin,
  };
}

(globalThis as unknown as { runLogin: typeof runLogin }).runLogin = runLogin;
