/**
 * "any update?" right after disputes were shown or one was opened (flows/dispute-follow-up.ts).
 * flows24: "what's happening with it" got the greeting, "any update?" "Sorry, I can't help with that."
 */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, understood } from "../../../test/support/dialogue-session.js";
import type { TransactionView } from "../types.js";

const charge = (id: string, day: string, merchant: string, minor: number): TransactionView => ({
  id, postedAt: `${day}T10:00:00.000Z`, merchant, category: "Shopping", amount: { minor: -minor, currency: "USD" }, status: "posted", accountId: "acc-chk",
});
function bank(): FakeBank {
  const b = new FakeBank();
  b.transactions = [charge("t2", "2026-11-20", "Gadget Hub", 89_99), charge("t1", "2026-11-12", "Amazon", 61_20)];
  return b;
}
const open = (session: Session, merchant: string) => {
  session.say(`dispute the ${merchant} charge`, understood("dispute", { query: { dispute: "open", disputeReason: "other", chargeMerchant: merchant } }));
  return session.say("charge 1", understood("out_of_scope", { query: { choice: 1 } }, 0.3));
};
const anyUpdate = understood("out_of_scope", {}, 0.74);

describe("the status of the dispute just talked about", () => {
  it("after 'show my disputes': 'what's happening with it' / 'any update?' / 'whats the status' answer its status", () => {
    const session = new Session(bank());
    open(session, "Amazon");
    session.say("show my disputes", understood("list_disputes", { query: { dispute: "list" } }));
    for (const [text, u] of [["what's happening with it", understood("greeting", { query: { question: true } }, 0.74)], ["any update?", anyUpdate], ["whats the status", understood("out_of_scope", { query: { question: true } }, 0.99)]] as const) {
      const reply = lastReply(session.say(text, u));
      expect(reply.text, text).toBe("Your dispute DSP-000001 for the $61.20 charge at “Amazon” on 12 Nov 2026 is open (opened 24 Nov 2026): our disputes team will review it and keep you posted here.");
      expect(reply.data).toMatchObject({ kind: "disputes", disputes: [{ reference: "DSP-000001" }] });
    }
  });

  it("of several, the one just opened; else the newest, with how many there are", () => {
    const session = new Session(bank());
    open(session, "Amazon");
    open(session, "Gadget Hub");
    session.bank.disputes.find((d) => d.reference === "DSP-000001")!.createdAt = "2026-11-25T09:00:00.000Z";
    expect(lastReply(session.say("any update?", anyUpdate)).text).toMatch(/^Your dispute DSP-000002 for the \$89\.99 charge at “Gadget Hub”[\s\S]*You have 2 disputes/);
    session.say("show my disputes", understood("list_disputes", { query: { dispute: "list" } }));
    expect(lastReply(session.say("any update?", anyUpdate)).text).toMatch(/^Your dispute DSP-000001 for the \$61\.20 charge/);
  });

  it("'it' points at the disputes only while they were the last thing talked about", () => {
    const session = new Session(bank());
    expect(lastReply(session.say("any update?", anyUpdate)).text).toMatch(/^Sorry/);
    open(session, "Amazon");
    session.now += 60_000;
    session.say("what's my balance", understood("balance"));
    expect(lastReply(session.say("any update?", anyUpdate)).text).not.toMatch(/DSP-/);
    open(session, "Gadget Hub");
    session.now += 11 * 60_000;
    expect(lastReply(session.say("any update?", anyUpdate)).text).not.toMatch(/DSP-/);
    // "what's happening" alone is a greeting.
    open(session, "Amazon");
    expect(lastReply(session.say("what's happening", understood("greeting", {}, 0.91))).text).toMatch(/^Hi/);
  });
});
