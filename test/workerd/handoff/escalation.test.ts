import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { eventually, tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { handoffs } from "../../../packages/db/schema/handoffs.js";
import { createTestCustomer } from "../../../scripts/db/fixtures.js";
import { DANA, say, staffToken, waitingHandoff } from "./support.js";

describe("hand-off escalated to fraud", () => {
  it("marks the waiting hand-off as a fraud report when the customer reports fraud while queued, and says so", async () => {
    const customerId = uniqueCustomerId("handoff-fraud-queued");
    await withTestDb((db) => createTestCustomer(db, customerId, {}));
    const token = await tokenFor(customerId);
    const dana = await staffToken(DANA);

    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    expect(item.reason).toBe("customer_request");

    const reported = await say(token, "I want to report fraud on my card");
    expect(reported.reply.text).toMatch(/already in the queue for a member of our team, and I've marked it as a fraud report/);
    expect(reported.reply.text).not.toMatch(/^You're already in the queue/);

    // The same queue entry (never a second one), now a fraud report, for staff and in Postgres.
    const escalated = await eventually(async () => {
      const found = await waitingHandoff(dana, customerId);
      return found.reason === "fraud" ? found : undefined;
    });
    expect(escalated).toMatchObject({ id: item.id, intent: "report_fraud", status: "queued" });
    const rows = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.customerId, customerId)));
    expect(rows).toHaveLength(1);

    // Asking for a person again keeps the fraud report as it is.
    const again = await say(token, "I want to talk to a human");
    expect(again.reply.text).toMatch(/already in the queue/i);
    const after = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.customerId, customerId)));
    expect(after.map((r) => r.reason)).toEqual(["fraud"]);
  });
});
