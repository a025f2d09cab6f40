import { describe, expect, it } from "vitest";
import { runScript, scheduleRowsOf } from "./script.js";

/**
 * Conversations as customers have them (sweep 12 probe, written before the flow code was read):
 * minds changed twice, amounts given after the card was shown, requests said twice, and bills
 * paid on a date. The balances say what happened to the money; a dated payment must never move
 * money at once. Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee
 * ••7788 (a person) and City Power & Light ••9911 (a biller).
 */

const nothingMoved = { checking: 1_000_00, savings: 5_000_00, credit: 0 };
const onThe15th = /15 [A-Z][a-z]{2} \d{4}/;

describe("sweep12: minds changed twice", () => {
  it("the amount changed twice under the card: the last one is confirmed and moves once", async () => {
    await runScript("s12-amount-twice", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true, text: /\$50\.00/ } },
        { say: "actually make it 60", expect: { confirmation: true, text: /\$60\.00/, notText: /\$50\.00/ } },
        { say: "no wait, 70", expect: { confirmation: true, text: /\$70\.00/, notText: /\$60\.00/ }, balances: nothingMoved },
        { say: "yes", expect: { data: "transfer_receipt", text: /\$70\.00/ }, balances: { checking: 930_00 } },
      ],
    });
  });

  it("the recipient changed and changed back before the account was given", async () => {
    await runScript("s12-recipient-back", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee", expect: { confirmation: false, text: /which account/i } },
        // Only checking can send to savings, so the card comes at once; back to Jordan, it stays.
        { say: "actually to my savings", expect: { confirmation: true, text: /\$20\.00 from Everyday Checking ••1001 to Rainy Day Savings/ } },
        { say: "no, to Jordan after all", expect: { confirmation: true, text: /to “Jordan Lee”/, notText: /to Rainy Day Savings/ } },
        { say: "checking", expect: { confirmation: true, text: /\$20\.00[\s\S]*Jordan Lee/, notText: /Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'no' then 'ok fine yes': the cancelled card stays cancelled", async () => {
    await runScript("s12-no-then-fine", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "no", expect: { confirmation: false, text: /nothing/i }, balances: nothingMoved },
        { say: "ok fine yes", expect: { confirmation: false, notText: /Done/ }, balances: nothingMoved },
        { say: "yes", expect: { confirmation: false, notText: /Done/ }, balances: nothingMoved },
      ],
    });
  });

  it("'no' at the account question, then 'ok fine, checking': nothing is confirmed without a card", async () => {
    await runScript("s12-no-at-question", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee", expect: { confirmation: false, text: /which account/i } },
        { say: "no", expect: { confirmation: false }, balances: nothingMoved },
        { say: "ok fine, checking", expect: { notText: /Done/ }, balances: nothingMoved },
      ],
    });
  });

  it("the unfreeze refused and then 'ok fine yes': the card stays frozen", async () => {
    await runScript("s12-unfreeze-no-yes", {
      soft: true,
      turns: [
        { say: "freeze my card ending 4242", expect: { data: "cards" } },
        { say: "unfreeze my card ending 4242", expect: { confirmation: true } },
        { say: "no", expect: { confirmation: false } },
        { say: "ok fine yes", expect: { confirmation: false, notText: /unfrozen|active again/i } },
        { say: "is my card ending 4242 frozen?", expect: { text: /••4242 is frozen/ } },
      ],
    });
  });
});

