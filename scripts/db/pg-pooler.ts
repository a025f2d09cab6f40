import { createConnection, type Socket } from "node:net";
import {
  CANCEL_REQUEST,
  MessageReader,
  ServerAuth,
  authenticationOk,
  backendKeyData,
  errorResponse,
  errorText,
  isEncryptionRequest,
  parseStartup,
  readyForQuery,
  simpleQuery,
  startupMessage,
  type WireMessage,
} from "./pg-wire.js";
import { SessionStatements, StatementNames, type ServerStatements } from "./pg-statements.js";

/**
 * A transaction-mode pooler in front of a Postgres server, as Neon's pooled endpoint (PgBouncer)
 * is in production: any number of client sessions, a few server connections, each lent to a
 * client for one transaction (from its first message until ReadyForQuery says idle) and then to
 * the next client. Clients that find every connection busy wait in order.
 *
 * Locally this is what lets two hundred Durable Objects each keep a socket without taking every
 * server connection ("too many clients"), and a client's socket never has to be cut to free a
 * slot — the earlier session budget did that, and a query racing the cut failed.
 *
 * Session state does not survive between transactions (as with PgBouncer), except named
 * prepared statements, which the pooler carries across its server connections as PgBouncer's
 * `max_prepared_statements` does (scripts/db/pg-statements.ts). Teller uses transaction-scoped
 * locks and no SET.
 */
export interface PoolerOptions {
  /** "host:port" of the server. */
  target: string;
  /** Server connections at most. */
  size: number;
  user: string;
  password: string;
  /**
   * Tries to open a server connection before giving up (default 1). The embedded PGlite turns a
   * connection away for a moment after the last one closed (its one slot is freed a tick later).
   */
  connectAttempts?: number;
  log?: (line: string) => void;
}

/**
 * A client session as the pooler sees it: a WebSocket from the proxy (Neon's wire format, one
 * frame of protocol after another), or a TCP socket wrapped by `socketClient`.
 */
export interface PoolerClient {
  readonly readyState: number;
  readonly OPEN: number;
  readonly CONNECTING: number;
  send(data: Buffer): void;
  close(): void;
  terminate(): void;
  on(event: "message", listener: (data: Buffer) => void): unknown;
  on(event: "close" | "error", listener: () => void): unknown;
}

/** A plain TCP client socket as a pooler client (the embedded Postgres's own port). */
export function socketClient(socket: Socket): PoolerClient {
  socket.setNoDelay(true);
  return {
    get readyState() {
      return socket.destroyed || !socket.writable ? 3 : 1;
    },
    OPEN: 1,
    CONNECTING: 0,
    send: (data) => void socket.write(data),
    close: () => void socket.end(),
    terminate: () => void socket.destroy(),
    on(event: "message" | "close" | "error", listener: (data: Buffer) => void) {
      socket.on(event === "message" ? "data" : event, listener);
      return this;
    },
  };
}

export interface PoolerStats {
  clients: number;
  served: number;
  servers: number;
  busy: number;
  waiting: number;
}

type Lease = (messages: WireMessage[]) => void;

class ServerConnection {
  readonly socket: Socket;
  readonly ready: Promise<void>;
  parameters: Buffer[] = [];
  broken = false;
  lease: Lease | undefined;
  onBroken: (() => void) | undefined;
  /** The pooler's named statements this connection has prepared (or has been sent). */
  readonly prepared: ServerStatements = new Set();
  private readonly reader = new MessageReader();

  constructor(host: string, port: number, user: string, password: string, database: string) {
    this.socket = createConnection({ host, port, noDelay: true });
    const auth = new ServerAuth(user, password);
    this.ready = new Promise<void>((resolve, reject) => {
      let authenticated = false;
      let isReady = false;
      let resetting = false;
      const fail = (error: Error) => {
        this.broken = true;
        this.socket.destroy();
        if (!isReady) reject(error);
        const onBroken = this.onBroken;
        this.onBroken = undefined;
        onBroken?.();
      };
      this.socket.on("connect", () => this.socket.write(startupMessage({ user, database })));
      this.socket.on("error", fail);
      this.socket.on("close", () => fail(new Error("server connection closed")));
      this.socket.on("data", (chunk) => {
        const messages = this.reader.push(chunk);
        if (isReady) return this.lease?.(messages);
        for (let i = 0; i < messages.length; i++) {
          const m = messages[i]!;
          if (m.type === "E") return fail(new Error(errorText(m.body)));
          if (m.type === "R" && !authenticated) {
            const reply = auth.answer(m.body);
            if (reply === "ok") authenticated = true;
            else if (reply) this.socket.write(reply);
          } else if (m.type === "S") this.parameters.push(Buffer.from(m.raw));
          else if (m.type === "Z" && !resetting) {
            // A new connection must hold no prepared statement: PGlite's one session outlives
            // its connections, so what an earlier connection prepared would still be there.
            resetting = true;
            this.socket.write(simpleQuery("DEALLOCATE ALL"));
          } else if (m.type === "Z") {
            isReady = true;
            resolve();
            const rest = messages.slice(i + 1);
            if (rest.length) this.lease?.(rest);
            return;
          }
        }
      });
    });
    this.ready.catch(() => {});
  }

