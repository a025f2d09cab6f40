import { and, eq, isNull } from "drizzle-orm";
import type { Currency } from "../../packages/money/money.js";
import type { Db } from "../../packages/db/client.js";
import { accounts, cards, customers, payees } from "../../packages/db/schema/banking.js";
import { accountDetails, creditStatements } from "../../packages/db/schema/account-facts.js";
import { bookExternal, type ExternalBooking } from "../../packages/banking/ledger.repo.js";
import { newId } from "../../packages/banking/ids.js";
import { BANK_ROUTING_NUMBERS } from "../../packages/banking/routing-numbers.js";
import type { AccountType, CardStatus } from "../../packages/contract/views.js";

/** Everything one customer starts with: the seed's demo customers and the tests' fixtures. */
export interface CustomerSpec {
  customer: { id: string; name: string; email?: string | null };
  accounts: Array<{
    id: string;
    type: AccountType;
    name: string;
    mask: string;
    currency: Currency;
    creditLimit?: number;
    /** Full number (ending with `mask`), routing number, rate and rewards; see schema/account-facts.ts. */
    details?: { accountNumber: string; routingNumber: string | null; annualRateBps: number; rewardsPoints?: number | null };
  }>;
  cards: Array<{ id: string; accountId: string; last4: string; brand: string; status?: CardStatus; expiryMonth?: number; expiryYear?: number }>;
  payees: Array<{ id: string; name: string; mask: string; currency: Currency; kind?: "person" | "biller" }>;
  /** Booked through the ledger against clearing, in order; balances end at their sums. */
  bookings: Array<Omit<ExternalBooking, "customerId">>;
  /** Credit-card statements (dates YYYY-MM-DD, amounts in minor units owed). */
  statements?: Array<{
    id: string;
    accountId: string;
    periodStart: string;
    periodEnd: string;
    dueDate: string;
    statementBalance: number;
    minimumPayment: number;
    currency: Currency;
  }>;
}

/**
 * Creates the customer and everything in the spec in one SQL transaction, unless the customer
 * exists already: then nothing changes and the answer is false. That makes the seed safe to run
 * on every start, and two concurrent runs write it once (the second waits on the first's insert).
 */
export async function insertCustomer(db: Db, spec: CustomerSpec): Promise<boolean> {
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(customers)
      .values({ id: spec.customer.id, name: spec.customer.name, email: spec.customer.email ?? null })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    if (created.length === 0) return false;
    await tx.insert(accounts).values(
      spec.accounts.map(({ details: _details, ...a }) => ({ ...a, customerId: spec.customer.id, balance: 0, creditLimit: a.creditLimit ?? 0 })),
    );
    if (spec.cards.length > 0) await tx.insert(cards).values(spec.cards.map((c) => ({ ...c, customerId: spec.customer.id })));
    if (spec.payees.length > 0) await tx.insert(payees).values(spec.payees.map((p) => ({ ...p, customerId: spec.customer.id })));
    await bookExternal(
      tx,
      spec.bookings.map((b) => ({ ...b, customerId: spec.customer.id })),
    );
    await insertAccountFacts(tx, spec);
    return true;
  });
}

/**
 * Writes the spec's account details and statements, and card expiries not yet recorded, keeping
 * whatever exists. Idempotent, so the seed also runs it for demo customers created before these
 * facts existed (their accounts and cards have the same seeded ids).
 */
export async function insertAccountFacts(db: Db, spec: CustomerSpec): Promise<void> {
  const customerId = spec.customer.id;
  const details = spec.accounts.flatMap((a) =>
    a.details ? [{ accountId: a.id, customerId, ...a.details, rewardsPoints: a.details.rewardsPoints ?? null }] : [],
  );
  if (details.length > 0) await db.insert(accountDetails).values(details).onConflictDoNothing();
  const statements = spec.statements ?? [];
  if (statements.length > 0) await db.insert(creditStatements).values(statements.map((s) => ({ ...s, customerId }))).onConflictDoNothing();
  for (const card of spec.cards) {
    if (card.expiryMonth === undefined || card.expiryYear === undefined) continue;
    await db
      .update(cards)
      .set({ expiryMonth: card.expiryMonth, expiryYear: card.expiryYear })
      .where(and(eq(cards.id, card.id), eq(cards.customerId, customerId), isNull(cards.expiryMonth)));
  }
}

