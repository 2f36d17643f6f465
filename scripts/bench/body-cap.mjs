// Bounded reading: how much resident memory one login costs when the server answers 300 MB instead of 1 KB. The
// client reads at most maxResponseBytes (64 KiB by default) and drops the connection, so both should cost the same.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { createLoginClient } from "../../dist/src/index.js";
import { CLIENT_ID, CREDENTIALS, DEVICE } from "./fixtures.mjs";

const SELF = fileURLToPath(import.meta.url);
const MiB = 1024 * 1024;

/** Serves a 200 of `size` bytes at /<size>/…, streamed in 64 KiB chunks until done or the client goes away. */
function serve() {
  const chunk = Buffer.alloc(64 * 1024, " ");
  const server = createServer((req, res) => {
    req.resume();
    const size = Number(req.url.split("/")[1]);
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": size });
    const head = '{"status":"SUCCESS","data":"';
    res.write(head);
    let left = size - head.length - 2;
    const pump = () => {
      while (left > chunk.length && !res.destroyed) {
        left -= chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end(" ".repeat(left) + '"}');
    };
    pump();
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
  process.stdin.on("close", () => process.exit(0)).resume();
}

/** Peak RSS growth in MiB over one login against an answer of `size` bytes. */
async function growth(port, size) {
  const client = createLoginClient({ baseUrl: `http://127.0.0.1:${port}/${size}`, clientId: CLIENT_ID, device: DEVICE, timeoutMs: 60_000 });
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const result = await client.login(CREDENTIALS);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { mib: (peak - before) / MiB, outcome: result.ok ? result.status : result.error.kind };
}

/** RSS growth for a 1 KB and a 300 MB answer (each the worst of `rounds`), in a fresh child process. */
export async function bodyCap({ bigBytes = 300_000_000, rounds = 3 } = {}) {
  const child = spawn(process.execPath, [SELF], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
  try {
    // A warm-up, so the first login's one-time costs (code, sockets) land on neither figure.
    await growth(port, 1_000);
    const worst = async (size) => {
      let out = { mib: -Infinity };
      for (let i = 0; i < rounds; i++) {
        const g = await growth(port, size);
        if (g.mib > out.mib) out = g;
      }
      return out;
    };
    return { "1 KB answer": await worst(1_000), [`${bigBytes / 1e6} MB answer`]: await worst(bigBytes) };
  } finally {
    child.stdin.end();
  }
}

if (process.argv[1] === SELF) serve();
