import { describe, expect, it } from "vitest";
import { asksSaved, savedAnswer } from "./insight-saved.js";
import type { SpendingView } from "../types.js";
import { transactionRow } from "../../../test/support/dialogue-session.js";

const INTENT = { name: "spending", confidence: 1 };
const row = (minor: number, transferId: string | null = null) => transactionRow("Northwind Labs Payroll", minor, "2026-11-10", { category: "Income", transferId });
const spent = (minor: number): SpendingView => ({ from: "2026-11-01", to: "2026-11-30", total: { minor, currency: "USD" }, byCategory: [] });

describe("what was saved over a period", () => {
  it("is what came in from outside less what was spent", () => {
    const r = savedAnswer(INTENT, "between 1 Nov 2026 and 30 Nov 2026", spent(3297_27), [row(2850_00), row(2850_00), row(500_00, "tr1"), row(-500_00, "tr1")], 100);
    expect(r.text).toBe("Between 1 Nov 2026 and 30 Nov 2026, $5,700.00 came into your accounts (your own transfers left out) and you spent $3,297.27, so you kept $2,402.73.");
  });

  it("says when more went out than came in", () => {
    expect(savedAnswer(INTENT, "this month", spent(100_00), [row(40_00)], 100).text).toMatch(/so you spent \$60\.00 more than came in\.$/);
  });

  it("is the spending alone when more payments were read than could be added up", () => {
    expect(savedAnswer(INTENT, "this month", spent(100_00), Array.from({ length: 100 }, () => row(1_00)), 100).text).toBe("This month, you spent $100.00. There were too many payments in to add up here: your transactions show what came in.");
  });

  it("is asked in the customer's words, not as a savings balance or a transfer", () => {
    for (const t of ["how much did i save last month", "did i save any money in october", "how much have i saved this year", "how much money did i manage to save last month"]) expect(asksSaved(t), t).toBe(true);
    for (const t of ["how much is in my savings", "move 50 to savings", "save 100 into savings", "what's my savings balance"]) expect(asksSaved(t), t).toBe(false);
  });
});