/** A statement that closed ten days ago and is due 25 days after closing (dates YYYY-MM-DD, UTC). */
export function statementDates(now: Date): { periodStart: string; periodEnd: string; dueDate: string } {
  const day = 86_400_000;
  const end = new Date(Math.floor(now.getTime() / day) * day - 10 * day);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, end.getUTCDate() + 1));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { periodStart: iso(start), periodEnd: iso(end), dueDate: iso(new Date(end.getTime() + 25 * day)) };
}

/** The routing number of the test customers' deposit accounts: the bank's own. */
export const TEST_ROUTING_NUMBER = BANK_ROUTING_NUMBERS[0]!;

export interface TestCustomer {
  customerId: string;
  checkingId: string;
  savingsId: string;
  creditId: string;
  cardIds: string[];
  payeeIds: string[];
}

/**
 * A customer for tests: checking, savings and a credit card (with a debit card on checking and a
 * card on the credit account), two payees, opening balances in minor units; account numbers,
 * rates, card expiries, 4,250 rewards points and a statement of $412.35 (minimum $25.00).
 */
export async function createTestCustomer(
  db: Db,
  customerId: string,
  options: { checking?: number; savings?: number; creditLimit?: number; currency?: Currency; credit?: boolean } = {},
): Promise<TestCustomer> {
  const currency = options.currency ?? "USD";
  const ids = {
    customerId,
    checkingId: newId("account"),
    savingsId: newId("account"),
    creditId: newId("account"),
    cardIds: [newId("card"), newId("card")],
    payeeIds: [newId("payee"), newId("payee")],
  };
  // `credit: false`: a customer without a credit card (creditId and the second card id stay unused).
  const withCredit = options.credit !== false;
  const at = new Date(Date.now() - 86_400_000);
  const opening = (accountId: string, amount: number | undefined) =>
    amount ? [{ accountId, amount, currency, merchant: "Opening balance", category: "Income", postedAt: at, status: "posted" as const }] : [];
  const created = await insertCustomer(db, {
    customer: { id: customerId, name: `Test ${customerId}` },
    accounts: [
      {
        id: ids.checkingId, type: "checking", name: "Everyday Checking", mask: "1001", currency,
        details: { accountNumber: "000012341001", routingNumber: TEST_ROUTING_NUMBER, annualRateBps: 1 },
      },
      {
        id: ids.savingsId, type: "savings", name: "Rainy Day Savings", mask: "2002", currency,
        details: { accountNumber: "000056782002", routingNumber: TEST_ROUTING_NUMBER, annualRateBps: 375 },
      },
      ...(withCredit
        ? [{
            id: ids.creditId, type: "credit" as const, name: "Teller Card", mask: "3003", currency, creditLimit: options.creditLimit ?? 1_000_00,
            details: { accountNumber: "000090123003", routingNumber: null, annualRateBps: 2249, rewardsPoints: 4_250 },
          }]
        : []),
    ],
    cards: [
      { id: ids.cardIds[0]!, accountId: ids.checkingId, last4: "4242", brand: "Visa", expiryMonth: 8, expiryYear: 2029 },
      ...(withCredit ? [{ id: ids.cardIds[1]!, accountId: ids.creditId, last4: "5151", brand: "Mastercard", expiryMonth: 3, expiryYear: 2028 }] : []),
    ],
    statements: withCredit
      ? [
          {
            id: newId("statement"), accountId: ids.creditId, currency, ...statementDates(new Date()),
            statementBalance: 412_35, minimumPayment: 25_00,
          },
        ]
      : [],
    payees: [
      { id: ids.payeeIds[0]!, name: "Jordan Lee", mask: "7788", currency, kind: "person" as const },
      { id: ids.payeeIds[1]!, name: "City Power & Light", mask: "9911", currency, kind: "biller" as const },
    ],
    bookings: [...opening(ids.checkingId, options.checking ?? 1_000_00), ...opening(ids.savingsId, options.savings ?? 5_000_00)],
  });
  if (!created) throw new Error(`test customer ${customerId} exists already: use a fresh id`);
  return ids;
}
