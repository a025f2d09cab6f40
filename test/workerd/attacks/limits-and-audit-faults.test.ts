import { describe, expect, it } from "vitest";
import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { chatEvents } from "../../../packages/db/schema/events.js";
import { createGatewayApp } from "../../../workers/gateway/gateway.app.js";
import { eventually, gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { expectError, testContext, testEnv } from "./support.js";

const failingLimiter = { limit: () => Promise.reject(new Error("limiter down")) };
const failingQueue = {
  send: () => Promise.reject(new Error("queue send failed")),
  sendBatch: () => Promise.reject(new Error("queue send failed")),
};

describe("a rate limiter that errors", () => {
  it("fails closed on money routes (503) and open on reads", async () => {
    const app = createGatewayApp();
    const broken = { ...testEnv, RL_MONEY: failingLimiter, RL_READ: failingLimiter } as unknown as typeof testEnv;
    const token = await tokenFor(uniqueCustomerId("rl-broken"));
    const money = await app.fetch(
      new Request("https://teller.test/api/transfers", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "k-broken-1" },
        body: JSON.stringify({ fromAccountId: "acc_x", toAccountId: "acc_y", amount: { value: "1.00", currency: "USD" } }),
      }),
      broken,
      testContext(),
    );
    await expectError(money, 503, "unavailable");
    const read = await app.fetch(new Request("https://teller.test/api/accounts", { headers: { authorization: `Bearer ${token}` } }), broken, testContext());
    expect(read.status).toBe(200);
    // A chat "yes" may move money: it fails closed too; other chat turns do not need RL_MONEY.
    const chat = (body: unknown) =>
      app.fetch(
        new Request("https://teller.test/api/chat/messages", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        broken,
        testContext(),
      );
    await expectError(await chat({ id: "y1", text: "yes", confirmation: { id: "c-1", answer: "yes" } }), 503, "unavailable");
    expect((await chat({ id: "q1", text: "how do I top up?" })).status).toBe(200);
  });
});

describe("money turns in chat", () => {
  it("count against the money limit (10 a minute), not only the chat limit", async () => {
    const token = await tokenFor(uniqueCustomerId("rl-chat-money"));
    let refused: Response | undefined;
    for (let i = 0; i < 21 && !refused; i++) {
      const response = await postJson("/api/chat/messages", token, { id: `yes-${i}`, text: "yes", confirmation: { id: `c-${i}`, answer: "yes" } });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused).toBeDefined();
    await expectError(refused!, 429, "rate_limited");
  });

  it("the socket's frame budget survives an eviction", async () => {
    const customer = uniqueCustomerId("ws-budget");
    const token = await tokenFor(customer);
    const ticket = ((await (await postJson("/api/chat/ws-ticket", token, {})).json()) as { ticket: string }).ticket;
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customer));
    // The budget is spent (30 frames this minute), then the object is evicted.
    await runInDurableObject(stub, (_i, state) => {
      const now = Date.now();
      state.storage.sql.exec(
        "INSERT INTO meta (key, value) VALUES ('socket_budget', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        JSON.stringify(Array.from({ length: 30 }, () => now)),
      );
    });
    await evictDurableObject(stub);
    const response = await gatewayFetch(`/api/chat/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } });
    const ws = response.webSocket!;
    ws.accept();
    const frames: Array<{ type: string; error?: { code: string } }> = [];
    ws.addEventListener("message", (e) => frames.push(JSON.parse(e.data as string)));
    ws.send(JSON.stringify({ type: "message", id: "after-evict", text: "hi" }));
    const error = await eventually(async () => frames.find((f) => f.type === "error"));
    expect(error.error?.code).toBe("rate_limited");
    ws.close();
  });
});

describe("audit events when the queue send fails", () => {
  it("are parked in an outbox and stored eventually", async () => {
    const app = createGatewayApp();
    const broken = { ...testEnv, AUDIT_EVENTS: failingQueue } as unknown as typeof testEnv;
    const ctx = testContext();
    const response = await app.fetch(new Request("https://teller.test/api/accounts", { headers: { authorization: "Bearer not-a-token" } }), broken, ctx);
    const { requestId } = await expectError(response, 401, "unauthorized");
    await ctx.settled();
    const row = await eventually(
      () =>
        withTestDb(async (db) => (await db.select().from(chatEvents).where(sql`${chatEvents.payload}->>'requestId' = ${requestId}`))[0]),
      20_000,
    );
    expect(row.type).toBe("audit.auth");
  });
});
