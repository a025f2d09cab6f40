import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("direct deposit set up (explore29)", () => {
  it.each([
    ["how do i set up direct deposit", understood("out_of_scope", {}, 0.9)],
    ["can i get direct deposit", understood("out_of_scope", {}, 0.6)],
    ["i want to switch my direct deposit to you", understood("transfer", {}, 0.3)],
  ])("'%s': the employer's payroll does it, with the numbers offered; nothing starts", (text, u) => {
    const turn = new Session().say(text, u);
    const reply = lastReply(turn);
    expect(reply.text).toMatch(/^Direct deposit is set up with your employer's payroll, not here/);
    expect(reply.actions.map((a) => a.label)).toEqual(["My account and routing numbers"]);
    expect(turn.effects).toEqual([]);
  });

  it("leaves a request read clearly as another to it", () => {
    const turn = new Session().say("i need my routing number to set up direct deposit", understood("account_numbers", {}, 0.99));
    expect(lastReply(turn).text).not.toMatch(/employer's payroll/);
  });

  it.each(["whats my direct deposit info", "what info do i need for direct deposit"])("'%s' gets the same answer (session 32)", (text) => {
    expect(lastReply(new Session().say(text, understood("out_of_scope", {}, 0.9))).text).toMatch(/^Direct deposit is set up with your employer's payroll/);
  });

  it("'what do i need to give them' right after it loads the account and routing numbers (session 32)", () => {
    const session = new Session();
    session.say("how do i set up direct deposit", understood("out_of_scope", {}, 0.9));
    const turn = session.say("what do i need to give them", understood("out_of_scope", {}, 0.5));
    expect(turn.effects).toEqual([expect.objectContaining({ kind: "load", what: "account_numbers" })]);
  });
});
