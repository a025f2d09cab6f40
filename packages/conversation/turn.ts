import type { ChatMessageInput, ChatTurn, ChatTurnResult, IntentDecision } from "../contract/chat.js";
import type { ChatEvent } from "../contract/events.js";
import { fail, ok, type RpcResult } from "../contract/errors.js";
import { redactText } from "../redaction/redact.js";
import { isCustomerActive, listAccountsAndPayees } from "../banking/deferred.js";
import { CUSTOMER_DISABLED_MESSAGE } from "../banking/messages.js";
import { BANK_ROUTING_NUMBERS } from "../banking/routing-numbers.js";
import type { Db } from "../db/client.js";
import type { DialogueSettings, DialogueState, Reply } from "../dialogue/index.js";
import { combineReplies, resumeExecution, runTurn, type TurnHooks } from "../dialogue/runner.js";
import { answeredConfirmation } from "../dialogue/state.js";
import type { TextGenerator } from "../nlu/index.js";
import { bankEffectExecutor, CustomerDisabled } from "./bank-effects.js";
import { auditEvent, chatEvent } from "./session-events.js";
import { StatusGuard } from "./status-guard.js";
import { TurnReads } from "./turn-reads.js";
import { observeEffects, recordTurn, type SeenEffect, type TurnMetricsSink } from "./turn-metrics.js";
import { understand } from "./understand.js";

/** A reply kept for the customer's next turn (a scheduled transfer refused, a transfer finished meanwhile). */
export interface SessionNotice {
  id: string;
  reply: Reply;
}

/** What a turn reads and writes in the session's own storage (the Durable Object's SQLite). */
export interface SessionStorage {
  /** The stored answer to a message id, with the (redacted) text it answered. */
  findTurn(messageId: string): Promise<{ text: string; turn: ChatTurn } | undefined>;
  loadState(): DialogueState;
  saveState(state: DialogueState): void;
  loadNotices(): SessionNotice[];
  /**
   * One transaction: the turn, its events for the outbox, the notices it showed removed, and the
   * dialogue state it ended with (when given).
   */
  commitTurn(turn: {
    messageId: string;
    text: string;
    turn: ChatTurn;
    events: ChatEvent[];
    at: number;
    shownNotices: string[];
    state?: DialogueState;
  }): Promise<void>;
  queueEvent(event: ChatEvent): void;
}

/** Everything a turn needs from the session that runs it. */
export interface SessionPorts {
  customerId: string;
  environment: string;
  /** The bank's configuration the dialogue tells customers (the retention of transcripts). */
  settings: DialogueSettings;
  storage: SessionStorage;
  /** The session's Postgres pool, opened on first use (FAQ turns never touch Postgres). */
  db(): Promise<Db>;
  ai?: TextGenerator;
  metrics?: TurnMetricsSink;
  /**
   * Makes sure the session wakes later: "flush" soon, to send the outbox; "retry" a little
   * later, to finish an execution the session might be evicted in the middle of.
   */
  wake(reason: "flush" | "retry"): Promise<void>;
  /** The dialogue handed the conversation to people: the hand-off's id is its event's id. */
  onHandoff?(handoffId: string, reason: string, intent: string, at: number): void;
  /** "never mind" while queued: out of the staff queue, unless someone from the bank took it already. */
  withdrawHandoff?(): Promise<"withdrawn" | "taken" | "none">;
  /** Local fault injection around the ledger call (`npm run load -- --faults`); absent elsewhere. */
  faultPoint?(where: "before the ledger call" | "after the ledger call"): void;
  onReply?(reply: Reply): void;
  now(): number;
  newId(): string;
}

/**
 * One customer message, start to end: idempotency by message id, a fresh status check before a
 * confirmation (StatusGuard), notices first, an unfinished execution finished, understanding, the
 * dialogue runner with the bank, then the turn and its events stored together.
 */
