import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";
import { eventually, loginAs, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

const alex = DEMO_CUSTOMERS[0]!.id;

describe("POST /api/chat/messages", () => {
  it("answers a customer's message with a reply carrying an intent", async () => {
    const token = await loginAs(alex);
    const response = await postJson("/api/chat/messages", token, { id: "m-hello-1", text: "hello" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; reply: { text: string; intent: { name: string; confidence: number }; actions: unknown[] } };
    expect(body.id).toBe("m-hello-1");
    expect(body.reply.text.length).toBeGreaterThan(0);
    expect(typeof body.reply.intent.name).toBe("string");
    expect(body.reply.intent.confidence).toBeGreaterThanOrEqual(0);
    expect(body.reply.intent.confidence).toBeLessThanOrEqual(1);
    expect(Array.isArray(body.reply.actions)).toBe(true);
  });

  it("returns the same reply for the same message id and stores the message once", async () => {
    const token = await loginAs(alex);
    const first = await (await postJson("/api/chat/messages", token, { id: "m-dup-1", text: "what is my balance" })).json();
    const second = await (await postJson("/api/chat/messages", token, { id: "m-dup-1", text: "what is my balance" })).json();
    expect(second).toEqual(first);

    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(alex));
    const stored = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns WHERE message_id = 'm-dup-1'").one().n,
    );
    expect(stored).toBe(1);
  });

  it("refuses to reuse a message id for different text", async () => {
    const token = await loginAs(alex);
    await postJson("/api/chat/messages", token, { id: "m-reuse-1", text: "first" });
    const response = await postJson("/api/chat/messages", token, { id: "m-reuse-1", text: "second" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "conflict" } });
  });

  it("keeps each customer's conversation in their own Durable Object, keyed by the token", async () => {
    const maria = DEMO_CUSTOMERS[1]!.id;
    await postJson("/api/chat/messages", await loginAs(maria), { id: "m-own-1", text: "hi" });
    const alexStub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(alex));
    const inAlex = await runInDurableObject(alexStub, (_i, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns WHERE message_id = 'm-own-1'").one().n,
    );
    expect(inAlex).toBe(0);
  });

  it("writes the message and reply events to Postgres through the queue, once each", async () => {
    const customer = uniqueCustomerId("queue");
    const token = await tokenFor(customer);
    await postJson("/api/chat/messages", token, { id: "m-queue-1", text: "how do I top up my card?" });
    await postJson("/api/chat/messages", token, { id: "m-queue-1", text: "how do I top up my card?" });
    const rows = await eventually(async () => {
      const found = await withTestDb((db) =>
        db.select().from(chatEvents).where(and(eq(chatEvents.messageId, "m-queue-1"), eq(chatEvents.customerId, customer))),
      );
      return found.length >= 2 ? found : undefined;
    });
    expect(rows.map((r) => r.type).sort()).toEqual(["message.received", "reply.sent"]);

    // The duplicate send changed nothing: still exactly one event of each type.
    expect(rows).toHaveLength(2);
  });
});
