import { DurableObject, WorkerEntrypoint } from "cloudflare:workers";
import type { TurnDataPoint } from "../../packages/conversation/turn-metrics.js";

/** The one binding the stand-in uses (its own, so that it needs nothing of the chat Worker's env). */
export interface TurnMetricsEnv {
  TURN_METRICS_STORE?: DurableObjectNamespace<TurnMetricsStore>;
}

/**
 * The local stand-in for the TURN_METRICS Analytics Engine dataset. wrangler dev and Miniflare
 * accept an analytics_engine_datasets binding but drop what is written to it offline, so the
 * local config binds TURN_METRICS to this entrypoint instead: same `writeDataPoint`, and the
 * points are kept (in one SQLite-backed Durable Object) so that `npm run report` can read them
 * back through the gateway's local-only /dev/metrics. Staging and production bind the real dataset.
 * Where TURN_METRICS_STORE is bound too, the ChatSession writes its turns' points to the store
 * itself (durable-objects/chat-session.ts, one RPC instead of two); this entrypoint stays for
 * any other writer.
 */
export class TurnMetricsStandIn extends WorkerEntrypoint<TurnMetricsEnv> {
  /**
   * Returns at once, as Analytics Engine's write does: the point is stored in the background. The
   * store is one object for the whole stack, so a turn that waited for it queued behind every
   * other customer's turn (seconds per turn under `npm run load`).
   */
  async writeDataPoint(point: TurnDataPoint): Promise<void> {
    const store = turnMetricsStore(this.env);
    if (store) this.ctx.waitUntil(store.write(point, Date.now()).catch(() => {}));
  }
}

export interface StoredDataPoint extends TurnDataPoint {
  /** Epoch milliseconds, as Analytics Engine's `timestamp` column. */
  timestamp: number;
}

/** Points kept locally: the oldest go first beyond this. */
const KEEP_POINTS = 100_000;
const TRIM_EVERY = 500;

export class TurnMetricsStore extends DurableObject<TurnMetricsEnv> {
  constructor(ctx: DurableObjectState, env: TurnMetricsEnv) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS points (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, point TEXT NOT NULL)");
    ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS points_at ON points (at)");
  }

  private writes = 0;

  async write(point: TurnDataPoint, at: number): Promise<void> {
    this.insert(point, at);
  }

  /** A ChatSession's batch (durable-objects/metric-points.ts): one call and one transaction. */
  async writeMany(points: Array<{ point: TurnDataPoint; at: number }>): Promise<void> {
    this.ctx.storage.transactionSync(() => {
      for (const { point, at } of points) this.insert(point, at);
    });
  }

  private insert(point: TurnDataPoint, at: number): void {
    this.ctx.storage.sql.exec("INSERT INTO points (at, point) VALUES (?, ?)", at, JSON.stringify(point));
    // Trimmed now and then, not on every write: under `npm run load` the trim was most of its cost.
    if (this.writes++ % TRIM_EVERY === 0) this.ctx.storage.sql.exec("DELETE FROM points WHERE seq <= (SELECT MAX(seq) FROM points) - ?", KEEP_POINTS);
  }

  async query(fromMs: number, toMs: number, limit = KEEP_POINTS): Promise<StoredDataPoint[]> {
    return this.ctx.storage.sql
      .exec<{ at: number; point: string }>("SELECT at, point FROM points WHERE at >= ? AND at < ? ORDER BY seq LIMIT ?", fromMs, toMs, limit)
      .toArray()
      .map((row) => ({ ...(JSON.parse(row.point) as TurnDataPoint), timestamp: row.at }));
  }
}

/** The one store of the local stack; undefined where the stand-in is not bound. */
export function turnMetricsStore(env: TurnMetricsEnv) {
  const namespace = env.TURN_METRICS_STORE;
  return namespace ? namespace.get(namespace.idFromName("turn-metrics")) : undefined;
}
