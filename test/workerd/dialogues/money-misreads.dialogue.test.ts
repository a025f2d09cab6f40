import { describe, it } from "vitest";
import { runScript } from "./script.js";

/**
 * Misreads around money found by trying the product (sweep 14; written before the fixes): "not X, Y"
 * at the source question, and the order of a receipt and a side answer after a yes. Opening balances:
 * checking $1,000.00, savings $5,000.00; payee Jordan Lee ••7788.
 */

const nothingSent = { checking: 1_000_00, savings: 5_000_00 };

describe("'not X, Y' while the source is asked", () => {
  it("'not jordan, my savings': savings replaces Jordan as where the money goes, never the source", async () => {
    await runScript("misread-not-jordan-savings", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false, text: /Which account should I send it from\?$/ } },
        {
          // Checking is then the only account that can send to savings: the card names it.
          say: "not jordan, my savings",
          expect: { confirmation: true, text: /^OK, to Rainy Day Savings ••2002\. Send \$40\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/ },
          balances: nothingSent,
        },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00, savings: 5_040_00 } },
      ],
    });
  });

  it("'not checking, savings' at the source question still means from savings", async () => {
    await runScript("misread-not-checking-savings", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false, text: /Which account should I send it from\?$/ } },
        { say: "not checking, savings", expect: { confirmation: true, text: /^Send \$40\.00 from Rainy Day Savings ••2002 to .Jordan Lee. ••7788\?$/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: nothingSent },
      ],
    });
  });
});

describe("an account taken back in the same message", () => {
  it("'from savings, no wait checking' at the source question: from checking", async () => {
    await runScript("misread-savings-no-wait-checking", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false, text: /Which account should I send it from\?$/ } },
        { say: "from savings, no wait checking", expect: { confirmation: true, text: /Send \$40\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?$/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: nothingSent },
      ],
    });
  });
});

describe("a side answer after a yes", () => {
  it("'yes and thanks': the receipt comes first, then the side answer", async () => {
    await runScript("misread-yes-and-thanks", {
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes and thanks", expect: { text: /^Done — I sent \$30\.00 to .Jordan Lee[\s\S]*You're welcome/ }, balances: { checking: 970_00 } },
      ],
    });
  });
});

describe("a correction after the money was sent", () => {
  it("'actually make it 30' right after a sent transfer says that one was already sent; a new one needs its own card", async () => {
    await runScript("misread-correct-after-sent", {
      turns: [
        { say: "send 20 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 } },
        { say: "actually make it 30", expect: { confirmation: false, text: /^That's already done, so I can't change it: \$30\.00 would be a new transfer\.[\s\S]*Who should I send it to\?/ }, balances: { checking: 980_00 } },
        { say: "cancel", balances: { checking: 980_00 } },
      ],
    });
  });
});

// explore19: "send 50 quid to Jordan Lee" asked which account, and only then said it holds USD.
describe("an amount in a currency no account holds", () => {
  it("'send 50 quid to Jordan Lee' says the accounts hold USD and asks how much, nothing sent", async () => {
    await runScript("misread-other-currency", {
      turns: [
        { say: "send 50 quid to Jordan Lee", expect: { confirmation: false, text: /^Your accounts hold USD, so the amount needs to be in USD\. How much would you like to send\?$/ } },
        { say: "50", expect: { confirmation: false, text: /which account/i }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});
