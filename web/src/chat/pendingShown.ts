/**
 * The confirmation the server says is pending, on screen even when this tab never saw the turn
 * that asked it (a tab opened afterwards, or a reload whose log lacks that turn): a "yes" typed
 * here answers it, so the customer must be able to see what it answers. It stands in at the end
 * of the conversation until the turn that asked it arrives (replayed or mirrored), which takes
 * its place.
 */
import type { PendingConfirmation, PendingQuestion, Reply } from "./protocol.js";

/** A Teller entry (the shape of useChat's TellerEntry, declared here to keep imports one-way). */
export interface StandInEntry {
  kind: "teller";
  key: string;
  replyTo: string;
  reply: Reply;
  at?: number;
}

/** Not a reply the server sent, so not an intent the NLU knows: says what the entry is. */
export const PENDING_STAND_IN_INTENT = "pending_confirmation";

export const standInKey = (confirmationId: string) => `pending:${confirmationId}`;

type AnyEntry = { kind: string };
const confirmationOf = (e: AnyEntry): string | undefined =>
  e.kind === "teller" ? (e as { reply?: Reply }).reply?.confirmation?.id : undefined;

/** The entries with a stand-in for `pending` added at the end, when none of them shows it yet. */
export function showingPending<E extends AnyEntry>(
  entries: E[],
  pending: PendingConfirmation | null,
  answered: Record<string, unknown>,
  at = Date.now(),
): Array<E | StandInEntry> {
  if (!pending || pending.expiresAt <= at || pending.id in answered) return entries;
  if (entries.some((e) => confirmationOf(e) === pending.id)) return entries;
  const reply: Reply = {
    // The card shows the summary; TellerMessage leaves out a text equal to it.
    text: pending.summary,
    intent: { name: PENDING_STAND_IN_INTENT, confidence: 1 },
    actions: [
      { type: "confirm", confirmationId: pending.id, answer: "yes", label: "Yes" },
      { type: "confirm", confirmationId: pending.id, answer: "no", label: "No" },
    ],
    confirmation: pending,
  };
  return [...entries, { kind: "teller", key: standInKey(pending.id), replyTo: "", reply, at }];
}

/** The entries without the stand-in for this confirmation: the turn that asked it has come. */
export function withoutStandIn<E extends AnyEntry>(entries: E[], confirmationId: string): E[] {
  const key = standInKey(confirmationId);
  return entries.some((e) => (e as { key?: unknown }).key === key) ? entries.filter((e) => (e as { key?: unknown }).key !== key) : entries;
}

/** Not a reply the server sent: the question a task waits on, shown from the server's state. */
export const PENDING_QUESTION_INTENT = "pending_question";

const questionKey = (text: string) => `question:${text}`;
const isQuestionStandIn = (e: AnyEntry | undefined): boolean => String((e as { key?: unknown } | undefined)?.key ?? "").startsWith("question:");

/**
 * The question the server says a task waits on ("How much would you like to send?"), as Teller's
 * last message when this tab's conversation does not already end with it (a tab opened, or
 * reloaded, after it was asked): a bare "50" typed here then answers something on screen. A
 * stand-in still last when the question is answered, changes, or arrives in a reply (a restored
 * turn) goes; one followed by more of the conversation stays where it was.
 */
export function showingQuestion<E extends AnyEntry>(
  entries: E[],
  question: PendingQuestion | null,
  at = Date.now(),
): Array<E | StandInEntry> {
  const last = entries.at(-1);
  const trailing = isQuestionStandIn(last) ? (last as unknown as StandInEntry) : undefined;
  const rest: Array<E | StandInEntry> = trailing ? entries.slice(0, -1) : entries;
  if (!question) return rest;
  const lastTeller = [...rest].reverse().find((e) => e.kind === "teller") as StandInEntry | undefined;
  if (lastTeller?.reply.text.includes(question.text)) return rest;
  if (trailing?.key === questionKey(question.text)) return entries;
  const reply: Reply = { text: question.text, intent: { name: PENDING_QUESTION_INTENT, confidence: 1 }, actions: question.actions };
  return [...rest, { kind: "teller", key: questionKey(question.text), replyTo: "", reply, at }];
}
