import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { createTestCustomer } from "../../scripts/db/fixtures.js";
import { customers, transfers } from "../../packages/db/schema/banking.js";
import type { Reply } from "../../packages/dialogue/index.js";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

async function connect(ticket: string) {
  const response = await gatewayFetch(`/api/chat/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } });
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  ws.accept();
  const frames: Array<Record<string, any>> = [];
  let closed: { code: number; reason: string } | undefined;
  ws.addEventListener("message", (event) => frames.push(JSON.parse(event.data as string)));
  ws.addEventListener("close", (event) => (closed = { code: event.code, reason: event.reason }));
  async function until<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`not in time; frames ${JSON.stringify(frames)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { ws, frames, until, closed: () => closed };
}

async function customerWithToken(label: string) {
  const id = uniqueCustomerId(label);
  await withTestDb((db) => createTestCustomer(db, id));
  return { id, token: await tokenFor(id) };
}

async function ticket(token: string): Promise<string> {
  return ((await (await postJson("/api/chat/ws-ticket", token, {})).json()) as { ticket: string }).ticket;
}

function disable(customerId: string) {
  return withTestDb((db) => db.update(customers).set({ disabledAt: sql`now()` }).where(eq(customers.id, customerId)));
}

describe("an open chat WebSocket", () => {
  it("refuses a confirmation from a customer disabled while the socket was open, and closes with 4403", async () => {
    const { id, token } = await customerWithToken("ws-disabled");
    const socket = await connect(await ticket(token));
    socket.ws.send(JSON.stringify({ type: "message", id: "m1", text: "send $30 to Jordan from checking" }));
    const turn = await socket.until(() => socket.frames.find((f) => f.type === "turn"));
    const confirmation = (turn.turn.reply as Reply).confirmation!;
    expect(confirmation).toBeDefined();

    await disable(id);
    socket.ws.send(JSON.stringify({ type: "message", id: "m2", text: "yes", confirmation: { id: confirmation.id, answer: "yes" } }));
    const error = await socket.until(() => socket.frames.find((f) => f.type === "error" && f.id === "m2"));
    expect(error.error.code).toBe("forbidden");
    expect((await socket.until(() => socket.closed())).code).toBe(4403);
    expect(await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, id)))).toHaveLength(0);
  });

  it("refuses a typed yes over HTTP too once the customer is disabled, even inside the gateway's status cache", async () => {
    const { id, token } = await customerWithToken("http-disabled");
    const first = await postJson("/api/chat/messages", token, { id: "h1", text: "send $30 to Jordan from checking" });
    expect(((await first.json()) as { reply: Reply }).reply.confirmation).toBeDefined();
    await disable(id);
    const yes = await postJson("/api/chat/messages", token, { id: "h2", text: "yes" });
    expect(yes.status).toBe(403);
    expect(await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, id)))).toHaveLength(0);
  });

  it("keeps the confirmation a disabled customer's yes was refused on, refuses a no too, and moves the money once re-enabled", async () => {
    const { id, token } = await customerWithToken("http-reenabled");
    const first = await postJson("/api/chat/messages", token, { id: "k1", text: "send $30 to Jordan from checking" });
    expect(((await first.json()) as { reply: Reply }).reply.confirmation).toBeDefined();
    await disable(id);
    expect((await postJson("/api/chat/messages", token, { id: "k2", text: "yes" })).status).toBe(403);
    // No transfer runs on a "no": the status is read at the end of the turn, before it is stored.
    expect((await postJson("/api/chat/messages", token, { id: "k3", text: "no" })).status).toBe(403);
    expect(await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, id)))).toHaveLength(0);
    await withTestDb((db) => db.update(customers).set({ disabledAt: null }).where(eq(customers.id, id)));
    const yes = await postJson("/api/chat/messages", token, { id: "k4", text: "yes" });
    expect(yes.status).toBe(200);
    expect(((await yes.json()) as { reply: Reply }).reply.data?.kind).toBe("transfer_receipt");
    expect(await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, id)))).toHaveLength(1);
  });

  it("closes with 4401 once the token that opened it has expired", async () => {
    const { id } = await customerWithToken("ws-expired");
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(id));
    // As the gateway does at ticket time, with a token that expires in half a second.
    const { ticket: t } = await stub.createSocketTicket(id, Date.now() + 500);
    const socket = await connect(t);
    await new Promise((resolve) => setTimeout(resolve, 700));
    socket.ws.send(JSON.stringify({ type: "message", id: "e1", text: "what's my balance?" }));
    const error = await socket.until(() => socket.frames.find((f) => f.type === "error"));
    expect(error.error.code).toBe("unauthorized");
    expect((await socket.until(() => socket.closed())).code).toBe(4401);
    expect(socket.frames.some((f) => f.type === "turn")).toBe(false);
  });

  it("passes the token's expiry from the gateway into the ticket", async () => {
    const { id, token } = await customerWithToken("ws-exp-pass");
    const socket = await connect(await ticket(token));
    socket.ws.send(JSON.stringify({ type: "message", id: "p1", text: "hi" }));
    await socket.until(() => socket.frames.find((f) => f.type === "turn"));
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(id));
    const { runInDurableObject } = await import("cloudflare:test");
    const until = await runInDurableObject(stub, (_i, state) => {
      const ws = state.getWebSockets()[0]!;
      return (ws.deserializeAttachment() as { tokenValidUntil: number | null }).tokenValidUntil;
    });
    // tokenFor signs 10-minute tokens.
    expect(until).toBeGreaterThan(Date.now() + 8 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
  });

  it("refuses a frame whose text has a NUL or other control character, as HTTP does", async () => {
    const { token } = await customerWithToken("ws-ctl");
    const socket = await connect(await ticket(token));
    socket.ws.send(JSON.stringify({ type: "message", id: "c1", text: "hi\u0000there" }));
    const error = await socket.until(() => socket.frames.find((f) => f.type === "error"));
    expect(error.error.code).toBe("validation_failed");
    expect(error.error.message).toMatch(/control characters/);
  });
});
