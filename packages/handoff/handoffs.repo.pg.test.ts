import { describe, expect, it } from "vitest";
import {
  claimHandoff,
  closeHandoff,
  firstReplyTimes,
  getHandoff,
  listQueue,
  markFirstReply,
  openHandoff,
  QUEUE_ORDER,
  type NewHandoff,
} from "./handoffs.repo.js";
import { eq, sql } from "drizzle-orm";
import { handoffs } from "../db/schema/handoffs.js";
import type { Staff } from "../contract/handoff.js";
import { openHandoffOf } from "../../test/support/db-reads.js";
import { inRolledBackTransaction, uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

const DANA: Staff = { id: `stf_dana_${crypto.randomUUID()}`, name: "Dana Whitfield", role: "agent" };
const OMAR: Staff = { id: `stf_omar_${crypto.randomUUID()}`, name: "Omar Haddad", role: "agent" };
const SUPERVISOR: Staff = { id: `stf_grace_${crypto.randomUUID()}`, name: "Grace Liu", role: "supervisor" };

function newHandoff(label: string, requestedAt = new Date()): NewHandoff {
  return { id: crypto.randomUUID(), customerId: uniqueCustomerId(label), reason: "customer_request", intent: "human_agent", requestedAt };
}

describe("hand-offs in Postgres", () => {
  it("are one per event id, and one open per customer", async () => {
    const first = newHandoff("open");
    expect(await withTestDb((db) => openHandoff(db, first))).toBe(true);
    expect(await withTestDb((db) => openHandoff(db, first))).toBe(false);
    expect(await withTestDb((db) => openHandoff(db, { ...first, id: crypto.randomUUID() }))).toBe(false);
    expect(await withTestDb((db) => openHandoffOf(db, first.customerId))).toMatchObject({ id: first.id, status: "queued" });
    expect(await withTestDb((db) => getHandoff(db, first.id))).toMatchObject({ id: first.id, customerName: "Customer" });
    expect(await withTestDb((db) => getHandoff(db, crypto.randomUUID()))).toBeUndefined();
  });

  it("go to the first agent who claims; the same agent may claim again, another is told it is taken", async () => {
    const h = newHandoff("claim");
    await withTestDb((db) => openHandoff(db, h));
    expect(await withTestDb((db) => claimHandoff(db, h.id, DANA))).toMatchObject({ ok: true, again: false, handoff: { status: "assigned", agentId: DANA.id, agentName: DANA.name } });
    expect(await withTestDb((db) => claimHandoff(db, h.id, DANA))).toMatchObject({ ok: true, again: true });
    expect(await withTestDb((db) => claimHandoff(db, h.id, OMAR))).toEqual({ ok: false, reason: "taken" });
    expect(await withTestDb((db) => claimHandoff(db, crypto.randomUUID(), OMAR))).toEqual({ ok: false, reason: "not_found" });
  });

  it("close only from the states given; a closed one can no longer be claimed, and the customer may ask again", async () => {
    const h = newHandoff("close");
    await withTestDb((db) => openHandoff(db, h));
    expect(await withTestDb((db) => closeHandoff(db, h.id, "resolved", ["assigned"]))).toBeUndefined();
    expect(await withTestDb((db) => closeHandoff(db, h.id, "left", ["queued"]))).toMatchObject({ status: "left" });
    expect(await withTestDb((db) => claimHandoff(db, h.id, DANA))).toEqual({ ok: false, reason: "not_found" });
    expect(await withTestDb((db) => openHandoffOf(db, h.customerId))).toBeUndefined();
    expect(await withTestDb((db) => openHandoff(db, { ...h, id: crypto.randomUUID() }))).toBe(true);
  });

  it("time the first agent reply once", async () => {
    const h = newHandoff("reply", new Date(Date.now() - 5_000));
    await withTestDb((db) => openHandoff(db, h));
    const waited = await withTestDb((db) => markFirstReply(db, h.id));
    expect(waited).toBeGreaterThanOrEqual(4_000);
    expect(await withTestDb((db) => markFirstReply(db, h.id))).toBeUndefined();
  });

  it("queue for an agent: waiting ones oldest first, then only their own held; a supervisor sees every held one", async () => {
    // In a transaction rolled back: the queue is everyone's, and these must not linger in it.
    await inRolledBackTransaction(async (tx) => {
      // Agents of this test's own: the others above hold hand-offs for good.
      const DANA: Staff = { id: `stf_dana_${crypto.randomUUID()}`, name: "Dana Whitfield", role: "agent" };
      const OMAR: Staff = { id: `stf_omar_${crypto.randomUUID()}`, name: "Omar Haddad", role: "agent" };
      const [waiting, danas, omars] = [newHandoff("q_wait", new Date("1990-01-01T00:00:00Z")), newHandoff("q_dana"), newHandoff("q_omar")];
      for (const h of [waiting, danas, omars]) await openHandoff(tx, h);
      await claimHandoff(tx, danas.id, DANA);
      await claimHandoff(tx, omars.id, OMAR);
      const now = Date.parse("1990-01-01T00:01:00Z");
      const forDana = await listQueue(tx, DANA, now);
      // Other files' fraud reports may be queued in this database and come first by urgency: the
      // oldest is first among the hand-offs of this one's reason.
      expect(forDana.find((i) => i.status === "queued" && i.reason === waiting.reason)).toMatchObject({ id: waiting.id, status: "queued", waitingMs: 60_000, customerName: "Customer" });
      expect(forDana.filter((i) => i.status === "assigned").map((i) => i.id)).toEqual([danas.id]);
      const forSupervisor = (await listQueue(tx, SUPERVISOR)).map((i) => i.id);
      expect(forSupervisor).toEqual(expect.arrayContaining([danas.id, omars.id]));
      await markFirstReply(tx, danas.id);
      expect((await firstReplyTimes(tx, 1)).length).toBe(1);
    });
  });

  it("reads the waiting page through the urgency index (migration 0018), with no sort of every queued row", async () => {
    await inRolledBackTransaction(async (tx) => {
      // Few rows here, where a sort is cheapest: with the alternatives off, the plan shows whether
      // the index can serve the order at all (a mismatched expression still sorts).
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
      await tx.execute(sql`SET LOCAL enable_sort = off`);
      const explained = (await tx.execute(sql`EXPLAIN ${tx.select().from(handoffs).where(eq(handoffs.status, "queued")).orderBy(...QUEUE_ORDER).limit(200)}`)) as unknown as { rows: Array<{ "QUERY PLAN": string }> };
      const plan = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("handoffs_queued_urgency_idx");
      expect(plan, plan).not.toMatch(/Sort Key/);
    });
  });
});
