/** "dispute it" after an answer that named one charge (flows/dispute-shown.ts, explore26). */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import type { TransactionView } from "../types.js";

const charge = (id: string, day: string, merchant: string, dollars: number): TransactionView => ({
  id,
  postedAt: `${day}T10:00:00.000Z`,
  merchant,
  category: "Shopping",
  amount: usd(-dollars),
  status: "posted",
  accountId: "acc-chk",
});

function bank(): FakeBank {
  const b = new FakeBank();
  b.transactions = [
    charge("t5", "2026-11-21", "Bluebird Coffee", 4.5),
    charge("t4", "2026-11-20", "Bluebird Coffee", 5.5),
    charge("t3", "2026-11-19", "Corner Grocer", 18),
    charge("t2", "2026-11-12", "Amazon", 23),
    charge("t1", "2026-11-02", "Amazon", 61.2),
    charge("t0", "2026-11-01", "Corner Grocer", 12),
  ];
  return b;
}

const DISPUTE = understood("dispute", { query: { dispute: "open", disputeReason: "other" } });
const BIGGEST = understood("transactions", { query: { superlative: "largest", question: true } });

describe("'dispute it' after one charge was named", () => {
  it("offers that charge alone, and opens the dispute only on a yes", () => {
    const session = new Session(bank());
    let turn = session.say("what was my biggest purchase this month", BIGGEST);
    expect(lastReply(turn).text).toMatch(/\$61\.20 at “Amazon”/);
    turn = session.say("dispute it", DISPUTE);
    expect(lastReply(turn).text).toBe("Is this the charge you mean? 1. $61.20 at “Amazon” on 2 Nov 2026.");
    expect(session.bank.disputes).toHaveLength(0);
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(lastReply(turn).text).toMatch(/^I've opened dispute DSP-\d+ for the \$61\.20 charge at “Amazon”/);
    expect(session.bank.disputes[0]).toMatchObject({ transactionId: "t1" });
  });

  it("a dispute asked with its own words, or with nothing shown before, lists the charges as before", () => {
    const session = new Session(bank());
    let turn = session.say("dispute it", DISPUTE);
    expect(lastReply(turn).text).toMatch(/^Which charge would you like to dispute\? 1\./);
    session.say("none of these", understood("out_of_scope", {}, 0.2));
    session.say("what was my biggest purchase", BIGGEST);
    turn = session.say("dispute a charge from corner grocer", understood("dispute", { query: { dispute: "open", disputeReason: "other", chargeMerchant: "corner grocer" } }));
    expect(lastReply(turn).text).toMatch(/Corner Grocer/);
    expect(lastReply(turn).text).not.toMatch(/Amazon/);
  });
});
