import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatEvent, ChatEventBundle } from "../packages/contract/events.js";
import type { Db } from "../packages/db/client.js";
import { deliveredEvents } from "../packages/db/deferred.js";
import type { Delivered } from "../packages/db/chat-events.repo.js";
import { isSealedPayload, sealedKeyId } from "../packages/transcript-crypto/index.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { TranscriptCipher } from "./transcript-cipher.js";
import { queueSendFault } from "./fault-switches.js";
import { describeError } from "../packages/logging/log-error.js";
import { DB_TIMEOUT_MS } from "../packages/db/deferred-client.js";
import { withDeadline } from "./deadline.js";

/** Events per queue message, bounded by count and by bytes: far below the queue's 128 KB message limit. */
const OUTBOX_BATCH = 50;
const OUTBOX_BUNDLE_BYTES = 64 * 1024;
/** How long a failed send (or an unfinished money movement) waits before the alarm tries again. */
export const RETRY_MS = 5_000;
/** How long events wait in the outbox so that a busy conversation shares one queue message. */
export const FLUSH_DELAY_MS = 500;
/**
 * The least time between two flushes of one object: a customer who pauses between messages (the
 * usual case) still has each turn's events sent FLUSH_DELAY_MS after it, but a busy one (a script,
 * a load run) gets one alarm, queue message and consumer insert per interval, not one per 0.5 s.
 */
export const FLUSH_MIN_INTERVAL_MS = 2_000;

/** How long from `now` until the next flush: FLUSH_DELAY_MS, or later when the last flush was recent. */
export function flushDelayMs(now: number, lastFlushAt: number | undefined): number {
  return Math.max(FLUSH_DELAY_MS, lastFlushAt === undefined ? 0 : lastFlushAt + FLUSH_MIN_INTERVAL_MS - now);
}
/**
 * How long after a send the outbox asks Postgres whether the events arrived: long enough for the
 * consumer (and, on a refusal, the DLQ consumer) to have stored them, so a healthy path costs one
 * query per object per confirm, and a lost message is resent within a minute.
 */
export const CONFIRM_AFTER_MS = 30_000;

/** CONFIRM_AFTER_MS unless the environment sets OUTBOX_CONFIRM_AFTER_MS (a whole number of ms ≥ 1,000). */
export function confirmAfterMs(env: Pick<ChatSessionEnv, "OUTBOX_CONFIRM_AFTER_MS">): number {
  const configured = Number(env.OUTBOX_CONFIRM_AFTER_MS);
  return Number.isInteger(configured) && configured >= 1_000 ? configured : CONFIRM_AFTER_MS;
}
/** Sent events asked about in one query; an alarm asks about at most CONFIRM_BATCHES of them. */
const CONFIRM_BATCH = 200;
const CONFIRM_BATCHES = 5;

/**
 * The least time between two re-arms of a past alarm by one object: a busy conversation's turns
 * must not replace, turn after turn, an alarm the runtime is about to deliver (each write makes it
 * schedule the alarm again), or the delivery might never come.
 */
export const REARM_INTERVAL_MS = 1_000;

/**
 * The alarm time to set when an alarm is wanted at `at`, given the current one: none when an
 * earlier one is kept (a flush never postpones a due confirm); `now` for one already past its
 * time, unless this object re-armed one less than REARM_INTERVAL_MS ago (`lastRearmAt`). A past
 * alarm is due anyway, and may be one the runtime never runs: the local one restarts without it
 * after a crash, and CI load runs found objects whose stored alarm its scheduler no longer held,
 * with no crash. Writing a different time makes workerd schedule it again; an alarm kept up to
 * 1 s past (10 s before that) stayed lost when the customer's last turn fell in that second.
 */
export function alarmToSet(current: number | null, now: number, at: number, lastRearmAt?: number): number | undefined {
  if (current === null || current > at) return at;
  if (current < now && (lastRearmAt === undefined || now - lastRearmAt >= REARM_INTERVAL_MS)) return now;
  return undefined;
}

/**
 * How long one step of the outbox may wait (a queue send; a Postgres step: open, query, close)
 * before it fails and a later alarm tries again. Longer than the driver's own timeouts, which
 * answer first when they apply; this bounds what they do not (a queue send, a pool's end()).
 * An await that never settles would otherwise hold the alarm and, through the lock, every turn.
 */
