/**
 * Wave 3, explore29: everyday customers by hand (`npm start`, the three seeded customers), and what
 * they got wrong. Each turn below failed before its fix.
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);

const WEEK: HistoryItem[] = [
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) },
  { merchant: "Fresh Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(2) },
  { merchant: "City Bikes", category: "Transport", amount: -11_80, postedAt: daysAgo(3) },
  { merchant: "Fresh Market", category: "Groceries", amount: -41_20, postedAt: daysAgo(4) },
];

describe("everyday customers by hand (explore29)", () => {
  it("'how much on groceries this week' is the groceries total, not every category's", async () => {
    await runScript("e29-how-much-on", {
      history: WEEK,
      turns: [
        { say: "how much on groceries this week", expect: { intent: "spending", text: /\$73\.30 on groceries/, notText: /Top categories/ } },
        { say: "how much at bluebird coffee this week", expect: { intent: "spending", text: /\$4\.50 at “Bluebird Coffee”/, notText: /Top categories/ } },
      ],
    });
  });
  it("'pay the full amount' / 'pay the full balance' right after the card's statement: a card payment, never 'Sorry' nor the balances", async () => {
    await runScript("e29-pay-full", {
      customer: { credit: true },
      turns: [
        { say: "whats my statement balance", expect: { intent: "credit_statement" } },
        { say: "pay the full amount", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\?/, confirmation: false } },
        { say: "cancel", expect: { text: /Nothing was paid/ } },
        { say: "whats my statement balance", expect: { intent: "credit_statement" } },
        { say: "pay the full balance", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\?/, confirmation: false } },
      ],
    });
  });

  it("'why is my balance so low': where it went, not the balances again", async () => {
    await runScript("e29-where-money-went", {
      history: WEEK,
      turns: [
        { say: "why is my balance so low", expect: { intent: "spending", text: /Top categories/ } },
      ],
    });
  });
  it("'how do i set up direct deposit', 'im going to italy next week', 'how much can i take out at the atm': answered, never 'Sorry' nor a hand-off", async () => {
    await runScript("e29-out-of-scope-asks", {
      turns: [
        { say: "how do i set up direct deposit", expect: { text: /^Direct deposit is set up with your employer's payroll/, notText: /Sorry/ } },
        { say: "What are my account and routing numbers?", expect: { intent: "account_numbers", text: /routing number/ } },
        { say: "im going to italy next week", expect: { text: /^There's no travel notice to set in Teller/, notText: /Sorry/ } },
        { say: "how much can i take out at the atm", expect: { text: /^I can't see an ATM or cash withdrawal limit/, notText: /Sorry|member of our team/ } },
      ],
    });
  });
  it("'the fourth one' right after a list: that transaction on its own, and 'dispute it' is that one", async () => {
    // Older than the opening balances (booked a day before the test), which lead the list.
    const older = WEEK.map((h, i) => ({ ...h, postedAt: daysAgo(i + 2) }));
    await runScript("e29-fourth-one", {
      history: older,
      turns: [
        { say: "show my transactions", expect: { intent: "transactions" }, check: (r) => expect(rows(r).map((t) => t.merchant).slice(2)).toEqual(["Bluebird Coffee", "Fresh Market", "City Bikes", "Fresh Market"]) },
        {
          say: "the fourth one",
          expect: { intent: "transactions", text: /^The fourth one: \$32\.10 at “Fresh Market” on \d{1,2} [A-Z][a-z]{2} \d{4} \(Groceries\)\.$/ },
          check: (r) => expect(rows(r).map((t) => [t.merchant, t.amount.minor])).toEqual([["Fresh Market", -32_10]]),
        },
        { say: "what was the 5th one", expect: { text: /^The fifth one: \$11\.80 at “City Bikes”/ } },
        { say: "dispute it", expect: { text: /City Bikes/, notText: /Fresh Market|Bluebird/ } },
      ],
    });
  });
  it("'only the card ones' with no credit card: the debit card's are checking's; 'just the debit card ones' lists what checking paid out", async () => {
    await runScript("e29-debit-card-ones", {
      history: [...WEEK, { merchant: "Transfer to Savings", category: "Transfers", amount: -50_00, postedAt: daysAgo(5) }, { merchant: "Acme Payroll", category: "Income", amount: 900_00, postedAt: daysAgo(6) }],
      turns: [
        { say: "show my transactions", expect: { intent: "transactions" } },
        { say: "only the card ones", expect: { text: /Purchases with your debit card come out of your checking account\./ } },
        {
          say: "just the debit card ones",
          expect: { intent: "transactions", notText: /dispute/i },
          check: (r) => {
            expect(rows(r).length).toBeGreaterThanOrEqual(4);
            expect(rows(r).every((t) => t.amount.minor < 0)).toBe(true);
          },
        },
      ],
    });
  });
  it("'last 4 things i bought' lists money out only, never the money paid in", async () => {
    await runScript("e29-things-bought", {
      history: [...WEEK, { merchant: "Acme Payroll", category: "Income", amount: 900_00, postedAt: daysAgo(2) }],
      turns: [
        {
          say: "last 4 things i bought",
          expect: { intent: "transactions" },
          check: (r) => expect(rows(r).map((t) => t.merchant)).toEqual(["Bluebird Coffee", "Fresh Market", "City Bikes", "Fresh Market"]),
        },
      ],
    });
  });
  it("'can i afford a 300 dollar tv': what it would leave in checking, or how far short it is", async () => {
    await runScript("e29-afford", {
      turns: [
        { say: "can i afford a 300 dollar tv", expect: { intent: "balance", text: /\$300\.00 would leave \$700\.00 available in Everyday Checking ••\d{4}\.$/ } },
        { say: "can i afford to spend 1500 this weekend", expect: { intent: "balance", text: /has \$1,000\.00 available, \$500\.00 short of \$1,500\.00\. You could move money from Rainy Day Savings ••\d{4} first\.$/ } },
      ],
    });
  });
  it("'cancel streamflix' after the subscriptions: cancelled with the company, a later charge disputed here; never 'Sorry'", async () => {
    await runScript("e29-cancel-subscription", {
      history: [
        { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: daysAgo(3) },
        { merchant: "Tunely Music", category: "Subscriptions", amount: -11_99, postedAt: daysAgo(10) },
      ],
      turns: [
        { say: "what are my subscriptions", expect: { data: "transactions" } },
        { say: "cancel streamflix", expect: { text: /^I can't cancel a subscription here: “Streamflix” stops charging you once you cancel with them/, notText: /Sorry/ } },
        { say: "how do i cancel my tunely subscription", expect: { text: /^I can't cancel a subscription here: “tunely”/ } },
      ],
    });
  });
});
