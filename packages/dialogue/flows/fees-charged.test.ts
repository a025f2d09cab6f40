/** "any fees this month": the fees on the customer's accounts, from the transactions (flows/fees-charged.ts). */
import { describe, expect, it } from "vitest";
import { Session, understood } from "../../../test/support/dialogue-session.js";
import { asksFeesCharged } from "./fees-charged.js";

describe("fees charged", () => {
  it("reads a question about fees taken, not about the plan's fees", () => {
    for (const text of ["any fees this month", "have i been charged any fees", "did i pay any fees last month", "what fees have i been charged", "show me my fees", "were there any fees?"]) {
      expect(asksFeesCharged(text), text).toBe(true);
    }
    for (const text of ["what are the fees", "are there fees for transfers", "fees", "how much are your fees", "why was i charged a fee"]) expect(asksFeesCharged(text), text).toBe(false);
  });

  it("lists the Fees category this month so far", () => {
    const session = new Session();
    const turn = session.say("any fees this month", understood("spending", {}, 0.42));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { category: "fees", from: expect.stringMatching(/-01$/) } });
  });
});
