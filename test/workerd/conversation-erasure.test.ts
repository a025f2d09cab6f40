import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import { transcriptKeys } from "../../packages/db/schema/transcript-keys.js";
import { eventually, gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

const eventsOf = (customerId: string) => withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));

describe("DELETE /api/me/conversation (GDPR Art. 17)", () => {
  it("leaves no turn in the Durable Object, no readable row in chat_events, and one audit record", async () => {
    const customerId = uniqueCustomerId("erase");
    const token = await tokenFor(customerId);
    for (const [id, text] of [["erase-1", "hello"], ["erase-2", "my card is 4242 4242 4242 4242, what can you do"]] as const) {
      expect((await postJson("/api/chat/messages", token, { id, text })).status).toBe(200);
    }
    // The transcript has reached Postgres (the queue delivers asynchronously).
    await eventually(async () => ((await eventsOf(customerId)).filter((e) => e.type === "message.received").length === 2 ? true : undefined), 20_000);

    const response = await gatewayFetch("/api/me/conversation", { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ erased: true, turns: 2, events: 4 });

    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    const stored = await runInDurableObject(stub, (_instance, state) => ({
      turns: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns").one().n,
      content: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE json_extract(body, '$.type') IN ('message.received', 'reply.sent')").one().n,
      key: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM meta WHERE key = 'transcript_key'").one().n,
    }));
    expect(stored).toEqual({ turns: 0, content: 0, key: 0 });

    const rows = await eventsOf(customerId);
    expect(rows.map((r) => r.type)).toEqual(["audit.erasure"]);
    expect(rows[0]!.payload).toEqual({ by: "customer", deletedEvents: 4, shreddedKeys: 1 });
    // Crypto-shredded: the customer's data key is gone from Postgres and from the object.
    expect(await withTestDb((db) => db.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)))).toEqual([]);

    // The conversation starts afresh.
    expect((await postJson("/api/chat/messages", token, { id: "erase-3", text: "hello" })).status).toBe(200);
  });

  it("needs a token", async () => {
    expect((await gatewayFetch("/api/me/conversation", { method: "DELETE" })).status).toBe(401);
  });
});
