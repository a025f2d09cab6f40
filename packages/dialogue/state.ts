/** The engine's persisted state: creation, bookkeeping of settled confirmations, expiry. */
import { FALLBACK_CONFIDENCE, MAX_SETTLED, REPEAT_YES_WINDOW_MS, TASK_IDLE_MS } from "./config.js";
import type { ConfirmationAnswer } from "../contract/reply.js";
import type { DialogueState, SentTransfer, SettledConfirmation, SettledOutcome, Task, Understanding } from "./types.js";
import type { Entities } from "./types.understood.js";
import { jsonCopy } from "./json-copy.js";

export function initialState(): DialogueState {
  return { version: 1, task: null, executing: null, consecutiveFallbacks: 0, handoff: null, settled: [] };
}

/**
 * A deep copy as through JSON: what a step returns is exactly what the DO will read back
 * (json-copy.ts makes the round trip's copy without writing and parsing the text).
 */
export function cloneState(state: DialogueState): DialogueState {
  return jsonCopy(state);
}

export function isFallback(understanding: Pick<Understanding, "intent" | "confidence">): boolean {
  return understanding.intent === "out_of_scope" || !(understanding.confidence >= FALLBACK_CONFIDENCE);
}

export function settle(state: DialogueState, id: string, outcome: SettledOutcome, at: number, scheduleId?: string): void {
  const settled: SettledConfirmation = scheduleId ? { id, outcome, at, scheduleId } : { id, outcome, at };
  state.settled = [...state.settled.filter((s) => s.id !== id), settled].slice(-MAX_SETTLED);
}

/**
 * The confirmation settled last, while "it" still points at it (REPEAT_YES_WINDOW_MS): what a
 * repeated yes, "did it work?", "cancel it" or "make it 30" is about. Undefined after that.
 */
export function recentlySettled(state: DialogueState, now: number): SettledConfirmation | undefined {
  const last = state.settled.at(-1);
  return last && now - last.at <= REPEAT_YES_WINDOW_MS ? last : undefined;
}

/**
 * The transfer sent last, while "it" still points at it (REPEAT_YES_WINDOW_MS): what "same again",
 * "undo that", "is there a fee for that?" or "when will he get it?" is about. Undefined after that.
 */
export function recentlySent(state: DialogueState, now: number): SentTransfer | undefined {
  const sent = state.lastSent;
  return sent && now - sent.at <= REPEAT_YES_WINDOW_MS ? sent : undefined;
}

export function pendingConfirmation(task: Task | null) {
  return task && task.kind !== "lookup" ? task.confirmation : null;
}

/** A pending confirmation past its expiry is settled as expired and its task dropped. */
export function expireStale(state: DialogueState, now: number): void {
  const confirmation = pendingConfirmation(state.task);
  if (confirmation && now > confirmation.expiresAt) {
    settle(state, confirmation.id, "expired", now);
    state.task = null;
  }
  // A confirmation has its own expiry above; a task waiting on a plain question is dropped once idle.
  if (state.task && !confirmation && state.lastMessageAt !== undefined && now - state.lastMessageAt > TASK_IDLE_MS) {
    state.task = null;
    state.paused = null;
  }
}

export type ConfirmationStatus = "pending" | "executing" | SettledOutcome | "unknown_id";

/** Where a confirmation id stands; for the DO's logs and the web app's button state. */
export function confirmationStatus(state: DialogueState, id: string, now: number): ConfirmationStatus {
  const pending = pendingConfirmation(state.task);
  if (pending?.id === id) return now > pending.expiresAt ? "expired" : "pending";
  if (state.executing?.id === id) return "executing";
  return state.settled.find((s) => s.id === id)?.outcome ?? "unknown_id";
}

/**
 * The confirmation pending before a turn that the turn answered, and how (the reply's `settled`):
 * "yes" once it is executing or settled done, failed or unknown (only a yes starts it); "no" once
 * cancelled by a message that says no or cancel, typed or the No button. Replaced by a correction,
 * expired, or dropped for a hand-off: undefined (the card is then no longer waiting, not answered).
 */
export function answeredConfirmation(
  before: DialogueState,
  after: DialogueState,
  said: { entities?: Partial<Entities> | undefined; button?: ConfirmationAnswer | undefined },
): ConfirmationAnswer | undefined {
  const id = pendingConfirmation(before.task)?.id;
  if (!id) return undefined;
  if (after.executing?.id === id) return { id, answer: "yes" };
  const outcome = after.settled.find((s) => s.id === id)?.outcome;
  if (outcome === "done" || outcome === "failed" || outcome === "unknown") return { id, answer: "yes" };
  const e = said.entities;
  const saidNo = said.button ? said.button.id === id && said.button.answer === "no" : Boolean(e?.no || e?.cancelRequest || e?.query?.cancel);
  return outcome === "cancelled" && saidNo ? { id, answer: "no" } : undefined;
}
