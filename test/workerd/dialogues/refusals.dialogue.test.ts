/**
 * nlu11 (issue 12): a refusal of a payment is no instruction to make one, and cents after a symbol
 * before the figure are part of the amount ("$12 and 50c" is $12.50, never $12.00).
 */
import { describe, it } from "vitest";
import { runScript } from "./script.js";

describe("refusals and cents (nlu11)", () => {
  it("'don't send it' at the confirmation sends nothing", async () => {
    await runScript("nlu11-dont-send-it", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /Send \$40\.00/ } },
        { say: "don't send it", expect: { confirmation: false, text: /cancelled/, notText: /Send \$40/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("'no don't pay the bill' with nothing open starts no payment", async () => {
    await runScript("nlu11-dont-pay-idle", {
      turns: [{ say: "no don't pay the bill", expect: { confirmation: false, notText: /which (?:bill|account|payee)/i } }],
    });
  });

  it("'$12 and 50c' is $12.50", async () => {
    await runScript("nlu11-cents-after-symbol", {
      turns: [
        { say: "send $12 and 50c to Jordan Lee", expect: { text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /Send \$12\.50 from Everyday Checking/ } },
      ],
    });
  });
});
