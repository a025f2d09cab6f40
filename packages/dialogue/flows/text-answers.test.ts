import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("answers found by a message's words alone", () => {
  it.each([
    ["cancel my card", /^I can't close a card here/],
    ["how can i avoid interest", /statement balance in full/],
    ["whats my daily atm limit", /ATM|limit/i],
  ])("'%s' is answered by its words, whatever the model read", (text, answer) => {
    const turn = new Session().say(text, understood("out_of_scope", {}, 0.4));
    expect(lastReply(turn).text).toMatch(answer);
  });

  it("leaves a request none of them answers to the rest of the engine", () => {
    const turn = new Session().say("what's my balance", understood("balance", {}, 0.99));
    expect(turn.effects).toEqual([expect.objectContaining({ kind: "load", what: "accounts" })]);
  });
});
