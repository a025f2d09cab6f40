/** What a freeze stops, asked right after one or about a frozen card (flows/while-frozen.ts, session 31). */
import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";
import { answerWhileFrozen } from "./while-frozen.js";
import type { StepContext } from "../context.js";
import type { DialogueState } from "../types.js";

function ctxWith(state: Partial<DialogueState>, now = 1_000_000): StepContext {
  return { state: { settled: [], ...state } as DialogueState, now, replies: [], effects: [] } as unknown as StepContext;
}

describe("answerWhileFrozen", () => {
  const frozen = { lastCard: { last4: "3990", at: 1_000_000 - 60_000, status: "frozen" as const } };

  it("right after a freeze: direct debits and transfers go on, card payments stop", () => {
    const debits = ctxWith(frozen);
    expect(answerWhileFrozen(debits, "will my direct debits still go out")).toBe(true);
    expect(debits.replies[0]!.text).toMatch(/^Yes: freezing your card ••3990 doesn't stop transfers, your scheduled payments or direct debits/);
    expect(debits.replies[0]!.text).not.toMatch(/declined/);
    const applePay = ctxWith(frozen);
    expect(answerWhileFrozen(applePay, "can i still use apple pay")).toBe(true);
    expect(applePay.replies[0]!.text).toMatch(/^No: while it is frozen, payments made with it are declined: .*Apple Pay/);
  });

  it("about a frozen card by name, with no freeze just done", () => {
    const c = ctxWith({});
    expect(answerWhileFrozen(c, "do direct debits still work when my card is frozen")).toBe(true);
    expect(c.replies[0]!.text).toMatch(/^Yes: freezing a card doesn't stop/);
  });

  it("leaves alone what asks something else", () => {
    for (const t of ["can i freeze my card online", "can i use apple pay", "will my rent go out on the 1st", "is my card frozen", "can i still use apple pay?"]) {
      const state = t.endsWith("?") ? { lastCard: { last4: "3990", at: 0, status: "frozen" as const } } : {};
      expect(answerWhileFrozen(ctxWith(state), t), t).toBe(false);
    }
  });

  it("through the engine, after 'freeze my card'", () => {
    const session = new Session();
    session.say("freeze my card", understood("freeze_card"));
    const turn = session.say("will my rent still be paid", understood("scheduled_payments", {}, 0.8));
    expect(lastReply(turn).text).toMatch(/^Yes: freezing your card ••\d{4} doesn't stop/);
  });
});
