import { describe, expect, it } from "vitest";
import { accountView, cardView, payeeView, transactionView, transferView } from "./views.js";
import type { AccountRow } from "./accounts.repo.js";
import type { CardRow } from "./cards.repo.js";
import type { TransactionRow } from "./transactions.repo.js";
import type { TransferRow } from "./transfers.repo.js";

const AT = new Date(Date.UTC(2026, 11, 1, 12));

describe("views of rows", () => {
  it("give an account's balance, what is available and a credit limit only for credit", () => {
    const base = { id: "acc_1", customerId: "cus_a", name: "Teller Card", mask: "3003", currency: "USD", createdAt: AT } as AccountRow;
    expect(accountView({ ...base, type: "credit", balance: -150_00, creditLimit: 1_000_00 })).toEqual({
      id: "acc_1",
      name: "Teller Card",
      type: "credit",
      mask: "3003",
      currency: "USD",
      balance: { minor: -150_00, currency: "USD" },
      available: { minor: 850_00, currency: "USD" },
      creditLimit: { minor: 1_000_00, currency: "USD" },
    });
    const checking = accountView({ ...base, type: "checking", balance: null, creditLimit: 0, mask: null });
    expect([checking.balance.minor, checking.available.minor, checking.creditLimit, checking.mask]).toEqual([0, 0, null, ""]);
  });

  it("give a card's expiry only when both month and year are known", () => {
    const card = { id: "card_1", accountId: "acc_1", last4: "4242", brand: "Visa", status: "active", expiryMonth: 8, expiryYear: 2029 } as CardRow;
    expect(cardView(card)).toEqual({ id: "card_1", accountId: "acc_1", last4: "4242", brand: "Visa", status: "active", expiry: { month: 8, year: 2029 } });
    expect(cardView({ ...card, expiryYear: null }).expiry).toBeNull();
  });

  it("give transactions and transfers with ISO times, amounts in their currency, and the destination that was used", () => {
    expect(payeeView({ id: "pay_1", customerId: "cus_a", name: "Jordan Lee", mask: "7788", currency: "USD", kind: "person" } as Parameters<typeof payeeView>[0])).toEqual({
      id: "pay_1",
      name: "Jordan Lee",
      mask: "7788",
      currency: "USD",
      kind: "person",
    });
    const txn = { id: "txn_1", accountId: "acc_1", postedAt: AT, merchant: "Cafe", category: "Dining", amount: -4_50, currency: "USD", status: "posted", transferId: null } as TransactionRow;
    expect(transactionView(txn)).toEqual({
      id: "txn_1",
      accountId: "acc_1",
      postedAt: "2026-12-01T12:00:00.000Z",
      merchant: "Cafe",
      category: "Dining",
      amount: { minor: -4_50, currency: "USD" },
      status: "posted",
      transferId: null,
    });
    const row = { id: "xfr_1", status: "posted", fromAccountId: "acc_1", toAccountId: null, toPayeeId: "pay_1", amount: 20_00, currency: "USD", memo: null, createdAt: AT } as TransferRow;
    expect(transferView(row)).toEqual({ id: "xfr_1", status: "posted", fromAccountId: "acc_1", to: { payeeId: "pay_1" }, amount: { minor: 20_00, currency: "USD" }, memo: null, createdAt: "2026-12-01T12:00:00.000Z" });
    expect(transferView({ ...row, toAccountId: "acc_2", toPayeeId: null }).to).toEqual({ accountId: "acc_2" });
  });
});
