import { describe, expect, it } from "vitest";
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { postJson, tokenFor, uniqueCustomerId } from "./helpers.js";

const DAY_MS = 24 * 60 * 60 * 1000;

// The Cron Trigger's retention in Postgres is tested beside it: workers/chat/retention.test.ts.
describe("transcript retention in the Durable Object", () => {
  it("trims the Durable Object's turns older than 90 days from its alarm, and wakes again when the next expires", async () => {
    const customerId = uniqueCustomerId("do-retention");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "keep-1", text: "hello" })).status).toBe(200);
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    await runInDurableObject(stub, async (_instance, state) => {
      state.storage.sql.exec("INSERT INTO turns (message_id, seq, text, turn, created_at) VALUES ('old-1', 0, 'old words', '{}', ?)", Date.now() - 91 * DAY_MS);
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await runInDurableObject(stub, async (_instance, state) => ({
      turns: state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns").toArray().map((r) => r.message_id),
      alarm: await state.storage.getAlarm(),
    }));
    expect(after.turns).toEqual(["keep-1"]);
    // The next wake-up: when "keep-1" turns 90 days old.
    expect(after.alarm).toBeGreaterThan(Date.now() + 89 * DAY_MS);
  });
});
