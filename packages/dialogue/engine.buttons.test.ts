import { describe, expect, it } from "vitest";
import { Session, allText, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../test/support/dialogue-session.js";

describe("a Yes/No button", () => {
  it("Yes on the pending card sends the money once; pressed again, nothing more moves", () => {
    const { session, confirmation } = pendingTransfer();
    expect(moneyEffects(session.press(confirmation.id, "yes"))).toHaveLength(1);
    expect(moneyEffects(session.press(confirmation.id, "yes"))).toEqual([]);
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("No on the pending card cancels it: nothing moves", () => {
    const { session, confirmation } = pendingTransfer();
    const turn = session.press(confirmation.id, "no");
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.state.task).toBeNull();
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("on a card a correction replaced does nothing, says so, and shows the current card with its own buttons", () => {
    const { session, confirmation: old } = pendingTransfer();
    const corrected = session.say("actually make it 45", understood("transfer", { amount: usd(45) }));
    const current = lastReply(corrected).confirmation!;
    expect(current.id).not.toBe(old.id);
    const turn = session.press(old.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    expect(lastReply(turn).text).toMatch(/^That request was cancelled or replaced, so I haven't done anything\./);
    expect(lastReply(turn).confirmation?.id).toBe(current.id);
  });

  it("with nothing open, says nothing was done", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "no");
    const turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    expect(allText(turn)).toMatch(/haven't done anything|cancelled/i);
    expect(new Session().press("no-such-card", "yes").effects).toEqual([]);
  });
});
