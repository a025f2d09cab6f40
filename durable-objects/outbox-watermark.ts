/** An outbox row's place in the flush order: `ORDER BY created_at, event_id`. */
export type OutboxKey = readonly [createdAt: number, eventId: string];

/**
 * How far back the outbox's flush must look for unsent events. Sent events stay in the outbox
 * until Postgres is seen to hold them (~30 s), and the flush reads the oldest unsent ones first:
 * without a starting point every flush walked all of those sent rows again (under a busy
 * conversation, hundreds per flush, twice per flush). The watermark is the key of the last event
 * of a flushed prefix: every row at or before it is known to be sent, so the scan starts after it.
 *
 * In memory only (a new isolate starts from the beginning once), and conservative: an event
 * stored at or before the newest key a scan has seen (a clock that stepped back, a test's
 * made-up times) drops the watermark, so no unsent event is ever skipped. Rows only leave the
 * sent state by being deleted, which keeps the claim true.
 */
export class OutboxWatermark {
  private through: OutboxKey | undefined;
  private scan: { last: OutboxKey; ids: string[] } | undefined;

  /** Unsent events can only be after this key; undefined: look from the oldest. */
  after(): OutboxKey | undefined {
    return this.through;
  }

  /** The flush read these events (in flush order) and is about to send them. */
  scanned(events: ReadonlyArray<{ id: string; createdAt: number }>): void {
    const last = events.at(-1);
    this.scan = last ? { last: [last.createdAt, last.id], ids: events.map((e) => e.id) } : undefined;
  }

  /** The queue took these events: if they are the whole prefix just scanned, it is all sent. */
  sent(ids: readonly string[]): void {
    const scan = this.scan;
    if (!scan) return;
    const taken = new Set(ids);
    if (scan.ids.every((id) => taken.has(id))) {
      this.through = scan.last;
      this.scan = undefined;
    }
  }

  /** An event stored with this time: one that could sort at or before a known key resets. */
  stored(createdAt: number): void {
    const newest = Math.max(this.through?.[0] ?? -Infinity, this.scan?.last[0] ?? -Infinity);
    if (createdAt <= newest) this.reset();
  }

  reset(): void {
    this.through = undefined;
    this.scan = undefined;
  }
}
