import { describe, expect, it } from "vitest";
import { answerLastPayday, answerNextPayday } from "./next-payday.js";
import type { StepContext } from "../context.js";

function ctx(): StepContext {
  return { replies: [], effects: [], state: { task: null }, now: Date.UTC(2026, 11, 5), newId: "id-1" } as unknown as StepContext;
}

describe("answerNextPayday", () => {
  it.each(["when is my next paycheck", "when do i get paid next", "when is payday", "when does my salary come in"])("loads the money in for %s, saying the date can't be known", (text) => {
    const c = ctx();
    expect(answerNextPayday(c, text, { accountRefs: [] })).toBe(true);
    expect(c.effects).toMatchObject([{ kind: "load", what: "transactions", query: { direction: "in" } }]);
    expect(c.state.task).toMatchObject({ kind: "lookup", lead: "I can't see when your next paycheck is due: your employer decides that." });
  });

  it.each(["did my paycheck come in", "pay my bill", "what did i get paid last month"])("leaves %s alone", (text) => {
    expect(answerNextPayday(ctx(), text, { accountRefs: [] })).toBe(false);
  });
});

describe("answerLastPayday", () => {
  it.each(["when did i last get paid", "when was my last paycheck", "when was i last paid", "what date did i receive my last paycheck", "tell me when i last got paid", "when's the last time i got paid"])(
    "loads the latest money in for %s, one payment shown",
    (text) => {
      const c = ctx();
      expect(answerLastPayday(c, text, { accountRefs: [] })).toBe(true);
      expect(c.effects).toMatchObject([{ kind: "load", what: "transactions", query: { direction: "in" } }]);
      expect(c.state.task).toMatchObject({ kind: "lookup", shown: 1 });
    },
  );

  // Session 30: whether pay came in, or how much the last was, is the latest pay too.
  it.each(["did my paycheck come in", "has my salary arrived", "is my pay in yet", "have i been paid yet", "did i get paid", "how much was my last paycheck", "did my direct deposit hit", "did i get my paycheck", "can you check if my paycheck has hit yet", "see whether my salary came in"])(
    "loads the latest money in for %s, one payment shown",
    (text) => {
      const c = ctx();
      expect(answerLastPayday(c, text, { accountRefs: [], merchant: "yet" })).toBe(true);
      expect(c.effects).toMatchObject([{ kind: "load", what: "transactions", query: { direction: "in" } }]);
      expect(c.effects[0]).not.toHaveProperty("query.merchant");
      expect(c.state.task).toMatchObject({ kind: "lookup", shown: 1 });
    },
  );

  it("reads 'did i get paid today' as the latest pay, and 'did i get paid last month' as that month's", () => {
    const month = { from: "2026-11-01", to: "2026-11-30", text: "last month" };
    const today = { from: "2026-12-05", to: "2026-12-05", text: "today" };
    expect(answerLastPayday(ctx(), "did i get paid today", { accountRefs: [], dateRange: today })).toBe(true);
    expect(answerLastPayday(ctx(), "did i get paid last month", { accountRefs: [], dateRange: month })).toBe(false);
  });

  it.each(["when is my next paycheck", "when did i last pay rent", "how much did i get paid last month", "what have i bought since i got paid", "did i get paid for the refund", "how much money have i been paid"])("leaves %s alone", (text) => {
    expect(answerLastPayday(ctx(), text, { accountRefs: [] })).toBe(false);
  });
});
