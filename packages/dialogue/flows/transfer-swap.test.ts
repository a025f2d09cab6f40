/** "the other way round" under a transfer between own accounts (flows/transfer-swap.ts). */
import { describe, expect, it } from "vitest";
import { asksOtherWay } from "./transfer-swap.js";
import { Session, allText, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";

function savingsToChecking() {
  const session = new Session();
  const turn = session.say(
    "move 50 from savings to checking",
    understood("transfer", { amount: usd(50), accountRefs: ["savings", "checking"], fromRef: "savings", toRef: "checking" }),
  );
  return { session, confirmation: lastReply(turn).confirmation! };
}

describe("the other way round", () => {
  it("reads the ways of asking for the other direction, and nothing more", () => {
    for (const text of ["no, the other way round", "other way around", "wrong way round", "swap them", "the other way please", "vice versa"]) {
      expect(asksOtherWay(text), text).toBe(true);
    }
    for (const text of ["the other one", "other way to pay", "is there another way around the fee?"]) {
      expect(asksOtherWay(text), text).toBe(false);
    }
  });

  it("swaps source and destination under a new card; the old card's yes sends nothing", () => {
    const { session, confirmation } = savingsToChecking();
    // It got "Sorry, I didn't catch that." and the same card.
    const turn = session.say("no, the other way round", understood("out_of_scope", {}, 0.97));
    expect(lastReply(turn).text).toBe("OK, from Checking ••1234 to Savings ••5678. Send $50.00 from Checking ••1234 to Savings ••5678?");
    expect(moneyEffects(session.press(confirmation.id, "yes"))).toEqual([]);
    const yes = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(moneyEffects(yes)).toMatchObject([{ fromAccountId: "acc-chk", to: { accountId: "acc-sav" }, amount: usd(50) }]);
  });

  it("to a payee there is no other way round: the message goes the usual way", () => {
    const { session } = pendingTransfer();
    const turn = session.say("other way around", understood("out_of_scope", {}, 0.96));
    expect(allText(turn)).toMatch(/^Sorry, I didn't catch that\./);
    expect(moneyEffects(turn)).toEqual([]);
  });
});
