import { describe, expect, it } from "vitest";
import { Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";

describe("savings goals and budgets (none are kept)", () => {
  it.each([
    ["set a savings goal", understood("transfer", {}, 0.37)],
    ["how close am i to my savings goal", understood("balance", {}, 0.46)],
    ["can i set a budget for groceries", understood("out_of_scope", {}, 0.98)],
    ["help me budget", understood("out_of_scope", {}, 0.97)],
  ])("'%s' is told so, with what Teller can do instead, and nothing starts", (text, u) => {
    const turn = new Session().say(text, u);
    const reply = lastReply(turn);
    expect(reply.text).toMatch(/^I can't set up or track savings goals or budgets here\. What I can do: set up a repeating transfer to your savings/);
    expect(reply.actions.map((a) => a.label)).toEqual(["Spending by category", "My savings balance", "Talk to a person"]);
    expect(turn.effects).toEqual([]);
  });

  it("leaves a message with an amount to the transfer", () => {
    const turn = new Session().say("put 100 in savings for my savings goal", understood("transfer", { amount: usd(100) }, 0.9));
    expect(lastReply(turn).text).not.toMatch(/savings goals or budgets/);
  });
});
