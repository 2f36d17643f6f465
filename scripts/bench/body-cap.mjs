// Bounded reading: how much resident memory one login costs when the server answers 300 MB instead of 1 KB. The
// client reads at most maxResponseBytes (64 KiB by default) and drops the connection, so both should cost the same.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import { createLoginClient } from "../../dist/src/index.js";
import { CLIENT_ID, CONTENT_TYPE, CREDENTIALS, DEVICE, HEADERS, LOGIN_PATH } from "./fixtures.mjs";

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

/** One login through the client against an answer of `size` bytes; resolves to what it ended in. */
async function viaClient(port, size) {
  const client = createLoginClient({ baseUrl: `http://127.0.0.1:${port}/${size}`, clientId: CLIENT_ID, device: DEVICE, timeoutMs: 60_000 });
  const result = await client.login(CREDENTIALS);
  return result.ok ? result.status : result.error.kind;
}

/** The same call with bare openapi-fetch, which reads any answer whole: the control, showing the measure sees growth. */
async function viaOpenapiFetch(port, size) {
  const bare = createClient({ baseUrl: `http://127.0.0.1:${port}/${size}`, headers: { "Content-Type": CONTENT_TYPE } });
  const { data } = await bare.POST(LOGIN_PATH, { params: { header: HEADERS }, body: CREDENTIALS });
  return data?.status ?? "no body";
}

/** Peak RSS growth in MiB over one call of `login`, sampled every 2 ms. */
async function growth(login, port, size) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const outcome = await login(port, size);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { mib: (peak - before) / MiB, outcome };
}

/**
 * Peak RSS growth of one login for a 1 KB and a big answer (each the worst of `rounds`), and of one bare openapi-fetch
 * call for the big answer (the control). The answers come from a server in a child process.
 */
export async function bodyCap({ bigBytes = 300_000_000, rounds = 3 } = {}) {
  const child = spawn(process.execPath, [SELF], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
  try {
    // A warm-up, so the first login's one-time costs (code, sockets) land on neither figure.
    await growth(viaClient, port, 1_000);
    const worst = async (size) => {
      let out = { mib: -Infinity };
      for (let i = 0; i < rounds; i++) {
        const g = await growth(viaClient, port, size);
        if (g.mib > out.mib) out = g;
      }
      return out;
    };
    const big = `${bigBytes / 1e6} MB answer`;
    return {
      "1 KB answer": await worst(1_000),
      [big]: await worst(bigBytes),
      [`${big}, bare openapi-fetch (control)`]: await growth(viaOpenapiFetch, port, bigBytes),
    };
  } finally {
    child.stdin.end();
  }
}

if (process.argv[1] === SELF) serve();
