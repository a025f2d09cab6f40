import { describe, expect, it } from "vitest";
import { asksTotal, totalNote } from "./balance-total.js";
import type { AccountView } from "../types.js";

const account = (type: AccountView["type"], name: string, mask: string, minor: number): AccountView =>
  ({ id: `acc-${mask}`, type, name, mask, balance: { minor, currency: "USD" } }) as AccountView;

describe("a balance asked as a total (explore26)", () => {
  it.each(["how much is in savings and checking combined", "total balance", "whats my net worth", "how much am i worth", "how much money do i have in total", "what do i have altogether", "whats my overall balance"])("'%s' asks for a total", (text) => {
    expect(asksTotal(text)).toBe(true);
  });

  it.each(["what's my balance", "how much is in savings", "balance of my checking account"])("'%s' asks for none", (text) => {
    expect(asksTotal(text)).toBe(false);
  });

  it("adds checking and savings, and names what a credit card owes beside the sum, never netted", () => {
    const shown = [account("checking", "Everyday Checking", "1234", 1_000_00), account("savings", "Savings", "5678", 5_000_50), account("credit", "Rewards Card", "9999", -250_00)];
    expect(totalNote(shown)).toBe(" Together, Everyday Checking ••1234 and Savings ••5678 hold $6,000.50. That leaves out what you owe on Rewards Card ••9999 ($250.00).");
  });

  it("gives no sum for one account", () => {
    expect(totalNote([account("checking", "Everyday Checking", "1234", 1_000_00)])).toBe("");
  });
});
