import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { CONFIRM_AFTER_MS, bundles, confirmAfterMs, type SessionOutbox } from "./chat-session.outbox.js";
import type { ChatEvent } from "../packages/contract/events.js";

// Sending and retrying across the queue and its consumer: chat-session.alarm.test.ts.

const freshSession = () => env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(`outbox-test-${crypto.randomUUID()}`));

describe("the ChatSession's outbox alarm", () => {
  it("keeps an earlier alarm and brings a later one forward", async () => {
    const alarms = await runInDurableObject(freshSession(), async (instance, state) => {
      const outbox = (instance as unknown as { outbox: SessionOutbox }).outbox;
      const seen: number[] = [];
      await outbox.scheduleAlarm(60_000);
      const first = (await state.storage.getAlarm())!;
      await outbox.scheduleAlarm(120_000);
      seen.push((await state.storage.getAlarm())! - first);
      await outbox.scheduleAlarm(1_000);
      seen.push(first - (await state.storage.getAlarm())!);
      await state.storage.deleteAlarm();
      return seen;
    });
    expect(alarms[0]).toBe(0);
    expect(alarms[1]).toBeGreaterThan(50_000);
  });

  it("sends nothing and sets no alarm when it holds no events", async () => {
    const after = await runInDurableObject(freshSession(), async (instance, state) => {
      const sent = await (instance as unknown as { outbox: SessionOutbox }).outbox.flush();
      return { sent, alarm: await state.storage.getAlarm() };
    });
    expect(after).toEqual({ sent: 0, alarm: null });
  });

  it("cuts resent events into queue messages by count and by bytes, never an empty one", () => {
    const event = (text: string): ChatEvent => ({ id: crypto.randomUUID(), type: "reply.sent", customerId: "c", occurredAt: new Date(0).toISOString(), payload: { text } });
    const small = Array.from({ length: 120 }, () => event("hi"));
    expect(bundles(small, 50, 64 * 1024).map((b) => b.length)).toEqual([50, 50, 20]);
    const large = Array.from({ length: 5 }, () => event("漢".repeat(10_000)));
    expect(bundles(large, 50, 64 * 1024).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(bundles([event("x".repeat(100_000))], 50, 64 * 1024).map((b) => b.length)).toEqual([1]);
    expect(bundles([], 50, 64 * 1024)).toEqual([]);
  });
});

describe("the confirm delay", () => {
  it("is 30 s unless the environment sets a whole number of ms of at least a second", () => {
    expect(confirmAfterMs({})).toBe(CONFIRM_AFTER_MS);
    expect(CONFIRM_AFTER_MS).toBe(30_000);
    expect(confirmAfterMs({ OUTBOX_CONFIRM_AFTER_MS: "5000" })).toBe(5_000);
    for (const bad of ["", "soon", "10", "2500.5", "-5000"]) expect(confirmAfterMs({ OUTBOX_CONFIRM_AFTER_MS: bad })).toBe(CONFIRM_AFTER_MS);
  });
});
