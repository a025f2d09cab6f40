import { describe, expect, it } from "vitest";
import { answerBorrowing } from "./borrowing.js";
import type { StepContext } from "../context.js";

const ctx = () => ({ replies: [], effects: [], state: { task: null, consecutiveFallbacks: 1 }, now: 0 }) as unknown as StepContext;
const OUT = { name: "out_of_scope", confidence: 0.9 };

describe("a loan asked for (session 30)", () => {
  it.each(["can i get a loan", "i need a personal loan", "do you offer mortgages", "how do i apply for a car loan", "can i borrow some money", "am i eligible for a line of credit"])("%j says none is made here, and who can help", (text) => {
    const c = ctx();
    expect(answerBorrowing(c, OUT, true, text)).toBe(true);
    expect(c.replies[0]!.text).toMatch(/^I can't arrange a loan, a mortgage or a line of credit here in the chat/);
    expect(c.replies[0]!.actions.map((a) => a.label)).toEqual(["Talk to a person"]);
  });

  it.each(["pay my student loan", "when is my loan payment due", "whats my balance"])("leaves %j alone", (text) => {
    expect(answerBorrowing(ctx(), OUT, true, text)).toBe(false);
  });

  it("leaves a request the model read alone", () => {
    expect(answerBorrowing(ctx(), { name: "pay_bill", confidence: 0.95 }, false, "i want to apply for a loan")).toBe(false);
  });
});
