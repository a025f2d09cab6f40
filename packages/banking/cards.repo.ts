import { and, asc, eq, sql } from "drizzle-orm";
import { cards } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type CardRow = typeof cards.$inferSelect;

export function selectCards(db: Executor, customerId: string): Promise<CardRow[]> {
  return db.select().from(cards).where(eq(cards.customerId, customerId)).orderBy(asc(cards.createdAt), asc(cards.id));
}

/**
 * Sets the status in one statement scoped by customer. Setting the status a card already has
 * changes nothing (not even the timestamp), so freeze and unfreeze are idempotent.
 */
export async function updateCardStatus(
  db: Executor,
  customerId: string,
  cardId: string,
  status: CardRow["status"],
): Promise<CardRow | undefined> {
  const rows = await db
    .update(cards)
    .set({
      status,
      statusChangedAt: sql`CASE WHEN ${cards.status} = ${status} THEN ${cards.statusChangedAt} ELSE now() END`,
    })
    .where(and(eq(cards.id, cardId), eq(cards.customerId, customerId)))
    .returning();
  return rows[0];
}
