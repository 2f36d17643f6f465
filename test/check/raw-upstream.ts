import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/** A request as a raw upstream saw it. */
export interface RawSeen {
  /** Header names in lower case, values as sent. */
  headers: Record<string, string>;
  body: string;
  json: any;
}

/** What a raw upstream answers: a status line's reason, header lines and a body, written byte for byte. */
export interface RawReply {
  status: number;
  reason?: string;
  /** [name, value] pairs written as they are: any name, any bytes (as latin1). */
  headers: Array<[string, string]>;
  body: string;
}

/**
 * An HTTP/1.1 upstream on 127.0.0.1 that writes its answers by hand, so it can send what node:http refuses to write:
 * control characters in a reason phrase, any header name. One request per connection.
 */
export async function rawUpstream(answer: (seen: RawSeen) => RawReply) {
  const seen: RawSeen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let data = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) return;
      const lines = data.subarray(0, end).toString("latin1").split("\r\n").slice(1);
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      const length = Number(headers["content-length"] ?? 0);
      if (data.length < end + 4 + length) return;
      const body = data.subarray(end + 4, end + 4 + length).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const request = { headers, body, json };
      seen.push(request);
      const reply = answer(request);
      const bytes = Buffer.from(reply.body, "utf8");
      const head = [`HTTP/1.1 ${reply.status} ${reply.reason ?? "X"}`, ...reply.headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${bytes.length}`, "Connection: close", "", ""].join("\r\n");
      socket.end(Buffer.concat([Buffer.from(head, "latin1"), bytes]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

/** Raw upstreams started by a test file, closed after it. */
export function useRawServers() {
  const started: Array<{ close: () => Promise<void> }> = [];
  afterAll(() => Promise.all(started.map((s) => s.close())));
  return async (answer: (seen: RawSeen) => RawReply) => {
    const server = await rawUpstream(answer);
    started.push(server);
    return server;
  };
}
