import { createConnection } from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { TransactionPooler, type PoolerStats } from "./pg-pooler.js";
import { MessageReader, isEncryptionRequest } from "./pg-wire.js";

/**
 * The WebSocket-to-TCP proxy that lets the Neon serverless driver (which only speaks Postgres over
 * WebSockets) reach an ordinary Postgres locally. The wire format is Neon's: the client opens
 * `ws://proxy/v2?address=host:port` and every binary frame is raw Postgres protocol.
 *
 * It is not an open relay: only the configured targets are reachable. In front of the embedded
 * PGlite it only pipes, one TCP connection a session: PGlite is a single Postgres session, but
 * the port it is reached on is a transaction-mode pooler that queues clients itself and connects
 * again when PGlite turns it away (scripts/db/embedded-postgres.ts). With `maxSessions` it holds
 * at most that many sessions to a server and queues the rest, as Neon's pooler does in front of
 * its Postgres: many Durable Objects each keeping a socket would otherwise take every server
 * connection ("too many clients") and the turns, status checks and queue consumer behind them
 * would fail with 503.
 *
 * With `pool` it is a transaction-mode pooler instead (scripts/db/pg-pooler.ts), as Neon's pooled
 * endpoint is: clients never wait for a session, only for a server connection during a transaction.
 *
 * `outage(ms)` is a local fault switch for the load harness: every session is cut and new ones
 * are refused for that long, as if Postgres were unreachable.
 */
export interface WsProxyOptions {
  host?: string;
  port?: number;
  /** "host:port" pairs a client may ask for. */
  allowedTargets: string[];
  /** Sessions held at once; the rest wait for one to end. Default: no limit. */
  maxSessions?: number;
  /**
   * While others wait for a session, one idle this long is closed (a leaked or kept pool's socket),
   * and only at rest: Postgres reported ReadyForQuery outside a transaction and the client sent
   * nothing since, so no query or transaction is cut. Default 250 ms.
   */
  idleMsWhenContended?: number;
  /** Transaction pooling over at most `size` server connections, authenticated as `user`. */
  pool?: { size: number; user: string; password: string };
  log?: (line: string) => void;
}

export interface WsProxy {
  port: number;
  address: string;
  close(): Promise<void>;
  stats(): { active: number; waiting: number; served: number; reaped: number; refused: number; pooled?: PoolerStats };
  /** Cuts every session and refuses new ones for `ms` (a Postgres outage, locally). */
  outage(ms: number): Promise<void>;
}

