import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { CONFIRM_AFTER_MS, FLUSH_DELAY_MS, REARM_INTERVAL_MS, alarmToSet, FLUSH_MIN_INTERVAL_MS, bundles, confirmAfterMs, flushDelayMs, type SessionOutbox } from "./chat-session.outbox.js";
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

  it("sets again, due at once, an alarm already past its time, as one the runtime may never run, at most once a second", () => {
    const now = 1_000_000;
    // Kept: an earlier alarm ahead, or one due this very millisecond.
    expect(alarmToSet(now + 500, now, now + 2_000)).toBeUndefined();
    expect(alarmToSet(now, now, now + 2_000)).toBeUndefined();
    // Set: none, a later one, and one past its time at all (it was kept up to 1 s past, 10 s before that).
    expect(alarmToSet(null, now, now + 2_000)).toBe(now + 2_000);
    expect(alarmToSet(now + 60_000, now, now + 2_000)).toBe(now + 2_000);
    expect(alarmToSet(now - 3_000, now, now + 2_000)).toBe(now);
    expect(alarmToSet(now - 500, now, now + 2_000)).toBe(now);
    expect(alarmToSet(now - 1, now, now + 2_000)).toBe(now);
    // Re-armed less than REARM_INTERVAL_MS ago: kept, so a busy conversation cannot keep replacing
    // an alarm the runtime is about to deliver.
    expect(alarmToSet(now - 500, now, now + 2_000, now - 300)).toBeUndefined();
    expect(alarmToSet(now - 500, now, now + 2_000, now - REARM_INTERVAL_MS)).toBe(now);
  });

  it("holds an alarm through an alarm run and leaves the earliest time asked for during it, or none", async () => {
    const within = (alarm: number | null, ms: number) => alarm !== null && Math.abs(alarm - Date.now() - ms) < 2_000;
    const seen = await runInDurableObject(freshSession(), async (instance, state) => {
      const outbox = (instance as unknown as { outbox: SessionOutbox }).outbox;
      const out: Record<string, boolean> = {};
      // Nothing asked: the held alarm goes at the end.
      await outbox.beginRun(5_000);
      out.held = within(await state.storage.getAlarm(), 5_000);
      await outbox.endRun();
      out.noneAfter = (await state.storage.getAlarm()) === null;
      // Asked later than the held alarm: that time at the end, not the held one.
      await outbox.beginRun(5_000);
      await outbox.scheduleAlarm(60_000);
      out.stillHeld = within(await state.storage.getAlarm(), 5_000);
      await outbox.endRun();
      out.later = within(await state.storage.getAlarm(), 60_000);
      await state.storage.deleteAlarm();
      // Asked sooner: brought forward at once and kept.
      await outbox.beginRun(5_000);
      await outbox.scheduleAlarm(1_000);
      out.sooner = within(await state.storage.getAlarm(), 1_000);
      await outbox.endRun();
      out.soonerAfter = within(await state.storage.getAlarm(), 1_000);
      await state.storage.deleteAlarm();
      // A run longer than the hold: its own held alarm, past by then, is not taken for a lost one
      // (set again due at once, it would bring another run right after this one).
      await outbox.beginRun(5_000);
      const realNow = Date.now;
      const later = realNow() + 10_000;
      Date.now = () => later;
      try {
        await outbox.scheduleAlarm(30_000);
        await outbox.endRun();
      } finally {
        Date.now = realNow;
      }
      out.longRun = within(await state.storage.getAlarm(), 40_000);
      await state.storage.deleteAlarm();
      return out;
    });
    expect(seen).toEqual({ held: true, noneAfter: true, stillHeld: true, later: true, sooner: true, soonerAfter: true, longRun: true });
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

describe("the flush delay", () => {
  it("is FLUSH_DELAY_MS, or what is left of FLUSH_MIN_INTERVAL_MS since the last flush if that is longer", () => {
    expect(flushDelayMs(10_000, undefined)).toBe(FLUSH_DELAY_MS);
    expect(flushDelayMs(10_000, 10_000 - FLUSH_MIN_INTERVAL_MS)).toBe(FLUSH_DELAY_MS);
    expect(flushDelayMs(10_000, 9_800)).toBe(FLUSH_MIN_INTERVAL_MS - 200);
    expect(flushDelayMs(10_000, 10_000 - FLUSH_MIN_INTERVAL_MS + FLUSH_DELAY_MS + 100)).toBe(FLUSH_DELAY_MS + 100);
  });

  it("coalesces a busy customer's flushes: right after one, the next waits for the interval", async () => {
    const event = (): ChatEvent => ({ id: crypto.randomUUID(), type: "audit.auth", customerId: "anonymous", occurredAt: new Date().toISOString(), payload: { outcome: "refused" } });
    const waits = await runInDurableObject(freshSession(), async (instance, state) => {
      const outbox = (instance as unknown as { outbox: SessionOutbox }).outbox;
      const inMs = async () => ((await state.storage.getAlarm()) ?? Infinity) - Date.now();
      await instance.parkEvent(event());
      const first = await inMs();
      // As the alarm does: it ran (so is no longer set) and flushed.
      await state.storage.deleteAlarm();
      expect(await outbox.flush()).toBe(1);
      await instance.parkEvent(event());
      const second = await inMs();
      await state.storage.deleteAlarm();
      return { first, second };
    });
    expect(waits.first).toBeLessThanOrEqual(FLUSH_DELAY_MS + 100);
    expect(waits.second).toBeGreaterThan(FLUSH_MIN_INTERVAL_MS - 500);
    expect(waits.second).toBeLessThanOrEqual(FLUSH_MIN_INTERVAL_MS + 100);
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
