import { CONTENT_TYPE } from "../contract/operation.js";

/** One request the check sends. */
export interface Probe {
  /** What the request is, e.g. "valid login" or "verify_code missing". */
  readonly name: string;
  /** Positive probes keep the contract; negative ones break it in exactly one place. */
  readonly kind: "positive" | "negative";
  /** For a negative probe: the part that breaks the contract. */
  readonly invalid?: string;
  /**
   * True when the body cannot be parsed: a parser or gateway in front of the API may answer before it does, so its
   * 400 need not carry the documented error body (as the contract suite's bad-input tests hold).
   */
  readonly unparsable?: boolean;
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

/**
 * The requests of a check, in the order they are sent; a request budget keeps a prefix. The valid login comes first,
 * while a real code is fresh, and is the only request that carries real credentials: broken requests carry the
 * page's sample ones, so they cannot use up a code or count failed logins against a real user. The broken requests
 * follow the most common client mistakes first, each covering a different rule.
 */
export function probes(headers: Record<string, string>, credentials: { mobile: string; verify_code: string } = SAMPLE_CREDENTIALS): Probe[] {
  const without = (name: string, from: Record<string, string> = all) => Object.fromEntries(Object.entries(from).filter(([k]) => k.toLowerCase() !== name.toLowerCase()));
  // Header names are case-insensitive: fetch would send "X-client-id" and "x-client-id" as one header, both values joined.
  const all = Object.entries(headers).reduce((merged, [name, value]) => ({ ...without(name, merged), [name]: value }), { ...PAGE_HEADERS });
  const json = (value: unknown) => JSON.stringify(value);
  const sample = SAMPLE_CREDENTIALS;
  const broken = (name: string, invalid: string, probeHeaders: Record<string, string>, body: string | undefined): Probe => ({
    name,
    kind: "negative",
    invalid,
    headers: probeHeaders,
    body,
  });
  return [
    { name: "valid login", kind: "positive", headers: all, body: json(credentials) },
    broken("verify_code missing", "required body property verify_code is missing", all, json({ mobile: sample.mobile })),
    broken("mobile not a string", "body property mobile is a number", all, json({ ...sample, mobile: Number(sample.mobile) })),
    broken("X-client-id missing", "required header X-client-id is missing", without("X-client-id"), json(sample)),
    broken("text/plain body", "Content-Type is text/plain, not JSON", { ...all, "Content-Type": "text/plain" }, json(sample)),
    { ...broken("malformed JSON", "the body is not JSON", all, '{"mobile": "12345678901", "verify_code": '), unparsable: true },
    broken("X-agent missing", "required header X-agent is missing", without("X-agent"), json(sample)),
    broken("verify_code empty", "body property verify_code is shorter than 1 character", all, json({ ...sample, verify_code: "" })),
    broken("body an array", "the body is an array, not an object", all, json([sample])),
    broken("empty body", "the required body is missing", all, undefined),
  ];
}
