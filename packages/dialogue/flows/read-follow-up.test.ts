/** "what about checking?", "and the month before?" right after a balance, transactions or spending answer (flows/read-follow-up.ts). */
import { describe, expect, it } from "vitest";
import { READ_FOLLOW_UP_MS } from "../config.js";
import { readFollowUp } from "./read-follow-up.js";
import { Session, allText, lastReply, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import type { Turn } from "../../../test/support/dialogue-session.js";

const loads = (turn: Turn) => turn.effects.flatMap((e) => (e.kind === "load" ? [e] : []));
const october = { from: "2026-10-01", to: "2026-10-31" };

function afterGroceriesInOctober() {
  const session = new Session();
  session.say("how much did I spend on groceries last month", understood("spending", { category: "groceries", dateRange: october }));
  return session;
}

describe("reading a follow-up that names only what changed", () => {
  it("reads the lead and what follows it", () => {
    expect(readFollowUp("what about checking?")).toEqual({ rest: "checking", at: false });
    expect(readFollowUp("And the month before?")).toEqual({ rest: "month before", at: false });
    expect(readFollowUp("ok and savings?")).toEqual({ rest: "savings", at: false });
    expect(readFollowUp("how about at amazon")).toEqual({ rest: "amazon", at: true });
    expect(readFollowUp("and for uber?")).toEqual({ rest: "uber", at: false });
    // As typed on a phone: "wat abt last week".
    expect(readFollowUp("wat abt last week")).toEqual({ rest: "last week", at: false });
    // explore28: a list narrowed with "only" / "just", the list's noun dropped.
    expect(readFollowUp("only the card ones")).toEqual({ rest: "card", at: false });
    expect(readFollowUp("what about just checking")).toEqual({ rest: "checking", at: false });
    expect(readFollowUp("just the savings transactions")).toEqual({ rest: "savings", at: false });
    expect(readFollowUp("just checking")).toBeNull();
    expect(readFollowUp("just wondering")).toBeNull();
  });

  it("reads no follow-up in a request of its own, or in words that are no follow-up", () => {
    for (const text of ["and send 50 to savings", "what about my card, I lost it", "and can you freeze my card", "how about you?", "and why is that?", "checking", "what is my balance", "and then what happens to the money I sent to my landlord yesterday afternoon"]) {
      expect(readFollowUp(text), text).toBeNull();
    }
  });
});

describe("a follow-up right after a read", () => {
  it("'what about checking?' after all balances: the checking balance alone", () => {
    const session = new Session();
    session.say("what's my balance", understood("balance"));
    const turn = session.say("what about checking?", understood("out_of_scope", { accountRefs: ["checking"] }, 0.35));
    expect(allText(turn)).toMatch(/Checking ••1234/);
    expect(allText(turn)).not.toMatch(/Savings|Sorry/);
  });

  it("'ok and savings?' read as a transfer by the model is the savings balance, with nothing asked about money", () => {
    const session = new Session();
    session.say("what's in checking", understood("balance", { accountRefs: ["checking"] }));
    const turn = session.say("ok and savings?", understood("transfer", { accountRefs: ["savings"] }, 0.7));
    expect(allText(turn)).toMatch(/Savings ••5678/);
    expect(session.state.task).toBeNull();
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("'and the month before?' after a month's spending: the month before that, same category", () => {
    const session = afterGroceriesInOctober();
    // The model reads "the month before" from today: last month, which was the question's own.
    const turn = session.say("and the month before?", understood("out_of_scope", { dateRange: october }, 0.8));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: { from: "2026-09-01", to: "2026-09-30", category: "groceries" } })]);
    expect(allText(turn)).not.toMatch(/Sorry/);
  });

  it("'and the month before that' / 'and before that?' step back from the month just answered (explore25: it answered last month again, or 'Sorry')", () => {
    for (const text of ["and the month before that", "and before that?", "and the one before that"]) {
      const session = afterGroceriesInOctober();
      // The model reads "the month before that" from today: last month (here the same October), or no date at all.
      const turn = session.say(text, understood("out_of_scope", text.includes("month") ? { dateRange: { from: "2026-11-01", to: "2026-11-30" } } : {}, 0.8));
      expect(loads(turn), text).toEqual([expect.objectContaining({ what: "spending", query: { from: "2026-09-01", to: "2026-09-30", category: "groceries" } })]);
      expect(allText(turn), text).not.toMatch(/Sorry/);
    }
  });

  // Session 31: "and the weekend before" answered the same weekend again.
  it("'and the weekend before' after a weekend's spending: the same two days a week earlier", () => {
    const weekend = { from: "2026-11-28", to: "2026-11-29" };
    for (const text of ["and the weekend before", "and the weekend before that"]) {
      const session = new Session();
      session.say("how much did i spend last weekend", understood("spending", { dateRange: weekend }));
      const turn = session.say(text, understood("spending", { dateRange: weekend }, 0.8));
      expect(loads(turn), text).toEqual([expect.objectContaining({ what: "spending", query: { from: "2026-11-21", to: "2026-11-22" } })]);
    }
  });

  // Session 31: "what about lyft" after uber's total got "Sorry".
  it("'what about lyft' after a merchant's total: lyft over the same period; a period or account still changes only that", () => {
    const november = { from: "2026-11-01", to: "2026-11-30" };
    const afterUber = () => {
      const session = new Session();
      session.say("how much did i spend on uber last month", understood("spending", { merchant: "uber", dateRange: november }));
      return session;
    };
    expect(loads(afterUber().say("what about lyft", understood("out_of_scope", {}, 0.6)))).toEqual([
      expect.objectContaining({ what: "spending", query: { ...november, merchant: "lyft" } }),
    ]);
    expect(loads(afterUber().say("what about savings", understood("out_of_scope", { accountRefs: ["savings"] }, 0.6)))).toEqual([
      expect.objectContaining({ what: "spending", query: expect.objectContaining({ merchant: "uber" }) }),
    ]);
    expect(loads(afterUber().say("and before that", understood("out_of_scope", {}, 0.6)))).toEqual([
      expect.objectContaining({ what: "spending", query: { from: "2026-10-01", to: "2026-10-31", merchant: "uber" } }),
    ]);
  });

  // Session 32: "how about coffee", then "what about uber" got "Sorry".
  it("'what about uber' after a category's spending: uber over the same period", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("what about uber", understood("out_of_scope", {}, 0.6));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: { ...october, merchant: "uber" } })]);
  });

  it("'what about dining?' after groceries: dining over the same period", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("what about dining?", understood("out_of_scope", {}, 0.99));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: { ...october, category: "dining" } })]);
  });

  it("'and at amazon?' after recent transactions: those at Amazon", () => {
    const session = new Session();
    session.say("show my recent transactions", understood("transactions"));
    const turn = session.say("and at amazon?", understood("out_of_scope", {}, 0.9));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions", query: expect.objectContaining({ merchant: "amazon" }) })]);
  });

  it("a week shifts back a week, a span of days by its length", () => {
    const session = new Session();
    session.say("what did I spend last week", understood("spending", { dateRange: { from: "2026-11-16", to: "2026-11-22" } }));
    const turn = session.say("and the week before?", understood("out_of_scope", {}, 0.8));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: { from: "2026-11-09", to: "2026-11-15" } })]);
  });

  it("does not count toward a hand-off: two follow-ups in a row are both answered", () => {
    const session = afterGroceriesInOctober();
    session.say("what about dining?", understood("out_of_scope", {}, 0.99));
    const turn = session.say("what about coffee?", understood("out_of_scope", {}, 0.99));
    expect(allText(turn)).not.toMatch(/team|Sorry/);
    expect(session.state.handoff).toBeNull();
  });
});

