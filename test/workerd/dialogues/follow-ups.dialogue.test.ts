import { describe, expect, it } from "vitest";
import { runScript, scheduleRowsOf } from "./script.js";

/**
 * Follow-ups customers hit (issue #12, sweep 13; written before the fixes): "cancel it" after a
 * transfer was scheduled, more than one request beside a confirmation card, and a lookup asked with an
 * action. Opening balances: checking $1,000.00, savings $5,000.00;
 * payee Jordan Lee ••7788; a Visa debit card ••4242.
 */

const nothingSent = { checking: 1_000_00, savings: 5_000_00 };

describe("'cancel it' right after a transfer was scheduled", () => {
  it("offers to cancel that scheduled transfer, and cancels it only on yes", async () => {
    const ctx = await runScript("followup-cancel-scheduled", {
      turns: [
        { say: "transfer 100 from savings to checking tomorrow", expect: { confirmation: true } },
        { say: "yes", expect: { text: /scheduled \$100\.00/ } },
        { say: "cancel it", expect: { confirmation: true, text: /^Cancel your scheduled payment of \$100\.00 to Everyday Checking/, notText: /nothing in progress/i } },
        { say: "yes", expect: { confirmation: false, text: /cancelled the scheduled payment of \$100\.00/ }, balances: nothingSent },
      ],
    });
    const rows = await scheduleRowsOf(ctx);
    expect(rows.map((r) => r.status)).toEqual(["cancelled"]);
  });

  it("'no' to that offer keeps the schedule as it is", async () => {
    const ctx = await runScript("followup-keep-scheduled", {
      turns: [
        { say: "send 20 to Jordan Lee from checking tomorrow", expect: { confirmation: true } },
        { say: "yes", expect: { text: /scheduled \$20\.00/ } },
        { say: "cancel that", expect: { confirmation: true, text: /Jordan Lee/ } },
        { say: "no", expect: { confirmation: false, text: /kept/ } },
      ],
    });
    expect((await scheduleRowsOf(ctx)).map((r) => r.status)).toEqual(["active"]);
  });
});

describe("more than one request beside a confirmation card", () => {
  it("'yes and to my credit card': the card shown is sent, and the credit card is asked about, not paid", async () => {
    await runScript("followup-yes-and-card", {
      customer: { credit: true },
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        {
          say: "yes and to my credit card",
          expect: { confirmation: false, text: /sent \$30\.00 to .Jordan Lee[\s\S]*How much would you like to pay to Teller Card/ },
          balances: { checking: 970_00 },
        },
      ],
    });
  });

  it("'yes, and also 30 to savings': the card shown is sent, the $30 to savings gets its own question or card", async () => {
    await runScript("followup-yes-and-savings", {
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes, and also 30 to savings", expect: { text: /sent \$30\.00 to .Jordan Lee[\s\S]*\$30\.00[\s\S]*Rainy Day Savings|sent \$30\.00 to .Jordan Lee[\s\S]*which account/i }, balances: { checking: 970_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'send 10 and 20 to Jordan': neither amount is taken for the other; the customer is asked", async () => {
    await runScript("followup-two-amounts", {
      turns: [
        { say: "send 10 and 20 to Jordan Lee", expect: { confirmation: false, text: /\$10\.00[\s\S]*\$20\.00/ } },
        { say: "20", expect: { confirmation: false, text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /\$20\.00/, notText: /\$10\.00/ } },
        { say: "yes", balances: { checking: 980_00 } },
      ],
    });
  });
});

describe("a lookup and an action in one message", () => {
  it("'show me my transactions and send 20 to Jordan Lee': the list, then the transfer's question", async () => {
    await runScript("followup-transactions-transfer", {
      turns: [
        { say: "show me my transactions and send 20 to Jordan Lee", expect: { confirmation: false, text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /\$20\.00 from Everyday Checking ••1001 to .Jordan Lee/ } },
        { say: "yes", balances: { checking: 980_00 } },
      ],
    });
  });

  it("'freeze my card and tell me my balance' (sweep19): the balance, then which card, frozen without another Yes", async () => {
    await runScript("followup-freeze-balance", {
      turns: [
        { say: "freeze my card and tell me my balance", expect: { confirmation: false, text: /Everyday Checking ••1001: \$1,000\.00[\s\S]*Which card would you like to freeze\?/ } },
        { say: "the visa", expect: { confirmation: false, text: /Visa ••4242 is frozen/ } },
      ],
    });
  });

  it("'what did I spend on food last month and freeze my card': the spending, then the freeze, asked in passing, to confirm", async () => {
    await runScript("followup-spending-freeze", {
      turns: [
        { say: "what did I spend on food last month and freeze my card", expect: { confirmation: false, text: /spending on food[\s\S]*Which card would you like to freeze\?/ } },
        { say: "the visa", expect: { confirmation: true, text: /^Shall I freeze Visa ••4242 now\?/ } },
        { say: "yes", expect: { text: /frozen/ } },
      ],
    });
  });
});
