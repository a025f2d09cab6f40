import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatTurn } from "../packages/contract/chat.js";
import type { Reply } from "../packages/dialogue/index.js";
import { combineReplies } from "../packages/dialogue/runner.js";
import type { Db } from "../packages/db/client.js";
import { finishExecution, type SessionPorts } from "../packages/conversation/turn.js";
import { chatEvent } from "../packages/conversation/session-events.js";
import { CONVERSATION_EVENT_TYPES } from "../packages/db/transcript-policy.js";
import { retentionDays } from "./retention-days.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { TranscriptCipher } from "./transcript-cipher.js";
import type { SessionHandoffs } from "./chat-session.handoff.js";
import { RETRY_MS, confirmAfterMs, type SessionOutbox } from "./chat-session.outbox.js";
import { send } from "./chat-session.socket.js";
import { withDeadline } from "./deadline.js";
import { alarmStepFault } from "./fault-switches.js";
import { describeError } from "../packages/logging/log-error.js";

/**
 * The whole alarm's budget: well past its steps' own deadlines (chat-session.outbox.ts), it
 * bounds what they do not, such as the wait for the lock behind a turn that never ends.
 */
export const ALARM_DEADLINE_MS = 60_000;
/** The longest wait after failed alarms: RETRY_MS, doubled per failure in a row, up to this. */
const MAX_RETRY_MS = 5 * 60_000;

/** What the ChatSession lends its alarm: storage, lock, hand-offs, outbox and the turn's ports. */
export interface AlarmHost {
  readonly ctx: DurableObjectState;
  env(): ChatSessionEnv;
  readonly store: ChatSessionStore;
  readonly cipher: TranscriptCipher;
  readonly handoffs: SessionHandoffs;
  readonly outbox: SessionOutbox;
  serialised<T>(work: () => Promise<T>): Promise<T>;
  openDb(): { db: () => Promise<Db>; end(): Promise<void> };
  ports(customerId: string, db: () => Promise<Db>): SessionPorts;
}

/**
 * The ChatSession's alarm: expires an unclaimed hand-off, finishes an unfinished money movement
 * (and tells the customer its outcome), flushes the outbox, confirms what it sent, and trims
 * expired turns.
 */
export class SessionAlarm {
  /** Alarms in a row that failed (in memory: a new instance starts again at RETRY_MS). */
  private failures = 0;

  constructor(private readonly host: AlarmHost) {}

  /**
   * Retries queued events and unfinished money movements after a failure or a restart. An alarm
   * that fails, or does not finish within ALARM_DEADLINE_MS, sets the next one itself and returns:
   * workerd retries a throwing handler only six times (about two minutes), and an alarm that
   * never finishes runs no other, so either would leave waiting events without an alarm.
   */
  async run(): Promise<void> {
    // The next alarm first, RETRY_MS ahead: a run that never finishes still has one after it.
    // endRun (last) makes it what the run and turns meanwhile asked for, or removes it.
    await this.host.outbox.beginRun(RETRY_MS);
    try {
      await this.runSteps();
    } finally {
      await this.host.outbox.endRun();
    }
  }

  private async runSteps(): Promise<void> {
    // How soon waiting events may bring the next run: RETRY_MS after a run that went well; after
    // failures, the backoff, but never more than one confirm interval.
    let floorMs = RETRY_MS;
    try {
      await withDeadline(ALARM_DEADLINE_MS, "alarm", () => this.work());
      this.failures = 0;
    } catch (error) {
      this.failures++;
      const retryMs = Math.min(RETRY_MS * 2 ** (this.failures - 1), MAX_RETRY_MS);
      console.error(JSON.stringify({ msg: "alarm failed", error: describeError(error), failures: this.failures, retryInMs: retryMs }));
      // A storage failure here throws: then workerd's own retries are all that is left.
      await this.host.outbox.scheduleAlarm(retryMs);
      floorMs = Math.min(retryMs, confirmAfterMs(this.host.env()));
    }
    // Whatever happened above: waiting events keep an alarm no later than they are due (the
    // backoff above may reach minutes; an overdue confirmation waits one confirm interval at most).
    await this.host.outbox.keepArmed(floorMs);
  }

