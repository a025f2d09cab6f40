/**
 * One customer, several open chats (tabs, devices): one ChatSession, several sockets. Every turn
 * reaches every open socket, with the customer's words for those that did not send it.
 */
import { describe, expect, it } from "vitest";
import type { TurnsPage } from "../../packages/contract/chat.js";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";
import { connect, ticketFor } from "./chat-socket-client.js";
import { balancesOf } from "./dialogues/script.js";
import { createTestCustomer } from "../../scripts/db/fixtures.js";
import { env } from "cloudflare:test";
import { setSessionEnv, UNREACHABLE_DB } from "./session-faults.js";

describe("the customer's open tabs and devices", () => {
  it("all see each turn with the customer's words, and the pending confirmation, wherever it was sent", async () => {
    const customerId = uniqueCustomerId("ws-tabs");
    const customer = await withTestDb((db) => createTestCustomer(db, customerId, {}));
    const token = await tokenFor(customerId);
    const a = await connect(await ticketFor(token));
    const b = await connect(await ticketFor(token));
    await Promise.all([a.until((f) => f.type === "state"), b.until((f) => f.type === "state")]);

    // Tab A asks; tab B is shown the question and the confirmation.
    a.ws.send(JSON.stringify({ type: "message", id: "tabs-1", text: "send $40 to Jordan from checking" }));
    const mirrored = await b.until((f) => f.type === "turn" && (f.turn as { id: string }).id === "tabs-1");
    expect(mirrored.said).toEqual({ text: "send $40 to Jordan from checking" });
    const confirmation = (mirrored.turn as { reply: { confirmation?: { id: string } } }).reply.confirmation;
    expect(confirmation?.id).toBeTruthy();
    await b.until((f) => f.type === "state" && (f.pendingConfirmation as { id: string } | null)?.id === confirmation!.id);
    // The sender's own turn frame carries no `said`: it shows what it sent already.
    expect((await a.until((f) => f.type === "turn")).said).toBeUndefined();

    // Tab B's typed "yes" answers it; tab A sees the yes and the receipt, and nothing is pending.
    b.ws.send(JSON.stringify({ type: "message", id: "tabs-2", text: "yes" }));
    const done = await a.until((f) => f.type === "turn" && (f.turn as { id: string }).id === "tabs-2");
    expect(done.said).toEqual({ text: "yes" });
    expect((done.turn as { reply: { data?: { kind: string } } }).reply.data?.kind).toBe("transfer_receipt");
    await a.until((f) => f.type === "state" && f.pendingConfirmation === null && a.frames.indexOf(f) > a.frames.indexOf(done));
    expect((await balancesOf(customer)).checking).toBe(960_00);

    // An HTTP turn (another device without a socket) reaches both, at the server's time of the
    // answer: the HTTP reply, both tabs and the kept turn say the same instant.
    const http = (await (await postJson("/api/chat/messages", token, { id: "tabs-3", text: "thanks" })).json()) as { at?: string };
    expect(Date.parse(http.at ?? "")).not.toBeNaN();
    for (const tab of [a, b]) {
      const seen = await tab.until((f) => f.type === "turn" && (f.turn as { id: string }).id === "tabs-3");
      expect(seen.said).toEqual({ text: "thanks" });
      expect((seen.turn as { at?: string }).at).toBe(http.at);
    }
    const kept = (await (await gatewayFetch("/api/chat/turns?limit=1", { headers: { authorization: `Bearer ${token}` } })).json()) as TurnsPage;
    expect(kept.turns[0]).toMatchObject({ at: http.at, turn: { id: "tabs-3", at: http.at } });
    a.ws.close();
    b.ws.close();
  });
});

/** A customer with accounts (checking, savings), so a transfer asks its questions. */
async function bankedCustomer(label: string): Promise<string> {
  const customerId = uniqueCustomerId(label);
  await withTestDb((db) => createTestCustomer(db, customerId, {}));
  return tokenFor(customerId);
}

async function say(token: string, id: string, text: string): Promise<{ text: string; actions: unknown[] }> {
  const response = await postJson("/api/chat/messages", token, { id, text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: { text: string; actions: unknown[] } }).reply;
}

