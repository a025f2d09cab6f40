import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import { DEFAULT_TURNS_PAGE, MAX_MESSAGE_CHARS, MAX_TURNS_PAGE, MESSAGE_ID_PATTERN, type TurnsQuery } from "./chat.js";

/**
 * Control characters other than newline and tab: C0 (NUL included), DEL and C1. Postgres refuses
 * a NUL in text and jsonb, and none of them belongs in a chat message, so the edge refuses them
 * (HTTP and WebSocket alike) instead of letting them reach storage.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const NO_CONTROL = "must not contain control characters (only newline and tab are allowed)";

/**
 * The schemas are built on first use, not at module load; the gateway builds them with its routes.
 * The chat Worker imports this module on an isolate's first WebSocket frame (chat-session.socket.ts),
 * so its startup runs neither them nor zod's own top level.
 */
function buildChatMessageFields() {
  const MessageId = z.string().regex(MESSAGE_ID_PATTERN, "must be 1–64 characters of letters, digits, '_' or '-'");
  const MessageText = z
    .string()
    .refine((t) => t.trim().length > 0, "must not be empty")
    .refine((t) => t.length <= MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`)
    .refine((t) => !CONTROL_CHARACTERS.test(t), NO_CONTROL);
  /** The Yes/No buttons of a server-rendered confirmation. */
  const ConfirmationAnswer = z.strictObject({
    id: z.string().min(1).max(64).refine((t) => !CONTROL_CHARACTERS.test(t), NO_CONTROL),
    answer: z.enum(["yes", "no"]),
  });
  // The sender's sign-in: a confirmation or question from before it is not answered by this message.
  return { id: MessageId, text: MessageText, confirmation: ConfirmationAnswer.optional(), since: sinceField() };
}

let fields: ReturnType<typeof buildChatMessageFields> | undefined;

/** One schema for a chat message, sent over HTTP (POST /api/chat/messages) or as a WebSocket frame. */
export function chatMessageFields(): ReturnType<typeof buildChatMessageFields> {
  fields ??= buildChatMessageFields();
  return fields;
}

/**
 * `since` (GET /api/chat/turns, the socket's `resume` and upgrade, GET /api/chat/agent-messages, a
 * message): an ISO 8601 instant with its offset; only what was said at or after it is read, and
 * what waits from before it is neither reported nor answered (SinceInstant in chat.ts).
 */
function buildSinceField() {
  return z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 instant with its offset, e.g. 2026-01-31T09:15:00.000Z" })
    .optional()
    .meta({ description: "Only what was said at or after this instant (ISO 8601): the client's sign-in, so a shared device never shows an earlier session's conversation" });
}

let since: ReturnType<typeof buildSinceField> | undefined;

export function sinceField(): ReturnType<typeof buildSinceField> {
  since ??= buildSinceField();
  return since;
}

function buildClientFrameSchema() {
  return z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("message"), ...chatMessageFields() }),
    z.strictObject({ type: z.literal("resume"), lastMessageId: z.string().regex(MESSAGE_ID_PATTERN).optional(), since: sinceField() }),
    z.strictObject({ type: z.literal("pong") }),
  ]);
}

let clientFrames: ReturnType<typeof buildClientFrameSchema> | undefined;

/** Client → server WebSocket frames, validated like HTTP bodies: unknown types or fields get an error frame. */
export function clientFrameSchema(): ReturnType<typeof buildClientFrameSchema> {
  clientFrames ??= buildClientFrameSchema();
  return clientFrames;
}

const SEQ_PATTERN = /^\d{1,9}$/;

function buildTurnsQuerySchema() {
  return z.strictObject({
    after: z
      .string()
      .refine((t) => SEQ_PATTERN.test(t) || MESSAGE_ID_PATTERN.test(t), "must be a sequence number or a message id (1–64 characters of letters, digits, '_' or '-')")
      .transform((t): NonNullable<TurnsQuery["after"]> => (SEQ_PATTERN.test(t) ? { seq: Number(t) } : { messageId: t }))
      .optional()
      .meta({ description: "The turn to read after: its sequence number (0: from the oldest kept) or its message id. Without it: the newest turns." }),
    limit: z
      .string()
      .regex(/^\d{1,2}$/, `must be a whole number from 0 to ${MAX_TURNS_PAGE}`)
      .transform(Number)
      .pipe(z.number().int().max(MAX_TURNS_PAGE, `must be from 0 to ${MAX_TURNS_PAGE}`))
      .default(DEFAULT_TURNS_PAGE)
      .meta({ description: `Turns per page, 0–${MAX_TURNS_PAGE} (default ${DEFAULT_TURNS_PAGE}); 0 reads only the cursor and the state` }),
    since: sinceField(),
  });
}

let turnsQuery: ReturnType<typeof buildTurnsQuerySchema> | undefined;

/** GET /api/chat/turns's query (the gateway validates with it; its OpenAPI document renders it). */
export function turnsQuerySchema(): ReturnType<typeof buildTurnsQuerySchema> {
  turnsQuery ??= buildTurnsQuerySchema();
  return turnsQuery;
}

function buildTurnsPageSchema() {
  const reply = z.looseObject({ text: z.string() }).meta({ description: "Teller's answer, as POST /api/chat/messages returns it" });
  const confirmation = z.looseObject({ id: z.string() }).nullable();
  return z.object({
    turns: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        said: z.object({ text: z.string() }),
        turn: z.object({ id: z.string(), reply }),
      }),
    ),
    more: z.boolean(),
    next: z.number().int(),
    pendingConfirmation: confirmation,
    pendingQuestion: z.object({ text: z.string(), actions: z.array(z.looseObject({ type: z.string() })) }).nullable(),
    handoff: z.boolean(),
    agent: z.string().nullable(),
  });
}

let turnsPage: ReturnType<typeof buildTurnsPageSchema> | undefined;

/** GET /api/chat/turns's answer (TurnsPage), for the OpenAPI document. */
export function turnsPageSchema(): ReturnType<typeof buildTurnsPageSchema> {
  turnsPage ??= buildTurnsPageSchema();
  return turnsPage;
}
