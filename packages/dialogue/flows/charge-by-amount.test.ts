import { describe, expect, it } from "vitest";
import { Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";

describe("a charge named by its amount", () => {
  it("'what was the 45 dollar charge' (extra_charge_on_statement): the charges of exactly that amount, looked up", () => {
    const session = new Session();
    const turn = session.say("what was the 45 dollar charge", understood("extra_charge_on_statement", { amount: usd(45) }, 0.65));
    expect(turn.effects.find((e) => e.kind === "load")).toMatchObject({ what: "transactions", query: { amount: { op: "exactly", minor: 45_00 } } });
    expect(lastReply(turn).intent.name).toBe("transactions");
  });

  it("without an amount: the written answer on extra charges", () => {
    const turn = new Session().say("why is there an extra charge", understood("extra_charge_on_statement", {}, 0.9));
    expect(turn.effects.filter((e) => e.kind === "load")).toEqual([]);
    expect(lastReply(turn).text).toMatch(/^An extra charge can be a fee/);
  });
});
