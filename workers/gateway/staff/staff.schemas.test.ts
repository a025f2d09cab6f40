import { describe, expect, it } from "vitest";
import { AGENT_MESSAGE_MAX_CHARS } from "../../../packages/contract/handoff.js";
import { AgentMessageRequest, HandoffParams, TypingRequest } from "./staff.schemas.js";

// The routes refusing bad bodies end to end: staff.routes.test.ts; the document: openapi.test.ts.
describe("the staff routes' bodies", () => {
  it("take an agent's reply with an idempotency id and trimmed, bounded text, and nothing else", () => {
    expect(AgentMessageRequest.parse({ id: "reply-1", text: "  I've refunded the fee.  " })).toEqual({ id: "reply-1", text: "I've refunded the fee." });
    expect(AgentMessageRequest.safeParse({ id: "reply 1", text: "hi" }).success).toBe(false);
    expect(AgentMessageRequest.safeParse({ id: "reply-1", text: "   " }).success).toBe(false);
    expect(AgentMessageRequest.safeParse({ id: "reply-1", text: "x".repeat(AGENT_MESSAGE_MAX_CHARS + 1) }).success).toBe(false);
    expect(AgentMessageRequest.safeParse({ id: "reply-1", text: "hi", customerId: "cus_other" }).success).toBe(false);
  });

  it("take typing as a boolean only, and a hand-off id as a UUID", () => {
    expect(TypingRequest.safeParse({ on: true }).success).toBe(true);
    expect(TypingRequest.safeParse({ on: "yes" }).success).toBe(false);
    expect(HandoffParams.safeParse({ id: "0b9c9a2e-6d4f-4c3b-9a57-2f1f5b1f7e10" }).success).toBe(true);
    expect(HandoffParams.safeParse({ id: "h1" }).success).toBe(false);
  });
});
