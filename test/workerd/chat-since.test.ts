/**
 * A fresh sign-in starts empty; a reload restores only this sign-in's turns: `since` (the client's
 * sign-in instant) on GET /api/chat/turns, the socket's `resume` and GET /api/chat/agent-messages.
 */
import { describe, expect, it } from "vitest";
import type { TurnsPage } from "../../packages/contract/chat.js";
import { createTestCustomer } from "../../scripts/db/fixtures.js";
import { connect, ticketFor } from "./chat-socket-client.js";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

async function newCustomer(label: string): Promise<string> {
  const customerId = uniqueCustomerId(label);
  await withTestDb((db) => createTestCustomer(db, customerId, {}));
  return tokenFor(customerId);
}

const read = (token: string, path: string) => gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });

async function page(token: string, query: string): Promise<TurnsPage> {
  const response = await read(token, `/api/chat/turns${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as TurnsPage;
}

async function say(token: string, id: string, text: string): Promise<void> {
  expect((await postJson("/api/chat/messages", token, { id, text })).status).toBe(200);
}

describe("since: only what was said since this sign-in", () => {
  it("reads only the turns kept at or after it, over HTTP (with or without a cursor) and on the socket's resume", async () => {
    const token = await newCustomer("since-read");
    const run = crypto.randomUUID().slice(0, 8);
    await say(token, `${run}-1`, "what's my balance?");
    await say(token, `${run}-2`, "hello");
    await say(token, `${run}-3`, "what can you do?");
    const all = await page(token, "?after=0");
    // Signed in just before the second turn: the first (a balance) belongs to an earlier session.
    const since = encodeURIComponent(all.turns[1]!.at);
    const ids = (p: TurnsPage) => p.turns.map((t) => t.turn.id);

    expect(ids(await page(token, `?since=${since}`))).toEqual([`${run}-2`, `${run}-3`]);
    expect(ids(await page(token, `?after=0&since=${since}`))).toEqual([`${run}-2`, `${run}-3`]);
    expect(ids(await page(token, `?after=${run}-2&since=${since}`))).toEqual([`${run}-3`]);
    // Signed in after every turn: nothing to restore, the cursor where the conversation stands.
    const later = encodeURIComponent(new Date(Date.parse(all.turns[2]!.at) + 1).toISOString());
    expect(await page(token, `?since=${later}`)).toMatchObject({ turns: [], next: 3 });

    const socket = await connect(await ticketFor(token));
    await socket.until((f) => f.type === "state");
    socket.ws.send(JSON.stringify({ type: "resume", since: all.turns[1]!.at }));
    await socket.until((f) => f.type === "turn" && (f.turn as { id: string }).id === `${run}-3`);
    const resumed = socket.frames.filter((f) => f.type === "turn").map((f) => (f.turn as { id: string }).id);
    expect(resumed).toEqual([`${run}-2`, `${run}-3`]);
    socket.ws.send(JSON.stringify({ type: "resume", since: "yesterday" }));
    const refused = await socket.until((f) => f.type === "error");
    expect((refused.error as { code: string }).code).toBe("validation_failed");
    socket.ws.close();
  });

  it("refuses a since that is not an ISO 8601 instant with the error shape, on the turns and the agent messages", async () => {
    const token = await newCustomer("since-bad");
    for (const path of ["/api/chat/turns?since=yesterday", "/api/chat/turns?since=1764842822000", "/api/chat/turns?since=2026-12-04", "/api/chat/agent-messages?since=garbage", "/api/chat/agent-messages?after=0&since=2026-12-04T10:00:00"]) {
      const response = await read(token, path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code, path).toBe("validation_failed");
      expect(body.error.message).toMatch(/since/);
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const fine = await read(token, `/api/chat/agent-messages?after=0&since=${encodeURIComponent(new Date().toISOString())}`);
    expect(fine.status).toBe(200);
    expect(((await fine.json()) as { messages: unknown[] }).messages).toEqual([]);
  });
});