describe("sweep12: the amount given after the card was shown", () => {
  it("'actually make it 75' after the card shows 50: the old card's Yes moves nothing, the new one moves 75 once", async () => {
    await runScript("s12-amount-after-card", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true, text: /\$50\.00/ } },
        { say: "actually make it 75", expect: { confirmation: true, text: /\$75\.00/, notText: /\$50\.00/ } },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /^Done/ }, balances: nothingMoved },
        { say: "yes", expect: { data: "transfer_receipt", text: /\$75\.00/ }, balances: { checking: 925_00 } },
        { say: "yes", expect: { confirmation: false }, balances: { checking: 925_00 } },
      ],
    });
  });

  it("'make it 60' under a dated card keeps the date: nothing moves on yes", async () => {
    const ctx = await runScript("s12-amount-dated", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking tomorrow", expect: { confirmation: true, text: /tomorrow/ } },
        { say: "make it 60", expect: { confirmation: true, text: /\$60\.00[\s\S]*tomorrow/ } },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
      ],
    });
    const schedules = await scheduleRowsOf(ctx);
    expect(schedules.map((s) => s.amount)).toEqual([60_00]);
  });

  it("'send 50 to Jordan, no wait 40' in one breath confirms 40", async () => {
    await runScript("s12-one-breath", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking, no wait, 40", expect: { confirmation: true, text: /\$40\.00/, notText: /\$50\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00 } },
      ],
    });
  });

  // nlu9: cents said after the currency word are added (packages/nlu/entities/amount.ts; was $12.00).
  it("an amount with cents in words: '12 dollars and 50 cents'", async () => {
    await runScript("s12-cents-words", {
      soft: true,
      turns: [
        { say: "send 12 dollars and 50 cents to Jordan Lee from checking", expect: { confirmation: true, text: /\$12\.50/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 987_50 } },
      ],
    });
  });

  it("an amount with a thousands separator and cents: '$1,234.56 from savings to checking'", async () => {
    await runScript("s12-thousands", {
      soft: true,
      turns: [
        { say: "move $1,234.56 from savings to checking", expect: { confirmation: true, text: /\$1,234\.56/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 2_234_56, savings: 3_765_44 } },
      ],
    });
  });

  it("'7.5 dollars' and 'twenty dollars' are amounts", async () => {
    await runScript("s12-amount-words", {
      soft: true,
      turns: [
        { say: "send 7.5 dollars to Jordan Lee from checking", expect: { confirmation: true, text: /\$7\.50/ } },
        { say: "cancel", expect: { confirmation: false }, balances: nothingMoved },
        { say: "send twenty dollars to Jordan Lee from checking", expect: { confirmation: true, text: /\$20\.00/ } },
        { say: "no", expect: { confirmation: false }, balances: nothingMoved },
      ],
    });
  });
});

describe("sweep12: the same request twice", () => {
  it("the same transfer asked twice before the yes: one card stands, the money moves once", async () => {
    await runScript("s12-same-twice", {
      soft: true,
      turns: [
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true, text: /\$25\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /^Done/ }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("the same transfer asked again after it went through needs its own yes", async () => {
    await runScript("s12-same-after", {
      soft: true,
      turns: [
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true }, balances: { checking: 975_00 } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
      ],
    });
  });
});

describe("sweep12: a stale yes", () => {
  it("'yes' after a cancelled card and an FAQ in between moves nothing", async () => {
    await runScript("s12-stale-faq", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "cancel", expect: { confirmation: false }, balances: nothingMoved },
        { say: "how long does a transfer take?", expect: { confirmation: false } },
        { say: "yes", expect: { confirmation: false, notText: /^Done/ }, balances: nothingMoved },
      ],
    });
  });

  it("'yes' after a finished transfer and an FAQ moves nothing more", async () => {
    await runScript("s12-stale-done-faq", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        { say: "are there any fees for transfers?", expect: { confirmation: false } },
        { say: "yes", expect: { confirmation: false, notText: /^Done/ }, balances: { checking: 970_00 } },
      ],
    });
  });

  it("the Yes button of a card an FAQ followed still works once; pressed again it moves nothing", async () => {
    await runScript("s12-button-after-faq", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "what's the daily transfer limit?", expect: {} },
        { say: "yes", press: "yes", pressOf: 0, expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /^Done/ }, balances: { checking: 970_00 } },
      ],
    });
  });
});

