import { StatementNames } from "./pg-statements.js";
import { ServerConnection } from "./pg-server-connection.js";
import { serveSession, type PoolerClient, type SessionPool } from "./pooler-session.js";

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
 *
 * This file is the pool: server connections opened, lent and given back in order. One server
 * connection is pg-server-connection.ts, one client session pooler-session.ts, a TCP front for
 * the pooler pooler-front.ts.
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
  /**
   * Ends a client session that keeps a server connection inside a transaction this long without
   * sending anything (SQLSTATE 25P03, as PostgreSQL's idle_in_transaction_session_timeout does);
   * its transaction is rolled back and the connection lent on. Absent = never.
   */
  idleInTransactionMs?: number;
  log?: (line: string) => void;
}

export interface PoolerStats {
  clients: number;
  served: number;
  servers: number;
  busy: number;
  waiting: number;
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
  private readonly sessionPool: SessionPool = {
    acquire: () => this.acquire(),
    release: (server) => this.release(server),
    serverParameters: (database) => this.serverParameters(database),
    backendKey: () => this.served,
  };

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
    serveSession(ws, this.sessionPool, this.statementNames, this.options.log ?? (() => {}), () => this.clients.delete(ws), this.options.idleInTransactionMs);
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
