import { describe, it } from "vitest";
import { runScript } from "./script.js";

/**
 * Conversations as customers have them (sweep 11 probe, written before it was run): changing one's
 * mind mid-task, answering with more than was asked, and the many ways of saying yes and no.
 * Each step says what a good bank assistant does; the balances say what happened to the money.
 * Opening balances: checking $1,000.00, savings $5,000.00; payee Jordan Lee ••7788.
 */

const asksFrom = /which account/i;
const asksWho = /who should i send it to/i;
const asksAmount = /how much/i;
const nothingSent = { checking: 1_000_00, savings: 5_000_00 };

describe("probe: changing one's mind", () => {
  it("a new amount before the confirmation is the one confirmed", async () => {
    await runScript("mind-amount", {
      soft: true,
      turns: [
        { say: "send 100 to Jordan Lee", expect: { confirmation: false, text: asksFrom } },
        { say: "actually make it 80", expect: { confirmation: false, text: asksFrom } },
        { say: "checking", expect: { confirmation: true, text: /\$80\.00[\s\S]*Jordan Lee/, notText: /\$100/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 920_00 } },
      ],
    });
  });

  it("another source account under the confirmation: the new card names it, yes takes it from there", async () => {
    await runScript("mind-account", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true, text: /Everyday Checking/ } },
        { say: "use savings instead", expect: { confirmation: true, text: /\$50\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_950_00 } },
      ],
    });
  });

  it("'tomorrow' changed to 'now' under the confirmation: yes sends it at once", async () => {
    await runScript("mind-date-now", {
      soft: true,
      turns: [
        { say: "send 25 to Jordan Lee from checking tomorrow", expect: { confirmation: true, text: /tomorrow/ } },
        { say: "actually send it now", expect: { confirmation: true, text: /\$25\.00/, notText: /tomorrow/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("another recipient under the confirmation: the new card names it and not the old one", async () => {
    await runScript("mind-recipient", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee from checking", expect: { confirmation: true, text: /Jordan Lee/ } },
        { say: "sorry, I meant to my savings", expect: { confirmation: true, text: /Rainy Day Savings/, notText: /Jordan/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00, savings: 5_040_00 } },
      ],
    });
  });

  it("cancelled, then started again: only the second transfer moves money", async () => {
    await runScript("mind-cancel-restart", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "cancel", expect: { confirmation: false, text: /nothing/i }, balances: nothingSent },
        { say: "send 35 to Jordan Lee from savings", expect: { confirmation: true, text: /\$35\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_965_00 } },
      ],
    });
  });

  it("'no' and then 'yes' after all: the cancelled confirmation stays cancelled", async () => {
    await runScript("mind-no-then-yes", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "no", expect: { confirmation: false }, balances: nothingSent },
        { say: "yes", expect: { confirmation: false }, balances: nothingSent },
      ],
    });
  });

  it("amount and account changed in one breath under the confirmation", async () => {
    await runScript("mind-two-at-once", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "make it 60 from savings", expect: { confirmation: true, text: /\$60\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_940_00 } },
      ],
    });
  });
});

describe("probe: answering with more than was asked", () => {
  it("'200, from savings' to the amount question fills both; only the recipient is asked", async () => {
    await runScript("more-amount-source", {
      soft: true,
      turns: [
        { say: "I want to send money", expect: { intent: "transfer", confirmation: false, text: asksAmount } },
        { say: "200, from savings", expect: { confirmation: false, text: asksWho } },
        { say: "Jordan Lee", expect: { confirmation: true, text: /\$200\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { savings: 4_800_00 } },
      ],
    });
  });

  it("'75 from checking please' to the amount question goes straight to the confirmation", async () => {
    await runScript("more-amount-then-confirm", {
      soft: true,
      turns: [
        { say: "transfer money to Jordan", expect: { confirmation: false, text: asksAmount } },
        { say: "75 from checking please", expect: { confirmation: true, text: /\$75\.00 from Everyday Checking[\s\S]*Jordan Lee/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 925_00 } },
      ],
    });
  });

  it("'to Jordan, 45' to the amount question fills the recipient too", async () => {
    await runScript("more-recipient-amount", {
      soft: true,
      turns: [
        { say: "I need to make a transfer", expect: { confirmation: false, text: asksAmount } },
        { say: "45 to Jordan", expect: { confirmation: false, text: asksFrom } },
        { say: "checking", expect: { confirmation: true, text: /\$45\.00 from Everyday Checking/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 955_00 } },
      ],
    });
  });
});

describe("probe: yes, no and in between", () => {
  it("'yep go ahead' confirms", async () => {
    await runScript("yn-yep", {
      soft: true,
      turns: [
        { say: "send 15 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yep go ahead", expect: { data: "transfer_receipt" }, balances: { checking: 985_00 } },
      ],
    });
  });

  it("'sure but make it 150' is a correction, never a yes: a new card for $150, nothing moved", async () => {
    await runScript("yn-sure-but", {
      soft: true,
      turns: [
        { say: "send 100 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "sure but make it 150", expect: { confirmation: true, text: /\$150\.00/ }, balances: nothingSent },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 850_00 } },
      ],
    });
  });

  it("'wait' and 'hmm let me think' hold the confirmation: nothing moves, a later yes still works", async () => {
    await runScript("yn-wait", {
      soft: true,
      turns: [
        { say: "send 15 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "wait", expect: { notText: /didn't catch/ }, balances: nothingSent },
        { say: "hmm let me think", balances: nothingSent },
        { say: "yes please", expect: { data: "transfer_receipt" }, balances: { checking: 985_00 } },
      ],
    });
  });

  it("'nah' cancels; a 'yes' after it moves nothing", async () => {
    await runScript("yn-nah", {
      soft: true,
      turns: [
        { say: "send 15 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "nah", expect: { confirmation: false, text: /nothing/i }, balances: nothingSent },
        { say: "yes", expect: { confirmation: false }, balances: nothingSent },
      ],
    });
  });

  it("'no, 20' under the confirmation corrects the amount instead of dropping the transfer", async () => {
    await runScript("yn-no-correction", {
      soft: true,
      turns: [
        { say: "send 15 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "no, 20", expect: { confirmation: true, text: /\$20\.00/ }, balances: nothingSent },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 } },
      ],
    });
  });
});