export async function takeTurn(message: ChatMessageInput, ports: SessionPorts): Promise<RpcResult<ChatTurnResult>> {
  const started = ports.now();
  const { storage, customerId } = ports;
  // Card numbers and other identifiers never reach storage, the queue or logs in clear.
  const storedText = redactText(message.text);
  const previous = await storage.findTurn(message.id);
  if (previous) {
    if (previous.text !== storedText) return fail(409, "conflict", "id: this message id was already used for a different message");
    return ok({ turn: previous.turn, decision: null });
  }

  const before = storage.loadState();
  // A confirmation (a button, or a typed "yes" while one is pending) is the last step before
  // money moves: the customer's status is read fresh, not from the gateway's 30 s cache or a
  // socket opened long ago — by the ledger call itself for a transfer, else by the guard.
  const task = before.task;
  const confirming = Boolean(message.confirmation || (task && task.kind !== "lookup" && task.confirmation));
  const guard = new StatusGuard(() => customerActive(ports.db, customerId), confirming);
  // Accounts and payees read together, once: understanding and the transfer flow both want them.
  const reads = new TurnReads(async () => listAccountsAndPayees(await ports.db(), customerId));
  const observed = observeEffects(sessionHooks(ports, { reads, abortWhenDisabled: true }));
  const hooks = guard.wrap(savedWhenNeeded(observed.hooks, storage));
  try {
    return await answerTurn(message, storedText, before, { ports, hooks, guard, reads, seen: observed.seen, started });
  } catch (error) {
    if (!(error instanceof CustomerDisabled)) throw error;
    // Refused before anything was written: the session stays as the turn found it.
    storage.saveState(before);
    return fail(403, "forbidden", CUSTOMER_DISABLED_MESSAGE);
  }
}

async function answerTurn(
  message: ChatMessageInput,
  storedText: string,
  before: DialogueState,
  turnParts: { ports: SessionPorts; hooks: TurnHooks; guard: StatusGuard; reads: TurnReads; seen: SeenEffect[]; started: number },
): Promise<RpcResult<ChatTurnResult>> {
  const { ports, hooks, guard, reads } = turnParts;
  const { storage, customerId } = ports;
  let state = before;
  // What happened while nobody was connected comes first; the notices are cleared with the turn's save.
  const notices = storage.loadNotices();
  const replies: Reply[] = notices.map((n) => n.reply);
  // A transfer confirmed before an eviction finishes first, with its original idempotency key.
  if (state.executing) {
    const resumed = await resumeExecution(state, hooks);
    state = resumed.state;
    replies.push(...resumed.replies);
  }
  const now = ports.now();
  let decision: IntentDecision | null = null;
  const understanding = await understand(message.text, {
    today: new Date(now).toISOString().slice(0, 10),
    transferInProgress: state.task?.kind === "transfer",
    askingWho: state.task?.kind === "transfer" && state.task.asking === "to",
    payees: async () => {
      // Without payees the turn goes on (the customer is asked whom they mean); opening the
      // database may itself throw, so that is inside the try too.
      try {
        const result = await reads.payees();
        return result.ok ? result.value : [];
      } catch {
        return [];
      }
    },
    ...(ports.ai ? { ai: ports.ai } : {}),
    log: (entry) => (decision = { ...entry }),
  });
  const outcome = await runTurn(
    state,
    {
      type: "message",
      messageId: message.id,
      text: storedText,
      now,
      newId: ports.newId(),
      understanding,
      settings: ports.settings,
      ...(message.confirmation ? { confirmation: message.confirmation } : {}),
    },
    hooks,
  );
  replies.push(...outcome.replies);
  await guard.settle();

  // Which card the turn answered, and how: a typed "yes" shows "You confirmed." as the button does.
  const settled = answeredConfirmation(state, outcome.state, { entities: understanding.entities, button: message.confirmation });
  const combined = combineReplies(replies);
  const turn: ChatTurn = { id: message.id, reply: settled ? { ...combined, settled } : combined, at: new Date(now).toISOString() };
  const storedTurn = transcriptTurn(turn);
  const events: ChatEvent[] = [
    chatEvent("message.received", customerId, message.id, now, {
      text: storedText,
      intent: understanding.intent,
      confidence: understanding.confidence,
    }, ports.newId()),
    chatEvent("reply.sent", customerId, message.id, now, { reply: storedTurn.reply }, ports.newId()),
  ];
  await storage.commitTurn({
    messageId: message.id,
    text: storedText,
    turn: storedTurn,
    events,
    at: now,
    shownNotices: notices.map((n) => n.id),
    state: outcome.state,
  });
  await ports.wake(outcome.state.executing ? "retry" : "flush");
  // Analytics Engine's write is synchronous (buffered by the runtime); the local stand-in's RPC
  // returns at once too and stores the point in the background. Never throws.
  await recordTurn(ports.metrics, {
    environment: ports.environment,
    intent: understanding.intent,
    confidence: understanding.confidence,
    decidedBy: (decision as IntentDecision | null)?.decidedBy ?? "local",
    text: message.text,
    before: state,
    after: outcome.state,
    seen: turnParts.seen,
    latencyMs: ports.now() - turnParts.started,
  });
  return ok({ turn, decision });
}

