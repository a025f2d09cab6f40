import type { TurnDataPoint } from "../packages/conversation/turn-metrics.js";

/** A point and when it was written (epoch ms), as the local stand-in's store keeps it. */
export interface TimedPoint {
  point: TurnDataPoint;
  at: number;
}

/** How long a point waits for others before its batch goes: well under a report's resolution. */
export const POINT_BATCH_MS = 250;
/** A batch goes at once when it holds this many: one RPC and one transaction, of bounded size. */
export const POINT_BATCH_MAX = 100;

/**
 * The local metrics stand-in's points of one ChatSession, sent in batches: a busy conversation's
 * turns then cost one RPC to the stack's single store object (and one transaction there) per
 * POINT_BATCH_MS, where each turn cost one of each. Analytics Engine, bound instead in staging and
 * production, buffers its writes in the runtime too; so, as there, a write returns at once and a
 * point is best effort (one in a batch that cannot be sent is dropped, not retried).
 */
export class PointBatch {
  private pending: TimedPoint[] = [];

  constructor(
    /** Sends one batch (the store's writeMany); never rejects for the caller (errors are dropped). */
    private readonly send: (points: TimedPoint[]) => Promise<void>,
    /** Runs `flush` after `ms`, keeping the object alive until it has (ctx.waitUntil of a timer). */
    private readonly later: (ms: number, flush: () => Promise<void>) => void,
  ) {}

  write(point: TurnDataPoint, at: number): void {
    this.pending.push({ point, at });
    // Through `later` even when full: the send then runs under waitUntil like any other.
    if (this.pending.length >= POINT_BATCH_MAX) this.later(0, () => this.flush());
    else if (this.pending.length === 1) this.later(POINT_BATCH_MS, () => this.flush());
  }

  /** Sends what waits, if anything (a timer whose batch went early finds nothing). */
  flush(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    return this.send(batch).catch(() => {});
  }
}
