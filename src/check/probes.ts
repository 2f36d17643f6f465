import { CONTENT_TYPE, LOGIN_PATH } from "../contract/operation.js";
import { OPERATIONS, type OperationContract } from "./spec-operations.js";

/** One request the check sends. */
export interface Probe {
  /** What the request is, e.g. "valid login" or "POST /api/v2/sdk/sms/send without mobile". */
  readonly name: string;
  /** The operation it is sent to: method, path and what the spec documents for its answers. */
  readonly operation: OperationContract;
  /** Positive probes keep the contract; negative ones break it in exactly one place. */
  readonly kind: "positive" | "negative";
  /**
   * For a positive probe: true when it carries the user's own values (a real code, a real mobile and captcha token,
   * the application's credentials), so a 400 is a real rejection; the API pages' samples are expected to be refused.
   */
  readonly real?: boolean;
  /** For a negative probe: the part that breaks the contract. */
  readonly invalid?: string;
  /**
   * True when the body cannot be parsed: a parser or gateway in front of the API may answer before it does, so its
   * 400 need not carry the documented error body (as the contract suite's bad-input tests hold).
   */
  readonly unparsable?: boolean;
  /**
   * True for a tenant operation's request: it is sent with the access token the run's own token request got (held in
   * memory for the run, never in any view), and not at all when there is none.
   */
  readonly bearer?: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** The API page's example headers, on the wire. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": CONTENT_TYPE,
  "X-operating-sys-version": "Android 10",
  "X-device-fingerprint": "156aysdna213sac",
  "X-agent": "Mozilla/5.0",
  "X-client-id": "DRrYIqauawN0I8myTMoDTPys6ezGZxnm",
};

/** The API page's sample credentials: public, and what broken requests carry instead of real ones. */
export const SAMPLE_CREDENTIALS = { mobile: "12345678901", verify_code: "232326" } as const;

/** What the user allowed verify to send besides the samples (see CheckOptions). */
export interface ProbeValues {
  readonly headers: Record<string, string>;
  /** A real mobile and code: spent by the one valid login. */
  readonly credentials?: { mobile: string; verify_code: string };
  /** A real mobile and captcha token: one LOGIN_SMS is sent to that mobile. */
  readonly sendSms?: { mobile: string; captcha_token: string };
  /** The application's credentials: the tenant (server-side) operations are checked. */
  readonly tenant?: { clientId: string; clientSecret: string };
}

const json = (value: unknown) => JSON.stringify(value);
const lower = (name: string) => name.toLowerCase();
const without = (name: string, from: Record<string, string>) => Object.fromEntries(Object.entries(from).filter(([k]) => lower(k) !== lower(name)));
const broken = (operation: OperationContract, name: string, invalid: string, headers: Record<string, string>, body: string | undefined): Probe => ({
  name,
  operation,
  kind: "negative",
  invalid,
  headers,
  body,
});

/**
 * The login's requests. The valid login comes first, while a real code is fresh, and is the only request that carries
 * real credentials: broken requests carry the page's sample ones, so they cannot use up a code or count failed logins
 * against a real user. The broken requests follow the most common client mistakes first, each covering a different rule.
 */
function loginProbes(login: OperationContract, all: Record<string, string>, credentials?: ProbeValues["credentials"]): Probe[] {
  const sample = SAMPLE_CREDENTIALS;
  const fail = (name: string, invalid: string, headers: Record<string, string>, body: string | undefined) => broken(login, name, invalid, headers, body);
  return [
    { name: "valid login", operation: login, kind: "positive", real: credentials !== undefined, headers: all, body: json(credentials ?? sample) },
    fail("verify_code missing", "required body property verify_code is missing", all, json({ mobile: sample.mobile })),
    fail("mobile not a string", "body property mobile is a number", all, json({ ...sample, mobile: Number(sample.mobile) })),
    fail("X-client-id missing", "required header X-client-id is missing", without("X-client-id", all), json(sample)),
    fail("text/plain body", "Content-Type is text/plain, not JSON", { ...all, "Content-Type": "text/plain" }, json(sample)),
    { ...fail("malformed JSON", "the body is not JSON", all, '{"mobile": "12345678901", "verify_code": '), unparsable: true },
    fail("X-agent missing", "required header X-agent is missing", without("X-agent", all), json(sample)),
    fail("verify_code empty", "body property verify_code is shorter than 1 character", all, json({ ...sample, verify_code: "" })),
    fail("body an array", "the body is an array, not an object", all, json([sample])),
    fail("empty body", "the required body is missing", all, undefined),
  ];
}

