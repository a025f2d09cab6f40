import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale
import { MESSAGE_ID_PATTERN } from "../../../packages/contract/chat.js";
import { AGENT_MESSAGE_MAX_CHARS } from "../../../packages/contract/handoff.js";

/** The staff routes' bodies, validated strictly; the OpenAPI document renders the same objects. */
export const AgentMessageRequest = z.strictObject({
  id: z.string().regex(MESSAGE_ID_PATTERN, "1–64 characters of A–Z, a–z, 0–9, _ or -").describe("Idempotency key: a resend with the same id is shown once"),
  text: z.string().trim().min(1).max(AGENT_MESSAGE_MAX_CHARS),
});
export const TypingRequest = z.strictObject({ on: z.boolean() });

export const HandoffParams = z.object({ id: z.uuid().describe("The hand-off's id") });

/** The message as the customer sees it (packages/contract/handoff.ts AgentMessage). */
export const AgentMessageOut = z.object({
  id: z.string(),
  kind: z.enum(["joined", "message", "left", "notice"]),
  agentName: z.string().optional(),
  text: z.string(),
  at: z.number().int().describe("Epoch ms"),
  seq: z.number().int(),
});
