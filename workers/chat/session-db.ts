import { openDb, type Db } from "../../packages/db/client.js";
import type { ChatEnv } from "./env.js";

/**
 * One Postgres pool per ChatSession Durable Object, kept across its turns: a read or money turn
 * then costs its queries only, not a new socket, a Postgres backend and a startup handshake each
 * time (a Durable Object, unlike a stateless Worker, may use a socket from a later request). The
 * pool is opened on first use (FAQ turns never touch Postgres) and reopened when the database
 * settings change; the pool closes sockets idle for 10 s itself and drops one that broke
 * mid-query, so the next query opens a fresh one.
 */
export class SessionDb {
  private handle: { key: string; db: Db; end(): Promise<void> } | undefined;

  constructor(
    private readonly env: () => ChatEnv,
    private readonly waitUntil: (promise: Promise<unknown>) => void,
  ) {}

  /** The pool for one turn, opened on first use; `end()` is a no-op (the pool outlives turns). */
  forTurn(): { db: () => Db; end(): Promise<void> } {
    return { db: () => this.open(), end: async () => {} };
  }

  private open(): Db {
    const env = this.env();
    const key = `${env.DATABASE_URL}\n${env.DB_WS_PROXY ?? ""}\n${env.DB_MAX_CONNECTIONS ?? ""}`;
    if (this.handle?.key === key) return this.handle.db;
    if (this.handle) this.waitUntil(this.handle.end().catch(() => {}));
    const opened = openDb({
      databaseUrl: env.DATABASE_URL,
      wsProxy: env.DB_WS_PROXY || undefined,
      maxConnections: env.DB_MAX_CONNECTIONS ? Number(env.DB_MAX_CONNECTIONS) : undefined,
    });
    this.handle = { key, ...opened };
    return opened.db;
  }
}
