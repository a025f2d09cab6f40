import { describe, expect, it } from "vitest";
import type { Entities, TransferTask } from "../types.js";
import { withoutNegated } from "./transfer-negation.js";

const accounts = [
  { id: "chk", name: "Everyday Checking", type: "checking" as const, mask: "1001", currency: "USD" as const, availableMinor: 1_000_00 },
  { id: "sav", name: "Rainy Day Savings", type: "savings" as const, mask: "2002", currency: "USD" as const, availableMinor: 5_000_00 },
];
const payees = [{ id: "p_jordan", name: "Jordan Lee", mask: "7788" }];

function task(over: Partial<TransferTask>): TransferTask {
  return { kind: "transfer", intent: { name: "transfer", confidence: 1 }, waitingFor: [], unresolved: [], accounts, payees, asking: null, confirmation: null, ...over };
}

describe("'not X, Y' during a transfer", () => {
  it("'not jordan, my savings' to Jordan, asking the source: savings is the destination and Jordan is dropped", () => {
    const e: Entities = { accountRefs: ["savings"], payeeName: "Jordan Lee" };
    const out = withoutNegated(task({ to: { payeeId: "p_jordan" }, asking: "from" }), payees, e, "not jordan, my savings");
    expect(out.toRef).toBe("savings");
    expect(out.fromRef).toBeUndefined();
    expect(out.payeeName).toBeUndefined();
  });

  it("'not checking, savings' at the source question: savings is the source", () => {
    const e: Entities = { accountRefs: ["checking", "savings"] };
    const out = withoutNegated(task({ to: { payeeId: "p_jordan" }, asking: "from" }), payees, e, "not checking, savings");
    expect(out).toMatchObject({ fromRef: "savings", accountRefs: ["savings"] });
    expect(out.toRef).toBeUndefined();
  });

  it("'no, not savings but checking' where savings is the destination: checking is the destination", () => {
    const e: Entities = { accountRefs: ["savings", "checking"] };
    const out = withoutNegated(task({ to: { accountId: "sav" }, from: "chk" }), payees, e, "no, not savings but checking");
    expect(out).toMatchObject({ toRef: "checking", accountRefs: ["checking"] });
    expect(out.fromRef).toBeUndefined();
  });

  it("'from savings, no wait checking': the account said first is taken back; checking is the source", () => {
    const e: Entities = { accountRefs: ["savings", "checking"], fromRef: "savings" };
    const out = withoutNegated(task({ to: { payeeId: "p_jordan" }, asking: "from" }), payees, e, "from savings, no wait checking");
    expect(out).toMatchObject({ fromRef: "checking", accountRefs: ["checking"] });
    const plain = withoutNegated(task({ to: { payeeId: "p_jordan" }, asking: "from" }), payees, { accountRefs: ["savings", "checking"] }, "savings, I mean checking");
    expect(plain).toMatchObject({ fromRef: "checking", accountRefs: ["checking"] });
    const moves = withoutNegated(task({}), payees, { accountRefs: ["checking", "savings"] }, "checking to savings");
    expect(moves).toEqual({ accountRefs: ["checking", "savings"] });
  });

  it("'wait, not Jordan, Sam' when both names fit payees: the one not negated is the recipient", () => {
    const two = [...payees, { id: "p_sam", name: "Sam Ortiz" }];
    const e: Entities = { accountRefs: [], payeeChoices: ["Jordan Lee", "Sam Ortiz"] };
    // The choices were dropped whole, and the transfer answered "Let's finish this one first."
    const out = withoutNegated(task({ to: { payeeId: "p_jordan" }, from: "chk" }), two, e, "wait, not Jordan, Sam");
    expect(out.payeeName).toBe("Sam Ortiz");
    expect(out.payeeChoices).toBeUndefined();
  });

  it("leaves messages without a negated value alone ('not now, tomorrow', 'savings')", () => {
    const e: Entities = { accountRefs: [] };
    expect(withoutNegated(task({ to: { payeeId: "p_jordan" } }), payees, e, "not now, tomorrow")).toBe(e);
    const s: Entities = { accountRefs: ["savings"] };
    expect(withoutNegated(task({ to: { payeeId: "p_jordan" }, asking: "from" }), payees, s, "savings")).toBe(s);
  });

  it("drops the payee only when the negated words name one of their words whole ('not jordan' yes, 'not jordans' or 'not jo' no)", () => {
    const named = (text: string, payeeName: string) =>
      withoutNegated(task({ asking: "from" }), payees, { accountRefs: ["savings"], payeeName }, text).payeeName;
    expect(named("not jordan, my savings", "Jordan Lee")).toBeUndefined();
    expect(named("not lee, my savings", "Jordan Lee")).toBeUndefined();
    expect(named("not jordans, my savings", "Jordan Lee")).toBe("Jordan Lee");
    expect(named("not jo, my savings", "Jordan Lee")).toBe("Jordan Lee");
    // Names with punctuation are matched as written, never read as a pattern.
    expect(named("not o'brien, my savings", "Pat O'Brien")).toBeUndefined();
    expect(named("not a.b, my savings", "Ann A+B")).toBe("Ann A+B");
    expect(named("not ann (work), my savings", "Ann (work)")).toBeUndefined();
  });
});
