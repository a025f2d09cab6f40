import type { ChatEvent } from "../packages/contract/events.js";
import { initialState, type DialogueState } from "../packages/dialogue/index.js";
import type { SessionNotice } from "../packages/conversation/turn.js";
import { KeptTurnIds } from "./kept-turn-ids.js";
import { OutboxWatermark } from "./outbox-watermark.js";

/**
 * The ChatSession's SQLite tables. `turns` makes a client message id idempotent; `outbox` holds
 * queue events until Postgres holds them: `outbox_sent` marks those sent, and when to ask Postgres
 * whether they arrived (a failed send is retried, an accepted one that never arrives is resent).
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS turns (
     message_id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     text TEXT NOT NULL,
     turn TEXT NOT NULL,
     created_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS turns_seq ON turns (seq)`,
  `CREATE TABLE IF NOT EXISTS outbox (event_id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)`,
  // The flush reads the oldest unsent events in this order, and retention cuts by created_at:
  // without it every alarm scanned and sorted the whole outbox (sent events wait there ~30 s).
  `CREATE INDEX IF NOT EXISTS outbox_created_at ON outbox (created_at, event_id)`,
  // A table of its own (not a column of outbox) so that existing objects need no ALTER.
  `CREATE TABLE IF NOT EXISTS outbox_sent (event_id TEXT PRIMARY KEY, confirm_at INTEGER NOT NULL, sends INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS outbox_sent_confirm_at ON outbox_sent (confirm_at)`,
  `CREATE TABLE IF NOT EXISTS ws_tickets (ticket TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`,
  // A table of its own (not a column) so that existing objects need no ALTER.
  `CREATE TABLE IF NOT EXISTS ws_ticket_tokens (ticket TEXT PRIMARY KEY, token_valid_until INTEGER NOT NULL)`,
];

/** A turn as stored: `text` and `turn` (JSON) sealed with the customer's data key (TranscriptCipher). */
export interface StoredTurn {
  text: string;
  turn: string;
}

/**
 * Turns kept in the DO for idempotency, reconnects and context; the full transcript is in Postgres.
 * A count, never a time: whatever it allows, the alarm deletes turns older than the retention the
 * chat tells the customer (retention-days.ts), so it can only keep fewer days, never more.
 */
const KEEP_TURNS = 200;
/** Undelivered notices kept per customer (older ones are dropped; the runner's rows stay in Postgres). */
const MAX_NOTICES = 20;
/** Where an earlier version kept the alarm's execution outcomes apart from the other notices. */
const LEGACY_EXECUTION_NOTICES = "execution_notices";

/**
 * SessionStorage (packages/conversation/turn.ts) is this store behind the TranscriptCipher
 * (sealedSessionStorage): here a turn's `text` and `turn` are the sealed strings it is given.
 */
export class ChatSessionStore {
  /**
   * The meta rows as last read or written: a turn reads the same few keys several times, and a
   * SQLite statement per read was a tenth of the object's CPU under load. Only this store writes
   * them, and a rolled-back transaction forgets the copy.
   */
  private readonly meta = new Map<string, string | undefined>();
  /** The state last parsed, with the JSON it came from (see loadState). */
  private parsedState: { json: string; state: DialogueState } | undefined;
  /** Whether the state last saved, with its JSON, has an execution under way (see isExecuting). */
  private savedExecuting: { json: string; executing: boolean } | undefined;
  /** Where the flush's look for unsent events starts (see OutboxWatermark). */
  private readonly watermark = new OutboxWatermark();
  /** The kept turns' ids: a new message id is known new without a SELECT (KeptTurnIds). */
  private readonly keptIds = new KeptTurnIds(() => this.sql.exec<{ message_id: string }>("SELECT message_id FROM turns").toArray().map((r) => r.message_id));

  constructor(
    private readonly sql: SqlStorage,
    /** The Durable Object's `transactionSync`: a turn and its events commit together. */
    private readonly transaction: <T>(work: () => T) => T = (work) => work(),
  ) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  /**
   * The dialogue state, parsed once per stored version: every turn and every alarm read it, and
   * parsing it each time was a visible share of the object's CPU. Callers treat it as read-only
   * (the dialogue engine copies a state before it changes anything).
   */
  loadState(): DialogueState {
    const json = this.getMeta("dialogue_state");
    if (!json) return initialState();
    if (this.parsedState?.json !== json) this.parsedState = { json, state: JSON.parse(json) as DialogueState };
    return this.parsedState.state;
  }

