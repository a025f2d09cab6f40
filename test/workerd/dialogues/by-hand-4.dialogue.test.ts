/**
 * Wave 3, session 29: what using Teller by hand showed it answered wrongly or unhelpfully, end to end
 * through the gateway. Each was a wrong answer before (said in each case).
 */
import { describe, it } from "vitest";
import { daysAgo, lastMonth, monthsAgo, runScript, type HistoryItem } from "./script.js";

const PAY: HistoryItem = { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: monthsAgo(2, 28) };

describe("how many times, asked by hand", () => {
  // "how many times did i eat out last month": "You spent $71.50 on dining between …" (the total alone).
  it("is answered with the number of payments, and their total beside it", async () => {
    await runScript("by-hand-4-how-many-times", {
      history: [
        PAY,
        { merchant: "Sakura Sushi", category: "Dining", amount: -42_00, postedAt: lastMonth(4) },
        { merchant: "Luigi's Trattoria", category: "Dining", amount: -18_25, postedAt: lastMonth(11) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -11_25, postedAt: lastMonth(19) },
        { merchant: "RideNow", category: "Transport", amount: -12_40, postedAt: lastMonth(9) },
      ],
      turns: [
        { say: "how many times did i eat out last month", expect: { intent: "spending", text: /^You made 3 payments on dining between 1 .* and .*: \$71\.50 in all\.$/ } },
        { say: "how often did i use ridenow last month", expect: { text: /^You made 1 payment at “RideNow” between 1 .*: \$12\.40 in all\.$/ } },
        // A total asked is still a total.
        { say: "how much did i spend eating out last month", expect: { text: /^You spent \$71\.50 on dining between / } },
      ],
    });
  });
});

describe("this month against last, asked by hand", () => {
  // "am i spending more than last month" on the 5th: "You spent $X in December so far and $Y in November:
  // $Z more in November than in December so far" — a whole month set against five days.
  it("sets this month so far against the same days of last month", async () => {
    const today = new Date().getUTCDate();
    // Last month: $100 on the 1st (always within the same days), $900 on its last day (within them only on the 31st).
    const lastDay = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0)).getUTCDate();
    const sameDays = 100_00 + (lastDay <= today ? 900_00 : 0);
    const sameText = (sameDays / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",");
    await runScript("by-hand-4-same-days", {
      history: [
        PAY,
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -100_00, postedAt: lastMonth(1) },
        { merchant: "Harbor View Apartments", category: "Rent", amount: -900_00, postedAt: lastMonth(lastDay) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -250_00, postedAt: daysAgo(0) },
      ],
      turns: [
        {
          say: "am i spending more than last month",
          expect: {
            intent: "spending",
            text: new RegExp(String.raw`^You spent \$250\.00 in \w+ \d{4} so far, and \$${sameText.replace(".", "\\.")} in the same days of \w+ \d{4} \(1–${Math.min(today, lastDay)} \w{3}\)`),
          },
        },
      ],
    });
  });
});

describe("a charge named by where it was made, asked by hand", () => {
  // "i was charged twice at the gas station": "I couldn't find a charge from “gas” in the last 90 days".
  it("finds the charge made twice among that kind of payment", async () => {
    await runScript("by-hand-4-twice-at-kind", {
      history: [
        PAY,
        { merchant: "Shell", category: "Transport", amount: -42_10, postedAt: daysAgo(3) },
        { merchant: "Shell", category: "Transport", amount: -42_10, postedAt: daysAgo(3) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -18_00, postedAt: daysAgo(2) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -18_00, postedAt: daysAgo(2) },
      ],
      turns: [
        { say: "i was charged twice at the gas station", expect: { intent: "dispute", text: /^These look like the same charge made twice: .*Shell.*\$42\.10/, notText: /Sakura|“gas”/ } },
      ],
    });
  });
});

