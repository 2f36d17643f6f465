// The baseline server: plain node:http on 127.0.0.1 answering every request with the page's example JSON. It runs in
// its own process, as Prism does, so neither the load generator nor the client under test shares its CPU with it.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { ANSWER } from "./fixtures.mjs";

const SELF = fileURLToPath(import.meta.url);

/** Serves the answer on a free port and prints the port on stdout (the child's side). */
function serve() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
  // Ends with its parent: stdin closes when the parent exits, even if it never called close().
  process.stdin.on("close", () => process.exit(0)).resume();
}

/** Starts it in a child process; resolves to { port, close }. */
export async function startAnswerServer() {
  const child = spawn(process.execPath, [SELF], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(Number(out.trim()));
    });
    child.once("exit", (code) => reject(new Error(`answer server exited with ${code} before listening`)));
  });
  return {
    port,
    close() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", resolve);
        child.stdin.end();
      });
    },
  };
}

if (process.argv[1] === SELF) serve();