  saveState(state: DialogueState): void {
    const json = JSON.stringify(state);
    this.setMeta("dialogue_state", json);
    // Read back as JSON would give it: a copy, so the caller's object may change without it.
    this.parsedState = undefined;
    this.savedExecuting = { json, executing: Boolean(state.executing) };
  }

  /** Whether a confirmed execution is unfinished: the alarm asks at every run, mostly right after a turn's save. */
  isExecuting(): boolean {
    const json = this.getMeta("dialogue_state");
    if (json && this.savedExecuting?.json === json) return this.savedExecuting.executing;
    return Boolean(this.loadState().executing);
  }

  /** Replies waiting for the customer's next turn, oldest first. */
  loadNotices(): SessionNotice[] {
    const legacy = JSON.parse(this.getMeta(LEGACY_EXECUTION_NOTICES) ?? "[]") as SessionNotice["reply"][];
    const notices = JSON.parse(this.getMeta("notices") ?? "[]") as SessionNotice[];
    return [...legacy.map((reply, i) => ({ id: `${LEGACY_EXECUTION_NOTICES}-${i}`, reply })), ...notices];
  }

  /** Keeps a notice once per id, and at most MAX_NOTICES of them. */
  addNotice(notice: SessionNotice): void {
    const notices = this.loadNotices().filter((n) => n.id !== notice.id);
    this.saveNotices([...notices, notice].slice(-MAX_NOTICES));
  }

  private saveNotices(notices: SessionNotice[]): void {
    if (this.getMeta(LEGACY_EXECUTION_NOTICES) !== undefined) this.deleteMeta(LEGACY_EXECUTION_NOTICES);
    this.setMeta("notices", JSON.stringify(notices));
  }

  /** One SQLite transaction; if it rolls back, the copy of the meta rows is forgotten too. */
  atomically<T>(work: () => T): T {
    try {
      return this.transaction(work);
    } catch (error) {
      this.meta.clear();
      this.watermark.reset();
      this.keptIds.reset();
      throw error;
    }
  }

  commitTurn(turn: { messageId: string; text: string; turn: string; events: ChatEvent[]; at: number; shownNotices: string[]; state?: DialogueState }): void {
    this.atomically(() => {
      if (turn.state) this.saveState(turn.state);
      this.saveTurn(turn.messageId, turn.text, turn.turn, turn.events, turn.at);
      if (turn.shownNotices.length > 0) this.saveNotices(this.loadNotices().filter((n) => !turn.shownNotices.includes(n.id)));
      // Nothing to trim while fewer are kept: the DELETE ran on every turn before.
      if (this.keptIds.count() > KEEP_TURNS) this.trimTurns(KEEP_TURNS);
    });
  }

  queueEvent(event: ChatEvent): void {
    this.saveEvents([event], Date.now());
  }

  /**
   * Turns after `messageId` (all kept turns when it is unknown), oldest first, each sealed with the
   * customer's words (`text`): what a reconnecting client missed, or a reloaded page restores;
   * only those kept at or after `sinceMs` (the client's sign-in; 0: all).
   */
  turnsAfter(messageId: string | undefined, limit: number, sinceMs = 0): Array<{ turn: string; text: string }> {
    const rows = this.sql
      .exec<{ turn: string; text: string }>(
        `SELECT turn, text FROM turns
          WHERE seq > COALESCE((SELECT seq FROM turns WHERE message_id = ?), 0) AND created_at >= ?
          ORDER BY seq DESC LIMIT ?`,
        messageId ?? "",
        sinceMs,
        limit,
      )
      .toArray();
    return rows.reverse().map((row) => ({ turn: row.turn, text: row.text }));
  }

  /** When each kept turn was stored (no content): orders the agent's transcript. */
  turnTimes(): Map<string, number> {
    const rows = this.sql.exec<{ message_id: string; created_at: number }>("SELECT message_id, created_at FROM turns").toArray();
    return new Map(rows.map((r) => [r.message_id, r.created_at]));
  }

  addTicket(ticket: string, expiresAt: number, tokenValidUntil?: number): void {
    this.sql.exec("DELETE FROM ws_ticket_tokens WHERE ticket IN (SELECT ticket FROM ws_tickets WHERE expires_at < ?)", Date.now());
    this.sql.exec("DELETE FROM ws_tickets WHERE expires_at < ?", Date.now());
    this.sql.exec("INSERT INTO ws_tickets (ticket, expires_at) VALUES (?, ?)", ticket, expiresAt);
    if (tokenValidUntil !== undefined) {
      this.sql.exec("INSERT INTO ws_ticket_tokens (ticket, token_valid_until) VALUES (?, ?)", ticket, tokenValidUntil);
    }
  }

