import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, understood } from "../../../test/support/dialogue-session.js";
import { NEW_CARD_TEXT, asksNewCard } from "./new-card.js";

describe("a new card right after a card's trouble (session 25)", () => {
  it.each(["how do i get a new one", "can you send me a new one", "ok so how do i order a replacement?", "i need a new card", "how do i replace it", "can i get another one please"])(
    "reads '%s' as asking for a new one",
    (text) => {
      expect(asksNewCard(text)).toBe(true);
    },
  );

  it.each(["i need a new account", "send me a new statement", "how do i get a new pin", "send 20 to a new payee", "new one"])("leaves '%s' alone", (text) => {
    expect(asksNewCard(text)).toBe(false);
  });

  it("after a damaged card's answer: how to order a replacement (it was 'Sorry, I can't help with that.')", () => {
    const session = new Session(new FakeBank());
    session.say("my card is damaged", understood("damaged_card"));
    const turn = session.say("how do i get a new one", understood("out_of_scope", {}, 0.69));
    expect(lastReply(turn)).toMatchObject({ text: NEW_CARD_TEXT, intent: { name: "order_physical_card" } });
  });

  it("with no card's trouble before it, the message goes its usual way", () => {
    const turn = new Session(new FakeBank()).say("how do i get a new one", understood("out_of_scope", {}, 0.69));
    expect(lastReply(turn).text).not.toBe(NEW_CARD_TEXT);
  });
});