  destroy(): void {
    this.broken = true;
    this.socket.destroy();
  }
}

export class TransactionPooler {
  private readonly idle: ServerConnection[] = [];
  private readonly all = new Set<ServerConnection>();
  private readonly waiters: Array<{ grant: (server: ServerConnection) => void; fail: (error: Error) => void }> = [];
  private readonly clients = new Set<PoolerClient>();
  private readonly statementNames = new StatementNames();
  private parameters: Buffer[] | undefined;
  private served = 0;
  private retrying = 0;
  private readonly host: string;
  private readonly port: number;

  constructor(private readonly options: PoolerOptions) {
    const index = options.target.lastIndexOf(":");
    this.host = options.target.slice(0, index);
    this.port = Number(options.target.slice(index + 1));
  }

  stats(): PoolerStats {
    return { clients: this.clients.size, served: this.served, servers: this.all.size, busy: this.all.size - this.idle.length, waiting: this.waiters.length };
  }

  /** Cuts every client and server connection (an outage). */
  cutAll(): void {
    for (const server of [...this.all]) server.destroy();
    for (const client of [...this.clients]) client.terminate();
  }

  close(): void {
    this.cutAll();
    for (const waiter of this.waiters.splice(0)) waiter.fail(new Error("pooler closed"));
  }

