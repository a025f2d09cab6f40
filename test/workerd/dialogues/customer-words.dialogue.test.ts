import { describe, it } from "vitest";
import { runScript } from "./script.js";

/**
 * sweep16: what customers said that Teller got wrong last session (issue 12). What Teller answered
 * before is in the comment above each line. Opening balances: checking $1,000.00, savings
 * $5,000.00; payee Jordan Lee ••7788 (and Sam Rivera ••4455 where the script adds him).
 */
describe("dialogue: words customers use", () => {
  it("'how long does it take for a transfer to go through' gets the timing answer", async () => {
    await runScript("words-timing", {
      turns: [
        // "Sorry, I didn't catch that." (transfer_not_received_by_recipient 0.45, under the floor).
        { say: "how long does it take for a transfer to go through", expect: { intent: "transfer_timing", text: /made as soon as you say Yes, any day and at any time: there is no cut-off/ } },
        { say: "how long does it take for transfers to go through?", expect: { intent: "transfer_timing", text: /there is no cut-off/ } },
      ],
    });
  });

  it("'do you charge for transfers' is asked of Teller's transfers: there is no fee", async () => {
    await runScript("words-fee", {
      turns: [
        // "Topping up by bank transfer is usually free on our side …" (top_up_by_bank_transfer_charge 1.00).
        { say: "do you charge for transfers", expect: { intent: "transfer_fee_charged", text: /^There's no fee on a transfer I make for you/, notText: /top/i } },
        { say: "how much does a transfer cost?", expect: { intent: "transfer_fee_charged", text: /^There's no fee on a transfer I make for you/ } },
        // A top-up by bank transfer stays the top-up answer.
        { say: "is there a fee to top up by bank transfer?", expect: { intent: "top_up_by_bank_transfer_charge" } },
      ],
    });
  });

  it("'same again but to Sam' after a sent transfer: a new card for the same amount to Sam, sent only on its yes", async () => {
    await runScript("words-same-to-sam", {
      payees: [{ name: "Sam Rivera", mask: "4455" }],
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        // "Sorry, I didn't catch that." (the payee after "but" was never looked up).
        { say: "same again but to Sam", expect: { confirmation: true, text: /Send \$30\.00 from Everyday Checking ••1001 to “Sam Rivera” ••4455\?$/ }, balances: { checking: 970_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 940_00 } },
      ],
    });
  });

  it("'pay my credit card 50 from checking' keeps the 50 and pays it on its yes", async () => {
    await runScript("words-pay-card-50", {
      history: [{ account: "credit", merchant: "Hardware Barn", category: "Shopping", amount: -200_00, postedAt: new Date(Date.now() - 3 * 86_400_000) }],
      turns: [
        // "How much would you like to pay to Teller Card ••3003?" (the 50 was read as part of the card).
        { say: "pay my credit card 50 from checking", expect: { intent: "pay_bill", confirmation: true, text: /Pay \$50\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
        { say: "yes", press: "yes", balances: { checking: 950_00, credit: -150_00 } },
      ],
    });
  });
});
