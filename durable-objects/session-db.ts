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

interface PoolHandle {
  key: string;
  opened: Promise<DbHandle>;
  /** Callers between their first db() and end(): a closing pool must not be one in use. */
  users: number;
  ending?: Promise<void>;
}

export class SessionDb {
  private handle: PoolHandle | undefined;

  constructor(
    private readonly env: () => ChatSessionEnv,
    private readonly waitUntil: (promise: Promise<unknown>) => void,
  ) {}

  /**
   * The pool for one turn (or one status check), opened on first use; `end()` after it. With
   * one session for everyone the pool closes when its last user ends: turns are serialised, but
   * the gateway's status checks are not, and a check's end() closed the pool under a turn's or
   * another check's query (which then waited out the driver's 15 s timeout: a 503).
   */
  forTurn(): { db: () => Promise<Db>; end(): Promise<void> } {
    let joined: PoolHandle | undefined;
    return {
      db: async () => {
        const handle = this.current();
        if (!joined) {
          joined = handle;
          handle.users++;
        }
        return (await handle.opened).db;
      },
      end: async () => {
        const handle = joined;
        joined = undefined;
        if (!handle) return;
        handle.users--;
        if (handle.users === 0 && this.env().DB_MAX_CONNECTIONS === "1") await this.close(handle);
      },
    };
  }

  /**
   * Lets go of the pool at once, without waiting for it: a turn past its deadline left a call
   * hanging on its one socket, and the next turn would queue behind it. It ends in the background.
   */
  discard(): void {
    if (this.handle) void this.close(this.handle);
  }

  /** Ends the pool once (in waitUntil, so the runtime lets it finish); a later turn opens another. */
  private close(handle: PoolHandle): Promise<void> {
    if (this.handle === handle) this.handle = undefined;
    if (!handle.ending) {
      handle.ending = handle.opened.then((opened) => opened.end()).catch(() => {});
      this.waitUntil(handle.ending);
    }
    return handle.ending;
  }

  private current(): PoolHandle {
    const env = this.env();
    const key = `${env.DATABASE_URL}\n${env.DB_WS_PROXY ?? ""}\n${env.DB_MAX_CONNECTIONS ?? ""}`;
    if (this.handle?.key !== key) {
      if (this.handle) void this.close(this.handle);
      const opened = openDbDeferred({
        databaseUrl: env.DATABASE_URL,
        wsProxy: env.DB_WS_PROXY || undefined,
        maxConnections: 1,
        idleTimeoutMs: SESSION_IDLE_MS,
        timeoutMs: DB_TIMEOUT_MS,
      });
      const handle: PoolHandle = { key, opened, users: 0 };
      this.handle = handle;
      // A failed open is not kept: the next turn tries again.
      opened.catch(() => {
        if (this.handle === handle) this.handle = undefined;
      });
    }
    return this.handle!;
  }
}
