import { describe, expect, test } from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import { decorateEnumDescriptions, showSourceTrail, trailNote } from "../../scripts/lib/source-trail-plugin.mjs";
import { deref, operation, spec } from "../helpers/spec.js";

const PAGE = "https://support.huaweicloud.com/intl/en-us/api-oneaccess/LoginByMobileVerifyCode.html";

describe("the docs show each claim's trail after its description (Redocly decorator source-trail/show)", () => {
  test("the operation and every parameter end with their sources", () => {
    expect(operation.description).toContain(`\n\nSource: ${PAGE}`);
    for (const parameter of operation.parameters.map(deref)) expect(parameter.description, parameter.name).toContain(`Source: ${PAGE}`);
  });

  test("a parameter's schema rule (minLength 1) is printed with the parameter, marked as a package rule", () => {
    const agent = operation.parameters.map(deref).find((p: any) => p.name === "X-agent");
    expect(agent.description).toMatch(/\n\nPackage rule: The page marks it mandatory and gives no format; minLength 1/);
  });

  test("a field's package rule is told apart from its source", () => {
    const mobile = spec.components.schemas.MobileVerifyCodeLoginRequest.properties.mobile;
    expect(mobile.description).toBe(`${mobile.description.split("\n\n")[0]}\n\nSource: ${PAGE}\n\nPackage rule: ${mobile["x-package-rule"]}`);
    expect(mobile.description).toContain("maxLength 32 are this package's limits");
  });

  test("each status value's meaning ends with its own trail", () => {
    const meanings = spec.components.schemas.LoginStatus["x-enumDescriptions"];
    // The Chinese edition of the login page lists every value with its meaning; SUCCESS is on the English one too.
    const ZH_PAGE = "https://support.huaweicloud.com/api-oneaccess/LoginByMobileVerifyCode.html";
    const cite = (...pages: string[]) => new RegExp(`\\(Source: ${pages.join(", ").replace(/[.]/g, "\\.")}\\)$`);
    expect(meanings.SUCCESS).toMatch(cite(ZH_PAGE, PAGE));
    for (const value of ["PASSWORD_WARN", "PASSWORD_EXPIRED", "ACCESS_DENIED", "MFA_AUTH"]) expect(meanings[value], value).toMatch(cite(ZH_PAGE));
  });

  test("error examples say whether their use by this API is documented", () => {
    expect(spec.components.examples.ApplicationNotFoundError.description).toMatch(/^Source: https:\/\/support\.huaweicloud\.com\//);
    expect(spec.components.examples.WrongCredentialsError.description).toMatch(/Package rule: That this API answers LOGIN\.0002 to a wrong SMS code is this package's inference/);
  });

  test("the note is added once, however often a shared component is visited", () => {
    const node = { description: "Words.", "x-source": ["https://support.huaweicloud.com/a.html"], "x-package-rule": "Why." };
    const visitor = showSourceTrail();
    visitor.Schema.leave(node);
    visitor.Schema.leave(node);
    expect(node.description).toBe("Words.\n\nSource: https://support.huaweicloud.com/a.html\n\nPackage rule: Why.");
    const status = { enum: ["A"], "x-enum-sources": { A: "package rule: because" }, "x-enumDescriptions": { A: "Meaning." } };
    decorateEnumDescriptions(status);
    decorateEnumDescriptions(status);
    expect(status["x-enumDescriptions"].A).toBe("Meaning. (Package rule: because)");
    expect(trailNote({})).toBe("");
  });
});