  /**
   * Single use: a ticket is deleted as it is checked. False when unknown or expired; else the
   * expiry of the token that asked for it (null when none was given).
   */
  takeTicket(ticket: string, now: number): false | { tokenValidUntil: number | null } {
    const row = this.sql
      .exec<{ expires_at: number }>("DELETE FROM ws_tickets WHERE ticket = ? RETURNING expires_at", ticket)
      .toArray()[0];
    const token = this.sql
      .exec<{ token_valid_until: number }>("DELETE FROM ws_ticket_tokens WHERE ticket = ? RETURNING token_valid_until", ticket)
      .toArray()[0];
    if (row === undefined || row.expires_at < now) return false;
    return { tokenValidUntil: token?.token_valid_until ?? null };
  }

  getMeta(key: string): string | undefined {
    if (this.meta.has(key)) return this.meta.get(key);
    const value = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value;
    this.meta.set(key, value);
    return value;
  }

  deleteMeta(key: string): void {
    this.meta.delete(key);
    this.sql.exec("DELETE FROM meta WHERE key = ?", key);
    this.meta.set(key, undefined);
  }

  setMeta(key: string, value: string): void {
    this.meta.delete(key);
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
    this.meta.set(key, value);
  }

  findTurn(messageId: string): StoredTurn | undefined {
    if (!this.keptIds.mayHold(messageId)) return undefined;
    const row = this.sql
      .exec<{ text: string; turn: string }>("SELECT text, turn FROM turns WHERE message_id = ?", messageId)
      .toArray()[0];
    return row ? { text: row.text, turn: row.turn } : undefined;
  }

  /** Stores the turn and its events together: SQLite commits both or neither. */
  saveTurn(messageId: string, text: string, turn: string, events: ChatEvent[], now: number): void {
    // The next seq in the insert itself: one statement, not a read and then a write.
    this.sql.exec(
      "INSERT INTO turns (message_id, seq, text, turn, created_at) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM turns",
      messageId,
      text,
      turn,
      now,
    );
    this.keptIds.added(messageId);
    this.saveEvents(events, now);
  }

