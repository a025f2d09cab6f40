/** "did it work?" and "is it frozen now?" right after an action (flows/follow-up.ts). */
import { describe, expect, it } from "vitest";
import { asksIfItWorked } from "./follow-up.js";
import { Session, lastReply, moneyEffects, pendingTransfer, understood } from "../../../test/support/dialogue-session.js";

describe("asking whether what was just done worked", () => {
  it("reads 'did it work?' and its kin, and nothing that names what it asks about", () => {
    for (const text of ["did it work?", "Did that work", "did it go through?", "has it gone through", "is it done?", "so did that go through"]) {
      expect(asksIfItWorked(text), text).toBe(true);
    }
    for (const text of ["did my rent go through?", "did my paycheck come in", "how does it work?", "is it done online?"]) {
      expect(asksIfItWorked(text), text).toBe(false);
    }
  });

  it("after a freeze: yes, and 'is it frozen now?' gives the cards' states", () => {
    const session = new Session();
    session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    // Both got "Sorry, I can't help with that." and the second a hand-off to staff.
    const worked = session.say("did it work?", understood("out_of_scope", {}, 0.83));
    expect(lastReply(worked).text).toBe("Yes — that's done.");
    const frozen = session.say("is it frozen now?", understood("out_of_scope", {}, 0.65));
    expect(lastReply(frozen).text).toMatch(/Visa ••4242 is frozen/);
    expect(session.state.consecutiveFallbacks).toBe(0);
    expect(frozen.effects.filter((e) => e.kind === "handoff" || e.kind === "set_card_status")).toEqual([]);
  });

  it("after a transfer was cancelled: no, nothing was done; nothing moves", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "no");
    const turn = session.say("did it go through?", understood("pending_transfer", {}, 0.6));
    expect(lastReply(turn).text).toBe("No — that was cancelled, so nothing was done.");
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("with nothing done lately, it is not answered from the past", () => {
    const session = new Session();
    const turn = session.say("did it work?", understood("out_of_scope", {}, 0.83));
    expect(lastReply(turn).text).not.toMatch(/^(?:Yes|No) —/);
  });
});

describe("a correction right after the money was sent", () => {
  it("'actually make it 30' says the sent one cannot change; no money moves without a new card", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "yes");
    const turn = session.say("actually make it 30", understood("transfer", { amount: { minor: 30_00, currency: "USD" }, query: { correction: true } }));
    expect(turn.replies.map((r) => r.text).join("\n")).toMatch(/^That's already done, so I can't change it: \$30\.00 would be a new transfer\./);
    expect(moneyEffects(turn)).toEqual([]);
  });
});
