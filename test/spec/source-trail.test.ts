import { describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { missingSourceTrail } from "../../scripts/lib/source-trail.mjs";
import { operation, spec } from "../helpers/spec.js";

const LOGIN = "#/paths/~1api~1v2~1sdk~1login~1mobile-verify-code/post";
/** A deep copy of the shipped spec to break on purpose. */
const copy = (): any => structuredClone(spec);
/** Removes both trail keys from a node. */
const strip = (node: any) => {
  delete node["x-source"];
  delete node["x-package-rule"];
};

describe("the source trail (x-source / x-package-rule on every claim)", () => {
  test("the shipped spec has no claim without a source or a stated reason", () => {
    expect(missingSourceTrail(spec)).toEqual([]);
  });

  test("fails on an operation without one, naming it", () => {
    const broken = copy();
    strip(broken.paths["/api/v2/sdk/login/mobile-verify-code"].post);
    expect(missingSourceTrail(broken)).toEqual([`${LOGIN} has neither x-source nor x-package-rule`]);
  });

  test("fails on an operation another helper adds later without one", () => {
    const broken = copy();
    broken.paths["/api/v2/sdk/sms/send"] = {
      post: { operationId: "sendSms", responses: { "200": { description: "ok" } }, parameters: [{ name: "X-L", in: "header", schema: { type: "string" } }] },
    };
    expect(missingSourceTrail(broken)).toEqual([
      "#/paths/~1api~1v2~1sdk~1sms~1send/post has neither x-source nor x-package-rule",
      "#/paths/~1api~1v2~1sdk~1sms~1send/post/parameters/0 has neither x-source nor x-package-rule",
      "#/paths/~1api~1v2~1sdk~1sms~1send/post/parameters/0/schema has neither x-source nor x-package-rule",
    ]);
  });

  test("fails on a parameter, a schema, a property schema and a named error example without one", () => {
    const broken = copy();
    strip(broken.components.parameters.XClientId);
    strip(broken.components.schemas.ErrorResponse);
    strip(broken.components.schemas.MobileVerifyCodeLoginRequest.properties.verify_code);
    strip(broken.components.examples.ApplicationNotFoundError);
    expect(missingSourceTrail(broken).sort()).toEqual(
      [
        "#/components/parameters/XClientId has neither x-source nor x-package-rule",
        "#/components/schemas/ErrorResponse has neither x-source nor x-package-rule",
        "#/components/schemas/MobileVerifyCodeLoginRequest/properties/verify_code has neither x-source nor x-package-rule",
        "#/components/examples/ApplicationNotFoundError has neither x-source nor x-package-rule",
      ].sort(),
    );
  });

  test("fails on a status value without an entry in x-enum-sources", () => {
    const broken = copy();
    delete broken.components.schemas.LoginStatus["x-enum-sources"].MFA_AUTH;
    expect(missingSourceTrail(broken)).toEqual([
      '#/components/schemas/LoginStatus enum value "MFA_AUTH" has no x-enum-sources entry (URLs or "package rule: <why>")',
    ]);
  });

  test("refuses a malformed trail: an empty list, a non-https URL, a blank reason", () => {
    const broken = copy();
    broken.components.parameters.XAgent["x-source"] = [];
    broken.components.parameters.XDeviceIp["x-source"] = ["http://support.huaweicloud.com/x.html"];
    broken.components.parameters.XLanguage["x-package-rule"] = " ";
    delete broken.components.parameters.XLanguage["x-source"];
    expect(missingSourceTrail(broken).sort()).toEqual(
      [
        "#/components/parameters/XAgent x-source must be a non-empty list of https URLs",
        "#/components/parameters/XDeviceIp x-source must be a non-empty list of https URLs",
        "#/components/parameters/XLanguage x-package-rule must be a non-empty string",
      ].sort(),
    );
  });

  test("cites only Huawei Cloud pages, and Bamboo Cloud's only beside a Huawei page", () => {
    const lists: string[][] = [];
    JSON.stringify(spec, (key, value) => {
      if (key === "x-source") lists.push(value);
      if (key === "x-enum-sources") for (const entry of Object.values<any>(value)) if (Array.isArray(entry)) lists.push(entry);
      return value;
    });
    expect(lists.length).toBeGreaterThan(20);
    for (const urls of lists) {
      for (const url of urls) expect(url).toMatch(/^https:\/\/((support\.)?huaweicloud\.com|open\.bccastle\.com)\//);
      if (urls.some((u) => u.includes("bccastle"))) expect(urls.some((u) => u.includes("huaweicloud.com"))).toBe(true);
    }
  });

  test("the login operation's own claims cite the API page", () => {
    expect(operation["x-source"]).toContain("https://support.huaweicloud.com/intl/en-us/api-oneaccess/LoginByMobileVerifyCode.html");
  });
});
