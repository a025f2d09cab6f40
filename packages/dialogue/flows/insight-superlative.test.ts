import { describe, expect, it } from "vitest";
import { superlative } from "./insight-superlative.js";
import type { TransactionView } from "../types.js";

const row = (merchant: string, minor: number, category = "Shopping", transferId: string | null = null): TransactionView =>
  ({ id: `t-${merchant}-${minor}`, postedAt: "2026-11-10T12:00:00.000Z", merchant, category, amount: { minor, currency: "USD" }, status: "posted", accountId: "a1", transferId }) as TransactionView;

const ROWS = [row("Harbor View", -165_000, "Rent"), row("Bookhaven", -31_200), row("Payroll", 285_000, "Income"), row("Zara", 3_990), row("Transfer from Savings", 500_000, "Transfers", "trf_1")];
const TX = { name: "transactions", confidence: 1 };

describe("superlative", () => {
  it("the biggest purchase leaves the rent out", () => {
    const r = superlative(TX, { kind: "superlative", which: "largest", purchasesOnly: true, period: "last month" }, ROWS);
    expect(r.text).toMatch(/^Your biggest purchase last month was \$312\.00 at “Bookhaven”/);
  });
  it("the biggest payment is any payment out", () => {
    const r = superlative(TX, { kind: "superlative", which: "largest", purchasesOnly: false, period: "last month" }, ROWS);
    expect(r.text).toMatch(/\$1,650\.00 at “Harbor View”/);
  });
  it("the largest deposit is money in, never the customer's own transfer", () => {
    const r = superlative(TX, { kind: "superlative", which: "largest", purchasesOnly: false, period: "last month", incoming: true }, ROWS);
    expect(r.text).toMatch(/^The biggest payment into your accounts last month was \$2,850\.00 from “Payroll”/);
    const small = superlative(TX, { kind: "superlative", which: "smallest", purchasesOnly: false, period: "last month", incoming: true }, ROWS);
    expect(small.text).toMatch(/\$39\.90 from “Zara”/);
  });
});
