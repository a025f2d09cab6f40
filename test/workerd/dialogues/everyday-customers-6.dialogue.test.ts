/**
 * Wave 3, explore31: everyday customers by hand (`npm start`, the three seeded customers), and what
 * they got wrong. Each turn below failed before its fix (what it got is said beside it).
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, it } from "vitest";
import { daysAgo, lastMonth, monthsAgo, runScript } from "./script.js";

describe("everyday customers by hand (explore31)", () => {
  it("'wait no forget it' under a transfer's card cancels it (it got 'Sorry, I didn't catch that.')", async () => {
    await runScript("e31-wait-no-forget-it", {
      turns: [
        { say: "send 200 to savings", expect: { confirmation: true, text: /\$200\.00/ } },
        { say: "wait no forget it", expect: { text: /Nothing was sent/, notText: /didn't catch/ }, balances: { checking: 1_000_00 } },
        { say: "send 50 to savings", expect: { confirmation: true } },
        { say: "hold on, cancel that", expect: { text: /Nothing was sent/, notText: /didn't catch/ }, balances: { checking: 1_000_00 } },
        // A request for time alone is still no cancel.
        { say: "send 50 to savings", expect: { confirmation: true } },
        { say: "wait no", expect: { text: /take your time/i, confirmation: true }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("a bare 'why' right after a declined card's answer is about that card, never a restricted account", async () => {
    await runScript("e31-why-declined", {
      turns: [
        { say: "my card got declined", expect: { intent: "declined_card_payment", text: /A payment can be declined/ } },
        // Before: the written answer on restricted accounts (account_blocked).
        {
          say: "why",
          expect: { text: /^I can't see why one payment was declined[\s\S]*••\d{4} is active/, notText: /restricted|sign-in attempts/ },
        },
      ],
    });
  });

  it("'when is it due' right after 'how much is my rent' is when the rent comes out, never the credit card", async () => {
    await runScript("e31-rent-due", {
      customer: { checking: 5_000_00 },
      history: [
        { merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: monthsAgo(2, 1) },
        { merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: lastMonth(1) },
      ],
      turns: [
        { say: "how much is my rent", expect: { text: /Harbor View Apartments[\s\S]*\$650\.00/ } },
        // Before: "You don't have a credit card with us."
        { say: "when is it due", expect: { text: /^“Harbor View Apartments” usually takes a payment around the 1st of each month/, notText: /credit card/ } },
      ],
    });
  });

  it("a slip in a category's name ('groceris', 'resturants') is still that category, not every category", async () => {
    await runScript("e31-category-slip", {
      history: [
        { merchant: "Fresh Market", category: "Groceries", amount: -90_00, postedAt: lastMonth(10) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -40_00, postedAt: lastMonth(11) },
        { merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: lastMonth(1) },
      ],
      turns: [
        // Before: "You spent $780.00 between … Top categories: Rent …".
        { say: "how much did i spnd on groceris last mnth", expect: { intent: "spending", text: /You spent \$90\.00 on groceries/, notText: /Rent/ } },
        { say: "how much did i spend at resturants last month", expect: { intent: "spending", text: /You spent \$40\.00 on dining/, notText: /Rent/ } },
      ],
    });
  });

  it("'how do i transfer money to my savings account' is a transfer to savings, asked for what is missing (it led with money from another bank)", async () => {
    await runScript("e31-how-to-savings", {
      turns: [
        { say: "how do i transfer money to my savings account", expect: { intent: "transfer", text: /How much/, notText: /another bank/ } },
        { say: "150", expect: { confirmation: true, text: /\$150\.00 from Everyday Checking[\s\S]*Savings/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'i'm worried i won't have enough for rent' / 'do i have enough for rent' set the last rent against checking (they got 'Sorry' and every balance)", async () => {
    await runScript("e31-enough-for-rent", {
      history: [{ merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: lastMonth(1) }],
      turns: [
        {
          say: "i'm worried i won't have enough for rent",
          expect: { intent: "balance", text: /^Your last rent payment was \$650\.00 to “Harbor View Apartments” on 1 [\s\S]*Everyday Checking ••1001 has \$350\.00 available, \$300\.00 short of \$650\.00\. You could move money from Rainy Day Savings/ },
        },
        { say: "move 300 from savings to checking", expect: { confirmation: true, text: /\$300\.00 from Rainy Day Savings/ } },
        { press: "yes", say: "yes", expect: { text: /Done/ }, balances: { checking: 650_00 } },
        { say: "do i have enough for rent now", expect: { intent: "balance", text: /^Your last rent payment was \$650\.00[\s\S]*\$650\.00 would leave \$0\.00 available in Everyday Checking/ } },
      ],
    });
  });

  it("'how much did i spend last week' then 'compared to the week before?' sets both weeks side by side (it got 'Sorry')", async () => {
    // Last week's Monday and the Monday before it, at noon UTC, whatever day the test runs.
    const today = daysAgo(0);
    const lastMonday = daysAgo(((today.getUTCDay() + 6) % 7) + 7);
    const mondayBefore = new Date(lastMonday.getTime() - 7 * 86_400_000);
    await runScript("e31-week-before", {
      history: [
        { merchant: "Fresh Market", category: "Groceries", amount: -40_00, postedAt: new Date(lastMonday.getTime() + 86_400_000) },
        { merchant: "Fresh Market", category: "Groceries", amount: -25_00, postedAt: new Date(mondayBefore.getTime() + 86_400_000) },
      ],
      turns: [
        { say: "how much did i spend last week", expect: { intent: "spending", text: /You spent \$40\.00/ } },
        { say: "compared to the week before?", expect: { intent: "spending", text: /\$40\.00[\s\S]*\$25\.00/, notText: /Sorry/ } },
      ],
    });
  });

  it("a bare 'checking' at a payment's 'How much?' is the account to send from, then the amount is asked again (it showed checking's balance)", async () => {
    await runScript("e31-bare-checking-at-amount", {
      turns: [
        { say: "send money to jordan", expect: { intent: "transfer", text: /How much/ } },
        { say: "checking", expect: { text: /Everyday Checking[\s\S]*How much/, notText: /\$1,000\.00/, confirmation: false } },
        { say: "25", expect: { confirmation: true, text: /\$25\.00 from Everyday Checking ••1001 to “Jordan Lee”/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
        // A question that names an account is still answered aside, never taken as the source.
        { say: "send money to jordan", expect: { text: /How much/ } },
        { say: "what's in checking?", expect: { text: /\$1,000\.00[\s\S]*Back to your transfer: How much/ } },
      ],
    });
  });
});
