/**
 * Wave 3, session 14 (issue 12): cash taken out at an ATM is its own category in the bank core
 * ("Cash"), so "show my atm withdrawals" lists only the withdrawals and "how much cash did i take out
 * last week" totals only them, instead of every transaction or all spending; and "what did i spend
 * money on yesterday" (CLINC150's spending_history) answers with yesterday's spending by category.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "ATM Withdrawal", category: "Cash", amount: -60_00, postedAt: daysAgo(3) },
  { merchant: "ATM Withdrawal", category: "Cash", amount: -40_00, postedAt: daysAgo(5) },
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(1) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -42_50, postedAt: daysAgo(4) },
];

type Rows = { transactions: { merchant: string; amount: { minor: number } }[] };

describe("dialogue: cash withdrawals and what was spent on", () => {
  it("lists only the ATM withdrawals and totals only the cash taken out", async () => {
    await runScript("cash", {
      history: HISTORY,
      turns: [
        {
          say: "show my atm withdrawals",
          expect: { intent: "transactions", data: "transactions", text: /^Here are 2 transactions in “cash”\.$/ },
          check: (reply) => {
            const rows = (reply.data as Rows).transactions;
            expect(rows.map((t) => [t.merchant, t.amount.minor])).toEqual([["ATM Withdrawal", -60_00], ["ATM Withdrawal", -40_00]]);
          },
        },
        {
          say: "how much cash did i take out in the last 7 days",
          expect: { intent: /^(?:spending|transactions)$/, text: /\$100\.00|Here are 2 transactions in “cash”/, notText: /\$179\.10|Coffee|Groceries/ },
        },
        { say: "when did i last withdraw cash", expect: { intent: "transactions", data: "transactions", text: /^Here are 2 transactions in “cash”\.$/ } },
      ],
    });
  });

  it("answers 'what did i spend money on yesterday' with yesterday's spending by category", async () => {
    await runScript("spent-on", {
      history: HISTORY,
      turns: [
        {
          say: "what did i spend money on yesterday",
          expect: { intent: "spending", text: /^You spent \$36\.60 on \d{1,2} \w{3} \d{4}\. Top categories: Groceries \$32\.10 and Coffee \$4\.50\.$/ },
        },
      ],
    });
  });
});
