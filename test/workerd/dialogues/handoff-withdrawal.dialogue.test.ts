import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { handoffs } from "../../../packages/db/schema/handoffs.js";
import { tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { agentMessagesFor, DANA, queueOf, say, staffToken, waitingHandoff } from "../handoff/support.js";

/**
 * "never mind" after asking for a person (issue #12, sweep 13; written before the fix): the request
 * stayed in the staff queue and the customer was told "There's nothing in progress to cancel".
 */
describe("dialogue: a request for a person withdrawn", () => {
  it("'never mind' while queued takes the request out of the staff queue and says so", async () => {
    const customerId = uniqueCustomerId("withdraw-queued");
    const token = await tokenFor(customerId);
    const dana = await staffToken(DANA);
    expect((await say(token, "I want to talk to a person")).reply.text).toMatch(/member of our team/);
    const item = await waitingHandoff(dana, customerId);
    const answer = await say(token, "never mind");
    expect(answer.reply.text).toMatch(/taken you out of the queue/);
    expect((await queueOf(dana)).some((i) => i.id === item.id)).toBe(false);
    const [row] = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.id, item.id)));
    expect(row?.status).toBe("left");
    expect((await agentMessagesFor(token)).waiting).toBe(false);
    // Asking again queues a new request, not "you're already in the queue".
    expect((await say(token, "I want to talk to a person")).reply.text).not.toMatch(/already in the queue/);
  });

  it("'forget it' once someone from the bank picked it up says a person is already on it, and leaves it with them", async () => {
    const customerId = uniqueCustomerId("withdraw-taken");
    const token = await tokenFor(customerId);
    const dana = await staffToken(DANA);
    await say(token, "I want to talk to a person");
    const item = await waitingHandoff(dana, customerId);
    // Claimed in Postgres, the agent's join not yet at the conversation (the race a customer can hit).
    await withTestDb((db) => db.update(handoffs).set({ status: "assigned", agentId: DANA, agentName: "Dana Whitfield", claimedAt: new Date() }).where(eq(handoffs.id, item.id)));
    const answer = await say(token, "forget it");
    expect(answer.reply.text).toMatch(/already picked this up/);
    const [row] = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.id, item.id)));
    expect(row?.status).toBe("assigned");
  });
});