  /** Serves one client session arriving on `ws` (Neon's wire format: binary frames of protocol). */
  serve(ws: PoolerClient): void {
    this.served++;
    this.clients.add(ws);
    const reader = new MessageReader();
    let started = false;
    let closed = false;
    let server: ServerConnection | undefined;
    let acquiring = false;
    let expected = 0;
    let inTransaction = false;
    const pending: WireMessage[] = [];
    const statements = new SessionStatements(this.statementNames);
    const log = this.options.log ?? (() => {});

    const finish = () => {
      if (closed) return;
      closed = true;
      this.clients.delete(ws);
      // A connection still lent here is inside a transaction the client left open, or mid-query.
      // The first is rolled back and goes back to the pool (as PgBouncer resets it); the second
      // cannot be trusted and is closed.
      if (server) {
        const lent = server;
        server = undefined;
        lent.onBroken = undefined;
        if (expected === 0 && inTransaction) {
          lent.lease = (messages) => {
            if (!messages.some((m) => m.type === "Z")) return;
            lent.lease = undefined;
            this.release(lent);
          };
          lent.onBroken = () => this.release(lent);
          lent.socket.write(simpleQuery("ROLLBACK"));
        } else {
          lent.lease = undefined;
          lent.destroy();
          this.release(lent);
        }
      }
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    };
    const sendToClient = (data: Buffer) => {
      if (!closed && ws.readyState === ws.OPEN) ws.send(data);
    };

    const onServerMessages: Lease = (messages) => {
      const prepared = server?.prepared ?? new Set<string>();
      const out: Buffer[] = [];
      let done = false;
      for (const m of messages) {
        statements.fromServer(m, prepared, out);
        if (m.type !== "Z") continue;
        expected = Math.max(0, expected - 1);
        inTransaction = m.body[0] !== 73;
        if (expected === 0 && m.body[0] === 73 /* 'I' */) {
          done = true;
          break;
        }
      }
      if (out.length) sendToClient(out.length === 1 ? out[0]! : Buffer.concat(out));
      if (done && server) {
        const lent = server;
        server = undefined;
        lent.lease = undefined;
        lent.onBroken = undefined;
        this.release(lent);
        if (pending.length) void acquire();
      }
    };

    const acquire = async () => {
      if (acquiring || server) return;
      acquiring = true;
      try {
        const lent = await this.acquire();
        acquiring = false;
        if (closed) return this.release(lent);
        server = lent;
        lent.lease = onServerMessages;
        lent.onBroken = () => {
          server = undefined;
          this.release(lent);
          finish();
        };
        writeToServer(lent, pending.splice(0));
      } catch (error) {
        acquiring = false;
        log(`pooler: no server connection: ${(error as Error).message}`);
        sendToClient(errorResponse("08006", `server unreachable: ${(error as Error).message}`));
        finish();
      }
    };

    // Named statements are translated for the connection they are written to (see pg-statements).
    const writeToServer = (lent: ServerConnection, messages: WireMessage[]) => {
      const data: Buffer[] = [];
      for (const m of messages) data.push(...statements.toServer(m, lent.prepared));
      if (data.length) lent.socket.write(data.length === 1 ? data[0]! : Buffer.concat(data));
      const owed: Buffer[] = [];
      statements.drain(owed);
      if (owed.length) sendToClient(Buffer.concat(owed));
    };

    const onClientMessages = (messages: WireMessage[]) => {
      const now: WireMessage[] = [];
      for (const m of messages) {
        if (m.type === "X") {
          if (server && !acquiring && now.length) writeToServer(server, now);
          return finish();
        }
        // A password nobody asked for (a pipelined connect): the pooler authenticated the session.
        if (m.type === "p") continue;
        if (m.type === "Q" || m.type === "S") expected++;
        if (server && !acquiring) now.push(m);
        else pending.push(m);
      }
      if (server && !acquiring && now.length) writeToServer(server, now);
      if (!server && pending.length) void acquire();
    };

    const startup = async (chunk: Buffer | undefined) => {
      for (let packet = reader.takeUntyped(chunk); packet; packet = reader.takeUntyped()) {
        const { code, parameters } = parseStartup(packet);
        if (isEncryptionRequest(code)) {
          sendToClient(Buffer.from("N"));
          continue;
        }
        if (code === CANCEL_REQUEST) return finish();
        started = true;
        try {
          const serverParameters = await this.serverParameters(parameters.database ?? parameters.user ?? "postgres");
          sendToClient(Buffer.concat([authenticationOk(), ...serverParameters, backendKeyData(process.pid, this.served), readyForQuery("I")]));
        } catch (error) {
          sendToClient(errorResponse("08006", `server unreachable: ${(error as Error).message}`));
          return finish();
        }
        const rest = reader.rest();
        if (rest.length) onClientMessages(reader.push(rest));
        return;
      }
    };

    let starting: Promise<void> = Promise.resolve();
    ws.on("message", (data: Buffer) => {
      const chunk = Buffer.from(data);
      // Messages arriving while the startup answer is still being prepared wait for it; a
      // failure ends the session rather than silently stopping the chain behind it.
      starting = starting.then(() => (started ? onClientMessages(reader.push(chunk)) : startup(chunk))).catch((error: unknown) => {
        log(`pooler: client session failed: ${(error as Error).message}`);
        finish();
      });
    });
    ws.on("close", finish);
    ws.on("error", finish);
  }

  private database = "postgres";

  /** The server's ParameterStatus messages, read from the first connection made. */
  private async serverParameters(database: string): Promise<Buffer[]> {
    this.database = database;
    if (this.parameters) return this.parameters;
    const server = await this.acquire();
    this.parameters = server.parameters;
    this.release(server);
    return this.parameters;
  }

  private acquire(): Promise<ServerConnection> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.all.size + this.retrying < this.options.size) return this.connect();
    return new Promise((grant, fail) => this.waiters.push({ grant, fail }));
  }

  private async connect(): Promise<ServerConnection> {
    const attempts = this.options.connectAttempts ?? 1;
    for (let attempt = 1; ; attempt++) {
      const server = new ServerConnection(this.host, this.port, this.options.user, this.options.password, this.database);
      this.all.add(server);
      try {
        await server.ready;
        return server;
      } catch (error) {
        this.all.delete(server);
        if (attempt >= attempts) throw error;
        // The slot stays this connection's while it waits to try again.
        this.retrying++;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
        this.retrying--;
      }
    }
  }

  private release(server: ServerConnection): void {
    if (server.broken) {
      if (!this.all.delete(server)) return;
      const idleIndex = this.idle.indexOf(server);
      if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
      const waiter = this.waiters.shift();
      if (waiter) this.connect().then(waiter.grant, waiter.fail);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.grant(server);
    else {
      // An idle connection that breaks is simply dropped.
      server.onBroken = () => this.release(server);
      this.idle.push(server);
    }
  }
}
