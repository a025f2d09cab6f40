import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eventually, postJson, tokenFor, uniqueCustomerId } from "./helpers.js";
import { messageEvent as chatEvent, storedIds } from "./queue-helpers.js";

// A conversation's events across Workers: the ChatSession's outbox to the queue and its consumer,
// and what the gateway refuses before anything is queued. The consumer alone is tested beside it
// (workers/chat/events.consumer.test.ts).

describe("the outbox", () => {
  it("drains an outbox of long messages in bundles below the queue's size limit", async () => {
    const customer = uniqueCustomerId("bigoutbox");
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customer));
    const long = "漢".repeat(2000);
    // 60 turns' worth of 2,000 CJK characters (~6 KB each): ~360 KB, far over one queue message.
    const events = Array.from({ length: 60 }, () => chatEvent(customer, long));
    const sent = await runInDurableObject(stub, async (instance, state) => {
      for (const e of events) state.storage.sql.exec("INSERT INTO outbox (event_id, body, created_at) VALUES (?, ?, ?)", e.id, JSON.stringify(e), Date.now());
      return (instance as unknown as { flushOutbox(): Promise<number> }).flushOutbox();
    });
    expect(sent).toBe(60);
    const unsent = await runInDurableObject(stub, (_i, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE event_id NOT IN (SELECT event_id FROM outbox_sent)").one().n,
    );
    expect(unsent).toBe(0);
    await eventually(async () => ((await storedIds(events.map((e) => e.id))).length === 60 ? true : undefined), 20_000);
  });
});

describe("control characters at the edge", () => {
  it("refuses a NUL or other control character with a 400, over HTTP", async () => {
    const token = await tokenFor(uniqueCustomerId("ctl"));
    for (const text of ["hi\u0000there", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085"]) {
      const response = await postJson("/api/chat/messages", token, { id: `m-ctl-${text.length}`, text });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message).toMatch(/control characters/);
    }
    const fine = await postJson("/api/chat/messages", token, { id: "m-ctl-ok", text: "line one\n\tline two" });
    expect(fine.status).toBe(200);
  });
});
