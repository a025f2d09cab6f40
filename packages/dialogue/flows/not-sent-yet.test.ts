/** "did it go through" before the Yes (flows/not-sent-yet.ts). */
import { describe, expect, it } from "vitest";
import { Session, allText, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import { asksIfSent } from "./not-sent-yet.js";

describe("asked whether a transfer being set up was sent", () => {
  it("reads the question, and not a question about another payment", () => {
    for (const text of ["did it go through", "did it go thru?", "has it been sent", "so did that work", "did the money go through yet"]) expect(asksIfSent(text), text).toBe(true);
    for (const text of ["did my rent go through", "did it go through on friday to jordan", "send it", "did i get paid"]) expect(asksIfSent(text), text).toBe(false);
  });

  it("says nothing was sent and asks the open question again, nothing moved", () => {
    const session = new Session();
    session.say("send 25 to alex", understood("transfer", { amount: { minor: 25_00, currency: "USD" }, payeeName: "Alex Kim" }));
    const turn = session.say("did it go through", understood("application_status", {}, 0.5));
    expect(allText(turn)).toMatch(/^Not yet — nothing has been sent\./);
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.state.task?.kind).toBe("transfer");
  });
});