describe("a credit card applied for, asked by hand", () => {
  // "can i apply for a credit card": "To order a physical card, open Cards in the app …" (a plastic card).
  it("is how a new account is opened", async () => {
    await runScript("by-hand-4-apply-credit-card", {
      turns: [
        { say: "can i apply for a credit card", expect: { intent: "open_account", notText: /physical card/ } },
        { say: "i'd like to apply for a credit card", expect: { intent: "open_account", notText: /physical card/ } },
        // A replacement is still a card ordered.
        { say: "i need a new credit card", expect: { notText: /open a new account/ } },
      ],
    });
  });
});

describe("a charge named by its amount, asked by hand", () => {
  // "what was the 45 dollar charge": the written answer on extra charges, with no look at the customer's own.
  it("is that charge, looked up", async () => {
    await runScript("by-hand-4-charge-by-amount", {
      history: [PAY, { merchant: "Pulse Gym", category: "Health", amount: -45_00, postedAt: daysAgo(6) }],
      turns: [
        { say: "what was the 45 dollar charge", expect: { intent: "transactions", text: /^Here is 1 transaction of \$45\.00/, data: "transactions" } },
        { say: "whats that $19.99 charge", expect: { intent: "transactions", text: /^I couldn't find any transactions of \$19\.99/ } },
      ],
    });
  });
});

describe("the card paid later, asked by hand", () => {
  // After the statement, "can i pay it tomorrow": "Sorry, I can't help with that." (the model: payees 0.25).
  it("is a card payment, asked for like any other and confirmed first", async () => {
    await runScript("by-hand-4-pay-it-tomorrow", {
      customer: { credit: true },
      turns: [
        { say: "whats my minimum payment", expect: { intent: "credit_statement", text: /minimum payment is \$25\.00/ } },
        { say: "can i pay it tomorrow", expect: { intent: "pay_bill", notText: /Sorry/ } },
        { say: "25", expect: { text: /^Which account should I pay it from\?/ } },
        { say: "checking", expect: { confirmation: true, text: /Pay \$25\.00 to Teller Card ••3003 from Everyday Checking ••1001 tomorrow, / } },
        { say: "no", expect: { text: /Nothing was paid/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});

describe("since payday, asked by hand", () => {
  // "how much have i spent since payday": this month so far, whenever pay came in.
  it("counts from the day the last pay came in", async () => {
    await runScript("by-hand-4-since-payday", {
      history: [
        { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: daysAgo(40) },
        { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: daysAgo(10) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -300_00, postedAt: daysAgo(12) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -80_00, postedAt: daysAgo(6) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -20_00, postedAt: daysAgo(2) },
      ],
      turns: [
        { say: "how much have i spent since payday", expect: { intent: "spending", text: /^Your last pay came in on .* \(\$2,850\.00 from “Northwind Labs Payroll”\)\. You spent \$100\.00 between / } },
        { say: "what have i bought since i got paid", expect: { intent: "transactions", text: /^Your last pay came in on .* \(\$2,850\.00 from “Northwind Labs Payroll”\)\. Here are \d+ payments out between / } },
      ],
    });
  });
});

describe("enough to pay the card off, asked by hand", () => {
  // "do i have enough to pay my card off": every balance listed, the sum left to the customer.
  it("sets what the card owes against what the accounts hold, and offers the payment", async () => {
    await runScript("by-hand-4-card-afford", {
      customer: { credit: true, checking: 200_00 },
      history: [{ account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -450_00, postedAt: daysAgo(4) }],
      turns: [
        { say: "do i have enough to pay my card off", expect: { intent: "balance", text: /^Yes\. Teller Card ••3003 has \$450\.00 owed, and Rainy Day Savings ••2002 has \$[\d,]+\.\d\d available, enough to pay it off in full\.$/ } },
        { say: "is there enough in checking to pay off my credit card", expect: { text: /^Not in full from one account\. Teller Card ••3003 has \$450\.00 owed; Everyday Checking ••1001 has \$[\d,]+\.\d\d\. You can pay part of it now\.$/ } },
      ],
    });
  });
});
