/**
 * Issue #19, items 2–4, end to end through the gateway: answers computed from the customer's own
 * transactions, questions asked in the middle of a task, and disputes recorded in Postgres.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDispute } from "../../../packages/banking/index.js";
import { disputes } from "../../../packages/db/schema/disputes.js";
import { transactions } from "../../../packages/db/schema/banking.js";
import type { Reply } from "../../../packages/dialogue/index.js";
import { uniqueCustomerId, withTestDb } from "../helpers.js";
import { balancesOf, runScript, type HistoryItem } from "./script.js";

const DAY_MS = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Noon UTC on `day` of the month `back` months before this one. */
function monthDay(back: number, day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 12));
}
const monthName = (back: number) => MONTHS[monthDay(back, 1).getUTCMonth()]!;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS - 3_600_000);

const out = (merchant: string, category: string, dollars: number, postedAt: Date): HistoryItem => ({
  merchant,
  category,
  amount: -Math.round(dollars * 100),
  postedAt,
});

/** Groceries, rent and a subscription in the two months before this one, on checking. */
const MONTHLY: HistoryItem[] = [
  out("Fresh Fields Market", "Groceries", 60, monthDay(2, 9)),
  out("Fresh Fields Market", "Groceries", 95.5, monthDay(1, 9)),
  out("Fresh Fields Market", "Groceries", 140, monthDay(1, 16)),
  out("Greenview Property Mgmt", "Rent", 1650, monthDay(1, 1)),
  out("Streamflix", "Subscriptions", 15.49, monthDay(1, 3)),
];
/** Card payments in the last two weeks (in this month or the last, depending on today). */
const RECENT: HistoryItem[] = [
  out("Amazon", "Shopping", 23, daysAgo(6)),
  out("Amazon", "Shopping", 61.2, daysAgo(12)),
  out("Bluebird Coffee", "Coffee", 4.5, daysAgo(2)),
  out("Bluebird Coffee", "Coffee", 4.5, daysAgo(3)),
  out("Bluebird Coffee", "Coffee", 5, daysAgo(8)),
];
const HISTORY = [...MONTHLY, ...RECENT];
const RICH = { checking: 5_000_00 };