export const OUTBOX_STEP_DEADLINE_MS = DB_TIMEOUT_MS + 5_000;

/** OUTBOX_STEP_DEADLINE_MS unless the environment sets OUTBOX_STEP_DEADLINE_MS (a whole number of ms ≥ 100). */
export function stepDeadlineMs(env: Pick<ChatSessionEnv, "OUTBOX_STEP_DEADLINE_MS">): number {
  const configured = Number(env.OUTBOX_STEP_DEADLINE_MS);
  return Number.isInteger(configured) && configured >= 100 ? configured : OUTBOX_STEP_DEADLINE_MS;
}

/** What the ChatSession lends its outbox: its storage, alarm, cipher and database. */
export interface OutboxHost {
  readonly ctx: DurableObjectState;
  /** Read at each send: tests switch the fault rate on a live object. */
  env(): ChatSessionEnv;
  readonly store: ChatSessionStore;
  readonly cipher: TranscriptCipher;
  openDb(): { db: () => Promise<Db>; end(): Promise<void> };
}

export interface ConfirmOutcome {
  /** Found in Postgres (chat_events or dead_letters) and deleted from the outbox. */
  confirmed: number;
  /** Not found, sent again. */
  resent: number;
  /** Not found, but sealed with a data key that erasure has shredded: dropped, never resent. */
  dropped: number;
}

/**
 * The ChatSession's outbox: events wait in its storage until the alarm sends them to the queue,
 * bundled, after the data key that sealed them is registered in Postgres. A sent event stays,
 * marked sent, until a later alarm finds it in Postgres: the queue accepting a message is not
 * the end of the road (a crash of the local runtime loses what its queue held in memory).
 */
export class SessionOutbox {
  /** When this instance last sent events (in memory: a new instance flushes at FLUSH_DELAY_MS). */
  private lastFlushAt: number | undefined;
  /**
   * While an alarm run is under way: the alarm it set before its work (`heldAt`, undefined when an
   * earlier one was kept) and the earliest time asked for since, by its steps or by turns meanwhile.
   */
  private run: { heldAt: number | undefined; asked: number } | undefined;
  /** When this instance last set again an alarm it found past its time (alarmToSet). */
  private lastRearmAt: number | undefined;

  constructor(private readonly host: OutboxHost) {}

  queue(chatEvent: ChatEvent): void {
    this.host.store.queueEvent(chatEvent);
  }

  /** New events wait: the alarm for their flush (flushDelayMs), unless one is set earlier. */
  scheduleFlush(): Promise<void> {
    return this.scheduleAlarm(flushDelayMs(Date.now(), this.lastFlushAt));
  }

  /**
   * The alarm flushes the outbox and retries unfinished work; an earlier alarm is kept, unless it
   * is already past (a runtime restarted by a crash may hold one it never runs: the local one does).
   */
  async scheduleAlarm(delayMs: number): Promise<void> {
    const now = Date.now();
    const at = now + delayMs;
    const current = await this.host.ctx.storage.getAlarm();
    let next: number | undefined;
    if (this.run && current !== null && current === this.run.heldAt) {
      // The alarm run's placeholder (beginRun): brought forward if asked for sooner, else endRun sets it.
      next = at < current ? at : undefined;
    } else {
      next = alarmToSet(current, now, at, this.lastRearmAt);
      if (next === now && current !== null && current < now) this.lastRearmAt = now;
    }
    if (this.run) this.run.asked = Math.min(this.run.asked, at);
    if (next !== undefined) await this.host.ctx.storage.setAlarm(next);
  }

  /**
   * An alarm run begins: before any step that may fail or never end, the next alarm is set
   * `holdMs` ahead (unless an earlier one is set). Set inside the handler, the runtime runs it
   * after this one; if this run never finishes (the object reset mid-run, a runtime that gives up
   * on the handler or drops its retries), that next run still comes. `endRun` replaces it.
   */
  async beginRun(holdMs: number): Promise<void> {
    const { storage } = this.host.ctx;
    const holdAt = Date.now() + holdMs;
    // Inside a real alarm the runtime shows none; a current one is kept as asked for.
    const current = await storage.getAlarm();
    this.run = { heldAt: undefined, asked: current ?? Infinity };
    if (current === null || current > holdAt) {
      await storage.setAlarm(holdAt);
      this.run.heldAt = holdAt;
    }
  }

