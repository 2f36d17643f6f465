// Adversarial probes against docs/views.md: request ids a hostile server chooses so that they carry the caller's code
// in the encodings the page says the check finds ("in hex or base64"), and other view promises.
import { describe, expect, test } from "vitest";
import { createLoginClient } from "../../src/index.js";
import { clientWith, json, PAGE, views } from "../helpers/client.js";

const { verify_code } = PAGE.credentials; // "232326"
const hex = (s: string) => Buffer.from(s).toString("hex");
const b64 = (s: string) => Buffer.from(s).toString("base64");

/** A 400 (LOGIN.0002) whose X-Request-Id is `id`: the request id is the one server-chosen string a view may show. */
async function viewsWithId(id: string) {
  const { client } = clientWith(() => json(400, { error_code: "LOGIN.0002", error_msg: "Wrong code." }, { headers: { "Content-Type": "application/json", "X-Request-Id": id } }));
  return views(await client.login(PAGE.credentials));
}

describe("adversarial: client views (docs/views.md)", () => {
  test("'finds a secret ... in hex': a hex-encoded code after a 3-character prefix is found", async () => {
    const id = `ab-c${hex(verify_code)}`; // "ab-c323332333236": the hex pairs start at offset 4
    expect(id).toMatch(/^[\w.:-]{1,64}$/);
    expect(await viewsWithId(id)).not.toContain(hex(verify_code));
  });

  test("'finds a secret ... in hex': a hex-encoded code grouped in threes is found", async () => {
    const id = hex(verify_code).replace(/(...)(?!$)/g, "$1-"); // "323-332-333-236"
    expect(await viewsWithId(id)).not.toContain(id);
  });

  test("'finds a secret ... in base64': a base64 code after a '.' or ':' is found", async () => {
    const id = `req.${b64(verify_code).replace(/=+$/, "")}`; // "req.MjMyMzI2"
    expect(await viewsWithId(id)).not.toContain(id);
  });

  test("'finds a secret ... in base64': a base64 code followed by one more character is found", async () => {
    const id = `${b64(verify_code).replace(/=+$/, "")}Z`; // 9 characters: its one aligned reading is never tried
    expect(await viewsWithId(id)).not.toContain(id);
  });

  test("'The secrets ... are ... the answer's cookies': an error_code echoing the answer's session cookie", async () => {
    const cookie = "QWERTYUIOPASDFGH"; // a letters-only session id, as some servers issue
    const { client } = clientWith(() =>
      json(400, { error_code: `${cookie}.0001`, error_msg: "x" }, { headers: { "Content-Type": "application/json", "Set-Cookie": `sid=${cookie}; Path=/; HttpOnly` } }),
    );
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "api" } });
    expect(views(result)).not.toContain(cookie);
  });

  test("'The secrets ... are ... the answer's cookies': an HttpError's code echoing the answer's session cookie", async () => {
    const cookie = "ZXCVBNMLKJHGFDSA";
    const { client } = clientWith(() =>
      json(503, { error_code: `${cookie}.0001` }, { headers: { "Content-Type": "application/json", "Set-Cookie": `sid=${cookie}; Path=/` } }),
    );
    const result = await client.login(PAGE.credentials);
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 503 } });
    expect(views(result)).not.toContain(cookie);
  });

  test("messages carry no control characters: a base URL with ESC or a bidi override in its path is refused or shown escaped", async () => {
    // A base URL often comes from an environment variable; URL itself percent-encodes these, but the client keeps
    // and prints the string as given.
    for (const baseUrl of ["https://tenant.example.test/\x1b]0;pwned\x07", "https://tenant.example.test/\u202egnp.exe"]) {
      let client;
      try {
        client = createLoginClient({ ...PAGE.options, baseUrl, fetch: async () => new Response(null, { status: 503 }) });
      } catch {
        continue; // refused at creation: fine
      }
      const text = views(await client.login(PAGE.credentials));
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  test.each([
    ["base64", (s: string) => b64(s).replace(/=+$/, "")],
    ["hex", hex],
  ])("'finds a secret ... in any digit script ... or in %s': the caller's own fullwidth code, echoed encoded", async (_, encode) => {
    // The client accepts the code as typed (fullwidth digits from an IME); a server echoes the bytes it got.
    const credentials = { mobile: PAGE.credentials.mobile, verify_code: "\uff12\uff13\uff12\uff13\uff12\uff16" }; // "２３２３２６"
    const id = encode(credentials.verify_code);
    expect(id).toMatch(/^[\w.:-]{1,64}$/);
    const { client } = clientWith(() => json(400, { error_code: "LOGIN.0002", error_msg: "x" }, { headers: { "Content-Type": "application/json", "X-Request-Id": id } }));
    expect(views(await client.login(credentials))).not.toContain(id);
  });
});
