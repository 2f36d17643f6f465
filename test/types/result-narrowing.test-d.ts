import { describe, expectTypeOf, test } from "vitest";
import type { LoginResult } from "../../src/index.js";

// The 200 body's fields by status, as the contract's oneOf says (openapi/components/schemas/LoginResponse.yaml).
const result = {} as LoginResult;

describe("types: a success narrows by status to the fields that status carries", () => {
  test("SUCCESS carries session_token and expire; id_token may be absent", () => {
    if (result.ok && result.status === "SUCCESS") {
      expectTypeOf(result.body.status).toEqualTypeOf<"SUCCESS">();
      expectTypeOf(result.body.session_token).toEqualTypeOf<string>();
      expectTypeOf(result.body.expire).toEqualTypeOf<number>();
      expectTypeOf(result.body.id_token).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- a SUCCESS carries no state_token
      void result.body.state_token;
    }
  });

  test("PASSWORD_WARN may carry a state_token and data, never a session_token", () => {
    if (result.ok && result.status === "PASSWORD_WARN") {
      expectTypeOf(result.body.status).toEqualTypeOf<"PASSWORD_WARN">();
      expectTypeOf(result.body.state_token).toEqualTypeOf<string | undefined>();
      expectTypeOf(result.body.data).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- the password is about to expire: no session yet
      void result.body.session_token;
    }
  });

  test("PASSWORD_EXPIRED may carry a state_token, never a session_token", () => {
    if (result.ok && result.status === "PASSWORD_EXPIRED") {
      expectTypeOf(result.body.status).toEqualTypeOf<"PASSWORD_EXPIRED">();
      expectTypeOf(result.body.state_token).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- an expired password gives no session
      void result.body.session_token;
    }
  });

  test("MFA_AUTH may carry a state_token, never a session_token", () => {
    if (result.ok && result.status === "MFA_AUTH") {
      expectTypeOf(result.body.status).toEqualTypeOf<"MFA_AUTH">();
      expectTypeOf(result.body.state_token).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- the second factor comes first
      void result.body.session_token;
    }
  });

  test("ACCESS_DENIED carries no token at all", () => {
    if (result.ok && result.status === "ACCESS_DENIED") {
      expectTypeOf(result.body.status).toEqualTypeOf<"ACCESS_DENIED">();
      expectTypeOf(result.body.data).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- denied: no session
      void result.body.session_token;
      // @ts-expect-error -- denied: no next step
      void result.body.state_token;
    }
  });

  test("a switch on status narrows the body in each case", () => {
    if (!result.ok) return;
    switch (result.status) {
      case "SUCCESS":
        expectTypeOf(result.body.session_token).toEqualTypeOf<string>();
        break;
      case "MFA_AUTH":
      case "PASSWORD_WARN":
      case "PASSWORD_EXPIRED":
        expectTypeOf(result.body.state_token).toEqualTypeOf<string | undefined>();
        break;
      default:
        expectTypeOf(result.status).toEqualTypeOf<"ACCESS_DENIED">();
    }
  });
});