  /**
   * The run finished: the alarm it held becomes the earliest time asked for during the run (by
   * its steps, the outbox's keepArmed, or turns meanwhile), or none when nothing asked. An alarm
   * set earlier than the held one meanwhile stays as it is.
   */
  async endRun(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    if (!run || run.heldAt === undefined) return;
    const { storage } = this.host.ctx;
    if ((await storage.getAlarm()) !== run.heldAt) return;
    if (run.asked === Infinity) await storage.deleteAlarm();
    else if (run.asked !== run.heldAt) await storage.setAlarm(Math.max(run.asked, Date.now()));
  }

  /**
   * While events wait, an alarm no later than they are due: unsent ones RETRY_MS from now (a flush
   * that failed; new ones from a turn have their flush alarm already), sent ones when their
   * confirmation is due, but not sooner than `floorMs` from now: an alarm whose outbox step
   * failed leaves due events due, and must not run again at once. The alarm calls this last,
   * after any backoff of its own.
   */
  async keepArmed(floorMs = RETRY_MS): Promise<void> {
    const { store } = this.host;
    const now = Date.now();
    const confirmAt = store.nextConfirmAt();
    const dueAt = Math.min(store.countEvents() > store.countSent() ? now + RETRY_MS : Infinity, confirmAt ?? Infinity);
    if (dueAt !== Infinity) await this.scheduleAlarm(Math.max(floorMs, dueAt - now));
  }

  /**
   * Sends the outbox's unsent events as bundles (one queue message per OUTBOX_BATCH events); on
   * failure the events stay and an alarm tries again. Sent events are kept for `confirm`, and the
   * alarm is set for when they are due. The consumer dedupes by event id, so a resend is harmless.
   */
  async flush(): Promise<number> {
    const { store } = this.host;
    let sent = 0;
    for (;;) {
      try {
        await this.registerTranscriptKey();
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox send failed", error: `transcript key not registered: ${String(error)}`, pending: store.countEvents() }));
        await this.scheduleAlarm(RETRY_MS);
        return sent;
      }
      const events = store.pendingEvents(OUTBOX_BATCH, OUTBOX_BUNDLE_BYTES);
      if (events.length === 0) break;
      if (!(await this.send(events))) {
        await this.scheduleAlarm(RETRY_MS);
        return sent;
      }
      sent += events.length;
      this.lastFlushAt = Date.now();
    }
    if (sent > 0) await this.scheduleConfirm();
    return sent;
  }

  /**
   * Asks Postgres, one query per CONFIRM_BATCH, which sent events it holds once they are due:
   * those go from the outbox, the others are sent again (or dropped when erasure has shredded the
   * key that sealed them). Runs in the alarm, never on a turn. When Postgres or the queue cannot
   * be reached, the events are asked about again 30–60 s later. Leaves an alarm set
   * while sent events wait, and none once the outbox is empty.
   */
  async confirm(now = Date.now()): Promise<ConfirmOutcome> {
    const { store } = this.host;
    const outcome: ConfirmOutcome = { confirmed: 0, resent: 0, dropped: 0 };
    for (let batch = 0; batch < CONFIRM_BATCHES; batch++) {
      const due = store.sentDue(now, CONFIRM_BATCH);
      if (due.length === 0) break;
      const keyIds = [...new Set(due.map(sealingKey).filter((k): k is string => k !== undefined))];
      let delivered: Delivered;
      try {
        delivered = await this.withDb("outbox confirm", async (db) => deliveredEvents(await db(), due.map((e) => e.id), keyIds));
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox confirm failed", error: describeError(error), due: due.length }));
        store.postponeConfirm(due.map((e) => e.id), retryConfirmAt(now, confirmAfterMs(this.host.env())));
        break;
      }
      const stored = due.filter((e) => delivered.events.has(e.id.toLowerCase()));
      const shredded = due.filter((e) => !delivered.events.has(e.id.toLowerCase()) && isShredded(e, delivered.keys));
      const gone = new Set([...stored, ...shredded]);
      const lost = due.filter((e) => !gone.has(e));
      store.deleteEvents([...stored, ...shredded].map((e) => e.id));
      outcome.confirmed += stored.length;
      outcome.dropped += shredded.length;
      const resent = await this.resend(lost, now);
      outcome.resent += resent;
      if (resent < lost.length) break;
    }
    if (outcome.resent > 0 || outcome.dropped > 0) console.warn(JSON.stringify({ msg: "outbox events not found in Postgres", ...outcome }));
    await this.scheduleConfirm();
    return outcome;
  }

