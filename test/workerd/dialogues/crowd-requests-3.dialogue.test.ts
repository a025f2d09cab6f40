/**
 * Wave 3, crowd30: crowd-written balance / transactions / transfer / spending requests that a twelfth
 * fresh probe (scripts/nlu/probe-set-12.ts) and playing its rows by hand showed misread or answered
 * badly, end to end through the gateway (packages/nlu/own-words-16.ts, entities/number-words.ts,
 * entities/spending.ts, entities/query.ts, dialogue/flows/transfer-slots.ts). Opening balances:
 * checking $1,000.00, savings $5,000.00.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, lastMonth, runScript, type HistoryItem } from "./script.js";

const history: HistoryItem[] = [
  { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: lastMonth(1) },
  { merchant: "Trattoria Sole", category: "Dining", amount: -45_00, postedAt: lastMonth(10) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -120_00, postedAt: lastMonth(12) },
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -6_50, postedAt: lastMonth(14) },
];
const rows = (reply: { data?: unknown }) => {
  const data = reply.data as { kind?: string; transactions?: { merchant: string }[] } | undefined;
  return data?.kind === "transactions" ? (data.transactions ?? []) : [];
};
const afterHistory = 1_000_00 + 2850_00 - 45_00 - 120_00 - 6_50;

describe("crowd-written requests, third set (crowd30)", () => {
  // "a three hundred dollar phone bill" was $400.00 ("a" read as one and added): "$400.00 would leave
  // …"; "send a fifty to jordan from checking" was $51.00 on the card (model pay_bill 0.44 for the first, too).
  it("a before an amount in words is the article, not one more", async () => {
    await runScript("crowd3-article-amount", {
      history,
      turns: [
        { say: "will my checking cover a three hundred dollar phone bill", expect: { intent: "balance", text: /\$300\.00 would leave/, notText: /\$400\.00/ } },
        { say: "send a fifty to jordan from checking", expect: { intent: "transfer", confirmation: true, text: /\$50\.00/, notText: /\$51\.00/ } },
        { say: "no", balances: { checking: afterHistory, savings: 5_000_00 } },
      ],
    });
  });

  // Each got every category's total ("You spent $171.50 … Top categories: …"): the category or
  // merchant after "the damage on", "come to" and "my total at" was not read.
  it("a total asked as the damage, what it came to, or my total at, is that category's or merchant's", async () => {
    await runScript("crowd3-spending-targets", {
      history,
      turns: [
        { say: "what's the damage on restaurants last month", expect: { intent: "spending", data: "spending", text: /\$45\.00 on dining/, notText: /\$171\.50/ } },
        { say: "what did my groceries come to last month", expect: { intent: "spending", data: "spending", text: /\$120\.00 on groceries/, notText: /\$171\.50/ } },
        { say: "my total at bluebird coffee last month", expect: { intent: "spending", data: "spending", text: /\$6\.50/, notText: /\$171\.50/ } },
      ],
    });
  });

  // Under "Send $200.00 from checking to savings?", "move $75.50 to checking" kept checking as the
  // source: "The money needs to go to a different account from the one it leaves. Who should I send
  // it to?". Now the source is chosen again, as for the request said alone, and shown on the card.
  it("a new destination that was the source named before chooses the source again", async () => {
    await runScript("crowd3-destination-was-source", {
      turns: [
        { say: "transfer $200 from checking into savings", expect: { intent: "transfer", confirmation: true, text: /from Everyday Checking .* to .*Savings/ } },
        { say: "move $75.50 to checking", expect: { intent: "transfer", confirmation: true, text: /Send \$75\.50 from .*Savings .* to Everyday Checking/, notText: /different account/ } },
        { say: "yes", press: "yes", balances: { checking: 1_000_00 + 75_50, savings: 5_000_00 - 75_50 } },
      ],
    });
  });

  // "tell me the last time i paid for parking" looked for a payment to "for parking" and found none.
  it("the last time i paid for something looks for that something", async () => {
    await runScript("crowd3-last-paid-for", {
      history: [...history, { merchant: "Citypark Garage", category: "Transport", amount: -14_00, postedAt: daysAgo(3) }],
      turns: [{ say: "tell me the last time i paid for parking", expect: { intent: "transactions", text: /Citypark Garage/, notText: /for parking/ } }],
    });
  });

  // "what did i get charged for at the pharmacy" listed the latest ten transactions, whatever they were.
  it("what i got charged for at a place is that place's transactions", async () => {
    await runScript("crowd3-charged-at", {
      history: [...history, { merchant: "Greenleaf Pharmacy", category: "Health", amount: -23_40, postedAt: daysAgo(2) }],
      turns: [
        {
          say: "what did i get charged for at the pharmacy",
          expect: { intent: "transactions", data: "transactions" },
          check: (reply) => expect(rows(reply).map((t) => t.merchant)).toEqual(["Greenleaf Pharmacy"]),
        },
      ],
    });
  });

  // Out of scope 0.52–0.97 ("Sorry, I can't help with that."), transfer 0.88 for the balance, out
  // of scope 0.85 for settling up.
  it("a list of what was bought, which stores, a balance below an amount and settling up get their answers", async () => {
    await runScript("crowd3-intents", {
      history,
      turns: [
        { say: "i need a list of what i bought at fresh fields market last month", expect: { intent: "transactions", data: "transactions", notText: /can't help/i } },
        { say: "which stores did i shop at last month", expect: { intent: "transactions", data: "transactions", notText: /can't help/i } },
        { say: "did my savings account go below a hundred dollars", expect: { intent: "balance", text: /Savings/, confirmation: false } },
        { say: "settle up with my roommate for rent", expect: { intent: "transfer", notText: /can't help/i, confirmation: false } },
        { say: "what's my balance", balances: { checking: afterHistory, savings: 5_000_00 } },
      ],
    });
  });
});