describe("a follow-up beside a task set aside", () => {
  it("'what about the month before?' after a spending aside in a transfer: that total for the month before, then back to the transfer", () => {
    const session = new Session();
    session.say("send money to Jordan Lee", understood("transfer", { payeeName: "Jordan Lee" }));
    session.say("how much did I spend on groceries in october", understood("spending", { category: "groceries", dateRange: october }));
    const turn = session.say("what about the month before?", understood("out_of_scope", { query: { question: true } }, 0.99));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: expect.objectContaining({ from: "2026-09-01", to: "2026-09-30", category: "groceries" }) })]);
    expect(allText(turn)).toMatch(/Back to your transfer/);
  });
});

describe("a follow-up typed on a phone", () => {
  it("'wat abt last week' after a spending total: that total for last week, though the model hears a list", () => {
    const session = afterGroceriesInOctober();
    const lastWeek = { from: "2026-11-23", to: "2026-11-29" };
    const turn = session.say("wat abt last week", understood("transactions", { dateRange: lastWeek }, 0.95));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: expect.objectContaining({ ...lastWeek, category: "groceries" }) })]);
  });
});

describe("a follow-up that narrows a list or a total", () => {
  it("'only the ones over 50' after a spending total: that period's and category's transactions over $50", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("only the ones over 50", understood("out_of_scope", { amount: { minor: 50_00, currency: "USD" }, query: { amountBound: "over" } }, 0.4));
    expect(loads(turn)).toEqual([
      expect.objectContaining({ what: "transactions", query: expect.objectContaining({ ...october, category: "groceries", amount: { op: "over", minor: 50_00, currency: "USD" } }) }),
    ]);
  });

  it("'what about in savings?' after a list of transactions: the savings account's list, though the model hears a balance", () => {
    const session = new Session();
    session.say("show my transactions over 20", understood("transactions", { amount: { minor: 20_00, currency: "USD" }, query: { amountBound: "over" } }));
    const turn = session.say("what about in savings?", understood("balance", { accountRefs: ["savings"] }, 0.97));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions", query: expect.objectContaining({ account: "savings", amount: { op: "over", minor: 20_00, currency: "USD" } }) })]);
  });

  it("'just the debit card ones' after a list: what checking paid out, though the model hears a direct debit", () => {
    const session = new Session();
    session.say("show my transactions", understood("transactions"));
    const turn = session.say("just the debit card ones", understood("direct_debit_payment_not_recognised", {}, 0.55));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions", query: expect.objectContaining({ account: "checking", direction: "out" }) })]);
  });

  it("a size with a request of its own is that request: 'send over 50 to savings' moves nothing from here", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("send 50 to savings", understood("transfer", { amount: { minor: 50_00, currency: "USD" }, accountRefs: ["savings"], toRef: "savings" }));
    expect(loads(turn).filter((l) => l.what === "transactions")).toEqual([]);
    expect(moneyEffects(turn)).toEqual([]);
  });
});

