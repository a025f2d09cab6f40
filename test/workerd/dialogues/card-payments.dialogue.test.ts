import { describe, expect, it } from "vitest";
import { bookExternal } from "../../../packages/banking/ledger.repo.js";
import { withTestDb } from "../helpers.js";
import { runScript, type ScriptContext } from "./script.js";

/** A card purchase on checking between the confirmation and the Yes: the ledger then refuses. */
async function spendFromChecking(ctx: ScriptContext, minor: number): Promise<void> {
  await withTestDb((db) =>
    db.transaction((tx) =>
      bookExternal(tx, [
        { customerId: ctx.customer.customerId, accountId: ctx.customer.checkingId, amount: -minor, currency: "USD", merchant: "Hardware Barn", category: "Shopping", postedAt: new Date(), status: "posted" },
      ]),
    ),
  );
}

/**
 * Paying the credit card and the replies around money that customers hit (sweep 8): what Teller
 * answered before is in the comment above each line.
 */
describe("dialogue: card payments are called card payments", () => {
  it("a card payment cancelled, asked as a bill or as a transfer, is a cancelled card payment", async () => {
    await runScript("card-pay-cancel", {
      turns: [
        { say: "pay my credit card bill", expect: { intent: "pay_bill", text: /^How much would you like to pay to Teller Card ••3003\?/ } },
        // "OK, I've cancelled that bill payment. Nothing was paid."
        { say: "cancel", expect: { text: /^OK, I've cancelled that card payment\. Nothing was paid\.$/ } },
        { say: "transfer 200 to my credit card from checking", expect: { confirmation: true, text: /Pay \$200\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
        { say: "no", press: "no", expect: { text: /^OK, I've cancelled that card payment\. Nothing was paid\.$/ }, balances: { checking: 1_000_00, credit: 0 } },
      ],
    });
  });

  it("a card payment the bank refuses is a card payment that didn't go through", async () => {
    await runScript("card-pay-refused", {
      turns: [
        {
          say: "pay 300 on my credit card from checking",
          expect: { intent: "pay_bill", confirmation: true, text: /Pay \$300\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ },
          check: (_reply, ctx) => spendFromChecking(ctx, 900_00),
        },
        // "The bill payment didn't go through: there isn't enough available in …"
        { say: "yes", press: "yes", expect: { text: /^The card payment didn't go through: there isn't enough available in Everyday Checking ••1001\. Nothing was paid\./ }, balances: { checking: 100_00, credit: 0 } },
      ],
    });
  });

  it("a refusal for want of funds offers another account only when one could cover the amount", async () => {
    // Savings ($5,000.00) could pay $300.00.
    await runScript("refused-other", {
      turns: [
        { say: "send 300 to Jordan Lee from checking", expect: { confirmation: true }, check: (_reply, ctx) => spendFromChecking(ctx, 900_00) },
        { say: "yes", press: "yes", expect: { text: /^The transfer didn't go through: there isn't enough available in Everyday Checking ••1001\. Nothing was sent\. You can try a smaller amount or another account\.$/ }, balances: { checking: 100_00 } },
      ],
    });
    // Savings holds $50.00: "… or another account" offered an account that could not pay it either.
    await runScript("refused-none", {
      customer: { savings: 50_00 },
      turns: [
        { say: "pay 300 on my credit card from checking", expect: { confirmation: true }, check: (_reply, ctx) => spendFromChecking(ctx, 900_00) },
        { say: "yes", press: "yes", expect: { text: /^The card payment didn't go through: there isn't enough available in Everyday Checking ••1001\. Nothing was paid\. You can try a smaller amount\.$/ }, balances: { checking: 100_00, savings: 50_00 } },
      ],
    });
  });
});

describe("dialogue: a debit card has no bill", () => {
  it("says so for the Visa debit card asked to be paid off, with no card payment offered", async () => {
    await runScript("debit-no-bill", {
      turns: [
        // "How much would you like to send?", as if the debit card owed something.
        {
          say: "pay off my visa debit card",
          expect: { confirmation: false, text: /^That Visa card is a debit card, so there's no bill to pay: what you spend with it comes straight out of your account\.$/ },
          check: (reply) => expect(reply.actions.map((a) => a.label)).toEqual(["Check my balance"]),
        },
        // Nothing is waiting: a "yes" does nothing.
        { say: "yes", expect: { confirmation: false, notText: /paid|sent/ }, balances: { checking: 1_000_00, credit: 0 } },
      ],
    });
  });

  it("says so in the middle of a transfer too, then goes back to it", async () => {
    await runScript("debit-no-bill-mid-task", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false, text: /^Which account should I send it from\?$/ } },
        // "Let's finish this one first. Which account should I send it from?", and no answer.
        {
          say: "pay off my visa debit card",
          expect: { confirmation: false, text: /^That Visa card is a debit card, so there's no bill to pay[^]*Back to your transfer: Which account should I send it from\?$/ },
        },
        { say: "from checking", expect: { confirmation: true, text: /\$40\.00/ } },
        { say: "yes", press: "yes", expect: { text: /\$40\.00/ }, balances: { checking: 960_00, credit: 0 } },
      ],
    });
  });
});

describe("dialogue: a person named as a bill", () => {
  it("offers a transfer to the saved person instead of a bill payment", async () => {
    await runScript("person-as-bill", {
      turns: [
        // "How much would you like to pay to “Jordan Lee” ••7788?", a bill payment to a person.
        {
          say: "pay my bill to Jordan Lee",
          expect: { intent: "transfer", confirmation: false, text: /^“Jordan Lee” is one of your saved people, not a biller, so I can send it as a transfer instead\. How much would you like to send\?$/ },
        },
        { say: "$45", expect: { text: /^Which account should I send it from\?$/ } },
        { say: "checking", expect: { confirmation: true, text: /^Send \$45\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?$/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt", text: /^Done — I sent \$45\.00 to .Jordan Lee. ••7788\./ }, balances: { checking: 955_00 } },
      ],
    });
  });
});

describe("dialogue: a customer who owes on their card", () => {
  it("asks what is owed, pays the minimum, confirms, and sees the new balance", async () => {
    // "23 Nov 2026" in the statement answer, "Fri 18 Dec 2026" in the payment's question.
    const DUE = String.raw`(?:[A-Z][a-z]{2} )?\d{1,2} [A-Z][a-z]{2} \d{4}`;
    await runScript("card-owed", {
      // $300.00 spent on the card since its statement of $412.35 (minimum $25.00) was paid off.
      history: [{ account: "credit", merchant: "Skyline Airways", category: "Travel", amount: -300_00, postedAt: new Date(Date.now() - 2 * 86_400_000) }],
      turns: [
        {
          say: "how much do I owe on my credit card?",
          expect: { intent: "credit_statement", text: new RegExp(String.raw`^Teller Card ••3003: your statement of ${DUE} shows a balance of \$412\.35\. The minimum payment is \$25\.00, due ${DUE}\. Your current balance is \$300\.00\.$`) },
          check: (reply) => expect(reply.actions.map((a) => ("text" in a ? a.text : ""))).toContain("Pay my credit card bill"),
        },
        // The quick reply under the answer.
        {
          say: "Pay my credit card bill",
          expect: { intent: "pay_bill", confirmation: false, text: new RegExp(String.raw`^How much would you like to pay to Teller Card ••3003\? Your statement balance is \$412\.35 \(minimum payment \$25\.00, due ${DUE}\); your current balance is \$300\.00\.$`) },
          // The statement's $412.35 would overpay what is owed now: not offered.
          check: (reply) => expect(reply.actions.map((a) => [a.label, "text" in a ? a.text : ""])).toEqual([["Current balance $300.00", "$300.00"], ["Minimum payment $25.00", "$25.00"]]),
        },
        // The minimum payment's quick reply.
        { say: "$25.00", expect: { confirmation: false, text: /^Which account should I pay it from\?$/ } },
        { say: "checking", expect: { confirmation: true, text: /^Pay \$25\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ }, balances: { checking: 1_000_00, credit: -300_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt", text: /^Done — I paid \$25\.00 to Teller Card ••3003\./ }, balances: { checking: 975_00, credit: -275_00 } },
        // The same Yes again moves nothing.
        { say: "yes", expect: { text: /already/i }, balances: { checking: 975_00, credit: -275_00 } },
        { say: "how much do I owe on my credit card?", expect: { intent: "credit_statement", text: /Your current balance is \$275\.00\.$/ } },
      ],
    });
  });
});
