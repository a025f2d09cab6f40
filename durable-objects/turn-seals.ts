import { isSealed, isSealedPayload } from "../packages/transcript-crypto/index.js";
import type { ChatEvent } from "../packages/contract/events.js";
import type { ChatTurn } from "../packages/contract/chat.js";

/**
 * A stored turn's two columns share the seals of the turn's own events instead of sealing the
 * customer's words and the reply a second time (four AES-GCM seals a turn became two):
 *
 *   text  `m1.<sealed message.received payload>`                 opens to the payload's `text`
 *   turn  `r1.<at, ms>.<message id>.<sealed reply.sent payload>`  opens to `{ id, reply, at }`
 *
 * The message id and the time are the row's own clear columns (`message_id`, `created_at`), so the
 * prefix shows nothing the row did not. Rows written before (`tc1.…` sealed on their own, or plain
 * from before encryption) read as they did. A turn whose events do not carry exactly its words or
 * its reply (a hand-off's, a test's) keeps seals of its own.
 */
const WORDS = "m1.";
const REPLY = "r1.";
const REPLY_FORMAT = /^r1\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})\.(tc1\..+)$/s;

/** A column that shares an event's seal: the sealed payload, and how to read the column out of it. */
export type SharedSeal = { kind: "words"; sealed: string } | { kind: "reply"; sealed: string; id: string; at: number };

export function sharedSeal(value: string): SharedSeal | undefined {
  if (value.startsWith(WORDS)) {
    const sealed = value.slice(WORDS.length);
    return isSealed(sealed) ? { kind: "words", sealed } : undefined;
  }
  if (!value.startsWith(REPLY)) return undefined;
  const match = REPLY_FORMAT.exec(value);
  return match ? { kind: "reply", sealed: match[3]!, id: match[2]!, at: Number(match[1]) } : undefined;
}

/** The column's plain value from its event's opened payload (JSON); undefined when it does not fit. */
export function columnFromPayload(seal: SharedSeal, payloadJson: string): string | undefined {
  const payload = JSON.parse(payloadJson) as { text?: unknown; reply?: unknown };
  if (seal.kind === "words") return typeof payload.text === "string" ? payload.text : undefined;
  if (typeof payload.reply !== "object" || payload.reply === null) return undefined;
  const turn: ChatTurn = { id: seal.id, reply: payload.reply as ChatTurn["reply"], at: new Date(seal.at).toISOString() };
  return JSON.stringify(turn);
}

interface TurnToStore {
  messageId: string;
  text: string;
  turn: ChatTurn;
  at: number;
}

/**
 * The stored columns that can share the sealed events' seals (`events` as sealed, `plain` as
 * given, same order): the words when the message.received event carries exactly them, the turn
 * when the reply.sent event carries its very reply and the turn is no more than id, reply and time.
 */
export function sharedColumns(turn: TurnToStore, plain: readonly ChatEvent[], events: readonly ChatEvent[]): { text?: string; turn?: string } {
  const out: { text?: string; turn?: string } = {};
  plain.forEach((event, i) => {
    const sealed = events[i]?.payload;
    if (event.messageId !== turn.messageId || !isSealedPayload(sealed)) return;
    if (event.type === "message.received" && out.text === undefined && event.payload.text === turn.text) out.text = WORDS + sealed.sealed;
    if (event.type === "reply.sent" && out.turn === undefined && replyOnly(turn, event.payload)) {
      out.turn = `${REPLY}${turn.at}.${turn.messageId}.${sealed.sealed}`;
    }
  });
  return out;
}

function replyOnly(turn: TurnToStore, payload: Record<string, unknown>): boolean {
  const { id, reply, at, ...rest } = turn.turn;
  return (
    payload.reply === reply &&
    Object.keys(payload).length === 1 &&
    Object.keys(rest).length === 0 &&
    id === turn.messageId &&
    /^[A-Za-z0-9_-]{1,64}$/.test(id) &&
    Number.isSafeInteger(turn.at) &&
    turn.at >= 0 &&
    at === new Date(turn.at).toISOString()
  );
}
