import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, transactionRow, understood } from "../../../test/support/dialogue-session.js";
import { READ_FOLLOW_UP_MS } from "../config.js";

function paidSession(): Session {
  const bank = new FakeBank();
  bank.transactions = [
    transactionRow("Parcel Post Refund", 25_00, "2026-11-24", { category: "Shopping" }),
    transactionRow("Bluebird Coffee", -4_50, "2026-11-23", { category: "Coffee" }),
    transactionRow("Northwind Payroll", 2_850_00, "2026-11-20", { category: "Income" }),
  ];
  const session = new Session(bank);
  session.say("did my paycheck come in", understood("transactions"));
  return session;
}

describe("a question about one transaction just shown (session 30)", () => {
  it("answers the latest pay, not the refund after it", () => {
    const reply = lastReply(paidSession().say("how much was it", understood("out_of_scope", {}, 0.9)));
    expect(reply.text).toBe("It was $2,850.00 in from “Northwind Payroll” on 20 Nov 2026.");
  });

  it.each(["how much was it?", "ok how much was that", "when was it", "who was it from", "how much did i get"])("answers %j from the row", (text) => {
    const reply = lastReply(paidSession().say(text, understood("out_of_scope", {}, 0.9)));
    expect(reply.text).toMatch(/^It was \$2,850\.00 in from “Northwind Payroll”/);
  });

  it("says a payment out is at its merchant", () => {
    const bank = new FakeBank();
    bank.transactions = [transactionRow("Bluebird Coffee", -4_50, "2026-11-23", { category: "Coffee" }), transactionRow("Fresh Market", -32_10, "2026-11-22", { category: "Groceries" })];
    const session = new Session(bank);
    session.say("show my transactions", understood("transactions"));
    session.say("the second one", understood("out_of_scope", {}, 0.9));
    expect(lastReply(session.say("how much was that", understood("out_of_scope", {}, 0.9))).text).toBe("It was $32.10 at “Fresh Market” on 22 Nov 2026.");
  });

  it("is not read after a list of several, nor once the answer is old", () => {
    const bank = new FakeBank();
    bank.transactions = [transactionRow("Bluebird Coffee", -4_50, "2026-11-23"), transactionRow("Fresh Market", -32_10, "2026-11-22")];
    const listed = new Session(bank);
    listed.say("show my transactions", understood("transactions"));
    expect(lastReply(listed.say("how much was it", understood("out_of_scope", {}, 0.9))).text).not.toMatch(/^It was/);
    const session = paidSession();
    session.now += READ_FOLLOW_UP_MS + 1;
    expect(lastReply(session.say("how much was it", understood("out_of_scope", {}, 0.9))).text).not.toMatch(/^It was/);
  });
});

describe("when a payment just shown is next due (explore31)", () => {
  function rentSession(): Session {
    const bank = new FakeBank();
    bank.transactions = [
      transactionRow("Harbor View Apartments", -650_00, "2026-11-01", { category: "Rent" }),
      transactionRow("Harbor View Apartments", -650_00, "2026-10-01", { category: "Rent" }),
    ];
    const session = new Session(bank);
    session.say("show my transactions", understood("transactions"));
    session.say("the first one", understood("out_of_scope", {}, 0.9));
    return session;
  }

  it.each(["when is it due", "when's it due?", "ok when is the next one", "when does it come out next", "when do i have to pay it"])("reads %j as that payee's next payment, never the card's statement", (text) => {
    const reply = lastReply(rentSession().say(text, understood("credit_statement", {}, 0.9)));
    expect(reply.text).toMatch(/^“Harbor View Apartments” usually takes a payment around the 1st of each month/);
  });

  it("leaves 'when was it' to the row's own day", () => {
    expect(lastReply(rentSession().say("when was it", understood("out_of_scope", {}, 0.9))).text).toBe("It was $650.00 at “Harbor View Apartments” on 1 Nov 2026.");
  });
});
