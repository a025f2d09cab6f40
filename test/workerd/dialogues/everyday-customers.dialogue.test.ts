/**
 * Wave 3, explore26: what everyday customers typed by hand (`npm start`, the three seeded
 * customers) and got wrong. Each turn below failed before its fix: a second question dropped, a
 * merchant read as a time word, a list's own "None of these" not understood when typed, payee
 * removal answered with the payee list, fees out of scope, upcoming bills answered "You don't have
 * a credit card with us.", a duplicate-charge question about one merchant answered in general.
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "Daily Grind", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) },
  { merchant: "Daily Grind", category: "Coffee", amount: -5_25, postedAt: daysAgo(2) },
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -3_75, postedAt: daysAgo(2) },
  { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: daysAgo(3) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -62_10, postedAt: daysAgo(4) },
];

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);

describe("everyday customers, by hand", () => {
  it("'balance and my last 3 transactions': both answered, the balance first", async () => {
    await runScript("everyday-two-lookups", {
      history: HISTORY,
      turns: [
        {
          say: "balance and my last 3 transactions",
          expect: { text: /\$1,000\.00|Checking/, data: "transactions" },
          check: (reply) => expect(rows(reply).length, "rows in the table").toBe(3),
        },
      ],
    });
  });

  it("'daily grind' is a merchant, not a time word", async () => {
    await runScript("everyday-daily-grind", {
      history: HISTORY,
      turns: [
        { say: "how much did i spend at daily grind", expect: { intent: "spending", text: /^You spent \$9\.75 at “daily grind”/i } },
        { say: "show my transactions at daily grind", expect: { intent: "transactions", data: "transactions" }, check: (reply) => expect(rows(reply).length).toBe(2) },
      ],
    });
  });

  it("'none of these' typed at a dispute's list ends it, nothing opened", async () => {
    await runScript("everyday-none-of-these", {
      history: HISTORY,
      turns: [
        { say: "I want to dispute a charge", expect: { intent: "dispute", text: /^Which charge would you like to dispute\?/ } },
        { say: "none of these", expect: { intent: "dispute", text: /^OK, I haven't opened a dispute\./ } },
        { say: "show my disputes", expect: { text: /^You don't have any disputes/ } },
      ],
    });
  });

  it("removing a payee: said truthfully not to be done in the chat, a person offered", async () => {
    await runScript("everyday-remove-payee", {
      turns: [
        { say: "delete jordan from my payees", expect: { intent: "remove_payee", text: /^I can't remove a payee here in the chat/ } },
        { say: "can i remove a payee", expect: { intent: "remove_payee", text: /^I can't remove a payee/ } },
        { say: "who are my payees", expect: { intent: "payees", text: /Jordan Lee/ } },
      ],
    });
  });

  it("fees on the account: what is true of Teller's, never a figure invented", async () => {
    await runScript("everyday-fees", {
      turns: [
        { say: "are there any fees for my account", expect: { intent: "account_fees", text: /no fee on a transfer/i, notText: /can't help/ } },
        { say: "is there a monthly fee", expect: { intent: "account_fees", notText: /can't (?:help|answer)/ } },
        { say: "what are your fees", expect: { intent: "account_fees" } },
      ],
    });
  });

  it("upcoming bills are the scheduled payments, not a credit card's statement", async () => {
    await runScript("everyday-upcoming-bills", {
      turns: [
        { say: "what bills do i have coming up", expect: { intent: "scheduled_payments", text: /scheduled or recurring payments/, notText: /credit card/ } },
        { say: "any bills due this week", expect: { intent: "scheduled_payments", notText: /credit card/ } },
      ],
    });
  });

  it("'did streamflix charge me twice this month': that merchant's charges are looked at", async () => {
    await runScript("everyday-charged-twice", {
      history: HISTORY,
      turns: [
        {
          say: "did streamflix charge me twice",
          expect: { intent: "dispute", text: /^I can't see “Streamflix” charging you twice: .*\$15\.49/, notText: /usually the duplicate disappears/ },
        },
        { say: "did netflix charge me twice this month", expect: { intent: "dispute", text: /^I couldn't find a charge from “netflix”/i } },
      ],
    });
  });

  it("two transfers in one message: the first set up on its own card, the second named as not done, nothing moved", async () => {
    await runScript("everyday-two-transfers", {
      turns: [
        {
          say: "send 10 to savings and then 20 to checking",
          expect: { text: /^I haven't done anything about “20 to checking” yet[\s\S]*Send \$10\.00 from Everyday Checking ••\d{4} to Rainy Day Savings ••\d{4}\?/, confirmation: true },
          balances: { checking: 1_000_00, savings: 5_000_00 },
        },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
        {
          say: "move 20 from savings to checking and 30 from checking to savings",
          expect: { text: /“30 from checking to savings”[\s\S]*Send \$20\.00 from Rainy Day Savings ••\d{4} to Everyday Checking ••\d{4}\?/, confirmation: true },
        },
        { say: "yes", expect: { text: /^Done/ }, balances: { checking: 1_020_00, savings: 4_980_00 } },
      ],
    });
  });

  it("a total asked for is given: checking and savings added up", async () => {
    await runScript("everyday-total-balance", {
      turns: [
        { say: "how much is in savings and checking combined", expect: { intent: "balance", text: /Together, Everyday Checking ••\d{4} and Rainy Day Savings ••\d{4} hold \$6,000\.00\./ } },
        { say: "what's my total balance", expect: { intent: "balance", text: /hold \$6,000\.00\./ } },
      ],
    });
  });

  it("what was sent to a payee: that payee's total and transactions, not all spending", async () => {
    await runScript("everyday-sent-to-payee", {
      history: HISTORY,
      turns: [
        { say: "send 25 to jordan lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { text: /^Done/ }, balances: { checking: 1_000_00 - 91_09 - 25_00 } },
        { say: "how much did i send jordan this month", expect: { text: /\$25\.00/, notText: /Top categories/ } },
        { say: "how much did i send to jordan", expect: { intent: "transactions", data: "transactions" }, check: (reply) => expect(rows(reply).length).toBe(1) },
      ],
    });
  });

  it("'dispute it' after the biggest purchase was named: that charge, confirmed before a case is opened", async () => {
    await runScript("everyday-dispute-it", {
      history: HISTORY,
      turns: [
        { say: "what was my biggest purchase", expect: { text: /\$62\.10 at “Fresh Fields Market”/ } },
        { say: "dispute it", expect: { intent: "dispute", text: /^Is this the charge you mean\? 1\. \$62\.10 at “Fresh Fields Market”/ } },
        { say: "yes", expect: { text: /^I've opened dispute DSP-\w+ for the \$62\.10 charge at “Fresh Fields Market”/ } },
      ],
    });
  });
});
