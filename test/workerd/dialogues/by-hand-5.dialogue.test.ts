/**
 * Wave 3, session 30: what using Teller by hand showed it answered wrongly or unhelpfully, end to end
 * through the gateway. Each was a wrong answer before (said in each case).
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);

const PAY: HistoryItem = { merchant: "Northwind Labs Payroll", category: "Income", amount: 2850_00, postedAt: daysAgo(4) };
// Money in after the pay that is no pay: "did my paycheck come in" must not be answered with it.
const REFUND: HistoryItem = { merchant: "Parcel Post Refund", category: "Shopping", amount: 25_00, postedAt: daysAgo(1) };
const SPENT: HistoryItem[] = [
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -64_20, postedAt: daysAgo(3) },
  { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(2) },
  { merchant: "Harbor View Apartments", category: "Rent", amount: -1400_00, postedAt: daysAgo(6) },
  { merchant: "City Power & Light", category: "Utilities", amount: -88_10, postedAt: daysAgo(8) },
  { merchant: "RideNow", category: "Transport", amount: -17_40, postedAt: daysAgo(2) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -42_00, postedAt: daysAgo(1) },
];
const LATEST_PAY = /^Your latest pay came in on \d{1,2} \w{3} \d{4}: \$2,850\.00 from “Northwind Labs Payroll”\./;

describe("whether pay came in, asked by hand", () => {
  // "did my paycheck come in": "Here are the 10 latest payments into your accounts" (the question unanswered);
  // "has my salary arrived": "I can't find a payment for “salary”"; "is my pay in yet": "transactions at “yet”";
  // "how much was my last paycheck": "Sorry, I can't help with that."
  it.each(["did my paycheck come in", "has my salary arrived", "is my pay in yet", "have i been paid yet", "how much was my last paycheck", "did my direct deposit hit"])(
    "'%s' is answered with the latest pay, not a refund after it",
    async (say) => {
      await runScript(`by-hand-5-pay-${say.replace(/\W+/g, "-")}`, {
        history: [PAY, REFUND, ...SPENT],
        turns: [{ say, expect: { intent: "transactions", text: LATEST_PAY, notText: /Parcel|can't help|“yet”|“salary”/ }, check: (r) => expect(rows(r)).toHaveLength(1) }],
      });
    },
  );

  // "how much was my last deposit": the ten latest payments in. A deposit is any money in: the refund here,
  // booked a minute ago so that it is newer than the fixture's opening balance (booked a day ago, to the
  // minute: at noon "yesterday" it would lose or win by the hour the test runs).
  it("'how much was my last deposit' is the latest money in, whatever it was", async () => {
    await runScript("by-hand-5-last-deposit", {
      history: [PAY, { ...REFUND, postedAt: new Date(Date.now() - 60_000) }, ...SPENT],
      turns: [{ say: "how much was my last deposit", expect: { intent: "transactions", text: /^The latest payment into your accounts was \$25\.00 from “Parcel Post Refund” on / }, check: (r) => expect(rows(r)).toHaveLength(1) }],
    });
  });

  // "how much was it" right after: "Sorry, I can't help with that."
  it("then 'how much was it' is that payment's amount", async () => {
    await runScript("by-hand-5-pay-how-much", {
      history: [PAY, REFUND, ...SPENT],
      turns: [
        { say: "did my paycheck come in", expect: { text: LATEST_PAY } },
        { say: "how much was it", expect: { intent: "transactions", text: /^It was \$2,850\.00 in from “Northwind Labs Payroll” on \d{1,2} \w{3} \d{4}\.$/ } },
        { say: "what was my biggest purchase this week", expect: { text: /\$1,400\.00 at “Harbor View Apartments”|\$64\.20/ } },
        { say: "how much was that", expect: { text: /^It was \$(?:1,400\.00|64\.20) at “/ } },
      ],
    });
  });
});

describe("purchases asked by hand", () => {
  // "what have i bought since i got paid": the pay itself and a refund were listed among the purchases.
  it("'what have i bought since i got paid' lists money out only", async () => {
    await runScript("by-hand-5-bought-since-paid", {
      history: [PAY, REFUND, ...SPENT],
      turns: [
        {
          say: "what have i bought since i got paid",
          expect: { intent: "transactions", text: /^Your last pay came in on .*\. Here are 4 payments out between / },
          check: (r) => expect(rows(r).every((t) => t.amount.minor < 0)).toBe(true),
        },
      ],
    });
  });

  // "show me my debit card transactions": every account's transactions, the credit card's too.
  it("'show me my debit card transactions' is checking's money out, said so", async () => {
    await runScript("by-hand-5-debit-card", {
      customer: { credit: true },
      history: [PAY, ...SPENT, { account: "credit", merchant: "Skyline Air", category: "Travel", amount: -320_00, postedAt: daysAgo(2) }],
      turns: [
        {
          say: "show me my debit card transactions",
          expect: { intent: "transactions", text: /^Purchases with your debit card come out of your checking account\. Here are \d+ payments out in your checking account\b/, notText: /Skyline/ },
          check: (r) => {
            expect(rows(r).length).toBeGreaterThan(0);
            expect(rows(r).every((t) => t.amount.minor < 0 && t.merchant !== "Skyline Air")).toBe(true);
          },
        },
      ],
    });
  });

  // "what are my biggest expenses": "Your biggest payment … was $X at …" (one, for a plural question).
  it("'what are my biggest expenses' and 'my 3 biggest purchases in the last 10 days' list several, biggest first", async () => {
    await runScript("by-hand-5-biggest-several", {
      history: [PAY, ...SPENT],
      turns: [
        {
          say: "what are my biggest expenses",
          expect: { intent: "spending", text: /^Your 5 biggest payments in the last 30 days: \$1,400\.00 at “Harbor View Apartments” \(\d+ \w{3}\), \$88\.10 at “City Power & Light” .*\$17\.40 at “RideNow” \(\d+ \w{3}\)\.$/ },
          check: (r) => expect(rows(r).map((t) => t.amount.minor)).toEqual([-1400_00, -88_10, -64_20, -42_00, -17_40]),
        },
        {
          // "in the last 10 days", not "this week": on a Monday this week holds only today.
          say: "my 3 biggest purchases in the last 10 days",
          expect: { text: /^Your 3 biggest purchases / },
          check: (r) => expect(rows(r)).toHaveLength(3),
        },
      ],
    });
  });
});

describe("an account not held, asked by hand", () => {
  // "show transactions on my joint account": every account's, as if one of them were the joint one.
  it("transactions or spending 'on my joint account' say there is none before what the accounts show", async () => {
    await runScript("by-hand-5-joint", {
      history: [PAY, ...SPENT],
      turns: [
        { say: "show transactions on my joint account", expect: { intent: "transactions", text: /^You don't have a joint account with us, so this is for the accounts you do have\. Here are/ } },
        { say: "how much did i spend on my joint account this week", expect: { intent: "spending", text: /^You don't have a joint account with us, so this is for the accounts you do have\. You spent / } },
      ],
    });
  });
});

describe("bills and fees, asked by hand", () => {
  // "whats my biggest bill": "You don't have a credit card with us." (read as the card's statement).
  it("'whats my biggest bill' is the biggest of the household's bills, never a purchase", async () => {
    await runScript("by-hand-5-biggest-bill", {
      history: [PAY, ...SPENT, { merchant: "Skyline TVs", category: "Shopping", amount: -1900_00, postedAt: daysAgo(2) }],
      turns: [
        { say: "whats my biggest bill", expect: { text: /^Your biggest bill in the last 30 days was \$1,400\.00 at “Harbor View Apartments” on /, notText: /credit card|Skyline/ } },
        { say: "what are my biggest bills", expect: { text: /^Your 2 biggest bills in the last 30 days \(only 2 bills\): \$1,400\.00 at “Harbor View Apartments” \(\d+ \w{3}\), \$88\.10 at “City Power & Light”/ } },
      ],
    });
  });

  // "did my rent go out": "You don't have any scheduled or recurring payments set up in Teller." (scheduled_payments).
  it("'did my rent go out' is answered from the transactions", async () => {
    await runScript("by-hand-5-rent-out", {
      history: [PAY, ...SPENT],
      turns: [{ say: "did my rent go out", expect: { text: /^Yes — your “rent” payment went through: \$1,400\.00 to “Harbor View Apartments” on /, notText: /scheduled/ } }],
    });
  });

  // "how much did i pay in fees this year": "I couldn't find any spending at “fees” …" (a merchant called fees).
  it("'how much did i pay in fees this year' is the fees charged, said as fees", async () => {
    await runScript("by-hand-5-fees-total", {
      // Booked today, so that "this year" holds it on any day of the year.
      history: [PAY, ...SPENT, { merchant: "Overdraft fee", category: "Fees", amount: -35_00, postedAt: daysAgo(0) }],
      turns: [
        { say: "how much did i pay in fees this year", expect: { intent: "spending", text: /^You were charged \$35\.00 in fees between 1 Jan \d{4} and / } },
        { say: "any fees last year", expect: { text: /^You haven't been charged any fees between 1 Jan \d{4} and 31 Dec \d{4}\.$/ } },
      ],
    });
  });

  // "what do i spend the most money on": "You paid “…” most often …" (how often, not how much).
  // "how much did i spend yesterday": "… between 4 Dec 2026 and 4 Dec 2026".
  it("'what do i spend the most money on' is the top categories; one day is said as that day", async () => {
    await runScript("by-hand-5-most-on", {
      // One purchase today, so that this month has spending on its 1st too.
      history: [PAY, ...SPENT, { merchant: "Fresh Fields Market", category: "Groceries", amount: -30_00, postedAt: daysAgo(0) }],
      turns: [
        { say: "what do i spend the most money on", expect: { intent: "spending", text: /^You spent .* Top categories: /, notText: /most often/ } },
        { say: "how much did i spend yesterday", expect: { intent: "spending", text: /^You spent \$42\.00 on \d{1,2} \w{3} \d{4}\. Top categories: Dining \$42\.00\.$/ } },
      ],
    });
  });
});

describe("money gone, asked by hand", () => {
  // "where did my money go": "We may ask where money in your account comes from …" (source of funds).
  it("'where did my money go' is this month's spending by category", async () => {
    await runScript("by-hand-5-money-go", {
      history: [PAY, ...SPENT, { merchant: "Fresh Fields Market", category: "Groceries", amount: -30_00, postedAt: daysAgo(0) }],
      turns: [{ say: "where did my money go", expect: { intent: "spending", text: /^You spent \$[\d,.]+ (?:between|on) .* Top categories: /, notText: /comes from|documents/ } }],
    });
  });
});

describe("a share of an account, asked by hand", () => {
  // "move 20% of my balance to savings": "Send $20.00 from Everyday Checking to Rainy Day Savings?" (the
  // percentage read as dollars, a confirmation of the wrong amount).
  it("'move 20% of my balance to savings' works out 20% of checking and shows it before anything moves", async () => {
    await runScript("by-hand-5-percent", {
      turns: [
        {
          say: "move 20% of my balance to savings",
          expect: {
            confirmation: true,
            text: /^20% of the \$1,000\.00 available in Everyday Checking ••1001 is \$200\.00\. Send \$200\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/,
          },
          balances: { checking: 1_000_00, savings: 5_000_00 },
        },
        { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 800_00, savings: 5_200_00 } },
        // A percentage not of an account is asked about, never read as dollars.
        { say: "send 15% to savings", expect: { notText: /\$15\.00/ } },
      ],
    });
  });
});

describe("the last one, asked by hand", () => {
  // "what was my last purchase": "Here are your 10 most recent transactions."
  it("'what was my last purchase' is that one purchase, said; 'how much was it' then its amount", async () => {
    await runScript("by-hand-5-last-purchase", {
      history: [PAY, ...SPENT, REFUND],
      turns: [
        { say: "what was my last purchase", expect: { intent: "transactions", text: /^Your most recent purchase was \$42\.00 at “Sakura Sushi” on \d{1,2} \w{3} \d{4}\.$/ }, check: (r) => expect(rows(r)).toHaveLength(1) },
        { say: "how much was that", expect: { text: /^It was \$42\.00 at “Sakura Sushi”/ } },
      ],
    });
  });
});

describe("a card's state asked aside, by hand", () => {
  // "is my card frozen" while a freeze or an unfreeze waited for its Yes: "Sorry, I can't answer that one here."
  it("'is my card frozen' in the middle of an unfreeze says the card's state, then asks again; nothing changes before the Yes", async () => {
    await runScript("by-hand-5-card-status-aside", {
      turns: [
        { say: "freeze my card ending 4242", expect: { data: "cards" } },
        { say: "unfreeze my visa", expect: { confirmation: true } },
        { say: "is my card frozen", expect: { text: /••4242 is frozen[\s\S]*Back to your card/, notText: /Sorry/ } },
        { say: "No", press: "no", expect: { text: /haven't changed anything/ } },
        { say: "is my card frozen", expect: { text: /••4242 is frozen/ } },
      ],
    });
  });
});

describe("a loan, asked by hand", () => {
  // "can i get a loan": "Sorry, I can't help with that."
  it("'can i get a loan' says none is made here and offers a person", async () => {
    await runScript("by-hand-5-loan", {
      turns: [{ say: "can i get a loan", expect: { text: /^I can't arrange a loan, a mortgage or a line of credit here in the chat/, notText: /Sorry/ } }],
    });
  });
});

describe("weeks and purchases, asked by hand", () => {
  // "whats my spending this week compared to last week": this week's total alone.
  // "list all my purchases over 50 this month": the pay was among the "transactions over $50.00".
  it("'this week compared to last week' sets both weeks side by side; 'my purchases over 50' is money out", async () => {
    await runScript("by-hand-5-weeks", {
      history: [PAY, ...SPENT, { merchant: "Fresh Fields Market", category: "Groceries", amount: -70_00, postedAt: daysAgo(0) }],
      turns: [
        { say: "whats my spending this week compared to last week", expect: { intent: "spending", text: /^You spent \$[\d,.]+ in the week of \d{1,2} \w{3} so far and \$[\d,.]+ in the week of \d{1,2} \w{3}: / } },
        { say: "list all my purchases over 50", expect: { intent: "transactions", text: /^Here are \d+ payments out over \$50\.00/ }, check: (r) => expect(rows(r).every((t) => t.amount.minor < 0)).toBe(true) },
      ],
    });
  });
});

describe("a paid bill by name and a period, and a rough sum in digits, asked by hand", () => {
  // "did i pay my phone bill last week": "I can't find a payment for “phone week” …".
  // "send a few 100 dollars to jordan": a $100.00 transfer was set up.
  it("'did i pay my rent yesterday' finds it; 'send a few 100 dollars to jordan' asks how much", async () => {
    await runScript("by-hand-5-bill-period", {
      history: [PAY, { merchant: "Harbor View Apartments", category: "Rent", amount: -1400_00, postedAt: daysAgo(1) }],
      turns: [
        { say: "did i pay my rent yesterday", expect: { text: /^Yes — your “rent” payment went through: \$1,400\.00 to “Harbor View Apartments”/, notText: /yesterday”/ } },
        { say: "send a few 100 dollars to jordan", expect: { notText: /\$100\.00/, confirmation: false } },
      ],
    });
  });
});
