import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, transactionRow, understood } from "../../../test/support/dialogue-session.js";
import { READ_FOLLOW_UP_MS } from "../config.js";
import { pickedPosition, pickedSize } from "./list-pick.js";

function listed(): Session {
  const bank = new FakeBank();
  bank.transactions = [
    transactionRow("Bluebird Coffee", -4_50, "2026-11-23", { category: "Coffee" }),
    transactionRow("Fresh Market", -32_10, "2026-11-22", { category: "Groceries", status: "pending" }),
    transactionRow("Northwind Payroll", 2_850_00, "2026-11-20", { category: "Income" }),
  ];
  const session = new Session(bank);
  session.say("show my transactions", understood("transactions"));
  return session;
}
const rowsOf = (r: ReturnType<typeof lastReply>) => (r.data?.kind === "transactions" ? r.data.transactions.map((t) => t.merchant) : []);

describe("an ordinal alone after a list (explore29)", () => {
  it.each([
    ["the second one", 1],
    ["show me the 2nd one", 1],
    ["what was the third transaction?", 2],
    ["ok and the first one", 0],
    ["tell me more about the tenth one", 9],
  ])("%j is position %d", (text, position) => {
    expect(pickedPosition(text)).toBe(position);
  });

  it.each(["the second one to jordan", "send the second one", "second thoughts", "the last one", "pay the first one"])("%j is none", (text) => {
    expect(pickedPosition(text)).toBeNull();
  });

  it("shows the row picked on its own, pending said, a dispute offered for money out", () => {
    const session = listed();
    const reply = lastReply(session.say("the second one", understood("out_of_scope", {}, 0.9)));
    expect(reply.text).toBe("The second one: $32.10 at “Fresh Market” on 22 Nov 2026 (Groceries, still pending).");
    expect(rowsOf(reply)).toEqual(["Fresh Market"]);
    expect(reply.actions.map((a) => a.label)).toEqual(["Dispute this charge"]);
  });

  it("money in is said as such, with no dispute offered; a position past the list is said", () => {
    const session = listed();
    const third = lastReply(session.say("the third one", understood("out_of_scope", {}, 0.9)));
    expect(third.text).toBe("The third one: $2,850.00 in from “Northwind Payroll” on 20 Nov 2026 (Income).");
    expect(third.actions).toEqual([]);
    expect(lastReply(session.say("the fifth one", understood("out_of_scope", {}, 0.9))).text).toBe("That list had only 3 transactions. Which one did you mean?");
  });

  it("is forgotten once stale, or once other data was shown", () => {
    const stale = listed();
    stale.now += READ_FOLLOW_UP_MS + 1;
    expect(lastReply(stale.say("the second one", understood("out_of_scope", {}, 0.9))).text).not.toMatch(/^The second one/);
    const other = listed();
    other.say("show my payees", understood("payees"));
    expect(lastReply(other.say("the second one", understood("out_of_scope", {}, 0.9))).text).not.toMatch(/^The second one/);
  });
});

describe("a superlative about the list just shown (session 31)", () => {
  it("reads a superlative pointed at the list, never one of its own", () => {
    for (const t of ["which of those was the most expensive", "which one was the biggest", "the biggest one", "what was the biggest of those", "which one cost the most"]) expect(pickedSize(t), t).toBe("biggest");
    for (const t of ["which of them was the cheapest?", "and the smallest one"]) expect(pickedSize(t), t).toBe("smallest");
    for (const t of ["what was my biggest purchase", "biggest purchase this month", "the biggest"]) expect(pickedSize(t), t).toBeNull();
  });

  it("picks the biggest or smallest payment out of the list, never money in", () => {
    const session = listed();
    expect(lastReply(session.say("which one was the biggest", understood("transactions", { query: { superlative: "largest" } }))).text).toBe(
      "The biggest of those: $32.10 at “Fresh Market” on 22 Nov 2026 (Groceries, still pending).",
    );
    expect(lastReply(session.say("which of those was the cheapest", understood("transactions", { query: { superlative: "smallest" } }))).text).toMatch(/^The smallest of those: \$4\.50 at “Bluebird Coffee”/);
  });
});
