import { describe, expect, it } from "vitest";
import type { TurnsPage } from "../../packages/contract/chat.js";
import { createTestCustomer } from "../../scripts/db/fixtures.js";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

async function newCustomer(label: string): Promise<string> {
  const customerId = uniqueCustomerId(label);
  await withTestDb((db) => createTestCustomer(db, customerId, {}));
  return tokenFor(customerId);
}

const turns = (token: string, query: string) => gatewayFetch(`/api/chat/turns${query}`, { headers: { authorization: `Bearer ${token}` } });

async function page(token: string, query: string): Promise<TurnsPage> {
  const response = await turns(token, query);
  expect(response.status).toBe(200);
  return (await response.json()) as TurnsPage;
}

async function say(token: string, id: string, text: string): Promise<void> {
  expect((await postJson("/api/chat/messages", token, { id, text })).status).toBe(200);
}

describe("GET /api/chat/turns", () => {
  it("reads the customer's turns after a sequence number or a message id, oldest first, with their words and the state", async () => {
    const token = await newCustomer("turns-read");
    const run = crypto.randomUUID().slice(0, 8);
    await say(token, `${run}-1`, "hello");
    await say(token, `${run}-2`, "what can you do?");
    await say(token, `${run}-3`, "transfer $5 from checking to savings");

    const all = await page(token, "?after=0");
    expect(all.turns.map((t) => [t.seq, t.turn.id, t.said.text])).toEqual([
      [1, `${run}-1`, "hello"],
      [2, `${run}-2`, "what can you do?"],
      [3, `${run}-3`, "transfer $5 from checking to savings"],
    ]);
    expect(all).toMatchObject({ more: false, next: 3, handoff: false, agent: null });
    expect(Date.parse(all.turns[0]!.at)).not.toBeNaN();
    expect(all.turns[0]!.turn.reply.text.length).toBeGreaterThan(0);
    // The last turn asked for a confirmation: it is pending, and the same one the turn carries.
    const asked = all.turns[2]!.turn.reply.confirmation;
    expect(asked?.id).toEqual(expect.any(String));
    expect(all.pendingConfirmation?.id).toBe(asked!.id);

    expect((await page(token, `?after=${run}-1`)).turns.map((t) => t.turn.id)).toEqual([`${run}-2`, `${run}-3`]);
    const first = await page(token, "?after=0&limit=2");
    expect(first).toMatchObject({ more: true, next: 2 });
    expect((await page(token, `?after=${first.next}&limit=2`)).turns.map((t) => t.turn.id)).toEqual([`${run}-3`]);
    // Without a cursor, the newest; limit 0, only where the conversation stands.
    expect((await page(token, "?limit=1")).turns.map((t) => t.turn.id)).toEqual([`${run}-3`]);
    expect(await page(token, "?limit=0")).toMatchObject({ turns: [], next: 3 });
  });

  it("shows a customer only their own turns, whatever the cursor names", async () => {
    const alice = await newCustomer("turns-alice");
    const bob = await newCustomer("turns-bob");
    const id = `alice-${crypto.randomUUID()}`;
    await say(alice, id, "what's my balance?");
    expect((await page(bob, "?after=0")).turns).toEqual([]);
    expect((await page(bob, `?after=${id}`)).turns).toEqual([]);
    expect((await page(alice, "?after=0")).turns.map((t) => t.turn.id)).toEqual([id]);
  });

  it("refuses a bad cursor, a limit out of range or an unknown parameter with the error shape, and no token with 401", async () => {
    const token = await newCustomer("turns-bad");
    for (const query of ["?after=a%20b", "?after=", "?limit=51", "?limit=x", "?after=0&since=1", "?after=" + "x".repeat(65)]) {
      const response = await turns(token, query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message.length).toBeGreaterThan(0);
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await gatewayFetch("/api/chat/turns?after=0")).status).toBe(401);
  });
});
