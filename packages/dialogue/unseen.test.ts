/** What waits from before a sign-in is neither shown to it nor answerable by it (unseen.ts). */
import { describe, expect, it } from "vitest";
import { confirmationStatus, initialState } from "./state.js";
import { forgetUnseen, shownBefore } from "./unseen.js";
import { Session, lastReply, understood, usd } from "../../test/support/dialogue-session.js";

function pendingTransfer() {
  const session = new Session();
  const turn = session.say("send $30 from checking to Alex", understood("transfer", { amount: usd(30), fromRef: "checking", payeeName: "Alex" }));
  return { session, confirmation: lastReply(turn).confirmation! };
}

describe("what waits from before a sign-in", () => {
  it("counts as shown before a later sign-in only; without a sign-in instant, as shown", () => {
    expect(shownBefore({ lastMessageAt: 1_000 }, 1_001)).toBe(true);
    expect(shownBefore({ lastMessageAt: 1_000 }, 1_000)).toBe(false);
    expect(shownBefore({ lastMessageAt: 1_000 }, 0)).toBe(false);
    expect(shownBefore({}, 1)).toBe(true);
  });

  it("drops a confirmation rendered before the sign-in, settled cancelled: a later yes cannot confirm it", () => {
    const { session, confirmation } = pendingTransfer();
    const state = session.state;
    const since = session.now + 1;
    expect(forgetUnseen(state, since, since + 5)).toBe(true);
    expect(state.task).toBeNull();
    expect(confirmationStatus(state, confirmation.id, since + 5)).toBe("cancelled");
    session.now = since + 10;
    const yes = lastReply(session.say("yes", understood("out_of_scope", { yes: true }, 0)));
    expect(yes.text).not.toMatch(/sent/i);
    expect(session.bank.transfersByKey.size).toBe(0);
  });

  it("keeps what this sign-in saw, and what is executing", () => {
    const { session } = pendingTransfer();
    expect(forgetUnseen(session.state, session.now, session.now)).toBe(false);
    expect(session.state.task).not.toBeNull();
    const executing = { ...initialState(), executing: { id: "x" } as never, lastMessageAt: 1 };
    expect(forgetUnseen(executing, 10, 10)).toBe(false);
    expect(executing.executing).toEqual({ id: "x" });
  });
});
