import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatEvent, ChatEventBundle } from "../packages/contract/events.js";
import type { Db } from "../packages/db/client.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { TranscriptCipher } from "./transcript-cipher.js";

/** Events per queue message, bounded by count and by bytes: far below the queue's 128 KB message limit. */
const OUTBOX_BATCH = 50;
const OUTBOX_BUNDLE_BYTES = 64 * 1024;
/** How long a failed send (or an unfinished money movement) waits before the alarm tries again. */
export const RETRY_MS = 5_000;
/** How long events wait in the outbox so that a busy conversation shares one queue message. */
export const FLUSH_DELAY_MS = 500;

/** What the ChatSession lends its outbox: its storage, alarm, cipher and database. */
export interface OutboxHost {
  readonly ctx: DurableObjectState;
  /** Read at each send: tests switch the fault rate on a live object. */
  env(): ChatSessionEnv;
  readonly store: ChatSessionStore;
  readonly cipher: TranscriptCipher;
  openDb(): { db: () => Db; end(): Promise<void> };
}

/**
 * The ChatSession's outbox: events wait in its storage until the alarm sends them to the queue,
 * bundled, after the data key that sealed them is registered in Postgres.
 */
export class SessionOutbox {
  constructor(private readonly host: OutboxHost) {}

  queue(chatEvent: ChatEvent): void {
    this.host.store.queueEvent(chatEvent);
  }

  /** The alarm flushes the outbox and retries unfinished work; an earlier alarm is kept. */
  async scheduleAlarm(delayMs: number): Promise<void> {
    const at = Date.now() + delayMs;
    const current = await this.host.ctx.storage.getAlarm();
    if (current === null || current > at) await this.host.ctx.storage.setAlarm(at);
  }

  /**
   * Sends the outbox as bundles (one queue message per OUTBOX_BATCH events); on failure the events
   * stay and an alarm tries again. The consumer dedupes by event id, so a resend is harmless.
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
      if (events.length === 0) return sent;
      try {
        const env = this.host.env();
        if (env.ENVIRONMENT === "local" && Math.random() < Number(env.FAULT_QUEUE_SEND_FAIL_RATE ?? 0)) {
          throw new Error("injected queue send failure (FAULT_QUEUE_SEND_FAIL_RATE)");
        }
        await env.CHAT_EVENTS.send({ events } satisfies ChatEventBundle, { contentType: "json" });
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox send failed", error: String(error), pending: events.length }));
        await this.scheduleAlarm(RETRY_MS);
        return sent;
      }
      store.deleteEvents(events.map((e) => e.id));
      sent += events.length;
    }
  }

  /** A new data key goes to Postgres before the first events sealed with it leave (once per key). */
  private async registerTranscriptKey(): Promise<void> {
    const { db, end } = this.host.openDb();
    try {
      await this.host.cipher.ensureRegistered(db);
    } finally {
      await end();
    }
  }
}
