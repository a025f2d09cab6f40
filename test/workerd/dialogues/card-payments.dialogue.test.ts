import { describe, expect, it } from "vitest";
import { runScript } from "./script.js";

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
});
