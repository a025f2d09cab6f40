/** The question a task waits on, as a tab opened afterwards shows it (pending-question.ts). */
import { describe, expect, it } from "vitest";
import { pendingQuestion } from "./pending-question.js";
import { cloneState } from "./state.js";
import { Session, lastReply, pendingTransfer, understood, usd } from "../../test/support/dialogue-session.js";

describe("the pending question", () => {
  it("is the amount question while a transfer waits for how much, worded as when asked", () => {
    const session = new Session();
    const turn = session.say("send money to Alex", understood("transfer", { payeeName: "Alex" }));
    expect(lastReply(turn).text).toMatch(/how much/i);
    const before = cloneState(session.state);
    const question = pendingQuestion(session.state, session.now);
    expect(question?.text).toBe(lastReply(turn).text);
    // Reading it changes nothing: the task still asks the same slot.
    expect(session.state).toEqual(before);
  });

  it("is the recipient question while a transfer waits for whom, with its quick replies", () => {
    const session = new Session();
    const turn = session.say("send 50 dollars", understood("transfer", { amount: usd(50) }));
    const question = pendingQuestion(session.state, session.now);
    expect(question?.text).toBe(lastReply(turn).text);
    expect(question?.actions).toEqual(lastReply(turn).actions);
  });

  it("is none with nothing open, or when a confirmation waits (its card shows it)", () => {
    const session = new Session();
    expect(pendingQuestion(session.state, session.now)).toBeNull();
    const { session: confirming } = pendingTransfer();
    expect(pendingQuestion(confirming.state, confirming.now)).toBeNull();
  });

  it("is none once the task is cancelled", () => {
    const session = new Session();
    session.say("send money to Alex", understood("transfer", { payeeName: "Alex" }));
    session.say("cancel", understood("cancel"));
    expect(pendingQuestion(session.state, session.now)).toBeNull();
  });
});
