/** "how much interest did i earn this year" (flows/interest-earned.ts): what was paid in, not the rates. */
import { describe, expect, it } from "vitest";
import { asksInterestEarned, asksInterestPaid } from "./interest-earned.js";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("interest earned", () => {
  it("reads a question about interest paid in, and not about rates or interest charged", () => {
    for (const text of ["how much interest did i earn this year", "how much interest have i made on my savings", "what interest did i get last month", "interest earned this year", "how much have i earned in interest"]) {
      expect(asksInterestEarned(text), text).toBe(true);
    }
    for (const text of ["what's the interest rate on my savings", "how much interest do i pay on my credit card", "how much interest have i paid on my card", "what is my apr"]) {
      expect(asksInterestEarned(text), text).toBe(false);
    }
  });

  it("totals the interest paid into the accounts this year, where the model read a question about rates", () => {
    const session = new Session();
    const row = (id: string, day: string, minor: number) =>
      ({ id, accountId: "a2", postedAt: `2026-${day}T05:06:00Z`, merchant: "Interest", category: "Income", amount: { minor, currency: "USD" as const }, status: "posted" as const, transferId: null });
    session.bank.transactions = [row("t1", "10-28", 7_10), row("t2", "09-28", 6_90)];
    const turn = session.say("how much interest did i earn this year", understood("interest_rate"));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { merchant: "Interest", direction: "in", from: expect.stringMatching(/^\d{4}-01-01$/) } });
    expect(lastReply(turn).text).toMatch(/^You earned \$14\.00 in interest between 1 Jan \d{4} and .*, in 2 payments\.$/);
    session.bank.transactions = [];
    const none = session.say("how much interest have i earned", understood("interest_rate"));
    expect(lastReply(none).text).toMatch(/^I don't see any interest paid into your accounts between 1 Jan/);
  });

  it("reads interest charged and totals it over the period (explore28: the rates were listed)", () => {
    for (const text of ["how much interest did i pay last month", "what interest have i been charged", "was i charged interest this month", "interest i paid this year"]) expect(asksInterestPaid(text), text).toBe(true);
    for (const text of ["how much interest did i earn this year", "what's the interest rate on my card", "how much interest do i pay on my credit card"]) expect(asksInterestPaid(text), text).toBe(false);
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", accountId: "acc-cc", postedAt: "2026-11-15T05:06:00Z", merchant: "Interest", category: "Fees", amount: { minor: -7_12, currency: "USD" as const }, status: "posted" as const, transferId: null },
    ];
    const turn = session.say("how much interest did i pay this year", understood("interest_rate"));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { merchant: "Interest", direction: "out" } });
    expect(lastReply(turn).text).toMatch(/^You were charged \$7\.12 in interest between 1 Jan \d{4} and .*, in 1 charge\.$/);
  });
});
