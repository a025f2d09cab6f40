import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { chatEvents } from "./schema/events.js";
import { storeChatEvents } from "./chat-events.repo.js";
import { DEFAULT_TRANSCRIPT_RETENTION_DAYS, deleteExpiredTranscripts } from "./retention.js";
import type { ChatEvent } from "../contract/events.js";
import { inRolledBackTransaction, uniqueCustomerId } from "../../test/workerd/helpers.js";

function event(customerId: string, type: string, occurredAt: string): ChatEvent {
  return { id: crypto.randomUUID(), type, customerId, occurredAt, payload: {} } as ChatEvent;
}

describe("deleteExpiredTranscripts", () => {
  it("deletes conversation events before the cut-off in batches, never audits or newer events", async () => {
    const customerId = uniqueCustomerId("retention");
    // Days long past, in a transaction rolled back: the chat Worker's own retention run deletes
    // everything this old, and this run must not delete other tests' events for good.
    await inRolledBackTransaction(async (tx) => {
      const old = "1995-01-01T00:00:00Z";
      await storeChatEvents(tx, [
        ...Array.from({ length: 5 }, () => event(customerId, "message.received", old)),
        event(customerId, "handoff.agent_message", old),
        event(customerId, "audit.transfer", old),
        event(customerId, "reply.sent", "1995-03-01T00:00:00Z"),
      ]);
      const cutOff = new Date("1995-02-01T00:00:00Z");
      expect(await deleteExpiredTranscripts(tx, cutOff, 2, 2)).toEqual({ deleted: 4, complete: false });
      expect(await deleteExpiredTranscripts(tx, cutOff, 2, 50)).toEqual({ deleted: 2, complete: true });
      const left = await tx.select({ type: chatEvents.type }).from(chatEvents).where(eq(chatEvents.customerId, customerId));
      expect(left.map((r) => r.type).sort()).toEqual(["audit.transfer", "reply.sent"]);
      expect(await deleteExpiredTranscripts(tx, cutOff)).toEqual({ deleted: 0, complete: true });
    });
    expect(DEFAULT_TRANSCRIPT_RETENTION_DAYS).toBe(90);
  });
});
