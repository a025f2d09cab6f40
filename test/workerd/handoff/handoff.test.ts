import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { eventually, gatewayFetch, postJson, sessionStore, tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { chatEvents } from "../../../packages/db/schema/events.js";
import { handoffs } from "../../../packages/db/schema/handoffs.js";
import { readTranscript } from "../../../packages/db/transcript.repo.js";
import { masterKeyring } from "../../../packages/transcript-crypto/index.js";
import { createTestCustomer } from "../../../scripts/db/fixtures.js";
import { agentMessagesFor, agentSays, claim, DANA, getJson, GRACE, OMAR, queueOf, say, staffToken, waitingHandoff } from "./support.js";

async function customer(label: string) {
  const customerId = uniqueCustomerId(label);
  return { customerId, token: await tokenFor(customerId) };
}

async function eventTypes(customerId: string, types: string[]) {
  return withTestDb(async (db) =>
    (await db.select({ type: chatEvents.type, payload: chatEvents.payload }).from(chatEvents).where(and(eq(chatEvents.customerId, customerId), inArray(chatEvents.type, types)))),
  );
}

describe("hand-off to people", () => {
  it("erasing the conversation removes the agent's words too, and later agent messages still reach HTTP clients after their cursor", async () => {
    const { customerId, token } = await customer("handoff-erase");
    const dana = await staffToken(DANA);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    expect((await agentSays(dana, item.id, "the marmalade question, yes")).status).toBe(200);
    const before = await agentMessagesFor(token);
    expect(before.messages.map((m) => m.text)).toContain("the marmalade question, yes");

    const erased = await gatewayFetch("/api/me/conversation", { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(erased.status).toBe(200);
    expect((await agentMessagesFor(token)).messages.map((m) => m.text)).not.toContain("the marmalade question, yes");

    expect((await agentSays(dana, item.id, "still here")).status).toBe(200);
    const lastSeq = before.messages.at(-1)!.seq;
    expect((await agentMessagesFor(token, lastSeq)).messages.map((m) => m.text)).toEqual(["still here"]);
  });

  it("queues the conversation with reason, intent and waiting time; an agent claims, replies, hands back, and Teller answers again", async () => {
    const { customerId, token } = await customer("handoff-flow");
    const [dana, omar, grace] = await Promise.all([staffToken(DANA), staffToken(OMAR), staffToken(GRACE)]);

    const asked = await say(token, "I want to talk to a human");
    expect(asked.reply.text).toMatch(/member of our team/i);

    const item = await waitingHandoff(dana, customerId);
    expect(item).toMatchObject({ status: "queued", reason: "customer_request", customerName: "Customer" });
    expect(item.intent).toBeTruthy();
    expect(item.waitingMs).toBeGreaterThanOrEqual(0);

    const claimed = await claim(dana, item.id);
    expect(claimed.status).toBe(200);
    expect(((await claimed.json()) as { joined: { text: string } }).joined.text).toBe("Dana from the bank joined the chat.");
    const late = await claim(omar, item.id);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe("conflict");

    // Omar sees neither the conversation nor it in his queue any more; the supervisor sees both.
    expect((await getJson(`/api/staff/handoffs/${item.id}`, omar)).status).toBe(404);
    expect((await queueOf(omar)).some((i) => i.id === item.id)).toBe(false);
    expect((await queueOf(grace)).find((i) => i.id === item.id)?.agentId).toBe(DANA);
    expect((await getJson(`/api/staff/handoffs/${item.id}`, grace)).status).toBe(200);
    // Omar cannot write into it either.
    expect((await agentSays(omar, item.id, "hello")).status).toBe(404);

    expect((await agentSays(dana, item.id, "Hi, I'm Dana. How can I help?")).status).toBe(200);
    const seen = await agentMessagesFor(token);
    expect(seen.held).toBe(true);
    expect(seen.messages.map((m) => [m.kind, m.text])).toEqual([
      ["joined", "Dana from the bank joined the chat."],
      ["message", "Hi, I'm Dana. How can I help?"],
    ]);
    expect((await agentMessagesFor(token, seen.messages[0]!.seq)).messages).toHaveLength(1);

    // While Dana holds it, Teller stays silent and the agent reads the customer's words, masked.
    const held = await say(token, "my card 4111 1111 1111 1111 was stolen, what is my balance?");
    expect(held.reply.text).toBe("");
    const view = await getJson(`/api/staff/handoffs/${item.id}`, dana);
    expect(view.status).toBe(200);
    const detail = (await view.json()) as { transcript: { from: string; text: string }[]; accounts: unknown[]; transactions: unknown[] };
    const lines = detail.transcript.map((e) => `${e.from}: ${e.text}`);
    expect(lines).toContain("customer: I want to talk to a human");
    expect(lines.some((l) => l.startsWith("customer: my card •••• 1111 was stolen"))).toBe(true);
    expect(lines).toContain("agent: Hi, I'm Dana. How can I help?");
    expect(JSON.stringify(detail)).not.toContain("4111 1111");
    expect(Array.isArray(detail.accounts) && Array.isArray(detail.transactions)).toBe(true);

    const back = await postJson(`/api/staff/handoffs/${item.id}/hand-back`, dana, {});
    expect(back.status).toBe(200);
    expect((await agentMessagesFor(token)).messages.at(-1)).toMatchObject({ kind: "left", text: "Dana handed you back to Teller. Ask me anything." });
    const again = await say(token, "how long does a transfer take?");
    expect(again.reply.text.length).toBeGreaterThan(0);
    // The hand-off is closed: asking for a person queues a new one rather than "already in the queue".
    expect((await say(token, "I want to talk to a human")).reply.text).not.toMatch(/already in the queue/i);

    const rows = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.customerId, customerId)));
    expect(rows.find((r) => r.id === item.id)).toMatchObject({ status: "returned", agentId: DANA });
    expect(rows.find((r) => r.id === item.id)?.firstReplyAt).toBeInstanceOf(Date);

    const recorded = await eventually(async () => {
      const events = await eventTypes(customerId, ["handoff.requested", "handoff.claimed", "handoff.agent_message", "handoff.returned", "audit.staff_read"]);
      const types = new Set(events.map((e) => e.type));
      return types.size === 5 ? events : undefined;
    });
    expect(recorded.find((e) => e.type === "handoff.agent_message")).toBeDefined();
    // The agent's words are sealed at rest like the customer's: read them through the transcript.
    const transcript = await withTestDb(async (db) => readTranscript(db, await masterKeyring(env.TRANSCRIPT_MASTER_KEYS, env.TRANSCRIPT_MASTER_KEY_ID), customerId));
    const firstReply = transcript.events.find((e) => e.type === "handoff.agent_message")!.payload as { firstReplyMs?: number };
    expect(firstReply.firstReplyMs).toBeGreaterThanOrEqual(0);
    // Supervisors read the time to first agent reply; agents may not.
    const figures = await getJson("/api/staff/figures", grace);
    expect(figures.status).toBe(200);
    expect(((await figures.json()) as { count: number }).count).toBeGreaterThanOrEqual(1);
    expect((await getJson("/api/staff/figures", dana)).status).toBe(403);
  });

  it("pushes the join, the typing indicator and the agent's words to the customer's WebSocket", async () => {
    const { customerId, token } = await customer("handoff-ws");
    const dana = await staffToken(DANA);
    const ticket = ((await (await postJson("/api/chat/ws-ticket", token, {})).json()) as { ticket: string }).ticket;
    const { gatewayFetch } = await import("../helpers.js");
    const upgraded = await gatewayFetch(`/api/chat/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } });
    const ws = upgraded.webSocket!;
    ws.accept();
    const frames: Array<Record<string, any>> = [];
    ws.addEventListener("message", (event) => frames.push(JSON.parse(event.data as string)));
    const frame = (predicate: (f: Record<string, any>) => boolean) => eventually(async () => frames.find(predicate));

    ws.send(JSON.stringify({ type: "message", id: "ask-person", text: "can I speak to a person please" }));
    await frame((f) => f.type === "turn" && f.turn.id === "ask-person");
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    expect((await frame((f) => f.type === "agent" && f.message.kind === "joined")).message.text).toBe("Dana from the bank joined the chat.");
    expect((await frame((f) => f.type === "state" && f.agent === "Dana")).handoff).toBe(true);

    expect((await postJson(`/api/staff/handoffs/${item.id}/typing`, dana, { on: true })).status).toBe(200);
    await frame((f) => f.type === "agent_typing" && f.on === true && f.agentName === "Dana");
    const sent = Date.now();
    expect((await agentSays(dana, item.id, "I'm looking at your account now")).status).toBe(200);
    const message = await frame((f) => f.type === "agent" && f.message.kind === "message");
    expect(message.message).toMatchObject({ text: "I'm looking at your account now", agentName: "Dana" });
    expect(Date.now() - sent).toBeLessThan(1000);

    // A customer message over the socket goes to Dana; Teller sends an empty turn, nothing else.
    ws.send(JSON.stringify({ type: "message", id: "to-agent", text: "thanks" }));
    const turn = await frame((f) => f.type === "turn" && f.turn.id === "to-agent");
    expect(turn.turn.reply.text).toBe("");
    expect(frames.some((f) => f.type === "reply" && f.id === "to-agent")).toBe(false);
    ws.close();
  });

  it("lets the customer leave the queue; the hand-off is then gone for agents", async () => {
    const { customerId, token } = await customer("handoff-leave");
    const dana = await staffToken(DANA);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    const left = await postJson("/api/chat/handoff/leave", token, {});
    expect(left.status).toBe(200);
    expect(((await left.json()) as { handoffId: string }).handoffId).toBe(item.id);
    expect((await claim(dana, item.id)).status).toBe(404);
    expect((await queueOf(dana)).some((i) => i.id === item.id)).toBe(false);
    expect((await agentMessagesFor(token)).waiting).toBe(false);
    // Nothing to leave any more.
    const again = await postJson("/api/chat/handoff/leave", token, {});
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("tells the customer other ways to reach the bank when nobody picks the hand-off up in time", async () => {
    const { env, runInDurableObject, runDurableObjectAlarm } = await import("cloudflare:test");
    const { customerId, token } = await customer("handoff-expiry");
    const dana = await staffToken(DANA);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    await runInDurableObject(stub, (instance, state) => {
      const row = state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'handoff_pending'").one();
      const pending = { ...JSON.parse(row.value), deadline: Date.now() - 1 };
      // Through the object's store, which keeps a copy of what it wrote.
      sessionStore(instance).setMeta("handoff_pending", JSON.stringify(pending));
    });
    await runDurableObjectAlarm(stub);
    const notice = (await agentMessagesFor(token)).messages.at(-1);
    expect(notice?.kind).toBe("notice");
    expect(notice?.text).toMatch(/call us/i);
    expect((await claim(dana, item.id)).status).toBe(404);
    expect((await say(token, "I want to talk to a human")).reply.text).not.toMatch(/already in the queue/i);
  });

  it("records a resolution as an event, tells the customer, and closes the hand-off for every agent", async () => {
    const { customerId, token } = await customer("handoff-resolve");
    const [dana, grace] = await Promise.all([staffToken(DANA), staffToken(GRACE)]);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    expect((await postJson(`/api/staff/handoffs/${item.id}/resolve`, dana, {})).status).toBe(200);

    expect((await agentMessagesFor(token)).messages.at(-1)?.text).toBe("Dana marked this conversation as resolved. Teller is here if you need anything else.");
    const rows = await withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.id, item.id)));
    expect(rows[0]).toMatchObject({ status: "resolved", agentId: DANA });
    expect((await queueOf(grace)).some((i) => i.id === item.id)).toBe(false);
    // Teller answers by itself again.
    expect((await say(token, "how long does a transfer take?")).reply.text.length).toBeGreaterThan(0);
    await eventually(async () => ((await eventTypes(customerId, ["handoff.resolved"])).length === 1 ? true : undefined));
  });

  it("shows staff the bank's routing number Teller gave, with the account number still masked", async () => {
    const { customerId, token } = await customer("handoff-routing");
    await withTestDb((db) => createTestCustomer(db, customerId, {}));
    const dana = await staffToken(DANA);
    expect((await say(token, "What is my full account number?")).reply.text).toMatch(/account number 000012341001, routing number 074001239/);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    const view = (await (await getJson(`/api/staff/handoffs/${item.id}`, dana)).json()) as { transcript: { from: string; text: string }[] };
    const teller = view.transcript.filter((e) => e.from === "teller").map((e) => e.text).join("\n");
    // The routing number is public and once read "[account ••1239]"; the account number is shown once, never kept.
    expect(teller).toMatch(/account number \[account ••1001\], routing number 074001239/);
    expect(teller).not.toContain("000012341001");
  });

  it("never lets an agent confirm or move money: agent words are not customer turns, and staff have no money routes", async () => {
    const { customerId, token } = await customer("handoff-money");
    const dana = await staffToken(DANA);
    await say(token, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    expect((await agentSays(dana, item.id, "yes")).status).toBe(200);
    // "yes" from the agent is in the agent log only: no customer turn, no message.received for it.
    const view = (await (await getJson(`/api/staff/handoffs/${item.id}`, dana)).json()) as { transcript: { from: string; text: string }[] };
    expect(view.transcript.filter((e) => e.from === "customer").map((e) => e.text)).toEqual(["I want to talk to a human"]);
    for (const path of ["/api/staff/transfers", `/api/staff/handoffs/${item.id}/confirm`, "/api/transfers"]) {
      const response = await postJson(path, dana, { confirmation: { id: "x", answer: "yes" } });
      expect([401, 404]).toContain(response.status);
    }
    // A staff token is not a customer token: the customer's chat route refuses it.
    expect((await postJson("/api/chat/messages", dana, { id: "m1", text: "yes" })).status).toBe(401);
  });
});
