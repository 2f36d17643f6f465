// Adversarial probe of `oneaccess-sms-login docs --out`: verify refuses to write its --junit file through a symbolic
// link (issue 21, defect 6: its target may be any file the user can write); the docs command writes through one.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const BIN = new URL("../../dist/src/cli/bin.js", import.meta.url).pathname;

describe("adversarial: the docs command", () => {
  test("'--out FILE' never writes through a symbolic link (as verify's --junit)", () => {
    const dir = mkdtempSync(join(tmpdir(), "adversarial-docs-"));
    try {
      const target = join(dir, "bashrc");
      writeFileSync(target, "export KEEP=1\n");
      const link = join(dir, "api.html");
      symlinkSync(target, link);
      spawnSync(process.execPath, [BIN, "docs", "--out", link], { encoding: "utf8" });
      // Refused, or the link replaced by a file: either way the target keeps its content.
      expect(readFileSync(target, "utf8")).toBe("export KEEP=1\n");
      expect(lstatSync(target).isFile()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
