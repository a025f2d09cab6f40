/**
 * Wave 3, session 32: what using Teller by hand showed it answered wrongly or unhelpfully, end to end
 * through the gateway. Each was a wrong answer before (said in each case). No answer depends on the
 * hour or weekday the test runs: rows are booked days ago.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, monthsAgo, runScript } from "./script.js";

describe("a figure asked about as 'do i have'", () => {
  // "do i have 4000 in savings" showed the balance and left the sum to the customer.
  it("'do i have 4000 in savings' says yes, and what it would leave", async () => {
    await runScript("by-hand-7-have", {
      turns: [
        { say: "do i have 4000 in savings", expect: { intent: "balance", text: /^Rainy Day Savings ••2002: \$5,000\.00\. Yes: \$4,000\.00 would leave \$1,000\.00 available in Rainy Day Savings ••2002\.$/ } },
        { say: "can you tell me if I have 6,000 dollars in savings", expect: { intent: "balance", text: /No: Rainy Day Savings ••2002 has \$5,000\.00 available, \$1,000\.00 short of \$6,000\.00\./ } },
      ],
    });
  });

  // "is there enough in checking for a 500 payment": "a 500 payment" was no amount ("payments" counts things).
  it("'is there enough in checking for a 500 payment' reads $500 and what it would leave", async () => {
    await runScript("by-hand-7-enough", {
      turns: [{ say: "is there enough in checking for a 500 payment", expect: { intent: "balance", text: /\$500\.00 would leave \$500\.00 available in .*Checking ••1001\./ } }],
    });
  });
});

describe("direct deposit details", () => {
  // "whats my direct deposit info": "Sorry, I can't help with that."; "what do i need to give them" then
  // got "Sorry, I'm still not getting it" and a hand-off.
  it("'whats my direct deposit info' says what payroll needs, and 'what do i need to give them' shows the numbers", async () => {
    await runScript("by-hand-7-dd", {
      turns: [
        { say: "whats my direct deposit info", expect: { intent: "direct_deposit", text: /routing number and the account number/, notText: /Sorry/ } },
        { say: "what do i need to give them", expect: { intent: "account_numbers", text: /routing number/i, notText: /Sorry|passing this conversation/ } },
      ],
    });
  });
});

describe("a credit card's interest and limit", () => {
  // "how can i avoid interest" listed every account's rate.
  it("'how can i avoid interest' says how: the statement balance in full by the due date", async () => {
    await runScript("by-hand-7-avoid", {
      customer: { credit: true },
      turns: [{ say: "how can i avoid interest", expect: { text: /statement balance in full by the due date/, notText: /APY/ } }],
    });
  });

  // "can i go over it" after the limit: "Sorry, I can't help with that."; "what happens if i go over my
  // limit" repeated the limit.
  it("'can i go over it' after the limit, and 'what happens if i go over my limit', say a purchase over it is declined", async () => {
    await runScript("by-hand-7-over", {
      customer: { credit: true },
      turns: [
        { say: "what's my credit limit", expect: { intent: "credit_limit" } },
        { say: "can i go over it", expect: { text: /over your credit limit is declined/, notText: /Sorry/ } },
        { say: "what happens if i go over my limit", expect: { text: /over your credit limit is declined/ } },
      ],
    });
  });
});

describe("what a bill comes to, asked while paying it", () => {
  // "pay my rent", then "how much is it": every balance, as if nothing were being paid.
  it("'how much is it' at the amount question says what the last payment to that payee was", async () => {
    await runScript("by-hand-7-rent", {
      payees: [{ name: "Harbor View Apartments", mask: "1968", kind: "biller" }],
      history: [{ merchant: "Harbor View Apartments", category: "Rent", amount: -800_00, postedAt: daysAgo(30) }],
      turns: [
        { say: "pay my rent", expect: { text: /How much would you like to pay to “Harbor View Apartments”/ } },
        { say: "how much is it", expect: { text: /last payment to “Harbor View Apartments” was \$800\.00 .*\n\nBack to your bill payment: How much/s, notText: /Your balances/ } },
        { say: "800", expect: { text: /Which account should I pay it from\?/ } },
        { say: "savings", expect: { confirmation: true, text: /\$800\.00/ } },
      ],
    });
  });
});

describe("asked to be checked", () => {
  // "hey can u check if my paycheck hit yet": "Sorry, I can't help with that." ("did my paycheck hit yet" was read).
  it("'hey can u check if my paycheck hit yet' finds the latest pay", async () => {
    await runScript("by-hand-7-paycheck", {
      history: [{ merchant: "Acme Payroll", category: "Income", amount: 1_500_00, postedAt: daysAgo(2) }],
      turns: [{ say: "hey can u check if my paycheck hit yet", expect: { intent: "transactions", text: /Acme Payroll/, notText: /Sorry/ } }],
    });
  });
});

describe("a card cancelled", () => {
  // "cancel my card": "Your cards are already active." (read as unfreeze_card).
  it.each(["cancel my card", "i want to cancel my debit card"])("'%s' says a person closes it and offers a freeze now", async (say) => {
    await runScript(`by-hand-7-cancel-${say.length}`, {
      turns: [{ say, expect: { text: /freeze it now.*person on our team can close it/s, notText: /already active/ }, check: (r) => expect(r.actions.map((a) => a.label)).toContain("Talk to a person") }],
    });
  });
});

describe("a forgotten PIN", () => {
  // "i forgot my pin number": how to change it at an ATM; "whats my pin": how to order a physical card.
  it.each(["i forgot my pin number", "whats my pin"])("'%s' says where the app shows it, never the PIN itself", async (say) => {
    await runScript(`by-hand-7-pin-${say.length}`, {
      turns: [{ say, expect: { text: /view your card's PIN securely in the app/, notText: /physical card|at most ATMs/ } }],
    });
  });
});

describe("one company's charges blocked", () => {
  // "block all charges from uber" and "can you block amazon charges" froze the card at once; "stop netflix
  // from charging me" got "Sorry".
  it.each(["block all charges from uber", "can you block amazon charges", "stop netflix from charging me"])("'%s' freezes nothing and says what can be done", async (say) => {
    await runScript(`by-hand-7-block-${say.length}`, {
      turns: [
        { say, expect: { text: /can't block one company's charges/, notText: /is frozen/ }, check: (r) => expect(r.actions.map((a) => a.label)).toEqual(["Dispute a charge", "Freeze my card"]) },
        { say: "is my card frozen", expect: { text: /active/, notText: /is frozen/ } },
      ],
    });
  });
});

describe("a credit card's figures, asked about by hand", () => {
  // "whats my credit card balance", then "can i go over it": "Sorry, I can't help with that."
  it("'can i go over it' after the card's balance says a purchase over the limit is declined", async () => {
    await runScript("by-hand-7-over-balance", {
      customer: { credit: true },
      turns: [{ say: "whats my credit card balance", expect: { intent: "balance" } }, { say: "can i go over it", expect: { text: /over your credit limit is declined/ } }],
    });
  });

  // "i want to pay off my card", then "how much is it": every balance, as if nothing were being paid.
  it("'how much is it' while a card payment asks how much says the card's figures again", async () => {
    await runScript("by-hand-7-card-how-much", {
      customer: { credit: true },
      turns: [
        { say: "i want to pay off my card", expect: { text: /How much would you like to pay to/ } },
        { say: "how much is it", expect: { text: /^Here's what the card owes\. How much would you like to pay to .*current balance is/, notText: /Your balances/ } },
      ],
    });
  });
});

describe("two months' spending, then 'which was more'", () => {
  // "how much did i spend on groceries last month", "and the month before", then "which was more": "Sorry".
  it("sets the two months just read side by side", async () => {
    await runScript("by-hand-7-which-more", {
      history: [
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -80_00, postedAt: monthsAgo(1, 10) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -50_00, postedAt: monthsAgo(2, 10) },
      ],
      turns: [
        { say: "how much did i spend on groceries last month", expect: { text: /\$80\.00/ } },
        { say: "and the month before", expect: { text: /\$50\.00/ } },
        { say: "which was more", expect: { intent: "spending", text: /\$80\.00.*\$50\.00|\$50\.00.*\$80\.00/s, notText: /Sorry/ } },
      ],
    });
  });
});

describe("the available balance explained", () => {
  // "why is my available balance different": the balances again, the question unanswered.
  it("'why is my available balance different' says pending card payments are held", async () => {
    await runScript("by-hand-7-available", {
      turns: [{ say: "why is my available balance different", expect: { text: /balance less card payments that are still pending/, notText: /Your balances/ } }],
    });
  });
});

describe("a recurring transfer with its day", () => {
  // "can i set up a recurring transfer to savings every friday": "I can't set up a repeat like “recurring”."
  it("'can i set up a recurring transfer to savings every friday' sets up a weekly one, confirmed first", async () => {
    await runScript("by-hand-7-recurring", {
      turns: [
        { say: "can i set up a recurring transfer to savings every friday", expect: { notText: /can't set up a repeat/ } },
        { say: "50", expect: { confirmation: true, text: /\$50\.00.*(?:every|each) (?:week|Friday)/is, notText: /can't set up a repeat/ } },
      ],
    });
  });
});
