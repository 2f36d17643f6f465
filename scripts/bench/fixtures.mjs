// The request and answer every benchmark uses: the API page's example.
export const LOGIN_PATH = "/api/v2/sdk/login/mobile-verify-code";
export const HEADERS = {
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "Mozilla/5.0",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};
export const DEVICE = { osVersion: "Android 10", fingerprint: "156aysdna213sac", agent: "Mozilla/5.0" };
export const CLIENT_ID = HEADERS["X-client-id"];
export const CREDENTIALS = { mobile: "12345678901", verify_code: "232326" };
export const ANSWER = JSON.stringify({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
export const CONTENT_TYPE = "application/json;charset=utf8";
