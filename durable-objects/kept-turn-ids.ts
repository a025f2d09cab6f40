/**
 * The message ids of the turns the ChatSession keeps (at most KEEP_TURNS), read from SQLite once
 * per object and kept in step by the store: a new message's id, never stored, needs no lookup in
 * the turns table (the idempotency check was a SELECT on every turn), and the number kept says
 * when a trim has anything to delete (it was a DELETE on every turn).
 *
 * It may hold more ids than the table, never fewer: an id it holds is looked up in SQLite as
 * before. The store forgets it (reset) when a transaction rolls back; it is read again when asked.
 */
export class KeptTurnIds {
  private ids: Set<string> | undefined;

  constructor(private readonly read: () => string[]) {}

  /** False only when no kept turn has this id. */
  mayHold(id: string): boolean {
    return this.all().has(id);
  }

  count(): number {
    return this.all().size;
  }

  added(id: string): void {
    this.ids?.add(id);
  }

  removed(ids: Iterable<string>): void {
    if (!this.ids) return;
    for (const id of ids) this.ids.delete(id);
  }

  /** Every kept turn went (erasure). */
  cleared(): void {
    this.ids = new Set();
  }

  /** Read again from SQLite when next asked (a rolled-back transaction). */
  reset(): void {
    this.ids = undefined;
  }

  private all(): Set<string> {
    return (this.ids ??= new Set(this.read()));
  }
}
