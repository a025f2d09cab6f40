import { describe, expect, it } from "vitest";
import { runScript, scheduleRowsOf } from "./script.js";

/**
 * Money at the right time, once (sweep 12 probe, through the gateway): dated payments corrected and
 * confirmed twice, a date asked for under a card for now, a second transfer said under the first's
 * card, two recipients in one message. Opening balances: checking $1,000.00, savings $5,000.00;
 * payees Jordan Lee ••7788 and City Power & Light ••9911 (a biller).
 */

const nothingMoved = { checking: 1_000_00, savings: 5_000_00, credit: 0 };
const onThe15th = /15 [A-Z][a-z]{2} \d{4}/;

describe("sweep12: money at the right time, once", () => {
  it("a dated bill's amount corrected under the card keeps the date; an aside and two yeses store one schedule", async () => {
    const ctx = await runScript("s12-bill-dated-fix", {
      soft: true,
      turns: [
        { say: "pay city power 60 on the 15th from checking", expect: { confirmation: true, text: onThe15th } },
        { say: "actually make it 90", expect: { confirmation: true, text: /\$90\.00[\s\S]*15 [A-Z][a-z]{2} \d{4}/ } },
        { say: "what's my balance?", expect: { text: /\$1,000\.00/ }, balances: nothingMoved },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
        { say: "yes", expect: { notText: /^Done/ }, balances: nothingMoved },
      ],
    });
    const schedules = await scheduleRowsOf(ctx);
    expect(schedules.map((s) => [s.amount, s.startDate.slice(-2)])).toEqual([[90_00, "15"]]);
  });

  it("'every friday' with the Yes button pressed twice: one recurring schedule, nothing sent now", async () => {
    const ctx = await runScript("s12-weekly-twice", {
      soft: true,
      turns: [
        { say: "send 15 to Jordan Lee every friday from checking", expect: { confirmation: true, text: /Friday/i } },
        { say: "yes", press: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /^Done/ }, balances: nothingMoved },
      ],
    });
    expect(await scheduleRowsOf(ctx)).toHaveLength(1);
  });

  it("'hold on', then a new amount, then yes: the new amount moves once", async () => {
    await runScript("s12-hold-then-fix", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "hold on", expect: { confirmation: true, text: /take your time/i } },
        { say: "actually 25", expect: { confirmation: true, text: /\$25\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("'do it on friday instead' under a card for now: the card says Friday and yes schedules it, nothing sent", async () => {
    const ctx = await runScript("s12-friday-instead", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from checking", expect: { confirmation: true, notText: /Fri/ } },
        // It got "Sorry, I can't answer that one here." with the card for now, and the yes sent $20 at once.
        { say: "do it on friday instead", expect: { confirmation: true, text: /\$20\.00[\s\S]*Fri \d{1,2} [A-Z][a-z]{2} \d{4}\?$/ } },
        { say: "yes", expect: { text: /scheduled/ }, balances: nothingMoved },
      ],
    });
    expect(await scheduleRowsOf(ctx)).toHaveLength(1);
  });

  it("'and another 20 to savings' under Jordan's card: that card first, then the other", async () => {
    await runScript("s12-another", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        // It replaced Jordan's $50 with "Send $20.00 … to Rainy Day Savings?".
        { say: "and another 20 to savings", expect: { confirmation: true, text: /^Let's finish this one first[\s\S]*\$50\.00[\s\S]*Jordan Lee/ } },
        { say: "yes", expect: { data: "transfer_receipt", text: /\$50\.00/ }, balances: { checking: 950_00, savings: 5_000_00 } },
        { say: "send 20 from checking to savings", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 930_00, savings: 5_020_00 } },
      ],
    });
  });

  it("two transfers in one message never move money without a card for each", async () => {
    await runScript("s12-two-transfers", {
      soft: true,
      turns: [
        // It confirmed "Send $10.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002?" and the yes moved it.
        { say: "send 10 to Jordan Lee and 20 to my savings from checking", expect: { confirmation: false, text: /^I can send to one recipient at a time\. Who should I send it to\?/ }, balances: nothingMoved },
        { say: "yes", expect: { confirmation: false, notText: /^Done/ }, balances: nothingMoved },
        { say: "Jordan Lee", expect: { confirmation: false, text: /how much/i } },
        { say: "10", expect: { confirmation: true, text: /^Send \$10\.00 from Everyday Checking ••1001 to “Jordan Lee” ••7788\?$/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00, savings: 5_000_00 } },
      ],
    });
  });

  it("half a dollar and an absurd amount", async () => {
    await runScript("s12-odd-amounts", {
      soft: true,
      turns: [
        { say: "send 0.50 to Jordan Lee from checking", expect: { confirmation: true, text: /\$0\.50/ } },
        { say: "no", expect: {}, balances: nothingMoved },
        { say: "send 1000000 to Jordan Lee from checking", expect: { confirmation: false }, balances: nothingMoved },
        { say: "yes", expect: { notText: /^Done/ }, balances: nothingMoved },
      ],
    });
  });

  it("the dispute offered after an FAQ is for the next message only: a yes after a balance question opens nothing", async () => {
    await runScript("s12-offer-stale", {
      soft: true,
      history: [{ merchant: "Shell", category: "Gas", amount: -42_10, postedAt: new Date(Date.now() - 86_400_000) }],
      turns: [
        { say: "I don't recognise a charge", expect: { text: /open a dispute/i } },
        { say: "what's my balance?", expect: { data: "accounts" } },
        { say: "yes", expect: { notText: /Which charge|DSP-/ } },
      ],
    });
  });
});

// explore19: "later" was read as no timing: the card offered to send the money now.
describe("timing with no date in it", () => {
  it("'send 10 from checking to savings later' asks when, and nothing is confirmed", async () => {
    await runScript("timing-later", {
      turns: [
        { say: "send 10 from checking to savings later", expect: { confirmation: false, text: /“later”[\s\S]*When should it go/ } },
        { say: "yes", expect: { confirmation: false }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'… in 2 hours' says a time of day can't be scheduled, and nothing is confirmed", async () => {
    await runScript("timing-in-hours", {
      turns: [
        { say: "send 10 from checking to savings in 2 hours", expect: { confirmation: false, text: /not for a time of day \(“in 2 hours”\)/ } },
        { say: "yes", expect: { confirmation: false }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });
});
