/**
 * Wave 3, crowd29: crowd-written balance / transactions / transfer / spending requests that an
 * eleventh fresh probe (scripts/nlu/probe-set-11.ts) and the exploring around it showed misread or
 * answered badly, end to end through the gateway (packages/nlu/own-words-15.ts, entities/spending.ts,
 * entities/dates.ts). Opening balances: checking $1,000.00, savings $5,000.00.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, lastMonth, monthsAgo, runScript, type HistoryItem } from "./script.js";

const history: HistoryItem[] = [
  { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: lastMonth(1) },
  { merchant: "Trattoria Sole", category: "Dining", amount: -45_00, postedAt: lastMonth(10) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -120_00, postedAt: lastMonth(12) },
];

const rows = (reply: { data?: unknown }) => {
  const data = reply.data as { kind?: string; transactions?: { merchant: string }[] } | undefined;
  return data?.kind === "transactions" ? (data.transactions ?? []) : [];
};

describe("crowd-written requests, second set (crowd29)", () => {
  // "am i broke or what" got "Sorry, I can't help with that." (out of scope 0.99), "have i got enough
  // for rent this month" and "do i have money or not" the same (balance under 0.5); "i would like
  // assistance transferring money" the answer on topping up by transfer (0.89); "total of my
  // restaurant purchases last month" the list of transactions (0.98).
  it("slang with a tag question, assistance with a transfer and a total of purchases get their answers", async () => {
    await runScript("crowd2-intents", {
      history,
      turns: [
        { say: "am i broke or what", expect: { intent: "balance", text: /^Your balances:/ } },
        // Right, but under the dialogue's 0.5 before (balance 0.46 / 0.16): "Sorry, I can't help with that."
        // explore31: a bill asked about so is set against checking (flows/bill-afford.ts); with no rent paid, said, and checking's balance.
        { say: "have i got enough for rent this month", expect: { intent: "balance", text: /^I can't find a rent payment[\s\S]*Everyday Checking ••1001 has \$[\d,.]+ available\.$/ } },
        { say: "do i have money or not", expect: { intent: "balance", text: /^Your balances:/ } },
        { say: "i would like assistance transferring money", expect: { intent: "transfer", notText: /top.?up|can't help/i } },
        { say: "cancel", expect: { notText: /can't help/i } },
        { say: "what's the grand total of my purchases from last month", expect: { intent: "spending", data: "spending" } },
      ],
    });
  });

  // "what did my grocery purchases cost me last month" (spending already) answered every category's
  // total ($165.00, top categories…): the category before "purchases" was not read.
  it("a category named before the purchases is the one totalled", async () => {
    await runScript("crowd2-category-first", {
      history,
      turns: [
        { say: "what did my grocery purchases cost me last month", expect: { intent: "spending", text: /\$120\.00/, notText: /\$165\.00|\$45\.00/ } },
        { say: "total of my restaurant purchases last month", expect: { intent: "spending", text: /\$45\.00/, notText: /\$165\.00|\$120\.00/ } },
      ],
    });
  });

  // "what did i charge to my card two weeks ago" was one day, 14 days back ("I couldn't find any
  // transactions on …"); "… since last month" was last month alone.
  it("weeks ago is that calendar week, and since last month runs to today", async () => {
    // A day of the Monday-to-Sunday week two weeks back that is not 14 days ago.
    const weekday = (new Date().getUTCDay() + 6) % 7;
    const bought = daysAgo(14 + weekday - ((weekday + 3) % 7));
    await runScript("crowd2-weeks-ago", {
      history: [...history, { merchant: "Petal & Stem Florist", category: "Shopping", amount: -38_00, postedAt: bought }],
      turns: [
        {
          say: "what did i buy two weeks ago",
          expect: { intent: "transactions", data: "transactions", notText: /couldn't find/i },
          check: (reply) => expect(rows(reply).map((t) => t.merchant)).toContain("Petal & Stem Florist"),
        },
        {
          say: "how many transactions have i made since last month",
          expect: { intent: "transactions", data: "transactions" },
          check: (reply) => {
            const query = (reply.data as { query?: { from?: string; to?: string } } | undefined)?.query;
            expect(query?.from).toBe(lastMonth(1).toISOString().slice(0, 10));
            expect(query?.to! >= monthsAgo(0, 1).toISOString().slice(0, 10)).toBe(true);
          },
        },
      ],
    });
  });

  // "what charges are on my credit card from the weekend" was transactions at 0.43, under the
  // dialogue's 0.5: "Sorry, I can't help with that."
  it("what charges are on a card, with a period, is its transactions", async () => {
    await runScript("crowd2-card-charges", {
      customer: { credit: true },
      history,
      turns: [{ say: "what charges are on my credit card from the weekend", expect: { intent: "transactions", notText: /can't help/i } }],
    });
  });

  // "look up my joint account balance" gave every balance as if one were it; "put one hundred dollars
  // in my joint account" asked whom to send it to, saying nothing of the account named.
  it("a joint account, which Teller never holds, is said not to be held", async () => {
    await runScript("crowd2-joint-account", {
      history,
      turns: [
        { say: "look up my joint account balance", expect: { intent: "balance", text: /^You don't have a joint account with us\./ } },
        { say: "put one hundred dollars in my joint account", expect: { intent: "transfer", text: /^You don't have a joint account with us\./, confirmation: false }, balances: { checking: 1_000_00 + 2850_00 - 165_00, savings: 5_000_00 } },
      ],
    });
  });
});
