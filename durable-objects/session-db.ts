import type { Db, DbHandle } from "../packages/db/client.js";
import { DB_TIMEOUT_MS, openDbDeferred } from "../packages/db/deferred-client.js";
import type { ChatSessionEnv } from "./chat-session.env.js";

/**
 * One Postgres pool per ChatSession Durable Object, kept across its turns: a read or money turn
 * then costs its queries only, not a new socket, a Postgres backend and a startup handshake each
 * time (a Durable Object, unlike a stateless Worker, may use a socket from a later request). The
 * pool is opened on first use (FAQ turns never touch Postgres) and reopened when the database
 * settings change; it drops a socket that broke mid-query.
 *
 * The kept pool holds ONE socket, closed after SESSION_IDLE_MS without a query: a customer's
 * turns are serialised, so one is enough, and every active customer holds it. Up to 4 sockets
 * kept 10 s each took every connection of a 100-connection Postgres at 200 customers in 10 s
 * ("too many clients": 503s and a stalled queue consumer in `npm run load`); in production it
 * would spend Neon's pooler's client slots (10,000) on idle customers the same way.
 *
 * With DB_MAX_CONNECTIONS = "1" (the embedded PGlite: one session for everyone, queued by the
 * proxy) an idle pooled socket would hold up every other customer, so the pool is closed after
 * each turn as before.
 *
 * Opening is async: the driver loads on the first turn that needs Postgres
 * (packages/db/deferred-client.ts). The handle holds the promise, so two queries of one turn
 * share one pool.
 */
const SESSION_IDLE_MS = 2_000;
export class SessionDb {
  private handle: { key: string; opened: Promise<DbHandle> } | undefined;

  constructor(
    private readonly env: () => ChatSessionEnv,
    private readonly waitUntil: (promise: Promise<unknown>) => void,
  ) {}

  /** The pool for one turn, opened on first use; `end()` after the turn. */
  forTurn(): { db: () => Promise<Db>; end(): Promise<void> } {
    return {
      db: () => this.open(),
      end: async () => {
        if (this.env().DB_MAX_CONNECTIONS === "1") await this.close();
      },
    };
  }

  /**
   * Lets go of the pool at once, without waiting for it: a turn past its deadline left a call
   * hanging on its one socket, and the next turn would queue behind it. It ends in the background.
   */
  discard(): void {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) this.waitUntil(handle.opened.then((opened) => opened.end()).catch(() => {}));
  }

  private async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) {
      const ending = handle.opened.then((opened) => opened.end()).catch(() => {});
      this.waitUntil(ending);
      await ending;
    }
  }

  private async open(): Promise<Db> {
    const env = this.env();
    const key = `${env.DATABASE_URL}\n${env.DB_WS_PROXY ?? ""}\n${env.DB_MAX_CONNECTIONS ?? ""}`;
    if (this.handle?.key !== key) {
      if (this.handle) this.waitUntil(this.handle.opened.then((opened) => opened.end()).catch(() => {}));
      const opened = openDbDeferred({
        databaseUrl: env.DATABASE_URL,
        wsProxy: env.DB_WS_PROXY || undefined,
        maxConnections: 1,
        idleTimeoutMs: SESSION_IDLE_MS,
        timeoutMs: DB_TIMEOUT_MS,
      });
      this.handle = { key, opened };
      // A failed open is not kept: the next turn tries again.
      opened.catch(() => {
        if (this.handle?.opened === opened) this.handle = undefined;
      });
    }
    return (await this.handle.opened).db;
  }
}
