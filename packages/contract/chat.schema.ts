import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import { MAX_MESSAGE_CHARS, MESSAGE_ID_PATTERN } from "./chat.js";

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
  return { id: MessageId, text: MessageText, confirmation: ConfirmationAnswer.optional() };
}

let fields: ReturnType<typeof buildChatMessageFields> | undefined;

/** One schema for a chat message, sent over HTTP (POST /api/chat/messages) or as a WebSocket frame. */
export function chatMessageFields(): ReturnType<typeof buildChatMessageFields> {
  fields ??= buildChatMessageFields();
  return fields;
}

function buildClientFrameSchema() {
  return z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("message"), ...chatMessageFields() }),
    z.strictObject({ type: z.literal("resume"), lastMessageId: z.string().regex(MESSAGE_ID_PATTERN).optional() }),
    z.strictObject({ type: z.literal("pong") }),
  ]);
}

let clientFrames: ReturnType<typeof buildClientFrameSchema> | undefined;

/** Client → server WebSocket frames, validated like HTTP bodies: unknown types or fields get an error frame. */
export function clientFrameSchema(): ReturnType<typeof buildClientFrameSchema> {
  clientFrames ??= buildClientFrameSchema();
  return clientFrames;
}
