import { describe, expect, it } from "vitest";
import { runScript } from "./script.js";

/**
 * Paying bills and the credit card, and the money questions around them, as customers said them
 * (sweep 5): what Teller answered before is in the comment above each line.
 */
describe("dialogue: paying the credit card", () => {
  it("reads 'pay 100 on my credit card' as a payment to the card, confirmed, paid once", async () => {
    await runScript("pay-card", {
      turns: [
        // "I can't send money from a credit account by chat. Which account should I send it from?"
        { say: "pay 100 on my credit card", expect: { intent: "pay_bill", confirmation: false, text: /^Which account should I pay it from\?$/ } },
        // The test customer owes nothing on the card: said before the confirmation, not refused.
        { say: "checking", expect: { confirmation: true, text: /^You don't owe anything on Teller Card ••3003 right now\. Pay \$100\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ }, balances: { checking: 1_000_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt", text: /^Done — I paid \$100\.00 to Teller Card ••3003\./ }, balances: { checking: 900_00, credit: 100_00 } },
        { say: "yes", expect: { text: /already/i }, balances: { checking: 900_00, credit: 100_00 } },
      ],
    });
  });

  it("reads the other ways of saying it as a payment to the card", async () => {
    await runScript("pay-card-ways", {
      turns: [
        // An unrecognised card payment: "If you don't recognise a card payment, … I'm passing this to our team".
        { say: "make a payment on my credit card", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 \(minimum payment \$25\.00, due [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\); your current balance is \$0\.00\.$/ } },
        // A card payment is called one ("OK, I've cancelled that bill payment.").
        { say: "cancel", expect: { text: /^OK, I've cancelled that card payment\. Nothing was paid\.$/ } },
        // "How much would you like to send?", then which account to send it from.
        { say: "pay off my card", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 \(minimum payment \$25\.00, due [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\); your current balance is \$0\.00\.$/ },
          check: (reply) => {
            // It asked a bare "How much?". The statement is said; nothing is owed now (paid since), so no
            // amount is offered that would overpay (the statement's $412.35 got "You don't owe anything …").
            expect(reply.actions).toEqual([]);
          },
        },
        { say: "$25.00", expect: { confirmation: false, text: /^Which account should I pay it from\?$/ } },
        { say: "checking", expect: { confirmation: true, text: /^You don't owe anything on Teller Card ••3003 right now\. Pay \$25\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
        { say: "cancel", expect: { text: /cancelled/ } },
        { say: "pay my credit card balance in full", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 / } },
        { say: "cancel", expect: { text: /cancelled/ } },
        { say: "pay my credit card bill", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 \(minimum payment \$25\.00, due [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\); your current balance is \$0\.00\.$/ } },
        // "I can send up to $10,000.00 in one transfer by chat …" to a bill payment.
        { say: "$30,000", expect: { confirmation: false, text: /^I can pay up to \$10,000\.00 at a time by chat; for more, please use the app\. How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 \(minimum payment \$25\.00, due [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\); your current balance is \$0\.00\.$/ } },
        { say: "cancel", expect: { text: /cancelled/ } },
        // "Which account should I send it from?" (a transfer, to no one).
        { say: "pay $50 toward my visa from savings", expect: { intent: "pay_bill", confirmation: true, text: /^You don't owe anything on Teller Card ••3003 right now\. Pay \$50\.00 to Teller Card ••3003 from Rainy Day Savings ••2002\?$/ } },
        // A bare account name under the confirmation changes the source (it was answered as a balance question).
        { say: "checking", expect: { confirmation: true, text: /^OK, from Everyday Checking ••1001\. You don't owe anything on Teller Card ••3003 right now\. Pay \$50\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
        { say: "no", expect: { text: /^OK, I've cancelled that card payment\. Nothing was paid\.$/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("words money moved to the card as a card payment, now and scheduled", async () => {
    await runScript("pay-card-transfer", {
      turns: [
        // "Which account should I send it from?", then "Send $200.00 from … to Teller Card ••3003?" and "Done — I sent …".
        { say: "transfer 200 to my credit card", expect: { confirmation: false, text: /^Which account should I pay it from\?$/ } },
        { say: "checking", expect: { confirmation: true, text: /^You don't owe anything on Teller Card ••3003 right now\. Pay \$200\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt", text: /^Done — I paid \$200\.00 to Teller Card ••3003\./ }, balances: { checking: 800_00, credit: 200_00 } },
        // "Send $100.00 … tomorrow", then "Done — I've scheduled $100.00 … Nothing has been sent yet."
        { say: "pay 100 to my credit card tomorrow from checking", expect: { confirmation: true, text: /^You don't owe anything on Teller Card ••3003 right now\. Pay \$100\.00 to Teller Card ••3003 from Everyday Checking ••1001 tomorrow, [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\?$/ } },
        { say: "yes", press: "yes", expect: { text: /^Done — I've scheduled a payment of \$100\.00 to Teller Card ••3003 tomorrow, .*\. Nothing has been paid yet\./ }, balances: { checking: 800_00, credit: 200_00 } },
      ],
    });
  });

  it("tells a customer without a credit card so", async () => {
    await runScript("pay-card-none", {
      customer: { credit: false },
      turns: [
        { say: "pay off my card", expect: { intent: "pay_bill", confirmation: false, text: /^You don't have a credit card with us\. Which bill would you like to pay\? It can be one of your saved billers\.$/ } },
      ],
    });
  });
});

describe("dialogue: bill payments", () => {
  it("offers only billers when it asks which bill", async () => {
    await runScript("pay-bill-billers", {
      turns: [
        {
          say: "I want to pay a bill",
          expect: { intent: "pay_bill", text: /^Which bill would you like to pay\? It can be a saved biller or your credit card\.$/ },
          check: (reply) => {
            // Jordan Lee, a person, was offered as a bill.
            expect(reply.actions.map((a) => a.label)).toEqual(["Teller Card ••3003", "City Power & Light"]);
          },
        },
      ],
    });
  });

  it("a scheduled bill payment says it is scheduled, with the date; 'yes' to 'which account' names them", async () => {
    await runScript("pay-bill-later", {
      turns: [
        { say: "pay my electric bill 40 on friday", expect: { intent: "pay_bill", text: /^Which account should I pay it from\?$/ } },
        // "Sorry, I didn't catch that. Which account should I pay it from?"
        { say: "yes", expect: { confirmation: false, text: /^Which account should I pay it from: Everyday Checking ••1001 or Rainy Day Savings ••2002\?$/ } },
        // On a Thursday, Friday is "tomorrow, Fri …".
        { say: "checking", expect: { confirmation: true, text: /^Pay \$40\.00 to .City Power & Light. ••9911 from Everyday Checking ••1001 (?:on|tomorrow,) Fri \d{1,2} \w{3} \d{4}\?$/ } },
        // "… Nothing has been sent yet. If there isn't enough money on the day, nothing is sent …"
        {
          say: "yes",
          press: "yes",
          expect: { text: /^Done — I've scheduled a payment of \$40\.00 to .City Power & Light. ••9911 (?:on|tomorrow,) Fri \d{1,2} \w{3} \d{4}\. Nothing has been paid yet\. If there isn't enough money on the day, nothing is paid and I'll tell you\.$/ },
          balances: { checking: 1_000_00 },
        },
        { say: "cancel my friday payment to city power", expect: { confirmation: true, text: /^Cancel your scheduled payment of \$40\.00 to .City Power & Light./ } },
        // "Done — I've cancelled the scheduled payment of … Nothing more will be sent."
        { say: "yes", press: "yes", expect: { text: /^Done — I've cancelled the scheduled payment of \$40\.00 to .City Power & Light.* Nothing more will be paid\.$/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});

describe("dialogue: one question at a time, worded by what is possible", () => {
  it("asks who first when the payee named is not saved, keeping the amount", async () => {
    await runScript("wire-father", {
      turns: [
        // "I couldn't find a saved payee called “father”. Your saved payees are … Which account should I send it from?"
        {
          say: "Please wire two thousand dollars to my father.",
          expect: { intent: "transfer", confirmation: false, text: /^I couldn't find a saved payee called .father.\. Your saved payees are .City Power & Light. and .Jordan Lee.\. Who should I send it to\?/ },
        },
        { say: "Jordan", expect: { text: /^Which account should I send it from\?$/ } },
        { say: "savings", expect: { confirmation: true, text: /^Send \$2,000\.00 from Rainy Day Savings ••2002 to .Jordan Lee. ••7788\?$/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("says only what is possible when the one possible source is short", async () => {
    await runScript("short-sole-source", {
      turns: [
        // "… You can choose a smaller amount or another account." (savings is where it goes: there is no other)
        {
          say: "move 1500 to savings",
          expect: { confirmation: false, text: /^Everyday Checking ••1001 has \$1,000\.00 available, which isn't enough to send \$1,500\.00\. You can choose a smaller amount\.$/ },
        },
        { say: "800", expect: { confirmation: true, text: /^OK, \$800\.00\. Send \$800\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/ } },
      ],
    });
  });
});
