import { and, asc, eq, sql } from "drizzle-orm";
import { accounts, cards } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type CardRow = typeof cards.$inferSelect;

/** The customer's cards, each with the type of the account it draws on ("my debit card" picks by it). */
export async function selectCards(db: Executor, customerId: string): Promise<Array<CardRow & { accountType: string }>> {
  const rows = await db
    .select({ card: cards, accountType: accounts.type })
    .from(cards)
    .innerJoin(accounts, and(eq(accounts.id, cards.accountId), eq(accounts.customerId, customerId)))
    .where(eq(cards.customerId, customerId))
    .orderBy(asc(cards.createdAt), asc(cards.id));
  return rows.map((r) => ({ ...r.card, accountType: r.accountType }));
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
