import { describe, it } from "vitest";
import { runScript } from "./script.js";

/**
 * Right after a transfer was sent (sweep15): "same again" sets up a new confirmation for the same
 * transfer, "undo that" says what can be done about a transfer that has gone through. Opening
 * balances: checking $1,000.00, savings $5,000.00; payee Jordan Lee ••7788.
 */
describe("after a transfer was sent", () => {
  it("'same again' shows a new card; the money moves a second time only on its yes", async () => {
    await runScript("sent-same-again", {
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        // It got the written answer on duplicate charges and an offer to open a dispute.
        { say: "same again", expect: { confirmation: true, text: /again is a new transfer\. Send \$30\.00 from Everyday Checking ••1001 to “Jordan Lee” ••7788\?$/ }, balances: { checking: 970_00 } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 940_00 } },
        { say: "yes", expect: { text: /already done/ }, balances: { checking: 940_00 } },
      ],
    });
  });

  // defects17: "same again but to Morgan" got "Sorry, I can't help with that." (no verb before "to",
  // so no recipient was read), and a second such message handed the chat to staff.
  it("'same again but to' a name that is no saved payee says so as 'send 10 to' does: no card, nothing moves", async () => {
    await runScript("sent-same-again-unknown", {
      turns: [
        { say: "send 10 to Morgan", expect: { confirmation: false, text: /I couldn't find a saved payee called “Morgan”\. Your saved payees are “City Power & Light” and “Jordan Lee”\./ } },
        { say: "cancel", expect: { confirmation: false } },
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        {
          say: "same again but to Morgan",
          expect: { intent: "transfer", confirmation: false, text: /I couldn't find a saved payee called “Morgan”\. Your saved payees are “City Power & Light” and “Jordan Lee”\. Who should I send it to\?/ },
          balances: { checking: 970_00 },
        },
        { say: "cancel", expect: { confirmation: false, text: /Nothing was sent/ }, balances: { checking: 970_00 } },
        {
          say: "same again but to Sam",
          expect: { intent: "transfer", confirmation: false, text: /I couldn't find a saved payee called “Sam”\. Your saved payees are/, notText: /team|Sorry/ },
          balances: { checking: 970_00 },
        },
        // The repeat keeps its amount and source: a saved payee named next gets the card for them.
        { say: "Jordan Lee", expect: { confirmation: true, text: /Send \$30\.00 from Everyday Checking ••1001 to “Jordan Lee” ••7788\?$/ }, balances: { checking: 970_00 } },
      ],
    });
  });

  it("'do that again' with nothing sent is said plainly, nothing is set up", async () => {
    await runScript("sent-nothing-again", {
      turns: [{ say: "do that again", expect: { confirmation: false, text: /^I haven't sent any money for you in the last few minutes/ } }],
    });
  });

  it("'undo that' after a transfer to savings offers to move it back, with its own card", async () => {
    await runScript("sent-undo-own", {
      turns: [
        { say: "move 200 from checking to savings", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 800_00, savings: 5_200_00 } },
        { say: "undo that", expect: { confirmation: true, text: /can't be recalled — but both accounts are yours[\s\S]*Send \$200\.00 from Rainy Day Savings ••2002 to Everyday Checking ••1001\?$/ }, balances: { checking: 800_00 } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'take it back' after a payment to a person: it can't be recalled, a person is offered, nothing moves", async () => {
    await runScript("sent-undo-payee", {
      turns: [
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
        // It offered to unfreeze a card.
        { say: "take it back", expect: { confirmation: false, text: /has already gone through, and a transfer that was sent can't be recalled/ }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("'cancel that transfer' before the yes cancels it", async () => {
    await runScript("sent-cancel-before", {
      turns: [
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true } },
        // It gave the FAQ on cancelling a sent transfer and kept the card.
        { say: "cancel that transfer", expect: { confirmation: false, text: /^OK, I've cancelled that transfer\. Nothing was sent\.$/ } },
        { say: "yes", expect: { text: /nothing waiting|cancelled/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});