  /** One INSERT for a turn's events (a statement each before), EVENTS_PER_INSERT rows at most. */
  saveEvents(events: ChatEvent[], now: number): void {
    if (events.length === 0) return;
    this.watermark.stored(now);
    for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
      const rows = events.slice(i, i + EVENTS_PER_INSERT);
      const values = rows.flatMap((event) => [event.id, JSON.stringify(event), now]);
      this.sql.exec(`INSERT INTO outbox (event_id, body, created_at) VALUES ${eventRows(rows.length)}`, ...values);
    }
  }

  /** Keeps the newest `keep` turns: full transcripts live in Postgres, not in the DO. */
  trimTurns(keep: number): void {
    const gone = this.sql.exec<{ message_id: string }>("DELETE FROM turns WHERE seq <= (SELECT MAX(seq) FROM turns) - ? RETURNING message_id", keep);
    this.keptIds.removed(Array.from(gone, (r) => r.message_id));
  }

  /** Retention: deletes turns created before `cutoff`; returns when the oldest remaining one was. */
  trimTurnsBefore(cutoff: number): number | undefined {
    const gone = this.sql.exec<{ message_id: string }>("DELETE FROM turns WHERE created_at < ? RETURNING message_id", cutoff);
    this.keptIds.removed(Array.from(gone, (r) => r.message_id));
    return this.sql.exec<{ at: number | null }>("SELECT MIN(created_at) AS at FROM turns").one().at ?? undefined;
  }

  countTurns(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns").one().n;
  }

  /** Erasure: every stored turn, and queued events that carry what was said. Returns the turns removed. */
  eraseConversation(contentTypes: readonly string[]): number {
    const turns = this.countTurns();
    this.sql.exec("DELETE FROM turns");
    this.keptIds.cleared();
    const types = JSON.stringify(contentTypes);
    this.sql.exec("DELETE FROM outbox WHERE json_extract(body, '$.type') IN (SELECT value FROM json_each(?))", types);
    this.forgetOrphanSends();
    return turns;
  }

  /** Retention: events of these types queued before `cutoff`, sent or not, go (they would only be deleted in Postgres). */
  trimEventsBefore(cutoff: number, types: readonly string[]): void {
    const removed = this.sql.exec(
      "DELETE FROM outbox WHERE created_at < ? AND json_extract(body, '$.type') IN (SELECT value FROM json_each(?))",
      cutoff,
      JSON.stringify(types),
    );
    removed.toArray();
    // Every alarm asks; almost always nothing is that old, and then no send can have been orphaned.
    if (removed.rowsWritten > 0) this.forgetOrphanSends();
  }

  private forgetOrphanSends(): void {
    this.sql.exec("DELETE FROM outbox_sent WHERE event_id NOT IN (SELECT event_id FROM outbox)");
  }


  /**
   * The oldest events not sent yet that fit one queue message: at most `maxEvents`, and at most
   * `maxBytes` of UTF-8 JSON (always at least one event, and one event is far below the queue's
   * 128 KB limit).
   */
  pendingEvents(maxEvents: number, maxBytes = Number.POSITIVE_INFINITY): ChatEvent[] {
    const after = this.watermark.after();
    const rows = this.sql
      .exec<{ body: string; created_at: number; event_id: string }>(
        `SELECT body, created_at, event_id FROM outbox o
          WHERE (created_at, event_id) > (?, ?) AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.event_id = o.event_id)
          ORDER BY created_at, event_id LIMIT ?`,
        after?.[0] ?? Number.MIN_SAFE_INTEGER,
        after?.[1] ?? "",
        maxEvents,
      )
      .toArray();
    const events: ChatEvent[] = [];
    const scanned: Array<{ id: string; createdAt: number }> = [];
    let bytes = 0;
    for (const row of rows) {
      bytes += utf8Length(row.body) + 1;
      if (events.length > 0 && bytes > maxBytes) break;
      events.push(JSON.parse(row.body) as ChatEvent);
      scanned.push({ id: row.event_id, createdAt: row.created_at });
    }
    this.watermark.scanned(scanned);
    return events;
  }

  /** Events held, sent or not. */
  countEvents(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  /**
   * The queue accepted these events: they stay until Postgres is seen to hold them, asked `afterMs`
   * from `now`. A resent event waits longer each time (×2 from its third send, at most ×16), so a
   * slow consumer is not flooded with copies.
   */
  markSent(ids: string[], now: number, afterMs: number): void {
    if (ids.length === 0) return;
    this.sql.exec(
      `INSERT INTO outbox_sent (event_id, confirm_at, sends) SELECT value, ?, 1 FROM json_each(?) WHERE true
         ON CONFLICT (event_id) DO UPDATE SET sends = outbox_sent.sends + 1,
           confirm_at = ? + ? * min(1 << max(outbox_sent.sends - 1, 0), 16)`,
      now + afterMs,
      JSON.stringify(ids),
      now,
      afterMs,
    );
    this.watermark.sent(ids);
  }

  /** Sent events whose confirmation is due by `now`, oldest due first. */
  sentDue(now: number, limit: number): ChatEvent[] {
    return this.sql
      .exec<{ body: string }>(
        "SELECT o.body FROM outbox_sent s JOIN outbox o ON o.event_id = s.event_id WHERE s.confirm_at <= ? ORDER BY s.confirm_at LIMIT ?",
        now,
        limit,
      )
      .toArray()
      .map((row) => JSON.parse(row.body) as ChatEvent);
  }

  /** Asks about these sent events again at `at` (Postgres or the queue could not be reached). */
  postponeConfirm(ids: string[], at: number): void {
    if (ids.length > 0) this.sql.exec("UPDATE outbox_sent SET confirm_at = ? WHERE event_id IN (SELECT value FROM json_each(?))", at, JSON.stringify(ids));
  }

  /** When the next sent event is due to be confirmed; undefined when none waits. */
  nextConfirmAt(): number | undefined {
    return this.sql.exec<{ at: number | null }>("SELECT MIN(confirm_at) AS at FROM outbox_sent").one().at ?? undefined;
  }

  /** Sent events awaiting confirmation. */
  countSent(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_sent").one().n;
  }

  deleteEvents(ids: string[]): void {
    // One statement per table for the whole batch, not one per event.
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    this.sql.exec("DELETE FROM outbox WHERE event_id IN (SELECT value FROM json_each(?))", list);
    this.sql.exec("DELETE FROM outbox_sent WHERE event_id IN (SELECT value FROM json_each(?))", list);
  }
}

/** The Durable Object's SQLite takes at most 100 bound values a statement. */
const EVENTS_PER_INSERT = 32;
/** `(?, ?, ?), …` for `n` outbox rows; the statement text per count is cached. */
const eventRowLists: string[] = [];
function eventRows(n: number): string {
  return (eventRowLists[n] ??= Array.from({ length: n }, () => "(?, ?, ?)").join(", "));
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}
