/**
 * Wave 3, crowd32: requests of a fourteenth fresh probe (scripts/nlu/probe-set-14.ts, varied people
 * across every family) that were misread or answered badly, end to end through the gateway
 * (packages/nlu/own-words-18.ts, entities/amount.ts, entities/query.ts). Opening balances: checking
 * $1,000.00, savings $5,000.00; payees Jordan Lee ••7788 and the biller City Power & Light ••9911.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, runScript } from "./script.js";

describe("crowd-written requests, fifth set (crowd32)", () => {
  // "How much would you like to send?": the "on" ending "Jason" was read as "on 25", a day.
  it("a figure after a name that ends in 'on' is the amount", async () => {
    await runScript("crowd5-jason", {
      payees: [{ name: "Jason Moon", mask: "4411" }],
      turns: [
        { say: "send jason 25 from checking", expect: { intent: "transfer", confirmation: true, text: /\$25\.00 .*Jason Moon/, notText: /how much/i } },
        { say: "no", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  // Declined ("Sorry, I can't help with that."), then handed to a person; the card statement.
  it("a utility company named, or a bill said due, is a bill to pay", async () => {
    await runScript("crowd5-bills", {
      turns: [
        { say: "can you pay city power for me", expect: { intent: "pay_bill", text: /City Power & Light/, notText: /can't help|not getting it/i } },
        { say: "cancel", expect: { text: /Nothing was paid/ } },
        { say: "my electric bill is due friday please pay it", expect: { intent: "pay_bill", text: /City Power & Light/, notText: /statement/i } },
        { say: "cancel", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  // Declined; application_status's written answer about applications.
  it("a statement as a pdf, or for a visa application, gets the statement answer", async () => {
    await runScript("crowd5-statements", {
      turns: [
        { say: "how do i download my statements as a pdf", expect: { intent: "account_statement", text: /statement/, notText: /can't help/i } },
        { say: "I need a statement for my checking account for my visa application", expect: { intent: "account_statement", text: /statement/, notText: /application/i } },
      ],
    });
  });

  // cash_withdrawal_not_recognised's answer; declined (account_numbers 0.31).
  it("a scam and a card number typed into a fake site offer to freeze the card", async () => {
    await runScript("crowd5-scam", {
      turns: [
        { say: "i think i got scammed, someone took money from my account", expect: { intent: "report_fraud", text: /fraud team.*freeze/s, notText: /cash withdrawal/i } },
      ],
    });
    await runScript("crowd5-fake-site", {
      turns: [{ say: "i typed my card number into a fake website", expect: { intent: "compromised_card", text: /freeze/, notText: /can't help/i } }],
    });
  });

  // Declined, then handed to a person.
  it("a charge for a stay never had, wanted reversed, is a dispute", async () => {
    await runScript("crowd5-dispute", {
      history: [{ merchant: "Harbor View Hotel", category: "Travel", amount: -89_00, postedAt: daysAgo(2) }],
      turns: [
        {
          say: "i was charged 89 at a hotel i never stayed at, i want that reversed",
          expect: { intent: "dispute", text: /Harbor View Hotel/, notText: /can't help|not getting it/i },
        },
      ],
    });
  });

  // The 10 most recent transactions, pending or not; declined; topping_up_by_card's answer.
  it("pending stuff, a balance against a figure and 'how do I see what money I have'", async () => {
    await runScript("crowd5-reads", {
      history: [
        { merchant: "Corner Deli", category: "Dining", amount: -12_40, postedAt: daysAgo(1), status: "pending" },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -58_00, postedAt: daysAgo(3) },
      ],
      turns: [
        {
          say: "show pending stuff",
          expect: { intent: "transactions", text: /pending/ },
          check: (reply) => expect(JSON.stringify(reply.data)).not.toContain("Fresh Fields Market"),
        },
        { say: "is my savings still above two grand", expect: { intent: "balance", text: /\$5,000\.00/, notText: /can't help/i } },
        { say: "my grandson set this up for me. How do I see what money I have?", expect: { intent: "balance", text: /^Your balances: Everyday Checking .*Savings .*\$5,000\.00/, notText: /top up/i } },
      ],
    });
  });

  // Declined; payees (0.25: declined); card_payment_fee_charged (0.44: declined).
  it("sending money in general, a new person to send to and a monthly fee get their answers", async () => {
    await runScript("crowd5-asks", {
      turns: [
        { say: "how do I go about sending money to somebody?", expect: { intent: "transfer", notText: /can't help/i } },
        { say: "cancel" },
        { say: "how do i add a new person to send money to", expect: { intent: "add_payee", text: /payee/, notText: /can't help/i } },
        { say: "is there a monthly fee on checking", expect: { intent: "account_fees", text: /fee/, notText: /can't help/i } },
      ],
    });
  });
});
