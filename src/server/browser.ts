// What a browser build of oneaccess-sms-login/server gets (the "browser" export condition): an error at import. The
// server entry holds the application's client secret, which must never ship to a browser.

/** The message a browser build of the server entry throws with. */
export const SERVER_IN_BROWSER =
  "oneaccess-sms-login/server was imported in a browser build. It holds the application's client secret and must run on a server only: import it from back-end code, and use oneaccess-sms-login (createLoginClient) in the browser.";

throw new Error(SERVER_IN_BROWSER);