export async function startWsProxy(options: WsProxyOptions): Promise<WsProxy> {
  const allowed = new Set(options.allowedTargets.map(normaliseTarget));
  const log = options.log ?? (() => {});
  const idleMs = options.idleMsWhenContended ?? 250;
  const gate = options.maxSessions ? new SessionGate(options.maxSessions) : null;
  let served = 0;
  let active = 0;
  let reaped = 0;
  let refused = 0;
  let downUntil = 0;
  const live = new Set<() => void>();
  const poolers = new Map<string, TransactionPooler>();
  const pooler = (target: string) => {
    let found = poolers.get(target);
    if (!found && options.pool) poolers.set(target, (found = new TransactionPooler({ target, ...options.pool, log })));
    return found;
  };

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
    if (Date.now() < downUntil) {
      refused++;
      ws.terminate();
      return;
    }
    const pooled = pooler(target);
    if (pooled) pooled.serve(ws);
    else void pipeSession(ws, target);
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
    if (Date.now() < downUntil) {
      refused++;
      ws.terminate();
      return release();
    }

    active++;
    served++;
    const [host, port] = splitTarget(target);
    const tcp = createConnection({ host, port, noDelay: true });
    let lastActivity = Date.now();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      live.delete(finish);
      active--;
      clearInterval(idleTimer);
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
      // The next session waits until this one's TCP connection is closed.
      tcp.once("close", () => setTimeout(release, 2));
      if (tcp.destroyed && tcp.closed) setTimeout(release, 2);
    };
    live.add(finish);
    const backend = new BackendMessageTracker();
    const idleTimer = setInterval(() => {
      if (gate && gate.waiting > 0 && Date.now() - lastActivity > idleMs && backend.atRest) {
        reaped++;
        finish();
      }
    }, Math.min(idleMs, 1000));

    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    tcp.on("data", (chunk) => {
      lastActivity = Date.now();
      backend.push(chunk);
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
      backend.clientSpoke();
      const terminated = frontend.push(data);
      if (frontend.takeSslRequest()) backend.expectSslAnswer();
      if (tcp.readyState === "open") tcp.write(data);
      else pending.push(Buffer.from(data));
      // Postgres closes the connection after Terminate; a server that does not would leave the
      // session (and everyone queued behind it) waiting for the idle timer.
      if (terminated) setTimeout(finish, 5);
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
    stats: () => {
      const pooled = [...poolers.values()][0]?.stats();
      return pooled
        ? { active: pooled.clients, waiting: pooled.waiting, served: pooled.served, reaped, refused, pooled }
        : { active, waiting: gate?.waiting ?? 0, served, reaped, refused };
    },
    outage: async (ms: number) => {
      downUntil = Date.now() + ms;
      for (const cut of [...live]) cut();
      for (const pooled of poolers.values()) pooled.cutAll();
      for (const client of wss.clients) client.terminate();
      log(`outage: sessions cut, new ones refused for ${ms} ms`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pooled of poolers.values()) pooled.close();
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/**
 * Follows the frontend (client → server) message stream just enough to see Terminate ('X'):
 * a startup packet (length-prefixed, no type byte), then type byte + int32 length messages.
 */
export class FrontendMessageTracker {
  private readonly reader = new MessageReader();
  private startupDone = false;
  /** An SSLRequest was read: the server answers it with one unframed byte. */
  private sslRequested = false;

  takeSslRequest(): boolean {
    const requested = this.sslRequested;
    this.sslRequested = false;
    return requested;
  }

  /** Feeds bytes; true once a Terminate message has been seen. */
  push(data: Buffer): boolean {
    let chunk: Buffer | undefined = data;
    while (!this.startupDone) {
      const packet = this.reader.takeUntyped(chunk);
      chunk = undefined;
      if (!packet) return false;
      // SSLRequest / GSSENCRequest precede the real startup packet; one too short to hold a code
      // is Postgres's to refuse.
      if (packet.length >= 8 && isEncryptionRequest(packet.readInt32BE(4))) this.sslRequested = true;
      else this.startupDone = true;
    }
    return this.reader.push(chunk).some((m) => m.type === "X");
  }
}

/**
 * Follows the backend (server → client) stream just enough to tell a session at rest: the last
 * message was ReadyForQuery with status 'I' (not in a transaction) and the client sent nothing
 * after it.
 */
export class BackendMessageTracker {
  private readonly reader = new MessageReader();
  private sslAnswerDue = false;
  private idleReady = false;
  private spokeSinceReady = true;

  get atRest(): boolean {
    return this.idleReady && !this.spokeSinceReady && this.reader.pending === 0;
  }

  clientSpoke(): void {
    this.spokeSinceReady = true;
  }

  expectSslAnswer(): void {
    this.sslAnswerDue = true;
  }

  push(data: Buffer): void {
    let chunk: Buffer | undefined = data;
    if (this.sslAnswerDue) {
      if (!this.reader.takeBytes(1, chunk)) return;
      chunk = undefined;
      this.sslAnswerDue = false;
    }
    for (const m of this.reader.push(chunk)) {
      this.idleReady = m.type === "Z" && m.body[0] === IDLE;
      if (m.type === "Z") this.spokeSinceReady = false;
    }
  }
}

const IDLE = "I".charCodeAt(0);

/** A FIFO semaphore: up to `capacity` holders at a time, the rest wait in order. */
class SessionGate {
  private held = 0;
  private queue: Array<() => void> = [];
  constructor(private readonly capacity: number) {}
  get waiting(): number {
    return this.queue.length;
  }
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.held++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.held--;
          this.queue.shift()?.();
        });
      };
      if (this.held >= this.capacity) this.queue.push(grant);
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