  /** Sends these events again, in bundles; returns how many the queue took (the rest wait 30–60 s). */
  private async resend(events: ChatEvent[], now: number): Promise<number> {
    let resent = 0;
    for (const bundle of bundles(events, OUTBOX_BATCH, OUTBOX_BUNDLE_BYTES)) {
      if (!(await this.send(bundle))) {
        this.host.store.postponeConfirm(events.slice(resent).map((e) => e.id), retryConfirmAt(now, confirmAfterMs(this.host.env())));
        return resent;
      }
      resent += bundle.length;
    }
    return resent;
  }

  /** One queue message; on success the events are marked sent (due for confirmation later). */
  private async send(events: ChatEvent[]): Promise<boolean> {
    try {
      const env = this.host.env();
      const fault = queueSendFault(env);
      if (fault === "fail") throw new Error("injected queue send failure (FAULT_QUEUE_SEND_FAIL_RATE)");
      if (fault !== "drop") {
        // "hang": a send that never settles (FAULT_QUEUE_SEND_HANG_RATE), as the deadline's test needs.
        const sending = fault === "hang" ? new Promise<never>(() => {}) : env.CHAT_EVENTS.send({ events } satisfies ChatEventBundle, { contentType: "json" });
        await withDeadline(stepDeadlineMs(env), "queue send", () => sending);
      }
    } catch (error) {
      console.warn(JSON.stringify({ msg: "outbox send failed", error: String(error), pending: events.length }));
      return false;
    }
    this.host.store.markSent(events.map((e) => e.id), Date.now(), confirmAfterMs(this.host.env()));
    return true;
  }

  /** The alarm for the next sent event due (an earlier alarm is kept); none when none waits. */
  private async scheduleConfirm(): Promise<void> {
    const at = this.host.store.nextConfirmAt();
    if (at !== undefined) await this.scheduleAlarm(Math.max(0, at - Date.now()));
  }

  /** A new data key goes to Postgres before the first events sealed with it leave (once per key). */
  private async registerTranscriptKey(): Promise<void> {
    // Registered already (every flush after the first): no pool, no deadline timers.
    if (!this.host.cipher.needsRegistration()) return;
    await this.withDb("transcript key registration", (db) => this.host.cipher.ensureRegistered(db));
  }

  /**
   * Postgres work on the object's pool, then the pool's end(); each under the step deadline, so
   * neither can hold the alarm (and the lock it takes) for good.
   */
  private async withDb<T>(what: string, work: (db: () => Promise<Db>) => Promise<T>): Promise<T> {
    const ms = stepDeadlineMs(this.host.env());
    const { db, end } = this.host.openDb();
    try {
      return await withDeadline(ms, what, () => work(db));
    } finally {
      await withDeadline(ms, `${what}: closing the pool`, end).catch((error: unknown) =>
        console.warn(JSON.stringify({ msg: "outbox pool close failed", error: describeError(error) })),
      );
    }
  }
}

/**
 * When to ask again after Postgres or the queue failed: the confirm delay plus up to as much again
 * at random, so the objects an outage failed together do not all come back at once (a load run
 * saw them fail again together on connection timeouts, outage after outage).
 */
function retryConfirmAt(now: number, afterMs: number): number {
  return now + afterMs * (1 + Math.random());
}

/** The data key an event's payload is sealed with, if it is sealed. */
function sealingKey(event: ChatEvent): string | undefined {
  return isSealedPayload(event.payload) ? sealedKeyId(event.payload.sealed)?.toLowerCase() : undefined;
}

/** Sealed with a key Postgres no longer has: erasure shredded it, and no one could ever read it. */
function isShredded(event: ChatEvent, liveKeys: Set<string>): boolean {
  const key = sealingKey(event);
  return key !== undefined && !liveKeys.has(key);
}

/** Events in queue messages of at most `maxEvents` and `maxBytes` of JSON (at least one event each). */
export function bundles(events: ChatEvent[], maxEvents: number, maxBytes: number): ChatEvent[][] {
  const out: ChatEvent[][] = [];
  let current: ChatEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = new TextEncoder().encode(JSON.stringify(event)).byteLength + 1;
    if (current.length > 0 && (current.length >= maxEvents || bytes + size > maxBytes)) {
      out.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
