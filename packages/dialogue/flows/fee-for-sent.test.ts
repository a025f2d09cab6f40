/** "is there a fee for that?" right after a transfer was sent (fee-for-sent.ts), through the engine. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, pendingTransfer, understood } from "../../../test/support/dialogue-session.js";
import { asksFeeForIt } from "./fee-for-sent.js";

describe("a fee asked of the transfer just sent (defects18)", () => {
  it.each(["is there a fee for that?", "how much does that cost me", "was there a charge for that", "did that cost anything?", "do you charge for that?", "will I be charged for it?"])(
    "'%s' asks what 'that' cost",
    (text) => expect(asksFeeForIt(text)).toBe(true),
  );

  it.each(["is there a fee for atm withdrawals", "how much did I spend", "how much does a replacement card cost", "is there a fee"])("'%s' is no question about 'that'", (text) =>
    expect(asksFeeForIt(text)).toBe(false),
  );

  it("right after a transfer was sent gets the transfer fee answer; it got the card payment fee answer, or a spending summary", () => {
    for (const [text, read] of [
      ["is there a fee for that?", "card_payment_fee_charged"],
      ["how much does that cost me", "spending"],
    ] as const) {
      const { session, confirmation } = pendingTransfer();
      session.press(confirmation.id, "yes");
      const turn = session.say(text, understood(read, {}, 0.6));
      expect(lastReply(turn).text, text).toMatch(/^There's no fee on a transfer I make for you/);
      expect(lastReply(turn).intent.name, text).toBe("transfer_fee_charged");
    }
  });

  it("with nothing sent lately, the message goes the usual way", () => {
    const session = new Session();
    const turn = session.say("is there a fee for that?", understood("card_payment_fee_charged", {}, 0.9));
    expect(lastReply(turn).intent.name).toBe("card_payment_fee_charged");
    const { session: late, confirmation } = pendingTransfer();
    late.press(confirmation.id, "yes");
    late.now += 11 * 60 * 1000;
    expect(lastReply(late.say("is there a fee for that?", understood("card_payment_fee_charged", {}, 0.9))).intent.name).toBe("card_payment_fee_charged");
  });
});
