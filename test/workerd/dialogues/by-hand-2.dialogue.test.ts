/**
 * Wave 3, session 27: what using Teller by hand showed it answered wrongly about the customer's own money,
 * end to end through the gateway. Each was a wrong answer before (said in each case).
 * Opening balances: checking $1,000.00, savings $5,000.00 (the opening deposits are this month's money in,
 * so these questions ask about last month).
 */
import { describe, it } from "vitest";
import { lastMonth, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "Harbor View Apartments", category: "Rent", amount: -1650_00, postedAt: lastMonth(1) },
  { merchant: "City Power & Light", category: "Utilities", amount: -84_20, postedAt: lastMonth(20) },
  { merchant: "Uber", category: "Transport", amount: -23_40, postedAt: lastMonth(9) },
  { merchant: "Uber", category: "Transport", amount: -11_10, postedAt: lastMonth(14) },
  { merchant: "Bookhaven", category: "Shopping", amount: -312_00, postedAt: lastMonth(11) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -41_75, postedAt: lastMonth(12) },
  { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: lastMonth(2) },
  { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: lastMonth(16) },
  { merchant: "Zara", category: "Shopping", amount: 39_90, postedAt: lastMonth(18) },
];

describe("the customer's own money, asked by hand", () => {
  // "how much do i spend on rent" / "on utilities" / "on bills": "I couldn't find any spending on bills"
  // (the words were filed under a category "bills" that no booking carries).
  it("rent, utilities and bills are the bookings filed under them", async () => {
    await runScript("by-hand-2-bills", {
      history: HISTORY,
      turns: [
        { say: "how much did i spend on rent last month", expect: { intent: "spending", text: /^You spent \$1,650\.00 on rent between 1 .* and .*\.$/ } },
        { say: "how much did i spend on utilities last month", expect: { intent: "spending", text: /^You spent \$84\.20 on utilities between / } },
        { say: "how much did i spend on bills last month", expect: { intent: "spending", text: /^You spent \$1,734\.20 on bills between / } },
        // (CLINC150's bill_balance, credit_statement: "You don't have a credit card with us.")
        { say: "how much was my electric bill last month", expect: { text: /^Your last payment to “City Power & Light” was \$84\.20 on /, notText: /credit card/ } },
        // (the 10 latest transactions)
        { say: "hey can u check if my rent went thru", expect: { text: /^Yes — your “rent” payment went through: \$1,650\.00 to “Harbor View Apartments”/ } },
        { say: "what was my phone bill in october", expect: { text: /^I can't find a payment for “phone” in your transactions between 1 Oct/ } },
      ],
    });
  });

  // "how much did uber charge me": the whole month's spending, every category.
  it("what a merchant charged is that merchant's", async () => {
    await runScript("by-hand-2-merchant-charged", {
      history: HISTORY,
      turns: [{ say: "how much did uber charge me last month", expect: { intent: "spending", text: /^You spent \$34\.50 at “uber” between /i } }],
    });
  });

  // "whats the most i spent in one go": "I couldn't find any spending at “one go”".
  it("the most spent in one go is the biggest purchase", async () => {
    await runScript("by-hand-2-one-go", {
      history: HISTORY,
      turns: [
        { say: "whats the most i spent in one go last month", expect: { text: /^Your biggest purchase between .* was \$312\.00 at “Bookhaven”/, notText: /one go/ } },
        // (the rent: "Your biggest payment … was $1,650.00 at “Harbor View Apartments”")
        { say: "what was my largest deposit last month", expect: { text: /^The biggest payment into your accounts between .* was \$2,850\.00 from “Northwind Labs Payroll”/ } },
      ],
    });
  });

  // "show my last 2 deposits": the 10 latest payments in.
  it("the last N deposits are N", async () => {
    await runScript("by-hand-2-deposits", {
      history: HISTORY,
      turns: [{ say: "show my last 2 deposits", expect: { intent: "transactions", text: /^Here are the 2 latest payments into your accounts/ } }],
    });
  });

  // "when did i last get paid": "Sorry, I can't help with that." (the model keeps CLINC150's payday out of
  // scope; the conversation answers it from the money that came in).
  it("when the customer was last paid is the latest money in", async () => {
    await runScript("by-hand-2-last-paid", {
      history: HISTORY,
      turns: [
        { say: "when did i last get paid", expect: { text: /^Your latest pay came in on /, notText: /can't help/ } },
        { say: "when was my last paycheck", expect: { text: /^Your latest pay came in on /, notText: /can't help/ } },
      ],
    });
  });

  // "what happens now" after the freeze: "Sorry, I can't help with that."; "talk to a person" then: "You're
  // already in the queue" (a queue the customer was never told of).
  it("after a card frozen for a fraud report, what happens now is said, and the person already asked for", async () => {
    await runScript("by-hand-2-what-now", {
      turns: [
        { say: "i think someone used my card", expect: { intent: "compromised_card", text: /freeze the card now/ } },
        { say: "the visa", expect: { text: /^Shall I freeze Visa ••4242 now\?/ } },
        { say: "yes", press: "yes", expect: { text: /••4242 is frozen/ } },
        { say: "what happens now", expect: { text: /^Your card ••4242 stays frozen: .*dispute.* member of our team has been asked to join this chat/, notText: /can't help/ } },
        { say: "talk to a person", expect: { intent: "human_agent", text: /^I've already asked a member of our team to join this chat/ } },
      ],
    });
  });

  // "do i have any direct debits" / "whats on autopay": "Sorry, I can't help with that."; "what are my
  // recurring payments" said none beside monthly subscriptions, as if nothing went out on its own.
  it("payments that go out on their own: the scheduled ones, and what companies take themselves said", async () => {
    await runScript("by-hand-2-autopay", {
      turns: [
        { say: "do i have any direct debits", expect: { intent: "scheduled_payments", text: /^You don't have any scheduled or recurring payments set up in Teller\. Payments that companies take themselves, like subscriptions or a bill on autopay/ } },
        { say: "whats on autopay", expect: { intent: "scheduled_payments", notText: /can't help/ } },
        { say: "what are my recurring payments", expect: { intent: "scheduled_payments", text: /show in your transactions/ } },
      ],
    });
  });

  // "pay the minimum" after the statement: the statement said again (credit_statement), then "from
  // checking" began a transfer to nobody ("How much would you like to send?").
  it("'pay the minimum' after the statement pays the card its minimum, confirmed first", async () => {
    await runScript("by-hand-2-pay-minimum", {
      customer: { credit: true },
      history: [{ account: "credit", merchant: "Bookhaven", category: "Shopping", amount: -412_35, postedAt: lastMonth(10) }],
      turns: [
        { say: "how much do i owe on my card" },
        { say: "pay the minimum", expect: { intent: "pay_bill", text: /^Which account should I pay it from\?/ } },
        { say: "from checking", expect: { intent: "pay_bill", text: /^Pay \$25\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/, confirmation: true } },
        { say: "yes", press: "yes", expect: { text: /\$25\.00/ }, balances: { checking: 975_00 } },
      ],
    });
  });

  // "did you freeze it?" at the offer after a lost card froze the card, as if "freeze it" had been said.
  it("'did you freeze it?' at the freeze offer is answered, and nothing is frozen before the Yes", async () => {
    await runScript("by-hand-2-did-you-freeze", {
      turns: [
        { say: "i lost my card", expect: { intent: "lost_or_stolen_card", text: /Freeze your card right away/ } },
        { say: "the visa", expect: { text: /^Shall I freeze Visa ••4242 now\?/ } },
        { say: "did you freeze it?", expect: { text: /^Not yet — I haven't frozen anything\. Shall I freeze Visa ••4242 now\?/, notText: /is frozen/ } },
        { say: "yes", press: "yes", expect: { text: /••4242 is frozen/ } },
      ],
    });
  });
});