/**
 * A turn as it is kept (and as the customer's other tabs see it): a full account number the
 * customer asked to see is shown once, never kept in transcripts; the bank's routing number
 * (public) stays readable after a reload and for staff.
 */
export function transcriptTurn(turn: ChatTurn): ChatTurn {
  return { ...turn, reply: { ...turn.reply, text: redactText(turn.reply.text, BANK_ROUTING_NUMBERS) } };
}

/**
 * The runner saves the state before each effect; within a turn only an effect that writes needs
 * it on disk first (a confirmed execution is durable before its ledger call, so an evicted session
 * resumes it with the same key). Before a read the save waits, and the turn's last state is
 * stored with the turn itself, in its transaction: a turn that fails midway leaves the state it
 * started from, and a read-only turn writes the state once.
 */
function savedWhenNeeded(hooks: TurnHooks, storage: SessionStorage): TurnHooks {
  let unsaved: DialogueState | undefined;
  return {
    ...hooks,
    save: (state) => {
      unsaved = state;
    },
    executor: {
      execute: (effect) => {
        if (unsaved && effect.kind !== "load") {
          storage.saveState(unsaved);
          unsaved = undefined;
        }
        return hooks.executor.execute(effect);
      },
    },
  };
}

/**
 * The alarm's part: finishes a confirmed execution nobody is waiting for. Its replies go to
 * whoever is connected, or with the customer's next reply.
 */
export async function finishExecution(ports: SessionPorts): Promise<{ replies: Reply[]; executing: boolean }> {
  const outcome = await resumeExecution(ports.storage.loadState(), sessionHooks(ports));
  return { replies: outcome.replies, executing: Boolean(outcome.state.executing) };
}

/** The runner's hooks for this session: the bank as this customer, hand-offs and audits to the outbox. */
export function sessionHooks(
  ports: SessionPorts,
  options: { reads?: TurnReads; abortWhenDisabled?: boolean } = {},
): TurnHooks {
  const { customerId, storage } = ports;
  const bank = bankEffectExecutor({
    customerId,
    db: ports.db,
    ...options,
    handoff: (effect) => {
      const at = ports.now();
      const requested = chatEvent("handoff.requested", customerId, effect.messageId, at, { reason: effect.reason, intent: effect.intent });
      storage.queueEvent(requested);
      ports.onHandoff?.(requested.id, effect.reason, effect.intent, at);
    },
    audit: (effect, result) => storage.queueEvent(auditEvent(customerId, effect, result, ports.now())),
    ...(ports.withdrawHandoff ? { withdrawHandoff: ports.withdrawHandoff } : {}),
  });
  return {
    executor: {
      execute: async (effect) => {
        // The alarm is set before the ledger call: if the session is evicted mid-call, the alarm
        // resumes the execution (same key) instead of waiting for the customer's next message.
        if (effect.kind !== "transfer" && effect.kind !== "set_card_status") return bank.execute(effect);
        await ports.wake("retry");
        ports.faultPoint?.("before the ledger call");
        const result = await bank.execute(effect);
        ports.faultPoint?.("after the ledger call");
        return result;
      },
    },
    save: (state) => storage.saveState(state),
    now: ports.now,
    newId: ports.newId,
    ...(ports.onReply ? { onReply: ports.onReply } : {}),
  };
}

/** The customer's status in Postgres; undefined when it cannot be read right now. */
export async function customerActive(db: () => Promise<Db>, customerId: string): Promise<boolean | undefined> {
  try {
    return await isCustomerActive(await db(), customerId);
  } catch {
    return undefined;
  }
}
