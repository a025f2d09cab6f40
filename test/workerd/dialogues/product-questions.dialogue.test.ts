/**
 * Wave 3, limits15 (issue 12): product questions about transfers that had no right answer. The
 * transfer limits come from the customer's own data (the ledger's limits and what today's transfers
 * used of the daily one); the rest are written answers true to Teller: a transfer is made as soon as
 * it is confirmed, at any hour, with no fee; a sent one cannot be cancelled, a scheduled one can;
 * limits are not raised and payees not added in the chat.
 */
import { describe, it } from "vitest";
import { runScript } from "./script.js";

describe("dialogue: product questions about transfers", () => {
  it("transfer_limits: the limits, then what is left of today's after a transfer", async () => {
    await runScript("limits-left", {
      turns: [
        {
          say: "what's my daily transfer limit",
          expect: {
            intent: "transfer_limits",
            text: /^You can send up to \$10,000\.00 in one transfer and \$25,000\.00 a day in all\. You haven't sent anything today, so all \$25,000\.00 is left until midnight UTC\./,
          },
        },
        { say: "move 50 from checking to savings", expect: { intent: "transfer", confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00, savings: 5_050_00 } },
        { say: "how much more can i transfer today", expect: { intent: "transfer_limits", text: /Today you've sent \$50\.00, so \$24,950\.00 is left until midnight UTC\./ } },
      ],
    });
  });

  it("transfer_limits mid-transfer: answered, then back to the transfer; raising a limit is not done in the chat", async () => {
    await runScript("limits-aside", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { intent: "transfer" } },
        { say: "is there a limit on how much i can transfer?", expect: { intent: "transfer_limits", text: /You can send up to \$10,000\.00 in one transfer[\s\S]*Back to your transfer/ } },
        { say: "cancel", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
        { say: "can you raise my transfer limit", expect: { intent: "transfer_limit_change", text: /^I can't change your transfer limits here in the chat/ } },
      ],
    });
  });

  it("timing, cut-off, fees, cancelling and adding a payee: written answers true to Teller", async () => {
    await runScript("transfer-questions", {
      turns: [
        { say: "are transfers instant?", expect: { intent: "transfer_timing", text: /made as soon as you say Yes, any day and at any time: there is no cut-off/ } },
        // The model splits it between two answers that say the same (faq/answered-alike.ts): answered, not declined.
        { say: "how long does a transfer take?", expect: { text: /made as soon as you say Yes, any day and at any time/ } },
        { say: "what's the cut-off time for transfers", expect: { intent: "transfer_timing", text: /there is no cut-off/ } },
        { say: "is there a fee for transferring between my accounts", expect: { intent: "transfer_fee_charged", text: /^There's no fee on a transfer I make for you/, notText: /fees page/ } },
        { say: "can i cancel a transfer?", expect: { intent: "cancel_transfer", text: /once it's sent I can't cancel it[\s\S]*scheduled or recurring transfer can be cancelled/ } },
        { say: "how do i add a payee", expect: { intent: "add_payee", text: /^I can't add a new payee here in the chat\./ } },
      ],
    });
  });
});
