import { describe, expect, it } from "vitest";
import { READ_FOLLOW_UP_MS } from "../config.js";
import { asksForMore } from "./more-transactions.js";
import { Session, allText, lastReply, understood } from "../../../test/support/dialogue-session.js";
import type { Turn } from "../../../test/support/dialogue-session.js";

const loads = (turn: Turn) => turn.effects.flatMap((e) => (e.kind === "load" ? [e] : []));

describe("'more' after a list of recent transactions (explore25)", () => {
  it("reads more asked for", () => {
    for (const text of ["more", "show more", "show me more", "older ones", "show me older ones", "more please", "the next page", "keep going", "go back further", "ok more"]) {
      expect(asksForMore(text), text).toBe(true);
    }
    for (const text of ["more money", "send more", "tell me more about overdrafts", "older accounts", "more than 50"]) {
      expect(asksForMore(text), text).toBe(false);
    }
  });

  it("lists 30, then 50, then says how to see older ones; never the checks FAQ", () => {
    const session = new Session();
    session.say("show my recent transactions", understood("transactions"));
    let turn = session.say("more", understood("order_checks", {}, 0.76));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions", query: { limit: 30 } })]);
    expect(allText(turn)).not.toMatch(/checks/);
    turn = session.say("show me older ones", understood("out_of_scope", {}, 0.9));
    expect(loads(turn)).toEqual([expect.objectContaining({ what: "transactions", query: { limit: 50 } })]);
    turn = session.say("more", understood("order_checks", {}, 0.76));
    expect(loads(turn)).toEqual([]);
    expect(lastReply(turn).text).toMatch(/^That's as many as I can list at once\. For older ones, ask me for a month/);
  });

  it("keeps what the list was of: savings' transactions stay savings'", () => {
    const session = new Session();
    session.say("show my savings transactions", understood("transactions", { accountRefs: ["savings"] }));
    const turn = session.say("more", understood("order_checks", {}, 0.76));
    expect(loads(turn)).toEqual([expect.objectContaining({ query: { account: "savings", limit: 30 } })]);
  });

  it("is nothing after a spending total, or once the list is old", () => {
    const session = new Session();
    session.say("how much did i spend this month", understood("spending"));
    expect(loads(session.say("more", understood("order_checks", {}, 0.76)))).not.toEqual([expect.objectContaining({ what: "transactions" })]);
    const later = new Session();
    later.say("show my recent transactions", understood("transactions"));
    later.now += READ_FOLLOW_UP_MS + 1;
    expect(loads(later.say("more", understood("order_checks", {}, 0.76)))).toEqual([]);
  });
});
