import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { customers } from "../../../packages/db/schema/banking.js";
import { createTestCustomer } from "../../../scripts/db/fixtures.js";
import type { HandoffDetail } from "../../../workers/chat/staff.service.js";
import { agentSays, claim, getJson, say, staffTokenFor, waitingHandoff } from "./support.js";

describe("hand-off of a customer the bank disabled", () => {
  it("shows staff the customer is disabled and refuses the agent's reply with 409 customer_disabled", async () => {
    const customerId = uniqueCustomerId("handoff-disabled");
    await withTestDb((db) => createTestCustomer(db, customerId, {}));
    const token = await tokenFor(customerId);
    const agent = await staffTokenFor(`stf_disabled_${crypto.randomUUID().slice(0, 8)}`);

    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(agent, customerId);
    expect(item.customerDisabled).toBe(false);
    expect((await claim(agent, item.id)).status).toBe(200);
    expect((await agentSays(agent, item.id, "Hello, I'm looking into it")).status).toBe(200);

    await withTestDb((db) => db.update(customers).set({ disabledAt: sql`now()` }).where(eq(customers.id, customerId)));

    const view = await getJson(`/api/staff/handoffs/${item.id}`, agent);
    expect(view.status).toBe(200);
    expect(((await view.json()) as HandoffDetail).handoff.customerDisabled).toBe(true);

    const refused = await agentSays(agent, item.id, "Here is what to do next");
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("customer_disabled");

    // Nothing was added to the customer's conversation.
    const after = (await (await getJson(`/api/staff/handoffs/${item.id}`, agent)).json()) as HandoffDetail;
    expect(after.transcript.map((line) => line.text)).toContain("Hello, I'm looking into it");
    expect(after.transcript.map((line) => line.text)).not.toContain("Here is what to do next");
    expect((await getJson("/api/staff/queue", agent)).status).toBe(200);
    const listed = ((await (await getJson("/api/staff/queue", agent)).json()) as { items: { id: string; customerDisabled: boolean }[] }).items;
    expect(listed.find((i) => i.id === item.id)?.customerDisabled).toBe(true);
  });
});
