// A browser's fetch reports every failure as a bare TypeError ("Failed to fetch"), with no cause and no code: there
// is no transport code to show, so a browser bundle carries no list (package.json "browser" maps the Node list here).

/** The transport error codes a view may show in a browser: none. */
export const TRANSPORT_CODES: ReadonlySet<string> = new Set();
