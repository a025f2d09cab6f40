import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { chatEvents } from "../packages/db/schema/events.js";
import { transcriptKeys } from "../packages/db/schema/transcript-keys.js";
import { eventually, gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "../test/workerd/helpers.js";
import { UNREACHABLE_DB, chatSession, setSessionEnv } from "../test/workerd/session-faults.js";

// An erasure and a read of the turns hold the customer's lock like a turn, so they have its
// deadline (turn-deadline.ts): an erasure whose Postgres hangs (FAULT_DB_HANG_RATE) is answered
// 504 `timeout`, the lock is let go, and its late Postgres step is refused, so the events of a turn
// acknowledged meanwhile stay. Every test waits for its (finite) hang to end: a request left
// pending in a Durable Object surfaced in another test file ("Cannot perform I/O on behalf of a
// different Durable Object").

const DEADLINE_MS = 1_500;
const HANG_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hangPostgres = (customerId: string) =>
  setSessionEnv(customerId, { TURN_DEADLINE_MS: String(DEADLINE_MS), FAULT_DB_HANG_RATE: "1", FAULT_DB_HANG_AT: "start", FAULT_DB_HANG_MS: String(HANG_MS) });
const answerPostgres = (customerId: string) => setSessionEnv(customerId, { FAULT_DB_HANG_RATE: "0" });

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const erase = (token: string) => gatewayFetch("/api/me/conversation", { method: "DELETE", headers: auth(token) });
const eventsOf = (customerId: string) => withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
const keysOf = (customerId: string) => withTestDb((db) => db.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)));
const received = async (customerId: string) => (await eventsOf(customerId)).filter((e) => e.type === "message.received").length;
const keptIds = (customerId: string) =>
  runInDurableObject(chatSession(customerId), (_i, state) => state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns ORDER BY seq").toArray().map((r) => r.message_id));

async function say(token: string, id: string, text: string): Promise<number> {
  return (await postJson("/api/chat/messages", token, { id, text })).status;
}

describe("an erasure whose Postgres hangs", () => {
  it("is answered 504 timeout within the deadline; the next turn is answered, keeps its events when the late step ends, and the erasure asked again completes", async () => {
    const customerId = uniqueCustomerId("erase-hang");
    const token = await tokenFor(customerId);
    expect(await say(token, "eh-1", "hello")).toBe(200);
    await eventually(async () => ((await received(customerId)) === 1 ? true : undefined), 20_000);
    await hangPostgres(customerId);

    const started = Date.now();
    const hung = await erase(token);
    // Before: the request (and the customer's lock) waited for Postgres as long as it hung.
    expect(hung.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    const body = (await hung.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("timeout");
    expect(body.error.message).toMatch(/may not be complete/);

    // The lock was let go: a turn is answered and acknowledged while the erasure's call still hangs.
    await answerPostgres(customerId);
    expect(await say(token, "eh-2", "how long does a new card take?")).toBe(200);
    // Its events reach Postgres (the first turn's are still there: the erasure's step never ran).
    await eventually(async () => ((await received(customerId)) === 2 ? true : undefined), 20_000);
    const keys = await eventually(async () => {
      const rows = await keysOf(customerId);
      return rows.length > 0 ? rows : undefined;
    }, 20_000);

    // The hang ends: the abandoned erasure's Postgres step is refused, so nothing acknowledged goes.
    await sleep(HANG_MS);
    expect(await received(customerId)).toBe(2);
    expect(await keysOf(customerId)).toEqual(keys);
    // Postgres first (session 32): the Durable Object is as it was too, not half erased.
    expect(await keptIds(customerId)).toEqual(["eh-1", "eh-2"]);
    expect((await eventsOf(customerId)).filter((e) => e.type === "audit.erasure")).toHaveLength(0);

    // Asked again, it completes: what was said meanwhile goes too, as asked; one audit record.
    const again = await erase(token);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ erased: true, turns: 2 });
    expect((await eventsOf(customerId)).map((e) => e.type)).toEqual(["audit.erasure"]);
    expect(await keysOf(customerId)).toEqual([]);
  });

  it("lets a read of the turns waiting behind it through at its deadline, not after the hang", async () => {
    const customerId = uniqueCustomerId("erase-hang-read");
    const token = await tokenFor(customerId);
    expect(await say(token, "ehr-1", "hello")).toBe(200);
    await hangPostgres(customerId);

    const erasing = erase(token);
    await sleep(100);
    const started = Date.now();
    const read = await gatewayFetch("/api/chat/turns", { headers: auth(token) });
    expect(read.status).toBe(200);
    // Before: it waited for the hung erasure's Postgres call (HANG_MS).
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 500);
    expect((await erasing).status).toBe(504);
    await answerPostgres(customerId);
    await sleep(HANG_MS);
  });
});

describe("an erasure whose Postgres fails", () => {
  it("changes nothing anywhere, so nothing is left half erased; asked again it erases both", async () => {
    const customerId = uniqueCustomerId("erase-fail");
    const token = await tokenFor(customerId);
    expect(await say(token, "ef-1", "hello")).toBe(200);
    expect(await say(token, "ef-2", "how long does a new card take?")).toBe(200);
    await eventually(async () => ((await received(customerId)) === 2 ? true : undefined), 20_000);
    const keys = await keysOf(customerId);
    expect(keys).toHaveLength(1);

    await setSessionEnv(customerId, { DATABASE_URL: UNREACHABLE_DB });
    const failed = await erase(token);
    expect(failed.status).toBe(503);
    // Before: the Durable Object's turns were gone while Postgres kept every event and the key,
    // and it stayed so until the customer asked again.
    expect(await keptIds(customerId)).toEqual(["ef-1", "ef-2"]);
    expect(await received(customerId)).toBe(2);
    expect(await keysOf(customerId)).toEqual(keys);
    const page = (await (await gatewayFetch("/api/chat/turns", { headers: auth(token) })).json()) as { turns: Array<{ turn: { id: string } }> };
    expect(page.turns.map((t) => t.turn.id)).toEqual(["ef-1", "ef-2"]);

    await setSessionEnv(customerId, { DATABASE_URL: env.DATABASE_URL });
    const again = await erase(token);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ erased: true, turns: 2, events: 4 });
    expect(await keptIds(customerId)).toEqual([]);
    expect((await eventsOf(customerId)).map((e) => e.type)).toEqual(["audit.erasure"]);
    expect(await keysOf(customerId)).toEqual([]);
  });
});
