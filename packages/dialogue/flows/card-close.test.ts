import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";
import { asksToCloseCard } from "./card-close.js";

describe("a card cancelled or closed (session 32)", () => {
  it.each(["cancel my card", "i want to cancel my debit card", "please close my old visa card", "can you deactivate the card", "get rid of my credit card"])("'%s' asks to close a card", (text) => {
    expect(asksToCloseCard(text)).toBe(true);
  });

  it.each([
    "cancel my card payment",
    "cancel the card freeze",
    "cancel my lost card",
    "I want to cancel my card. I think someone else is using it.",
    "close my account",
    "cancel my card order",
  ])("'%s' is something else", (text) => {
    expect(asksToCloseCard(text)).toBe(false);
  });

  it("offers a freeze now and a person to close it; nothing changes", () => {
    const turn = new Session().say("cancel my card", understood("unfreeze_card", {}, 0.68));
    expect(lastReply(turn).text).toMatch(/^I can't close a card here/);
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Freeze my card", "Talk to a person"]);
    expect(turn.effects).toEqual([]);
  });
});
