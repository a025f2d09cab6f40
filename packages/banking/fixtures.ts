import type { Currency } from "../common/money.js";
import type { Db } from "../db/client.js";
import { accounts, cards, customers, payees } from "../db/schema/banking.js";
import { bookExternal, type ExternalBooking } from "./ledger.repo.js";
import { newId } from "./ids.js";
import type { AccountType, CardStatus } from "./types.js";

/** Everything one customer starts with: the seed's demo customers and the tests' fixtures. */
export interface CustomerSpec {
  customer: { id: string; name: string; email?: string | null };
  accounts: Array<{ id: string; type: AccountType; name: string; mask: string; currency: Currency; creditLimit?: number }>;
  cards: Array<{ id: string; accountId: string; last4: string; brand: string; status?: CardStatus }>;
  payees: Array<{ id: string; name: string; mask: string; currency: Currency }>;
  /** Booked through the ledger against clearing, in order; balances end at their sums. */
  bookings: Array<Omit<ExternalBooking, "customerId">>;
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
      spec.accounts.map((a) => ({ ...a, customerId: spec.customer.id, balance: 0, creditLimit: a.creditLimit ?? 0 })),
    );
    if (spec.cards.length > 0) await tx.insert(cards).values(spec.cards.map((c) => ({ ...c, customerId: spec.customer.id })));
    if (spec.payees.length > 0) await tx.insert(payees).values(spec.payees.map((p) => ({ ...p, customerId: spec.customer.id })));
    await bookExternal(
      tx,
      spec.bookings.map((b) => ({ ...b, customerId: spec.customer.id })),
    );
    return true;
  });
}

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
 * card on the credit account), two payees, opening balances in minor units.
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
      { id: ids.checkingId, type: "checking", name: "Everyday Checking", mask: "1001", currency },
      { id: ids.savingsId, type: "savings", name: "Rainy Day Savings", mask: "2002", currency },
      ...(withCredit ? [{ id: ids.creditId, type: "credit" as const, name: "Teller Card", mask: "3003", currency, creditLimit: options.creditLimit ?? 1_000_00 }] : []),
    ],
    cards: [
      { id: ids.cardIds[0]!, accountId: ids.checkingId, last4: "4242", brand: "Visa" },
      ...(withCredit ? [{ id: ids.cardIds[1]!, accountId: ids.creditId, last4: "5151", brand: "Mastercard" }] : []),
    ],
    payees: [
      { id: ids.payeeIds[0]!, name: "Jordan Lee", mask: "7788", currency },
      { id: ids.payeeIds[1]!, name: "City Power & Light", mask: "9911", currency },
    ],
    bookings: [...opening(ids.checkingId, options.checking ?? 1_000_00), ...opening(ids.savingsId, options.savings ?? 5_000_00)],
  });
  if (!created) throw new Error(`test customer ${customerId} exists already: use a fresh id`);
  return ids;
}