describe("no follow-up", () => {
  it("once the read is older than the window", () => {
    const session = afterGroceriesInOctober();
    session.now += READ_FOLLOW_UP_MS + 1;
    const turn = session.say("what about dining?", understood("out_of_scope", {}, 0.99));
    expect(loads(turn)).toEqual([]);
  });

  it("when nothing was read before", () => {
    const session = new Session();
    const turn = session.say("what about dining?", understood("out_of_scope", {}, 0.99));
    expect(loads(turn)).toEqual([]);
    expect(lastReply(turn).text).toMatch(/Sorry/);
  });

  it("when the model hears another read clearly: 'and my transactions?' after a balance shows transactions", () => {
    const session = new Session();
    session.say("what's my balance", understood("balance"));
    const turn = session.say("and my transactions?", understood("transactions", {}, 0.98));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions" })]);
  });

  it("'what about savings?' after a spending total: that total out of savings, same period and category", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("what about savings?", understood("balance", { accountRefs: ["savings"] }, 0.6));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "spending", query: { ...october, category: "groceries", account: "savings" } })]);
    expect(lastReply(turn).text).toBe("I couldn't find any spending on groceries from your savings account between 1 Oct 2026 and 31 Oct 2026.");
  });

  it("when the words change nothing the read can use: 'what about it?' after spending is left to the model", () => {
    const session = afterGroceriesInOctober();
    const turn = session.say("what about it?", understood("balance", {}, 0.6));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "accounts" })]);
  });
});
