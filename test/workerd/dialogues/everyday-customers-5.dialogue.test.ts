/**
 * Wave 3, explore30: everyday customers by hand (`npm start`, the three seeded customers), and what
 * they got wrong. Each turn below failed before its fix.
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, it } from "vitest";
import { daysAgo, lastMonth, runScript } from "./script.js";

const monthsAgo = (n: number) => {
  const d = lastMonth(12);
  d.setUTCMonth(d.getUTCMonth() - (n - 1));
  return d;
};

describe("everyday customers by hand (explore30)", () => {
  it("'pay a couple hundred to my landlord' asks for the exact amount, never guesses $100.00", async () => {
    await runScript("e30-couple-hundred", {
      payees: [{ name: "Harbor View Apartments", mask: "1968", kind: "biller" }],
      turns: [
        {
          say: "pay a couple hundred to my landlord",
          expect: { intent: "transfer", text: /^That could be several amounts, so I haven't guessed one\.[\s\S]*How much/, notText: /\$100\.00/, confirmation: false },
        },
        { say: "250", expect: { text: /Which account/, confirmation: false } },
        { say: "checking", expect: { confirmation: true, text: /\$250\.00[\s\S]*Harbor View Apartments/ } },
        { say: "no", expect: { text: /Nothing was (?:sent|paid)/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("'how much money have i got saved up' is the savings balance, not every balance", async () => {
    await runScript("e30-saved-up", {
      turns: [
        { say: "how much money have i got saved up", expect: { intent: "balance", text: /^Rainy Day Savings ••\d{4}: \$5,000\.00/, notText: /Checking/ } },
        { say: "how much have i saved", expect: { intent: "balance", text: /^Rainy Day Savings ••\d{4}: \$5,000\.00/, notText: /Checking/ } },
      ],
    });
  });

  it("'reimburse chidi for the tickets' is a transfer to that saved payee, never 'Sorry'", async () => {
    await runScript("e30-reimburse", {
      payees: [{ name: "Chidi Okafor", mask: "7869" }],
      turns: [
        { say: "reimburse chidi for the tickets", expect: { intent: "transfer", text: /How much/, notText: /Sorry|Who should/ } },
        { say: "45", expect: { text: /Which account/, confirmation: false } },
        { say: "checking", expect: { confirmation: true, text: /\$45\.00[\s\S]*Chidi Okafor/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("after 'report fraud' offered a freeze, 'someone stole my card number' offers it again without 'I haven't changed anything.'", async () => {
    await runScript("e30-fraud-then-stolen", {
      turns: [
        { say: "report fraud", expect: { intent: "report_fraud", text: /Which card would you like to freeze\?/ } },
        { say: "the visa", expect: { confirmation: true, text: /Shall I freeze Visa ••\d{4}/ } },
        { say: "i think someone stole my card number", expect: { text: /^Freeze your card right away[\s\S]*Which card would you like to freeze\?/, notText: /haven't changed anything/ } },
        { say: "the visa", expect: { confirmation: true, text: /Shall I freeze Visa ••\d{4}/ } },
        { press: "yes", say: "yes", expect: { text: /frozen/i } },
      ],
    });
  });

  it("'what's my average grocery bill' / 'whats my avg coffee spend' average that category, never the credit card statement nor every category", async () => {
    await runScript("e30-average-grocery", {
      customer: { checking: 5_000_00 },
      history: [
        ...[1, 2, 3].map((n) => ({ merchant: "Fresh Market", category: "Groceries", amount: -90_00, postedAt: monthsAgo(n) })),
        ...[1, 2, 3].map((n) => ({ merchant: "Bluebird Coffee", category: "Coffee", amount: -12_00, postedAt: monthsAgo(n) })),
        { merchant: "Harbor View Apartments", category: "Rent", amount: -900_00, postedAt: monthsAgo(1) },
      ],
      turns: [
        {
          say: "what's my average grocery bill",
          expect: { intent: "spending", text: /^Over the last 3 full months you spent \$90\.00 a month on groceries on average/i, notText: /credit card/ },
        },
        { say: "whats my avg coffee spend", expect: { intent: "spending", text: /^Over the last 3 full months you spent \$12\.00 a month on coffee on average/i, notText: /Top categories/ } },
      ],
    });
  });

  it("'parking' is said to be filed under transport, never passed off as parking (the transport total, a ride as 'last parking')", async () => {
    await runScript("e30-parking", {
      history: [
        { merchant: "RideNow", category: "Transport", amount: -13_70, postedAt: daysAgo(1) },
        { merchant: "City Bikes", category: "Transport", amount: -11_80, postedAt: daysAgo(2) },
      ],
      turns: [
        {
          say: "how much did i spend on parking in the last 30 days",
          expect: { intent: "spending", text: /^Parking isn't a category of its own: it's filed under transport\. You spent \$25\.50 on transport/ },
        },
        {
          say: "when did i last pay for parking",
          expect: { text: /^Parking isn't a category of its own: it's filed under transport\. Your last transport payment was \$13\.70 to “RideNow”/ },
        },
        { say: "how much did i spend on transport in the last 30 days", expect: { intent: "spending", text: /^You spent \$25\.50 on transport/ } },
      ],
    });
  });

  it("'move 500 to savings' while a card payment asks how much is a transfer, never 'Pay … to Savings' nor a 'bill payment'", async () => {
    await runScript("e30-card-then-savings", {
      customer: { credit: true },
      turns: [
        { say: "pay my credit card", expect: { intent: "pay_bill", text: /^How much would you like to pay to/, confirmation: false } },
        { say: "move 500 to savings", expect: { intent: "transfer", confirmation: true, text: /Send \$500\.00 from [\s\S]* to [\s\S]*Savings ••\d{4}\?$/, notText: /^Pay|Pay \$500/ } },
        { say: "no", expect: { text: /^OK, I've cancelled that transfer\. Nothing was sent\./ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'the 79.84 one' after 'I can't see … charging you twice' offers that charge for a dispute, never a transfer of $79.84", async () => {
    await runScript("e30-not-twice-pick", {
      history: [
        { merchant: "Trader Bay", category: "Groceries", amount: -79_84, postedAt: daysAgo(2) },
        { merchant: "Trader Bay", category: "Groceries", amount: -52_31, postedAt: daysAgo(9) },
      ],
      turns: [
        { say: "i was charged twice at trader bay", expect: { text: /^I can't see “Trader Bay” charging you twice/ } },
        { say: "the 79.84 one", expect: { intent: "dispute", text: /^Is this the charge you mean\? 1\. \$79\.84 at “Trader Bay”/, notText: /send it to/, confirmation: false } },
        { say: "yes", expect: { text: /I've opened dispute DSP-[A-Z0-9]+ for the \$79\.84 charge at “Trader Bay”/ } },
      ],
    });
  });
});
