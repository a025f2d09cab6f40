import { describe, expect, it } from "vitest";
import { severalAsked, superlative } from "./insight-superlative.js";
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
  it("several, biggest first, when a plural asked for them (session 30)", () => {
    const r = superlative(TX, { kind: "superlative", which: "largest", purchasesOnly: false, period: "last month", several: 5 }, ROWS);
    expect(r.text).toBe("Your 2 biggest payments last month (only 2 payments): $1,650.00 at “Harbor View” (10 Nov), $312.00 at “Bookhaven” (10 Nov).");
    expect(r.data?.kind === "transactions" && r.data.transactions.map((t) => t.merchant)).toEqual(["Harbor View", "Bookhaven"]);
  });
});

describe("severalAsked (session 30)", () => {
  it.each([
    ["what are my biggest expenses", 5],
    ["my 3 biggest purchases this week", 3],
    ["show my top five payments", 5],
    ["my largest two transactions", 2],
    ["top 20 purchases", 10],
  ])("%j asks for %d", (text, n) => {
    expect(severalAsked(text)).toBe(n);
  });
  it.each(["what was my biggest expense", "my biggest purchase", "top spending categories", "my 1 biggest purchase"])("%j asks for one", (text) => {
    expect(severalAsked(text)).toBeUndefined();
  });
});