describe("sweep12: bills paid on a date", () => {
  it("'pay the electric bill on the 15th' schedules it: nothing is paid now", async () => {
    const ctx = await runScript("s12-bill-15th", {
      soft: true,
      turns: [
        { say: "pay the electric bill on the 15th", expect: { intent: "pay_bill", confirmation: false } },
        { say: "80", expect: {} },
        { say: "checking", expect: { confirmation: true, text: onThe15th } },
        { say: "yes", expect: { text: /scheduled/, notText: /I paid/ }, balances: nothingMoved },
      ],
    });
    const schedules = await scheduleRowsOf(ctx);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.startDate).toMatch(/-15$/);
  });

  it("'pay city power 60 on the 15th from checking' in one message: the card says the date, yes schedules", async () => {
    const ctx = await runScript("s12-bill-15th-full", {
      soft: true,
      turns: [
        { say: "pay city power 60 on the 15th from checking", expect: { confirmation: true, text: onThe15th } },
        { say: "yes", press: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
      ],
    });
    expect((await scheduleRowsOf(ctx)).map((s) => s.startDate)).toEqual([expect.stringMatching(/-15$/)]);
  });

  it("'pay my electric bill on december 20th' schedules it too", async () => {
    await runScript("s12-bill-month-day", {
      soft: true,
      turns: [
        { say: "pay my electric bill 45 from checking on december 20th", expect: { confirmation: true, text: /20 Dec \d{4}/ } },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
      ],
    });
  });

  it("a dated bill changed to 'pay it now' under the card pays at once, once", async () => {
    await runScript("s12-bill-now", {
      soft: true,
      turns: [
        { say: "pay city power 60 on the 15th from checking", expect: { confirmation: true, text: onThe15th } },
        { say: "actually pay it now", expect: { confirmation: true, notText: onThe15th } },
        { say: "yes", expect: { text: /^Done — I (?:sent|paid) \$60\.00/ }, balances: { checking: 940_00 } },
      ],
    });
  });

  it("a transfer 'on the 20th' and 'next monday' are scheduled, never sent", async () => {
    const ctx = await runScript("s12-transfer-dated", {
      soft: true,
      turns: [
        { say: "transfer 100 from savings to checking on the 20th", expect: { confirmation: true, text: /20 [A-Z][a-z]{2} \d{4}/ } },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
        { say: "send 40 to Jordan Lee next monday from checking", expect: { confirmation: true, text: /Mon/ } },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
      ],
    });
    expect(await scheduleRowsOf(ctx)).toHaveLength(2);
  });
});

describe("sweep12: names with a slip", () => {
  it("'Jordon Lee' is Jordan Lee", async () => {
    await runScript("s12-payee-typo", {
      soft: true,
      turns: [
        { say: "send 20 to Jordon Lee from checking", expect: { confirmation: true, text: /Jordan Lee/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 } },
      ],
    });
  });

  it("'jordan' alone and 'Jordna' are Jordan Lee", async () => {
    await runScript("s12-payee-first-name", {
      soft: true,
      turns: [
        { say: "send 15 to jordan from checking", expect: { confirmation: true, text: /Jordan Lee/ } },
        { say: "cancel", expect: {} },
        { say: "send 15 to Jordna from checking", expect: { confirmation: true, text: /Jordan Lee/ } },
        { say: "no", expect: {}, balances: nothingMoved },
      ],
    });
  });

  it("the credit card with a slip: 'credt card', 'creditcard'", async () => {
    await runScript("s12-credit-typo", {
      soft: true,
      turns: [
        { say: "what's my credt card balance?", expect: { text: /Teller Card/, notText: /Everyday Checking|Rainy Day/ } },
        { say: "pay 50 to my creditcard from checking", expect: { confirmation: true, text: /Teller Card ••3003/ } },
        { say: "yes", expect: { text: /paid/ }, balances: { checking: 950_00, credit: 50_00 } },
      ],
    });
  });
});
