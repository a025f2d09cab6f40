import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { handoffs } from "../db/schema/handoffs.js";
import { customers } from "../db/schema/banking.js";
import type { Staff } from "./staff.js";
import { queueItem, type QueueItem } from "./queue-item.js";

// Pure, without drizzle: the staff service shapes rows without loading this module (deferred.ts).
export { queueItem, type QueueItem };

export type HandoffRow = typeof handoffs.$inferSelect;
export type HandoffStatus = HandoffRow["status"];
export type ClosedStatus = Extract<HandoffStatus, "returned" | "resolved" | "left" | "expired">;

export interface NewHandoff {
  id: string;
  customerId: string;
  reason: string;
  intent: string | null;
  requestedAt: Date;
}

/**
 * Records a hand-off. Idempotent: the same id (the event's) is one row, and a customer with a
 * hand-off already open keeps that one (the partial unique index). True when this call added it.
 */
export async function openHandoff(db: Db, handoff: NewHandoff): Promise<boolean> {
  const rows = await db
    .insert(handoffs)
    .values({ ...handoff, status: "queued" })
    .onConflictDoNothing()
    .returning({ id: handoffs.id });
  return rows.length > 0;
}

/** Reasons that outrank every other, most urgent first: a fraud report, then a possible fraud. */
const URGENT_REASONS = ["fraud", "fraud_risk"];

/**
 * A more urgent reason for the hand-off the customer is already waiting in (a fraud report made
 * while queued for a person): the same row takes the new reason and intent, so staff see it for
 * what it is. Never lowers one. True when the row changed.
 */
export async function escalateHandoff(db: Db, customerId: string, reason: string, intent: string | null): Promise<boolean> {
  const rank = URGENT_REASONS.indexOf(reason);
  if (rank < 0) return false;
  const rows = await db
    .update(handoffs)
    .set({ reason, intent })
    .where(and(eq(handoffs.customerId, customerId), eq(handoffs.status, "queued"), notInArray(handoffs.reason, URGENT_REASONS.slice(0, rank + 1))))
    .returning({ id: handoffs.id });
  return rows.length > 0;
}

const MAX_QUEUE = 200;

/**
 * 0 for a fraud report, 1 for a possible fraud, 2 for anything else: the queue's first key. It
 * must be the expression the partial index handoffs_queued_urgency_idx (migration 0018,
 * schema/handoffs.ts) is built on, or the planner sorts every queued row (the plan's test checks);
 * the reasons are written into the SQL, not bound, so a generic plan matches it too.
 */
const urgency = sql<number>`CASE ${handoffs.reason} ${sql.raw(URGENT_REASONS.map((reason, rank) => `WHEN '${reason}' THEN ${rank}`).join(" "))} ELSE ${sql.raw(String(URGENT_REASONS.length))} END`;

/** The waiting page's order: most urgent, then oldest first (exported for its plan's test). */
export const QUEUE_ORDER = [urgency, asc(handoffs.requestedAt)] as const;

/**
 * The queue as one member of staff may see it: waiting conversations most urgent first (a fraud
 * report, then a possible fraud, then the rest), oldest first within each (the first MAX_QUEUE of
 * the queued rows, read in that order from the partial index handoffs_queued_urgency_idx, so
 * thousands waiting cost the same), then the conversations held — an agent's own, or for a
 * supervisor every held one. Two reads, so a long queue never pushes an agent's own off the page.
 */
export async function listQueue(db: Db, staff: Staff, now = Date.now()): Promise<QueueItem[]> {
  const select = () =>
    db.select({ h: handoffs, name: customers.name, disabledAt: customers.disabledAt }).from(handoffs).leftJoin(customers, eq(customers.id, handoffs.customerId));
  const queued = await select().where(eq(handoffs.status, "queued")).orderBy(...QUEUE_ORDER).limit(MAX_QUEUE);
  const held = await select()
    .where(staff.role === "supervisor" ? eq(handoffs.status, "assigned") : and(eq(handoffs.status, "assigned"), eq(handoffs.agentId, staff.id)))
    .orderBy(asc(handoffs.requestedAt))
    .limit(MAX_QUEUE);
  return [...queued, ...held].map(({ h, name, disabledAt }) => queueItem(h, { name, disabledAt }, now));
}

export async function getHandoff(db: Db, id: string): Promise<(HandoffRow & { customerName: string; customerDisabledAt: Date | null }) | undefined> {
  const rows = await db
    .select({ h: handoffs, name: customers.name, disabledAt: customers.disabledAt })
    .from(handoffs)
    .leftJoin(customers, eq(customers.id, handoffs.customerId))
    .where(eq(handoffs.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.h, customerName: row.name ?? "Customer", customerDisabledAt: row.disabledAt ?? null } : undefined;
}

/** `taken`: another agent holds it; `not_found`: no such hand-off, or it is closed (left, expired, …). */
export type ClaimOutcome = { ok: true; handoff: HandoffRow; again: boolean } | { ok: false; reason: "taken" | "not_found" };

/**
 * Atomic claim: one UPDATE that only matches a queued row. Postgres locks the row for the first
 * UPDATE; the second re-checks `status = 'queued'` after the first commits, matches nothing and
 * loses. Claiming again what one already holds succeeds (a retried click).
 */
export async function claimHandoff(db: Db, id: string, staff: Staff): Promise<ClaimOutcome> {
  const claimed = await db
    .update(handoffs)
    .set({ status: "assigned", agentId: staff.id, agentName: staff.name, claimedAt: sql`now()` })
    .where(and(eq(handoffs.id, id), eq(handoffs.status, "queued")))
    .returning();
  if (claimed[0]) return { ok: true, handoff: claimed[0], again: false };
  const current = (await db.select().from(handoffs).where(eq(handoffs.id, id)).limit(1))[0];
  if (!current) return { ok: false, reason: "not_found" };
  if (current.status !== "assigned") return { ok: false, reason: "not_found" };
  if (current.agentId === staff.id) return { ok: true, handoff: current, again: true };
  return { ok: false, reason: "taken" };
}

/** Sets the first agent reply's time once; returns the ms since the request when this was it. */
export async function markFirstReply(db: Db, id: string): Promise<number | undefined> {
  const rows = await db
    .update(handoffs)
    .set({ firstReplyAt: sql`now()` })
    .where(and(eq(handoffs.id, id), sql`${handoffs.firstReplyAt} IS NULL`))
    .returning({ requestedAt: handoffs.requestedAt, firstReplyAt: handoffs.firstReplyAt });
  const row = rows[0];
  return row?.firstReplyAt ? row.firstReplyAt.getTime() - row.requestedAt.getTime() : undefined;
}

/** Closes an open hand-off (only from the states given); the row that changed, if any. */
export async function closeHandoff(db: Db, id: string, status: ClosedStatus, from: HandoffStatus[]): Promise<HandoffRow | undefined> {
  const rows = await db
    .update(handoffs)
    .set({ status, closedAt: sql`now()` })
    .where(and(eq(handoffs.id, id), inArray(handoffs.status, from)))
    .returning();
  return rows[0];
}

/** Time to first agent reply over recent hand-offs (ms), for the supervisor's figures. */
export async function firstReplyTimes(db: Db, limit = 500): Promise<number[]> {
  const rows = await db
    .select({ requestedAt: handoffs.requestedAt, firstReplyAt: handoffs.firstReplyAt })
    .from(handoffs)
    .where(isNotNull(handoffs.firstReplyAt))
    .orderBy(desc(handoffs.firstReplyAt))
    .limit(limit);
  return rows.map((r) => r.firstReplyAt!.getTime() - r.requestedAt.getTime());
}
