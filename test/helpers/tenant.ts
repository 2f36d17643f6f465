import { deref, spec } from "./spec.js";

/** The tenant (server-side) operations this package's contract describes, by path. */
export const TENANT_PATHS = [
  "/api/v2/tenant/token",
  "/api/v2/tenant/sso/session-token/sso-ticket",
  "/api/v2/tenant/sso/sso-ticket/verify",
  "/api/v2/tenant/sso/session-token/refresh",
] as const;

/** The POST operation object of a tenant path in the bundled spec. */
export const tenantOperation = (path: string): any => spec.paths[path].post;

/** The request body's media type key and media object of a tenant operation. */
export function requestMedia(path: string): [string, any] {
  const content = deref(tenantOperation(path).requestBody).content;
  const [key] = Object.keys(content);
  return [key!, content[key!]];
}

/** The application/json media object of a response of a tenant operation. */
export const responseMedia = (path: string, status: string): any => deref(tenantOperation(path).responses[status]).content["application/json"];
