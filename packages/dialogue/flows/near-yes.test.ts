/** A slip of "yes" at a confirmation (flows/near-yes.ts): the card again, nothing moves. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, moneyEffects, pendingTransfer, understood } from "../../../test/support/dialogue-session.js";

const slip = (_text: string) => understood("goodbye", { nearYes: true }, 0.9);

describe("a slip of yes at a card", () => {
  it("asks whether yes was meant, with the same card; the next yes sends it once", () => {
    const { session, confirmation } = pendingTransfer();
    let turn = session.say("ya", slip("ya"));
    expect(lastReply(turn).text).toBe("Did you mean yes? Tap Yes to send $30.00 to “Alex Kim” ••4321, or No to cancel.");
    expect(lastReply(turn).confirmation?.id).toBe(confirmation.id);
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.state.consecutiveFallbacks).toBe(0);
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toHaveLength(1);
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("a no after it cancels; nothing was sent", () => {
    const { session } = pendingTransfer();
    session.say("yse", slip("yse"));
    const turn = session.say("no", understood("out_of_scope", { no: true }, 0.7));
    expect(lastReply(turn).text).toMatch(/cancelled/);
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("with no card open it is no answer to anything", () => {
    const session = new Session();
    const turn = session.say("ya", slip("ya"));
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(moneyEffects(turn)).toEqual([]);
  });
});
