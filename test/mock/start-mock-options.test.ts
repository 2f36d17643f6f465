import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { MockError, startMock } from "../../src/mock/index.js";
import { LOGIN_PATH } from "../../src/index.js";
import { descendants, PAGE_BODY, PAGE_HEADERS } from "../helpers/mock.js";

const commandOf = (pid: number) => spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout;

const answers = async (url: string) =>
  fetch(url, { method: "OPTIONS", signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startMock: options and failures a consumer sees", () => {
  test.each(["ftp://upstream.test", "xhttp://upstream.test", "http://", "upstream.test", ""])("refuses upstream %j before starting anything", async (upstream) => {
    const error = await startMock({ upstream }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({ name: "MockError", kind: "invalid-options", message: "upstream must be an http(s) URL" });
  });

  test("an already aborted signal rejects before anything starts: no server process, no exit hook", async () => {
    const exitListeners = process.listenerCount("exit");
    // startMock's checks run as it is called: a process it forked would hold an exit hook by now.
    const starting = startMock({ signal: AbortSignal.abort() });
    expect(process.listenerCount("exit")).toBe(exitListeners);
    await expect(starting).rejects.toMatchObject({ name: "MockError", kind: "aborted", message: "startMock was aborted before the mock was ready" });
  });

  test("a parent that exits without stop() kills the server process (the exit hook), which `exited` reports as not stopped", async () => {
    const before = new Set(process.listeners("exit"));
    const mock = await startMock();
    const hooks = process.listeners("exit").filter((l) => !before.has(l));
    expect(hooks).toHaveLength(1);
    // What the process's exit would run, without ending the test's process.
    (hooks[0] as () => void)();
    expect(await mock.exited).toMatchObject({ stopped: false, signal: "SIGKILL" });
    expect(process.listeners("exit")).not.toContain(hooks[0]);
    expect(isRunning(mock.pid!)).toBe(false);
  });

  test("gives up with a timeout MockError when Prism is not ready in time, and leaves no Prism behind", async () => {
    const exitListeners = process.listenerCount("exit");
    const error = await startMock({ readyTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({ name: "MockError", kind: "timeout" });
    expect((error as Error).message).toMatch(/^Prism did not start within 1 ms:/);
    expect(process.listenerCount("exit")).toBe(exitListeners);
    // The server process it forked is stopped, not left to finish starting.
    expect(descendants(process.pid).filter((pid) => /server\.js/.test(commandOf(pid)))).toEqual([]);
  });

  test("says why Prism exited, with the tail of its own output", async () => {
    const error = await startMock({ spec: "/nonexistent/openapi.json" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "MockError", kind: "exited" });
    // The server's own reason (sent over IPC) first, then the tail of its output; not the "Prism exited ..." prefix twice.
    expect((error as Error).message).toMatch(/^Prism exited with code [1-9]\d* before it was ready: \S/);
    expect((error as Error).message).toContain("/nonexistent/openapi.json");
    // The server's reason follows at once: the "Prism exited with code 1: " of the exit's own reason is cut, nothing else.
    expect((error as Error).message).toMatch(/ before it was ready: Error opening file "\/nonexistent\/openapi\.json"/);
    expect((error as Error).message.match(/Prism exited/g)).toHaveLength(1);
  });

  test("runs on an IPv6 host, bracketed in its URL, serving the named examples by default; stop() ends the process and its exit hook once", async () => {
    const exitListeners = process.listenerCount("exit");
    const mock = await startMock({ host: "::1" });
    expect(mock.url).toBe(`http://[::1]:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
    expect(process.listenerCount("exit")).toBe(exitListeners + 1);
    const response = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(response.status).toBe(400);
    // Otherwise a default mock (one Prism start fewer than a test of its own): it serves the page's named example, not
    // a generated body, since dynamic mode is off unless asked for.
    const page = await fetch(`${mock.url}${LOGIN_PATH}`, { method: "POST", headers: PAGE_HEADERS, body: PAGE_BODY });
    expect(await page.json()).toEqual({ status: "SUCCESS", session_token: "bts******2VO", expire: 604800 });
    expect(typeof mock.pid).toBe("number");
    expect(isRunning(mock.pid!)).toBe(true);
    const first = mock.stop();
    expect(mock.stop()).toBe(first);
    await first;
    expect(isRunning(mock.pid!)).toBe(false);
    expect(process.listenerCount("exit")).toBe(exitListeners);
    expect(await answers(mock.url)).toBe(false);
  });
}, 60_000);

describe("startMock with Prism's output shown", () => {
  test("starts and stops with stdio inherit (the bin's mode)", async () => {
    const mock = await startMock({ stdio: "inherit" });
    try {
      expect(await answers(mock.url)).toBe(true);
    } finally {
      await mock.stop();
    }
    expect(await answers(mock.url)).toBe(false);
  });
}, 60_000);
