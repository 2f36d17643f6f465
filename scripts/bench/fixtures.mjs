// The request and answer every benchmark uses: the API page's example.

/** Path of the operation. */
export const LOGIN_PATH = "/api/v2/sdk/login/mobile-verify-code";
/** The page's required headers, as bare openapi-fetch and raw fetch send them. */
export const HEADERS = {
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "Mozilla/5.0",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};
/** The same headers as the wrapper's device option. */
export const DEVICE = { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "Mozilla/5.0" };
/** The same client id as the wrapper's clientId option. */
export const CLIENT_ID = HEADERS["X-client-id"];
/** The page's request body. */
export const CREDENTIALS = { mobile: "12345678901", verify_code: "232326" };
/** The page's 200 answer, as text. */
export const ANSWER = JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
/** The Content-Type OneAccess documents, sent by every variant. */
export const CONTENT_TYPE = "application/json;charset=utf8";
