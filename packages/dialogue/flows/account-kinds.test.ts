/** What checking and savings are for (flows/account-kinds.ts, session 31). */
import { describe, expect, it } from "vitest";
import { Session, allText, understood } from "../../../test/support/dialogue-session.js";
import { asksAccountKinds } from "./account-kinds.js";

describe("asksAccountKinds", () => {
  it("reads the difference between the kinds of account", () => {
    for (const t of ["what's the difference between my checking and savings", "difference between a checking account and a savings account?", "checking vs savings", "whats a savings account for", "why do i need a savings account"]) {
      expect(asksAccountKinds(t), t).toBe(true);
    }
    for (const t of ["move 50 from checking to savings", "what's in my checking and savings", "how different is my spending from last month", "savings balance"]) {
      expect(asksAccountKinds(t), t).toBe(false);
    }
  });

  it("says what each is for, then their rates, whatever the model read", () => {
    const turn = new Session().say("what's the difference between my checking and savings", understood("out_of_scope", {}, 0.6));
    expect(allText(turn)).toMatch(/^Checking is your everyday account: your debit card spends from it/);
    expect(turn.effects).toEqual([expect.objectContaining({ kind: "load", what: "interest_rates" })]);
  });
});