describe("dialogue: answers from the customer's data", () => {
  it("shows exactly as many transactions as asked for", async () => {
    await runScript("ans-count", {
      customer: RICH,
      history: HISTORY,
      turns: [
        {
          say: "show my last 3 transactions",
          expect: { intent: "transactions", data: "transactions", text: /your 3 most recent transactions/ },
          check: (reply) => expect(reply.data?.kind === "transactions" && reply.data.transactions.length).toBe(3),
        },
      ],
    });
  });

  it("names the biggest purchase last month, and the merchant paid most often", async () => {
    await runScript("ans-superlative", {
      customer: RICH,
      history: MONTHLY,
      turns: [
        { say: "what was my biggest purchase last month?", expect: { text: /biggest purchase .* was \$140\.00 at “Fresh Fields Market”/ } },
        { say: "what was my smallest purchase last month?", expect: { text: /smallest purchase .* was \$15\.49 at “Streamflix”/ } },
      ],
    });
    await runScript("ans-frequent", {
      customer: RICH,
      history: RECENT,
      turns: [{ say: "where do I shop most often?", expect: { text: /You paid “Bluebird Coffee” most often in the last 30 days: 3 times, \$14\.00/ } }],
    });
  });

  it("compares one month with another, and one category with another", async () => {
    const [a, b] = [monthName(2), monthName(1)];
    await runScript("ans-compare", {
      customer: RICH,
      history: MONTHLY,
      turns: [
        {
          say: `how much did I spend on groceries in ${a.toLowerCase()} compared to ${b.toLowerCase()}`,
          expect: { intent: "spending", text: new RegExp(`\\$60\\.00 on groceries in ${a} \\d{4} and \\$235\\.50 in ${b} \\d{4}: \\$175\\.50 more in ${b}`) },
        },
        {
          say: "did I spend more on groceries or coffee last month",
          expect: { text: /\$235\.50 on groceries and \$0\.00 on coffee: \$235\.50 more on groceries/ },
        },
      ],
    });
  });

  it("looks a payment up by name in the customer's own transactions", async () => {
    await runScript("ans-lookup", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "did my rent payment go through?", expect: { text: /went through: \$1,650\.00 to “Greenview Property Mgmt”/, notText: /declined/i } },
        { say: "when did I last pay Streamflix?", expect: { text: /Your last payment to “Streamflix” was \$15\.49/ } },
        { say: "when did I last pay Netflix?", expect: { text: /I can't find a payment for “Netflix”/ } },
      ],
    });
  });

  it("takes everything as the available balance, with the figure in the confirmation", async () => {
    await runScript("ans-everything", {
      turns: [
        {
          say: "move everything from savings to checking",
          expect: { confirmation: true, text: /Send everything available, \$5,000\.00, from Rainy Day Savings ••2002 to Everyday Checking ••1001\?/ },
          balances: { savings: 5_000_00 },
        },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { savings: 0, checking: 6_000_00 } },
      ],
    });
  });

  it("scheduled, 'everything' is the balance when asked, stated as a fixed amount", async () => {
    await runScript("ans-everything-later", {
      turns: [
        // "Send everything available, $5,000.00, from … tomorrow, …?": on the day the balance may differ.
        {
          say: "move everything from savings to checking tomorrow",
          expect: {
            confirmation: true,
            text: /^Send \$5,000\.00 from Rainy Day Savings ••2002 to Everyday Checking ••1001 tomorrow, [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\? That's everything available now; the amount stays \$5,000\.00 even if the balance changes before then\.$/,
          },
        },
        { say: "yes", press: "yes", expect: { text: /^Done — I've scheduled \$5,000\.00 / }, balances: { savings: 5_000_00, checking: 1_000_00 } },
      ],
    });
  });

  it("says what the customer doesn't have", async () => {
    await runScript("ans-no-credit", {
      customer: { credit: false },
      turns: [
        { say: "what is my available credit", expect: { text: /^You don't have a credit card with us\.$/ } },
        { say: "what's my credit card balance?", expect: { text: /^You don't have a credit card with us\./ } },
      ],
    });
    await runScript("ans-credit", {
      turns: [{ say: "what is my available credit", expect: { text: /Teller Card ••3003: your credit limit is \$1,000\.00 and you have \$1,000\.00 of available credit/ } }],
    });
  });
});

describe("dialogue: questions in the middle of a task", () => {
  it("answers the question, fills no slot from it, then resumes with the pending question", async () => {
    await runScript("mid-question", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i, confirmation: false } },
        {
          say: "what is the interest rate on my savings?",
          // The turn carries the answer's own intent, not the set-aside transfer's.
          expect: { intent: "interest_rate", confirmation: false, text: /Back to your transfer: Which account should I send it from\?$/, notText: /Send \$40/ },
        },
        { say: "how much is in my savings?", expect: { intent: "balance", confirmation: false, text: /Rainy Day Savings ••2002: \$5,000\.00[\s\S]*Back to your transfer: Which account/ } },
        // Once "Anything else I can help with?" and then "Back to your transfer: …".
        { say: "thanks!", expect: { confirmation: false, text: /^You're welcome! Which account should I send it from\?$/ } },
        { say: "show my scheduled payments", expect: { intent: "scheduled_payments", confirmation: false, text: /don't have any scheduled[\s\S]*Back to your transfer: Which account/ } },
        { say: "checking", expect: { intent: "transfer", confirmation: true, text: /Send \$40\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?/ } },
        { say: "what's my balance?", expect: { intent: "balance", confirmation: true, text: /Back to your transfer: Send \$40\.00 .* Please answer Yes or No\./ } },
        { say: "no", expect: { text: /cancelled/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("ends the task on cancel, never mind or stop", async () => {
    for (const word of ["cancel", "never mind", "stop"]) {
      await runScript(`mid-${word.replace(" ", "-")}`, {
        turns: [
          { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
          { say: word, expect: { text: /cancelled that transfer/ } },
          { say: "checking", expect: { notText: /Send \$40/ }, balances: { checking: 1_000_00 } },
        ],
      });
    }
  });

  it("asks before dropping the task for another money action", async () => {
    await runScript("mid-conflict", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "freeze my card", expect: { text: /middle of a transfer\. Do you want to drop it and freeze a card instead\?/ } },
        { say: "no", expect: { text: /carry on\. Which account/ } },
        { say: "freeze my card", expect: { text: /drop it/ } },
        { say: "yes", expect: { text: /dropped the transfer[\s\S]*Which card would you like to freeze/ } },
      ],
    });
  });

  it("acknowledges a correction, also one made before the amount was asked for", async () => {
    await runScript("mid-correction", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "actually make it 45", expect: { text: /^OK, \$45\.00\. Which account/ } },
        { say: "checking", expect: { confirmation: true, text: /Send \$45\.00 from Everyday Checking/ } },
        { say: "make it 50", expect: { confirmation: true, text: /^OK, \$50\.00\. Send \$50\.00 from Everyday Checking/ } },
      ],
    });
  });
});

describe("dialogue: disputes", () => {
  const disputesOf = (customerId: string) =>
    withTestDb((db) => db.select().from(disputes).where(eq(disputes.customerId, customerId)));

  it("finds the charges, records the one picked once, and lists it with its status", async () => {
    const ctx = await runScript("dsp-amazon", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "I want to dispute a charge from Amazon", expect: { text: /Which charge would you like to dispute\? 1\. \$23\.00 at “Amazon”.*2\. \$61\.20 at “Amazon”/ } },
        { say: "charge 2", expect: { text: /I've opened dispute DSP-[0-9A-Z]{6} for the \$61\.20 charge at “Amazon”/, data: "disputes" } },
        { say: "dispute the Amazon charge", expect: { text: /Which charge/ } },
        { say: "charge 2", expect: { text: /already have a dispute for that charge: DSP-[0-9A-Z]{6}, open/ } },
        { say: "show my disputes", expect: { data: "disputes", text: /^Your dispute: DSP-[0-9A-Z]{6}: \$61\.20 at “Amazon” on .* — open/ } },
        { say: "cancel my dispute", expect: { data: "disputes", text: /^I can't withdraw a dispute here[\s\S]*Your dispute: DSP-[0-9A-Z]{6}: .* — open/ } },
      ],
    });
    const rows = await disputesOf(ctx.customer.customerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "other", status: "open" });
    const reference = (ctx.turns[1]!.reply as Reply).text.match(/DSP-[0-9A-Z]{6}/)![0];
    expect(rows[0]!.reference).toBe(reference);
  });

  it("offers to freeze the card for a charge the customer doesn't recognise, with a confirmation", async () => {
    const ctx = await runScript("dsp-unrecognised", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "I don't recognise this charge", expect: { text: /Which charge would you like to dispute\? 1\. \$4\.50 at “Bluebird Coffee”/ } },
        { say: "charge 1", expect: { confirmation: true, text: /opened dispute DSP-[0-9A-Z]{6}[\s\S]*member of our team[\s\S]*freeze Visa ••4242/ } },
        { say: "Yes", press: "yes", expect: { text: /Visa ••4242 is frozen/ } },
      ],
    });
    expect(await disputesOf(ctx.customer.customerId)).toMatchObject([{ reason: "unrecognised" }]);
  });

  it("finds a charge made twice", async () => {
    const ctx = await runScript("dsp-twice", {
      customer: RICH,
      history: HISTORY,
      turns: [
        // Both charges of the pair, the earlier first; a yes disputes the repeat (flows24).
        { say: "I was charged twice", expect: { text: /^These look like the same charge made twice: 1\. \$4\.50 at “Bluebird Coffee” on .*; 2\. \$4\.50 at “Bluebird Coffee”/ } },
        { say: "yes", expect: { text: /opened dispute DSP-/ } },
      ],
    });
    expect(await disputesOf(ctx.customer.customerId)).toMatchObject([{ reason: "duplicate" }]);
  });

  // The written answer to "a charge I don't recognise" offers the dispute itself (Yes/No), as the
  // lost-card answer offers the freeze: a typed "yes" lists the charges, a "no" opens nothing.
  it("offers a dispute after the answer about a charge the customer doesn't recognise", async () => {
    const ctx = await runScript("dsp-offer", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "I don't recognise a charge", expect: { intent: "card_payment_not_recognised", text: /merchant name[\s\S]*Would you like me to open a dispute for it\?$/ } },
        { say: "yes", expect: { intent: "dispute", text: /Which charge would you like to dispute\? 1\. \$4\.50 at “Bluebird Coffee”/ } },
        { say: "charge 1", expect: { text: /opened dispute DSP-[0-9A-Z]{6}/ } },
      ],
    });
    expect(await disputesOf(ctx.customer.customerId)).toMatchObject([{ reason: "unrecognised" }]);
    const declined = await runScript("dsp-offer-no", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "I don't recognise a charge", expect: { text: /Would you like me to open a dispute for it\?$/ } },
        { say: "no", expect: { text: /haven't opened a dispute/, notText: /nothing waiting/ } },
        { say: "yes", expect: { notText: /Which charge/ } },
      ],
    });
    expect(await disputesOf(declined.customer.customerId)).toEqual([]);
  });

  it("keeps disputes to their customer", async () => {
    const owner = await runScript("dsp-owner", {
      customer: RICH,
      history: HISTORY,
      turns: [
        { say: "dispute the Amazon charge", expect: { text: /Which charge/ } },
        { say: "charge 1", expect: { text: /opened dispute/ } },
      ],
    });
    await runScript("dsp-other", { turns: [{ say: "show my disputes", expect: { text: /don't have any disputes/ } }] });
    const [txn] = await withTestDb((db) =>
      db.select().from(transactions).where(eq(transactions.customerId, owner.customer.customerId)).limit(1),
    );
    const stranger = uniqueCustomerId("dsp-stranger");
    const result = await withTestDb((db) => openDispute(db, stranger, { transactionId: txn!.id, reason: "other" }));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await balancesOf(owner.customer)).toMatchObject({ checking: expect.any(Number) });
  });

  // Phrasings with no dispute keyword: the model's own `dispute` and `list_disputes` labels carry them.
  it("understands a dispute and a question about disputes in the customer's own words", async () => {
    await runScript("ans-dispute-words", {
      turns: [
        { say: "I'd like to contest a payment", expect: { intent: "dispute" } },
        { say: "any news on my claim?", expect: { intent: "list_disputes" } },
      ],
    });
  });
});
