import { z } from "zod";
import { MESSAGE_ID_PATTERN, type ChatTurn } from "../packages/common/chat.js";
import { chatMessageFields } from "../packages/common/chat.schema.js";
import type { Reply } from "../packages/dialogue/index.js";
import type { CustomerAgentFrame } from "../packages/handoff/protocol.js";

/**
 * The chat WebSocket's protocol. Client → server frames are validated like HTTP bodies: unknown
 * types or fields get an error frame, never a crash.
 */
export const MAX_FRAME_BYTES = 16 * 1024;

export const ClientFrame = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("message"), ...chatMessageFields }),
  z.strictObject({ type: z.literal("resume"), lastMessageId: z.string().regex(MESSAGE_ID_PATTERN).optional() }),
  z.strictObject({ type: z.literal("pong") }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  | { type: "typing"; id: string }
  | { type: "reply"; id: string; reply: Reply; final: boolean }
  | { type: "turn"; turn: ChatTurn }
  | { type: "state"; pendingConfirmation: { id: string; summary: string; expiresAt: number } | null; handoff: boolean; agent: string | null }
  | CustomerAgentFrame
  | { type: "error"; id?: string; error: { code: string; message: string } };

/** Keep-alive without waking a hibernated DO: the runtime answers this frame itself. */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';
