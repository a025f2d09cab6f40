/** What a follow-up repeats (flows/last-read.ts): the read as asked, never the customer's words. */
import { describe, expect, it } from "vitest";
import { Session, understood } from "../../../test/support/dialogue-session.js";

describe("the last read", () => {
  it("keeps what a spending question asked, with the period it covered", () => {
    const session = new Session();
    session.say("how much did I spend on groceries in october", understood("spending", { category: "groceries", dateRange: { from: "2026-10-01", to: "2026-10-31" } }));
    expect(session.state.lastRead).toMatchObject({ what: "spending", category: "groceries", dateRange: { from: "2026-10-01", to: "2026-10-31" }, at: session.now });
  });

  it("keeps the period of the same spending read just before, for 'which was more' (session 32)", () => {
    const session = new Session();
    session.say("how much did I spend on groceries in november", understood("spending", { category: "groceries", dateRange: { from: "2026-11-01", to: "2026-11-30" } }));
    session.say("and october", understood("spending", { category: "groceries", dateRange: { from: "2026-10-01", to: "2026-10-31" } }));
    expect(session.state.lastRead).toMatchObject({ dateRange: { from: "2026-10-01" }, before: { from: "2026-11-01", to: "2026-11-30" } });
    session.say("how much did I spend on dining in september", understood("spending", { category: "dining", dateRange: { from: "2026-09-01", to: "2026-09-30" } }));
    expect(session.state.lastRead?.before).toBeUndefined();
  });

  it("keeps a list's account, size bound and direction", () => {
    const session = new Session();
    session.say("my savings deposits over 100", understood("transactions", { accountRefs: ["savings"], amount: { minor: 100_00, currency: "USD" }, query: { amountBound: "over", incoming: true } }));
    expect(session.state.lastRead).toMatchObject({ what: "transactions", accountRefs: ["savings"], amount: { op: "over", minor: 100_00 }, query: { incoming: true } });
  });

  it("is not set by a question that is no balance, list or spending", () => {
    const session = new Session();
    session.say("show my payees", understood("payees"));
    expect(session.state.lastRead ?? null).toBeNull();
  });
});
