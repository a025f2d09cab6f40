/**
 * "what about savings?", "how about coffee?", "and at Bluebird Coffee?" right after a balance or
 * spending answer: the same read again with only what was named changed. Read on their own these got
 * "Sorry, I can't help with that." and, twice in a row, a hand-off (found by hand, session 21).
 * Opening balances: checking $1,000.00, savings $5,000.00.
 */
import { describe, it } from "vitest";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "Sakura Sushi", category: "Dining", amount: -42_50, postedAt: daysAgo(3) },
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_75, postedAt: daysAgo(5) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(6) },
];

describe("a short follow-up to a read asks that read again", () => {
  it("'what about savings?' after the checking balance gives the savings balance", async () => {
    await runScript("read-follow-up-balance", {
      turns: [
        { say: "what's my checking balance", expect: { intent: "balance", text: /Everyday Checking/, notText: /Rainy Day Savings/ } },
        { say: "what about savings?", expect: { intent: "balance", text: /Rainy Day Savings[\s\S]*\$5,000\.00/, notText: /can't help|Everyday Checking/ } },
      ],
    });
  });

  it("'how about coffee?' and 'and at Fresh Fields Market?' after a spending answer keep its period", async () => {
    await runScript("read-follow-up-spending", {
      history: HISTORY,
      turns: [
        { say: "how much did I spend on dining in the last 30 days?", expect: { intent: "spending", text: /^You spent \$42\.50 on dining/ } },
        { say: "how about coffee?", expect: { intent: "spending", text: /^You spent \$4\.75 on coffee/, notText: /can't help/ } },
        { say: "and at Fresh Fields Market?", expect: { intent: "spending", text: /^You spent \$32\.10 at “Fresh Fields Market”/ } },
      ],
    });
  });

  it("'only the ones over 40' after a spending total, then 'what about in savings?': lists narrowed by size and account", async () => {
    await runScript("read-follow-up-narrowed", {
      history: HISTORY,
      turns: [
        { say: "how much did I spend in the last 30 days?", expect: { intent: "spending", text: /^You spent \$79\.35 / } },
        { say: "only the ones over 40", expect: { intent: "transactions", data: "transactions", text: /^Here is 1 payment out over \$40\.00 between / } },
        { say: "what about in savings?", expect: { intent: "transactions", text: /over \$40\.00 between .* in your savings account|couldn't find any transactions/, notText: /Rainy Day Savings ••\d+: \$/ } },
        { say: "show my checking transactions under $10", expect: { intent: "transactions", text: /^Here is 1 transaction under \$10\.00 in your checking account\.$/ } },
      ],
    });
  });

  it("spending read by account: 'how much did I spend on my credit card', then 'what about checking?'", async () => {
    await runScript("read-follow-up-spending-account", {
      history: [...HISTORY, { account: "credit", merchant: "Cinema City", category: "Entertainment", amount: -18_00, postedAt: daysAgo(4) }],
      turns: [
        { say: "how much did I spend on my credit card in the last 30 days?", expect: { intent: "spending", text: /^You spent \$18\.00 on your credit card between / } },
        { say: "what about checking?", expect: { intent: "spending", text: /^You spent \$79\.35 from your checking account between /, notText: /Everyday Checking ••/ } },
        { say: "how much did I spend from savings in the last 30 days", expect: { intent: "spending", text: /^I couldn't find any spending from your savings account between / } },
        { say: "what's my average monthly spending on my credit card", expect: { intent: "spending", text: / a month on your credit card on average .* This month so far: / } },
      ],
    });
  });

  it("a follow-up that names money to move is a transfer, not a read", async () => {
    await runScript("read-follow-up-not-money", {
      turns: [
        { say: "what's my checking balance", expect: { intent: "balance" } },
        { say: "and send 20 to savings", expect: { confirmation: true, text: /\$20\.00/ } },
        { say: "no", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });
});
