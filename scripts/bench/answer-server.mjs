// The baseline server: plain node:http on 127.0.0.1 answering every request with the page's example JSON.
import { createServer } from "node:http";
import { ANSWER } from "./fixtures.mjs";

/** Starts it on a free port; resolves to { port, close }. */
export async function startAnswerServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
