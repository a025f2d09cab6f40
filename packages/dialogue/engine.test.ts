/** The engine itself: routing of effect results and what it keeps in its state. */
import { describe, expect, it } from "vitest";
import { initialState, step } from "./index.js";
import { DIALOGUE_SETTINGS, Session, allText, understood } from "../../test/support/dialogue-session.js";

describe("effect results", () => {
  it("ignores results nobody is waiting for", () => {
    const session = new Session();
    const before = session.state;
    const turn = session.feed("unknown-effect", { ok: true, data: [] });
    expect(turn).toEqual({ replies: [], effects: [] });
    expect(session.state).toEqual(before);
  });
});

describe("state", () => {
  it("is plain JSON and the input state is never mutated", () => {
    const state = initialState();
    const frozen = JSON.stringify(state);
    const out = step(state, {
      type: "message",
      messageId: "m1",
      text: "send 30 to Alex",
      now: 0,
      newId: "id-1",
      understanding: understood("transfer"),
      settings: DIALOGUE_SETTINGS,
    });
    expect(JSON.stringify(state)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(out.state))).toEqual(out.state);
  });

  it("keeps no conversation history: only the open task and bounded bookkeeping", () => {
    const session = new Session();
    for (let i = 0; i < 30; i++) {
      session.say("hi", understood("greeting"));
      session.say("balance", understood("balance"));
    }
    expect(JSON.stringify(session.state).length).toBeLessThan(300);
    expect(allText(session.say("hi", understood("greeting")))).toMatch(/^Hi!/);
  });
});
