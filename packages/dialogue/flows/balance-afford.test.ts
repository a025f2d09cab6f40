import { describe, expect, it } from "vitest";
import { Session, fixtures, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import { affordAmount, affordNote, asksIfHeld } from "./balance-afford.js";

const { accounts } = fixtures();

describe("a figure asked about beside the balances (explore29)", () => {
  it("is read only when affording it is asked", () => {
    expect(affordAmount("can i afford a 300 dollar tv", { accountRefs: [], amount: usd(300) })).toEqual(usd(300));
    expect(affordAmount("do i have enough to cover 80", { accountRefs: [], amount: usd(80) })).toEqual(usd(80));
    expect(affordAmount("can i afford a new tv", { accountRefs: [] })).toBeUndefined();
    expect(affordAmount("balance over 300", { accountRefs: [], amount: usd(300) })).toBeUndefined();
  });

  it("says what is left of checking's available money, or the account named, or how far short", () => {
    expect(affordNote(accounts, [], usd(300))).toBe(" $300.00 would leave $150.00 available in Checking ••1234.");
    expect(affordNote(accounts, ["savings"], usd(300))).toBe(" $300.00 would leave $1,700.00 available in Savings ••5678.");
    expect(affordNote(accounts, [], usd(600))).toBe(" Checking ••1234 has $450.00 available, $150.00 short of $600.00. You could move money from Savings ••5678 first.");
    expect(affordNote(accounts, ["savings"], usd(2500))).toBe(" Savings ••5678 has $2,000.00 available, $500.00 short of $2,500.00.");
  });

  it("closes the balances answer", () => {
    const turn = new Session().say("can i afford a 300 dollar tv", understood("balance", { amount: usd(300) }));
    expect(lastReply(turn).text).toMatch(/^Your balances: .*\. \$300\.00 would leave \$150\.00 available in Checking ••1234\.$/);
    expect(turn.effects.filter((e) => e.kind === "transfer")).toEqual([]);
  });
});

describe("a figure asked about as 'do i have' (session 32)", () => {
  it("is read, and answered with yes or no", () => {
    expect(affordAmount("do i have 4000 in savings", { accountRefs: ["savings"], amount: usd(4000) })).toEqual(usd(4000));
    expect(asksIfHeld("do i have 4000 in savings")).toBe(true);
    expect(asksIfHeld("do i have enough for 4000")).toBe(false);
    expect(affordNote(accounts, ["savings"], usd(300), true)).toBe(" Yes: $300.00 would leave $1,700.00 available in Savings ••5678.");
    expect(affordNote(accounts, ["savings"], usd(2500), true)).toBe(" No: Savings ••5678 has $2,000.00 available, $500.00 short of $2,500.00.");
  });
});
