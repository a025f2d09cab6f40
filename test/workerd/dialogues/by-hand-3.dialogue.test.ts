/**
 * Wave 3, session 28: what using Teller by hand showed it answered wrongly about the customer's own
 * payments, end to end through the gateway. Each was a wrong answer before (said in each case).
 */
import { describe, it } from "vitest";
import { lastMonth, monthsAgo, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: monthsAgo(3, 28) },
  { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: monthsAgo(2, 3) },
  { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: lastMonth(3) },
  { merchant: "Pulse Gym", category: "Health", amount: -39_00, postedAt: monthsAgo(2, 12) },
  { merchant: "Pulse Gym", category: "Health", amount: -39_00, postedAt: lastMonth(12) },
  { merchant: "Harbor View Apartments", category: "Rent", amount: -1650_00, postedAt: monthsAgo(2, 1) },
  { merchant: "Harbor View Apartments", category: "Rent", amount: -1650_00, postedAt: lastMonth(1) },
  { merchant: "RideNow", category: "Transport", amount: -12_40, postedAt: lastMonth(9) },
];

describe("when a regular payment comes out, asked by hand", () => {
  // "when is my rent due" and "when is my gym payment": "You don't have a credit card with us." (CLINC150's
  // bill_due reads as the card's statement); "when does my gym membership come out" and "when does
  // streamflix renew": "Sorry, I can't help with that."
  it("the next one is read from the ones before it", async () => {
    await runScript("by-hand-3-next-payment", {
      history: HISTORY,
      turns: [
        { say: "when is my rent due", expect: { text: /^“Harbor View Apartments” usually takes a payment around the 1st of each month: the last was \$1,650\.00 on 1 /, notText: /credit card/ } },
        { say: "when does my gym membership come out", expect: { text: /^“Pulse Gym” usually takes a payment around the 12th of each month: the last was \$39\.00 on 12 / } },
        { say: "when is my gym payment", expect: { text: /^“Pulse Gym” usually takes a payment around the 12th/, notText: /credit card/ } },
        { say: "when does streamflix renew", expect: { text: /^“Streamflix” usually takes a payment around the 3rd of each month/ } },
        // Nothing to go by: said, never a made-up date.
        { say: "when is my car insurance due", expect: { text: /^I can't find a payment for “car insurance” in your transactions from the last 120 days, so I can't tell when the next one is due\./ } },
        // The card's own due date is still the card's statement.
        { say: "when is my credit card payment due", expect: { intent: "credit_statement", text: /^Teller Card ••3003: your statement/ } },
      ],
    });
  });

  // "did streamflix charge me this month": the month's transactions, all of them; "has pulse gym taken money
  // last month": "Sorry, I can't help with that."
  it("whether a company charged is that company's payment", async () => {
    await runScript("by-hand-3-charged-status", {
      history: HISTORY,
      turns: [
        { say: "did streamflix charge me last month", expect: { text: /^Yes — your “Streamflix” payment went through: \$15\.49 to “Streamflix” on 3 / } },
        { say: "has pulse gym taken money last month", expect: { text: /^Yes — your “Pulse Gym” payment went through: \$39\.00 to “Pulse Gym” on 12 / } },
        { say: "did tunely charge me last month", expect: { text: /^I can't find a payment for “tunely” in your transactions between 1 / } },
      ],
    });
  });

  // "how much did ridenow charge me last month": "You spent $12.40 at “ridenow”", the name as typed.
  it("a merchant is named as the bank booked it", async () => {
    await runScript("by-hand-3-merchant-name", {
      history: HISTORY,
      turns: [{ say: "how much did ridenow charge me last month", expect: { intent: "spending", text: /^You spent \$12\.40 at “RideNow” between / } }],
    });
  });

  // "how much did i save last month": the month's spending alone; "did i save any money last month":
  // "Sorry, I can't help with that."
  it("what was saved is what came in less what was spent", async () => {
    await runScript("by-hand-3-saved", {
      history: [
        { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: lastMonth(2) },
        { merchant: "Harbor View Apartments", category: "Rent", amount: -1650_00, postedAt: lastMonth(3) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -200_00, postedAt: lastMonth(9) },
      ],
      turns: [
        { say: "how much did i save last month", expect: { text: /^Between 1 .* and .*, \$2,850\.00 came into your accounts \(your own transfers left out\) and you spent \$1,850\.00, so you kept \$1,000\.00\.$/ } },
        { say: "did i save any money last month", expect: { text: /so you kept \$1,000\.00\.$/ } },
      ],
    });
  });

  // "whats my net worth": "Sorry, I can't help with that."
  it("net worth is the accounts added up", async () => {
    await runScript("by-hand-3-net-worth", {
      turns: [{ say: "whats my net worth", expect: { intent: "balance", text: /Together, .* hold \$6,000\.00/ } }],
    });
  });

  // "whats my credit card balance": "Teller Card ••3003: -$120.00 …", a sign customers could not place.
  it("a credit card's balance is what is owed", async () => {
    await runScript("by-hand-3-card-owed", {
      customer: { credit: true },
      history: [{ account: "credit", merchant: "Bookhaven", category: "Shopping", amount: -120_00, postedAt: lastMonth(9) }],
      turns: [{ say: "whats my credit card balance", expect: { intent: "balance", text: /^Teller Card ••3003: \$120\.00 owed \(/, notText: /-\$/ } }],
    });
  });

  // "can i pay my card with savings": "Sorry, I can't help with that."
  it("asking to pay the card from savings sets the payment up, paid once at the Yes", async () => {
    await runScript("by-hand-3-card-from-savings", {
      customer: { credit: true },
      history: [{ account: "credit", merchant: "Bookhaven", category: "Shopping", amount: -120_00, postedAt: lastMonth(9) }],
      turns: [
        { say: "can i pay my card with savings", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\?/ } },
        { say: "50", expect: { confirmation: true, text: /Pay \$50\.00 to Teller Card ••3003 from Rainy Day Savings ••2002\?/ } },
        { say: "yes", press: "yes", balances: { savings: 4950_00, credit: -70_00 } },
      ],
    });
  });

  // "actually make it 300" while asked whether to drop a card freeze for "move 500 from savings to
  // checking": asked again, and the Yes then asked "Who should I send it to?" (the destination lost).
  it("a correction to the request waiting on 'drop it?' corrects it", async () => {
    await runScript("by-hand-3-switch-corrected", {
      turns: [
        { say: "i think someone used my visa card", expect: { confirmation: true, text: /Shall I freeze Visa ••4242/ } },
        { say: "move 500 from savings to checking", expect: { text: /^We're in the middle of a card freeze\. Do you want to drop it and make a new transfer instead\?$/ } },
        { say: "actually make it 300", expect: { text: /^We're in the middle of a card freeze\. Do you want to drop it and make a new transfer instead\?$/ } },
        { say: "yes", expect: { confirmation: true, text: /Send \$300\.00 from Rainy Day Savings ••2002 to .*Checking ••1001\?/ } },
        { say: "yes", press: "yes", balances: { savings: 4700_00, checking: 1300_00 } },
      ],
    });
  });

  // "how much was the water bill": "Your last payment to “City Power & Light” was …" (water and power are
  // both Utilities); "wen did i pay the water bill": "How much would you like to pay …?", a payment begun.
  it("a water bill is the water company's, asked however it is typed", async () => {
    const power = { merchant: "City Power & Light", category: "Utilities", amount: -84_20, postedAt: lastMonth(20) };
    await runScript("by-hand-3-water-bill", {
      history: [power],
      turns: [{ say: "how much was the water bill last month", expect: { text: /^I can't find a payment for “water” in your transactions between .*\. The latest utility payment I see is \$84\.20 to “City Power & Light” on 20 /, notText: /^Your last payment/ } }],
    });
    await runScript("by-hand-3-water-bill-paid", {
      history: [{ merchant: "Metro Water Utility", category: "Utilities", amount: -41_10, postedAt: lastMonth(8) }, power],
      turns: [
        { say: "how much was the water bill last month", expect: { text: /^Your last payment to “Metro Water Utility” was \$41\.10 on 8 / } },
        { say: "wen did i pay the water bill", expect: { text: /^Your last payment to “Metro Water Utility” was \$41\.10 on 8 /, notText: /How much would you like/ } },
      ],
    });
  });

  // "how do i update my email": "Sorry, I can't help with that."
  it("where an email address is changed is answered", async () => {
    await runScript("by-hand-3-update-email", {
      turns: [{ say: "how do i update my email", expect: { intent: "edit_personal_details", text: /in the app under your profile/ } }],
    });
  });

  // "what was my biggest purchase on my credit card": the biggest from checking.
  it("the biggest purchase on the credit card is the card's", async () => {
    await runScript("by-hand-3-biggest-on-card", {
      customer: { credit: true },
      history: [
        { merchant: "Bookhaven", category: "Shopping", amount: -312_00, postedAt: lastMonth(11) },
        { account: "credit", merchant: "Sakura Sushi", category: "Dining", amount: -64_00, postedAt: lastMonth(12) },
      ],
      turns: [{ say: "what was my biggest purchase on my credit card last month", expect: { text: /^Your biggest purchase between .* on your credit card was \$64\.00 at “Sakura Sushi”/ } }],
    });
  });

  // "how much did i spend eating out last month" / "how many times did i eat out": every category's
  // total; "how many times did i go to ridenow": the latest transactions, all of them.
  it("eating out is dining, and how often is counted where it was asked", async () => {
    await runScript("by-hand-3-eating-out", {
      history: [
        { merchant: "Sakura Sushi", category: "Dining", amount: -64_00, postedAt: lastMonth(12) },
        { merchant: "Luigi's Trattoria", category: "Dining", amount: -36_00, postedAt: lastMonth(14) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -41_75, postedAt: lastMonth(12) },
        { merchant: "RideNow", category: "Transport", amount: -12_40, postedAt: lastMonth(9) },
        { merchant: "RideNow", category: "Transport", amount: -9_10, postedAt: lastMonth(19) },
      ],
      turns: [
        { say: "how much did i spend eating out last month", expect: { intent: "spending", text: /^You spent \$100\.00 on dining between / } },
        { say: "how many times did i go to ridenow last month", expect: { text: /^Here are 2 transactions at “RideNow” between /i } },
      ],
    });
  });
});
