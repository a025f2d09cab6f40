import { describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import type { ChatEnv } from "./env.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import { runRetention } from "./retention.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const ctx = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}) };

// The Durable Object's own trimming (its alarm) is durable-objects/chat-session.alarm.test.ts.

describe("transcript retention (Cron Trigger)", () => {
  it("deletes conversation events older than 90 days in batches, keeps newer ones and every audit event", async () => {
    const customerId = uniqueCustomerId("retention");
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ type: "message.received", occurredAt: at(91 + i), payload: { text: `old ${i}` } })),
      { type: "reply.sent", occurredAt: at(120), payload: { reply: { text: "old reply" } } },
      { type: "audit.transfer", occurredAt: at(400), payload: { ok: true } },
      { type: "message.received", occurredAt: at(89), payload: { text: "recent" } },
    ];
    await withTestDb((db) => db.insert(chatEvents).values(rows.map((row) => ({ id: crypto.randomUUID(), customerId, ...row }))));

    // Batches of 2, so the 6 expired events take several statements.
    const run = await runRetention(env, ctx, now, 2);
    expect(run.complete).toBe(true);
    expect(run.deleted).toBeGreaterThanOrEqual(6);

    const left = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
    expect(left.map((e) => e.type).sort()).toEqual(["audit.transfer", "message.received"]);
    expect(left.find((e) => e.type === "message.received")!.payload).toEqual({ text: "recent" });
  });

  it("follows TRANSCRIPT_RETENTION_DAYS, and a value that is not a whole number of days deletes after 90, as the chat then says, and is logged", async () => {
    const customerId = uniqueCustomerId("retention-days");
    const now = Date.now();
    const rows = [31, 29].map((daysAgo) => ({ id: crypto.randomUUID(), customerId, type: "message.received", occurredAt: new Date(now - daysAgo * DAY_MS), payload: { text: `${daysAgo} days` } }));
    await withTestDb((db) => db.insert(chatEvents).values(rows));
    const thirty = { ...(env as unknown as ChatEnv), TRANSCRIPT_RETENTION_DAYS: "30" };
    expect((await runRetention(thirty, ctx, now)).complete).toBe(true);
    const left = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
    expect(left.map((e) => e.payload)).toEqual([{ text: "29 days" }]);

    // It threw before: nothing was deleted at all while the chat promised deletion after a number of days.
    const old = { id: crypto.randomUUID(), customerId, type: "message.received", occurredAt: new Date(now - 91 * DAY_MS), payload: { text: "91 days" } };
    await withTestDb((db) => db.insert(chatEvents).values(old));
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    try {
      for (const days of ["0", "-5", "1.5", "ninety"]) expect((await runRetention({ ...thirty, TRANSCRIPT_RETENTION_DAYS: days }, ctx, now)).complete, days).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const kept = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
    expect(kept.map((e) => e.payload)).toEqual([{ text: "29 days" }]);
    expect(errors.filter((line) => line.includes("TRANSCRIPT_RETENTION_DAYS must be a whole number"))).toHaveLength(4);
  });
});
