/**
 * Wave 3, session 13 (issue 12): the questions no model class covers, which only a reading rule
 * gives (overdraft, opening_hours, open_account), answered in writing through the gateway; a
 * transfer asked for in the customer's own words ("send money to a friend") that asks who and how
 * much like any transfer; and a bank word in another sense declined. Nothing moves.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "./script.js";

describe("dialogue: questions only the reading rules answer", () => {
  it("overdraft: there is none, and a payment over what is available is refused", async () => {
    await runScript("rule-overdraft", {
      turns: [
        { say: "do you offer overdraft", expect: { intent: "overdraft", text: /^Your checking and savings accounts have no overdraft: they never go below zero\./ } },
        { say: "what happens if i overdraw?", expect: { intent: "overdraft", text: /refused and nothing is sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
        // Session 25: "what is the overdraft fee" was out of scope, "do you charge for overdraft" a top-up charge.
        { say: "what is the overdraft fee", expect: { intent: "overdraft", text: /no overdraft/ } },
        { say: "do you charge for overdraft", expect: { intent: "overdraft", text: /no overdraft/ } },
      ],
    });
  });

  it("opening_hours: Teller any time, branch hours depend on the branch", async () => {
    await runScript("rule-opening-hours", {
      turns: [
        { say: "what are your opening hours", expect: { intent: "opening_hours", text: /^I'm here any time, day or night[\s\S]*Branch opening hours depend on the branch/ } },
        { say: "Hi! Are you open on Sunday?", expect: { intent: "opening_hours", text: /^I'm here any time/ } },
      ],
    });
  });

  it("open_account: not in the chat, and what Teller does once it is open", async () => {
    await runScript("rule-open-account", {
      turns: [
        { say: "how do I open a new account", expect: { intent: "open_account", text: /^I can't open a new account here in the chat\./ } },
        { say: "can i open a savings account", expect: { intent: "open_account", text: /appears here with your other accounts/ } },
      ],
    });
  });

  it("a transfer in the customer's own words asks what is missing; a bank word in another sense is declined", async () => {
    await runScript("rule-own-words", {
      turns: [
        { say: "send money to a friend", expect: { intent: "transfer", confirmation: false, text: /^(?:Who should I send it to\?|How much would you like to send\?)/ } },
        { say: "cancel", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
        { say: "what's the balance of power in the senate", expect: { intent: "out_of_scope", text: /^Sorry, I can't help with that\./, notText: /\$/ } },
      ],
    });
  });

  it("ATM withdrawals and cleared checks are looked up in the transactions", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 - 3_600_000);
    await runScript("rule-atm", {
      history: [
        { merchant: "ATM Withdrawal", category: "Cash", amount: -60_00, postedAt: daysAgo(2) },
        { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) },
      ],
      turns: [
        // Since session 14 the withdrawals only, filtered by the bank core's "Cash" category (cash.dialogue.test.ts).
        {
          say: "how much did i take out of the atm",
          expect: { intent: "transactions", data: "transactions", text: /^Here is 1 transaction in “cash”\.$/ },
          check: (reply) => {
            const data = reply.data as { transactions: { merchant: string; amount: { minor: number } }[] };
            expect(data.transactions.map((t) => [t.merchant, t.amount.minor])).toEqual([["ATM Withdrawal", -60_00]]);
          },
        },
        // Not order_checks (the how-to about ordering a checkbook).
        { say: "show me checks that cleared", expect: { intent: "transactions", data: "transactions" } },
      ],
    });
  });
});

describe("how long money takes to reach another bank (session 26)", () => {
  it("is the transfer-timing answer, not the one about money coming in", async () => {
    await runScript("rules-timing-other-bank", {
      turns: [
        {
          say: "how long does a transfer to another bank take",
          expect: { intent: "transfer_timing", text: /as soon as you say Yes.*When money reaches a payee's own bank/, notText: /Incoming transfers/ },
        },
      ],
    });
  });
});