  private async work(): Promise<void> {
    // The steps before the outbox may fail (Postgres, a hand-off's expiry): the outbox runs all
    // the same and the failure is thrown after it. A failure there used to stop every run before
    // the outbox, so its events were neither sent nor confirmed while the retries backed off.
    let failed: { error: unknown } | undefined;
    try {
      await this.finishOtherWork();
    } catch (error) {
      failed = { error };
    }
    // Serialised with turns and erasure: an erasure must not run between a data key's registration
    // and the send of events sealed with it, nor between a confirm's read of the outbox and its resend.
    await this.host.serialised(async () => {
      await this.host.outbox.flush();
      await this.host.outbox.confirm();
    });
    await this.trimExpiredTurns();
    if (failed) throw failed.error;
  }

  /** The hand-off's expiry and an unfinished money movement (whose outcome the customer is told). */
  private async finishOtherWork(): Promise<void> {
    const { store, handoffs } = this.host;
    const customerId = store.getMeta("customer_id");
    alarmStepFault(this.host.env());
    if (customerId) await handoffs.expireIfDue(customerId);
    if (customerId && store.isExecuting()) {
      await this.host.serialised(async () => {
        const { db, end } = this.host.openDb();
        try {
          const outcome = await finishExecution(this.host.ports(customerId, db));
          // Nobody asked: the outcome goes to the customer's open sockets, or with their next reply.
          await this.deliverNotices(customerId, db, outcome.replies);
          if (outcome.executing) await this.host.outbox.scheduleAlarm(RETRY_MS);
        } finally {
          await end();
        }
      });
    }
  }

  /** Retention (as the Cron Trigger for Postgres): wakes again when the oldest kept turn expires. */
  private async trimExpiredTurns(): Promise<void> {
    // The figure the chat tells the customer (retention-days.ts): a bad value skipped this trim before.
    const retentionMs = retentionDays(this.host.env()) * 24 * 60 * 60 * 1000;
    const cutoff = Date.now() - retentionMs;
    // Events still waiting (sent or not) past retention would only be deleted in Postgres.
    this.host.store.trimEventsBefore(cutoff, CONVERSATION_EVENT_TYPES);
    const oldest = this.host.store.trimTurnsBefore(cutoff);
    if (oldest !== undefined) await this.host.outbox.scheduleAlarm(Math.max(0, oldest + retentionMs - Date.now()) + 1000);
  }

  /**
   * Replies nobody asked for (the outcome of a transfer the alarm finished): sent to every open
   * socket as a turn (and kept with the turns, so a reconnecting client resumes them), or, with
   * no socket open, kept to be prepended to the customer's next reply.
   */
  private async deliverNotices(customerId: string, db: () => Promise<Db>, replies: Reply[]): Promise<void> {
    const { ctx, store, cipher } = this.host;
    if (replies.length === 0) return;
    const sockets = ctx.getWebSockets();
    if (sockets.length === 0) {
      for (const reply of replies) store.addNotice({ id: `execution-${crypto.randomUUID()}`, reply });
      return;
    }
    const now = Date.now();
    const turn: ChatTurn = { id: `notice-${crypto.randomUUID()}`, reply: combineReplies(replies), at: new Date(now).toISOString() };
    const events = await cipher.sealEvents(customerId, db, [chatEvent("reply.sent", customerId, turn.id, now, { reply: turn.reply, notice: true })]);
    const [text, sealedTurn] = [await cipher.seal(customerId, db, ""), await cipher.seal(customerId, db, JSON.stringify(turn))];
    store.atomically(() => store.saveTurn(turn.id, text, sealedTurn, events, now));
    for (const ws of sockets) send(ws, { type: "turn", turn });
  }
}
