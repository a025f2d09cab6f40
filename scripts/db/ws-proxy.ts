import { createConnection, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * The WebSocket-to-TCP proxy that lets the Neon serverless driver (which only speaks Postgres over
 * WebSockets) reach an ordinary Postgres locally. The wire format is Neon's: the client opens
 * `ws://proxy/v2?address=host:port` and every binary frame is raw Postgres protocol.
 *
 * It is not an open relay: only the configured targets are reachable. With `exclusive` it runs
 * one session at a time and queues the rest, because the embedded PGlite is a single Postgres
 * session (README, "Architecture").
 */
export interface WsProxyOptions {
  host?: string;
  port?: number;
  /** "host:port" pairs a client may ask for. */
  allowedTargets: string[];
  exclusive?: boolean;
  /** In exclusive mode, a session idle this long while others wait is closed (a leaked pool). */
  idleMsWhenContended?: number;
  log?: (line: string) => void;
}

export interface WsProxy {
  port: number;
  address: string;
  close(): Promise<void>;
  stats(): { active: number; waiting: number; served: number };
}

export async function startWsProxy(options: WsProxyOptions): Promise<WsProxy> {
  const allowed = new Set(options.allowedTargets.map(normaliseTarget));
  const log = options.log ?? (() => {});
  const idleMs = options.idleMsWhenContended ?? 10_000;
  const gate = options.exclusive ? new SessionGate() : null;
  let served = 0;
  let active = 0;

  const wss = new WebSocketServer({ host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });

  wss.on("connection", (ws, request) => {
    const url = new URL(request.url ?? "/", "http://proxy");
    const target = normaliseTarget(url.searchParams.get("address") ?? "");
    if (url.pathname !== "/v2" || !allowed.has(target)) {
      log(`refused target ${JSON.stringify(target)}`);
      ws.close(1008, "target not allowed");
      return;
    }
    void pipeSession(ws, target);
  });

  async function pipeSession(ws: WebSocket, target: string): Promise<void> {
    // Buffer what the client sends while it waits for its turn.
    const pending: Buffer[] = [];
    let closedEarly = false;
    const onEarlyMessage = (data: Buffer) => pending.push(Buffer.from(data));
    const onEarlyClose = () => (closedEarly = true);
    ws.on("message", onEarlyMessage);
    ws.once("close", onEarlyClose);

    const release = gate ? await gate.acquire() : () => {};
    ws.off("message", onEarlyMessage);
    ws.off("close", onEarlyClose);
    if (closedEarly) return release();

    active++;
    served++;
    const [host, port] = splitTarget(target);
    const tcp: Socket = createConnection({ host, port, noDelay: true });
    let lastActivity = Date.now();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      active--;
      clearInterval(idleTimer);
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
      // PGlite's socket server frees its slot on the next tick after the TCP close.
      tcp.once("close", () => setTimeout(release, 2));
      if (tcp.destroyed && tcp.closed) setTimeout(release, 2);
    };
    const idleTimer = setInterval(() => {
      if (gate && gate.waiting > 0 && Date.now() - lastActivity > idleMs) {
        log(`closing a session idle for ${idleMs} ms while ${gate.waiting} wait`);
        finish();
      }
    }, Math.min(idleMs, 1000));

    tcp.on("connect", () => {
      for (const chunk of pending) tcp.write(chunk);
      pending.length = 0;
    });
    tcp.on("data", (chunk) => {
      lastActivity = Date.now();
      if (ws.readyState === ws.OPEN) ws.send(chunk);
    });
    tcp.on("error", (error) => {
      log(`tcp ${target}: ${error.message}`);
      finish();
    });
    tcp.on("close", finish);
    const frontend = new FrontendMessageTracker();
    const forward = (data: Buffer) => {
      lastActivity = Date.now();
      if (tcp.readyState === "open") tcp.write(data);
      else pending.push(Buffer.from(data));
      // Postgres closes the connection after Terminate; PGlite's socket server does not, so the
      // session (and, in exclusive mode, everyone queued behind it) would wait for the idle timer.
      if (frontend.push(data)) setTimeout(finish, 5);
    };
    for (const chunk of pending.splice(0)) forward(chunk);
    ws.on("message", forward);
    ws.on("close", finish);
    ws.on("error", finish);
  }

  const address = wss.address() as AddressInfo;
  return {
    port: address.port,
    address: `${address.address}:${address.port}`,
    stats: () => ({ active, waiting: gate?.waiting ?? 0, served }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/**
 * Follows the frontend (client → server) message stream just enough to see Terminate ('X'):
 * a startup packet (length-prefixed, no type byte), then type byte + int32 length messages.
 */
class FrontendMessageTracker {
  private buffer = Buffer.alloc(0);
  private startupDone = false;

  /** Feeds bytes; true once a Terminate message has been seen. */
  push(data: Buffer): boolean {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (!this.startupDone) {
        if (this.buffer.length < 8) return false;
        const length = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (this.buffer.length < length) return false;
        this.buffer = this.buffer.subarray(length);
        // SSLRequest / GSSENCRequest precede the real startup packet.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startupDone = true;
        continue;
      }
      if (this.buffer.length < 5) return false;
      const type = this.buffer[0];
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return false;
      this.buffer = this.buffer.subarray(1 + length);
      if (type === TERMINATE) return true;
    }
  }
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const TERMINATE = "X".charCodeAt(0);

/** A FIFO mutex: one holder at a time, the rest wait in order. */
class SessionGate {
  private busy = false;
  private queue: Array<() => void> = [];
  get waiting(): number {
    return this.queue.length;
  }
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.busy = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.busy = false;
          this.queue.shift()?.();
        });
      };
      if (this.busy) this.queue.push(grant);
      else grant();
    });
  }
}

function normaliseTarget(target: string): string {
  return target.trim().toLowerCase().replace(/^localhost:/, "127.0.0.1:");
}

function splitTarget(target: string): [string, number] {
  const index = target.lastIndexOf(":");
  return [target.slice(0, index), Number(target.slice(index + 1))];
}