describe("a tab opened, or reloaded, after the conversation began", () => {
  it("names the question a task waits on in the state frame, worded as the dialogue asks it again", async () => {
    const token = await bankedCustomer("ws-question");
    const run = crypto.randomUUID().slice(0, 8);
    const asked = await say(token, `${run}-1`, "transfer from checking to savings");
    expect(asked.text).toMatch(/how much/i);
    const socket = await connect(await ticketFor(token));
    const state = await socket.until((f) => f.type === "state");
    expect(state.pendingQuestion).toEqual({ text: asked.text, actions: asked.actions });
    expect(state.pendingConfirmation).toBeNull();
    // A tab without a socket reads the same from GET /api/chat/turns.
    const page = (await (await gatewayFetch("/api/chat/turns?limit=0", { headers: { authorization: `Bearer ${token}` } })).json()) as TurnsPage;
    expect(page.pendingQuestion).toEqual(state.pendingQuestion);
    // Answered, the question is gone: a confirmation waits instead.
    socket.ws.send(JSON.stringify({ type: "message", id: `${run}-2`, text: "50" }));
    const after = await socket.until((f) => f.type === "state" && f !== state);
    expect(after.pendingQuestion).toBeNull();
    expect(after.pendingConfirmation).not.toBeNull();
    socket.ws.close();
  });

  it("replays the kept turns with the customer's own words on a resume, in order", async () => {
    const token = await bankedCustomer("ws-words");
    const run = crypto.randomUUID().slice(0, 8);
    await say(token, `${run}-1`, "hello");
    await say(token, `${run}-2`, "transfer from checking to savings");
    const socket = await connect(await ticketFor(token));
    await socket.until((f) => f.type === "state");
    socket.ws.send(JSON.stringify({ type: "resume" }));
    await socket.until((f) => f.type === "turn" && (f.turn as { id: string }).id === `${run}-2`);
    const replayed = socket.frames.filter((f) => f.type === "turn").map((f) => [(f.turn as { id: string }).id, (f.said as { text: string } | undefined)?.text, f.resumed]);
    expect(replayed).toEqual([
      [`${run}-1`, "hello", true],
      [`${run}-2`, "transfer from checking to savings", true],
    ]);
    socket.ws.close();
  });

  it("are all told when the conversation is erased from one of them, and only once it is erased everywhere", async () => {
    const customerId = uniqueCustomerId("ws-erased");
    await withTestDb((db) => createTestCustomer(db, customerId, {}));
    const token = await tokenFor(customerId);
    const a = await connect(await ticketFor(token));
    const b = await connect(await ticketFor(token));
    await Promise.all([a.until((f) => f.type === "state"), b.until((f) => f.type === "state")]);
    a.ws.send(JSON.stringify({ type: "message", id: "erase-tabs-1", text: "send $40 to Jordan from checking" }));
    await b.until((f) => f.type === "state" && f.pendingConfirmation !== null);

    // Postgres gone: the erasure fails and changes nothing, so no tab is told anything.
    await setSessionEnv(customerId, { DATABASE_URL: UNREACHABLE_DB });
    const failed = await gatewayFetch("/api/me/conversation", { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(failed.status).toBe(503);
    await setSessionEnv(customerId, { DATABASE_URL: env.DATABASE_URL });

    // Another device erases (over HTTP): both open tabs are told, and nothing is pending any more.
    const erased = await gatewayFetch("/api/me/conversation", { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(erased.status).toBe(200);
    for (const socket of [a, b]) {
      // Before: no frame came; the tabs showed the erased conversation until reloaded.
      const frame = await socket.until((f) => f.type === "history_erased");
      expect(frame).toEqual({ type: "history_erased", by: "customer" });
      await socket.until((f) => f.type === "state" && f.pendingConfirmation === null && socket.frames.indexOf(f) > socket.frames.indexOf(frame));
      expect(socket.frames.filter((f) => f.type === "history_erased")).toHaveLength(1);
    }
    a.ws.close();
    b.ws.close();
  });
});
