/** "when will he get it?" right after a transfer was sent (arrival-of-sent.ts), through the engine. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, pendingTransfer, understood } from "../../../test/support/dialogue-session.js";
import { asksWhenItArrives } from "./arrival-of-sent.js";

describe("when the transfer just sent arrives (sweep19)", () => {
  it.each(["when will he get it?", "when will she receive it", "ok when will it arrive?", "how long will it take?", "when does jordan get the money", "has he got it yet?"])(
    "'%s' asks when 'it' arrives",
    (text) => expect(asksWhenItArrives(text)).toBe(true),
  );

  it.each(["when will my card arrive", "how long does a transfer take", "when will i get paid", "when is my payment due"])("'%s' is no question about 'it'", (text) =>
    expect(asksWhenItArrives(text)).toBe(false),
  );

  it("right after a transfer was sent says it was made at once; it got out of scope", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "yes");
    const turn = session.say("when will he get it?", understood("out_of_scope", {}, 0.8));
    expect(lastReply(turn).intent.name).toBe("transfer_timing");
    expect(lastReply(turn).text).toMatch(/already[\s\S]*as soon as you said Yes/);
  });

  it("with nothing sent lately, the message goes the usual way", () => {
    const session = new Session();
    expect(lastReply(session.say("when will he get it?", understood("out_of_scope", {}, 0.8))).intent.name).not.toBe("transfer_timing");
  });

  it("while a transfer to a payee waits for its Yes: when it leaves, then its confirmation again (was the card-delivery answer)", () => {
    const { session } = pendingTransfer();
    const turn = session.say("when will it arrive", understood("card_delivery_estimate", { query: { question: true } }, 0.7));
    expect(turn.replies[0]!.intent.name).toBe("transfer_timing");
    expect(turn.replies[0]!.text).toMatch(/^It leaves your account as soon as you confirm it; when it shows in their own bank account depends on their bank\.$/);
    expect(lastReply(turn).text).toMatch(/^Back to your transfer:/);
    expect(lastReply(turn).confirmation).toBeDefined();
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("while a transfer's destination is still asked for: both answers, then the question again", () => {
    const session = new Session();
    session.say("send 25", understood("transfer", { amount: { minor: 25_00, currency: "USD" } }));
    const turn = session.say("how long will it take?", understood("transfer_timing", { query: { question: true } }, 0.9));
    expect(turn.replies[0]!.text).toMatch(/^Between your own accounts it's there at once\. To a saved payee: it leaves your account/);
    expect(lastReply(turn).text).toMatch(/^Back to your transfer:/);
  });
});
