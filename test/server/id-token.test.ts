import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createIdTokenVerifier, IdTokenError, isIdTokenError, VerifiedIdToken } from "../../src/server/index.js";
import { expectNoSecretIn } from "./views.js";

const ISSUER = "https://your-tenant.huaweioneaccess.com";
const AUDIENCE = "DRrYIqauawN0I8myTMoDTPys6ezGZxnm";
const NOW = 1_700_000_000_000;
const MOBILE = "12345678901";

let signing: CryptoKey;
let other: CryptoKey;
let jwk: JWK;
let server: Server;
let jwksUrl: URL;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signing = pair.privateKey;
  other = (await generateKeyPair("RS256")).privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/oauth2/keys`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** An id_token signed by the test's key (or another), valid for 2 hours from NOW unless told otherwise. */
function idToken(overrides: { key?: CryptoKey; kid?: string; issuer?: string; audience?: string; exp?: number; nbf?: number } = {}): Promise<string> {
  const jwt = new SignJWT({ phone_number: MOBILE, name: "test" })
    .setProtectedHeader({ alg: "RS256", kid: overrides.kid ?? "k1" })
    .setSubject("20201029190841785-CB37-8BD36B")
    .setIssuer(overrides.issuer ?? ISSUER)
    .setAudience(overrides.audience ?? AUDIENCE)
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(overrides.exp ?? NOW / 1000 + 7200);
  if (overrides.nbf !== undefined) jwt.setNotBefore(overrides.nbf);
  return jwt.sign(overrides.key ?? signing);
}

const verifier = (now = NOW) => createIdTokenVerifier({ keys: { keys: [jwk] }, issuer: ISSUER, audience: AUDIENCE, now: () => now });

async function refusal(token: string, verify = verifier()): Promise<IdTokenError> {
  const error = await verify(token).then(() => undefined, (e: unknown) => e);
  expect(isIdTokenError(error)).toBe(true);
  expect(error).toBeInstanceOf(IdTokenError);
  expectNoSecretIn(error, [token, MOBILE].filter((s) => s !== ""), expect);
  return error as IdTokenError;
}

describe("id_token verification against the tenant's JWKS", () => {
  test("accepts a token signed by a key of the JWKS, for the issuer and audience, and hides its claims in every view", async () => {
    const token = await idToken();
    const verified = await verifier()(token);
    expect(verified).toBeInstanceOf(VerifiedIdToken);
    expect(verified.claims()).toMatchObject({ sub: "20201029190841785-CB37-8BD36B", iss: ISSUER, aud: AUDIENCE, phone_number: MOBILE });
    expect(verified.expiresAt).toBe(NOW + 7_200_000);
    expectNoSecretIn(verified, [token, MOBILE, "20201029190841785"], expect);
  });

  test("fetches the keys from the tenant's jwks_uri", async () => {
    const verify = createIdTokenVerifier({ keys: jwksUrl, issuer: ISSUER, audience: AUDIENCE, now: () => NOW });
    expect((await verify(await idToken())).claims().sub).toBe("20201029190841785-CB37-8BD36B");
  });

  test("refuses an expired token, and one not valid yet", async () => {
    expect((await refusal(await idToken(), verifier(NOW + 7_201_000))).kind).toBe("expired");
    expect((await refusal(await idToken({ nbf: NOW / 1000 + 60 }))).kind).toBe("not-yet-valid");
  });

  test("refuses another issuer and another audience", async () => {
    expect((await refusal(await idToken({ issuer: "https://elsewhere.example" }))).kind).toBe("issuer");
    expect((await refusal(await idToken({ audience: "another-client" }))).kind).toBe("audience");
  });

  test("refuses a token signed by a key outside the JWKS, under a known kid or an unknown one", async () => {
    expect((await refusal(await idToken({ key: other }))).kind).toBe("signature");
    expect((await refusal(await idToken({ key: other, kid: "k2" }))).kind).toBe("signature");
  });

  test('refuses alg "none", and will not be configured to allow it', async () => {
    const unsigned = new UnsecuredJWT({ sub: "x" }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(NOW / 1000 + 60).encode();
    expect((await refusal(unsigned)).kind).toBe("algorithm");
    expect(() => createIdTokenVerifier({ keys: { keys: [jwk] }, issuer: ISSUER, audience: AUDIENCE, algorithms: ["none"] })).toThrow(IdTokenError);
  });

  test("refuses a token that is not a JWT, and unusable input, with typed errors", async () => {
    expect((await refusal("not.a.jwt")).kind).toBe("malformed");
    expect((await refusal("")).kind).toBe("input");
    expect(() => createIdTokenVerifier({ keys: { keys: [jwk] }, issuer: "", audience: AUDIENCE })).toThrow(IdTokenError);
  });

  test("an unreachable jwks_uri is keys-unavailable, not a crash", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verify = createIdTokenVerifier({ keys: new URL(`http://127.0.0.1:${port}/keys`), issuer: ISSUER, audience: AUDIENCE, now: () => NOW });
    expect((await refusal(await idToken(), verify)).kind).toBe("keys-unavailable");
  });
});