/**
 * A browser-side operation other than the login: the sample request and one broken one. Sending a code is the
 * exception: its sample request goes out only with the user's own mobile and captcha token (`sendSms`), and its
 * broken requests carry no mobile at all, so no server can text anyone whatever it does with them.
 */
function sdkProbes(operation: OperationContract, all: Record<string, string>, sendSms?: ProbeValues["sendSms"]): Probe[] {
  // Required headers the page's set lacks (X-state-token), with the API pages' sample value: never a real token.
  const extra = Object.fromEntries(
    (operation.headers.required ?? []).filter((name) => !Object.keys(all).some((k) => lower(k) === lower(name))).flatMap((name) => {
      const sample = operation.headerSamples[name];
      return sample === undefined ? [] : [[name, sample]];
    }),
  );
  const headers = operation.body ? { ...all, ...extra } : without("Content-Type", { ...all, ...extra });
  const { name, body } = operation;
  if (operation.sideEffect === "sends-sms") {
    const sample = body?.sample ?? {};
    const { mobile: _mobile, ...noMobile } = sample;
    return [
      ...(sendSms ? [{ name: `${name} with your mobile and captcha token`, operation, kind: "positive" as const, real: true, headers, body: json({ ...sample, ...sendSms, type: "LOGIN_SMS" }) }] : []),
      broken(operation, `${name} without mobile`, "required body property mobile is missing", headers, json(noMobile)),
      broken(operation, `${name} with an empty body`, "the required body is missing", headers, undefined),
    ];
  }
  const positive: Probe = { name: `${name} with the sample values`, operation, kind: "positive", real: false, headers, body: body ? json(body.sample) : undefined };
  const negative = body
    ? broken(operation, `${name} with a body that is an array`, "the body is an array, not an object", headers, json([body.sample]))
    : broken(operation, `${name} without X-client-id`, "required header X-client-id is missing", without("X-client-id", headers), undefined);
  return [positive, negative];
}

/**
 * A tenant operation, only with the application's credentials: the access token request with them (a real one:
 * it spends nothing but a token the tenant issues anyway), the same without the secret, and each Bearer operation
 * with that token and a body that is an array, which must be refused: the session token or ticket a valid body would
 * carry is one verify never has, so it spends none.
 */
function tenantProbes(operation: OperationContract, tenant: NonNullable<ProbeValues["tenant"]>): Probe[] {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const { name, body } = operation;
  if (!operation.bearer && body?.mediaType === "application/x-www-form-urlencoded") {
    const headers = { "Content-Type": body.mediaType };
    const grant = { grant_type: "client_credentials", client_id: tenant.clientId };
    return [
      { name: `${name} with your client credentials`, operation, kind: "positive", real: true, headers, body: form({ ...grant, client_secret: tenant.clientSecret }) },
      broken(operation, `${name} without client_secret`, "required form field client_secret is missing", headers, form(grant)),
    ];
  }
  const headers = { "Content-Type": body?.mediaType ?? CONTENT_TYPE };
  return [{ ...broken(operation, `${name} with a body that is an array`, "the body is an array, not an object", headers, json([body?.sample ?? {}])), bearer: true }];
}

/**
 * The requests of a check, in the order they are sent; a request budget keeps a prefix. The login's first, as it
 * was verify's only operation, then every other operation in the spec's order; tenant operations only when the
 * application's credentials were given.
 */
export function probes(values: ProbeValues, operations: readonly OperationContract[] = OPERATIONS()): Probe[] {
  // Header names are case-insensitive: fetch would send "X-client-id" and "x-client-id" as one header, both values joined.
  const all = Object.entries(values.headers).reduce((merged, [name, value]) => ({ ...without(name, merged), [name]: value }), { ...PAGE_HEADERS });
  const login = operations.find((o) => o.path === LOGIN_PATH && o.method === "POST")!;
  return [
    ...loginProbes(login, all, values.credentials),
    ...operations.filter((o) => o !== login && !o.serverSide).flatMap((o) => sdkProbes(o, all, values.sendSms)),
    ...(values.tenant ? operations.filter((o) => o.serverSide).flatMap((o) => tenantProbes(o, values.tenant!)) : []),
  ];
}
