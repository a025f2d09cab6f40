import { describe, expect, it } from "vitest";
import { applyPayee, personAsBillToTransfer } from "./transfer-payees.js";
import type { Entities, PayeeOption, TransferTask } from "../types.js";

const PAYEES: PayeeOption[] = [
  { id: "pay-alex", name: "Alex Kim", mask: "4321" },
  { id: "pay-alexj", name: "Alex Jones" },
  { id: "pay-power", name: "City Power & Light", mask: "9911" },
];

function task(to?: TransferTask["to"]): TransferTask {
  return { kind: "transfer", intent: { name: "transfer", confidence: 1 }, waitingFor: [], unresolved: [], accounts: [], payees: PAYEES, asking: null, confirmation: null, ...(to ? { to } : {}) };
}
const e = (extra: Partial<Entities>): Entities => ({ accountRefs: [], ...extra });
const LIST = "Your saved payees are “Alex Kim”, “Alex Jones” and “City Power & Light”.";

describe("applyPayee", () => {
  it("says back a payee read from a name with a slip ('jordna'), and still takes them (explore32)", () => {
    const t = task();
    expect(applyPayee(t, PAYEES, e({ payeeName: "Alex Kim", payeeSlip: "alxe" }))).toEqual(["I took “alxe” to be your saved payee “Alex Kim”."]);
    expect(t.to).toEqual({ payeeId: "pay-alex" });
  });

  it("resolves a saved payee's name, and says when a name fits none or several", () => {
    const t = task();
    expect(applyPayee(t, PAYEES, e({ payeeName: "Alex Kim" }))).toEqual([]);
    expect(t.to).toEqual({ payeeId: "pay-alex" });
    expect(applyPayee(t, PAYEES, e({ payeeName: "Alex" }))).toEqual(["More than one of your payees matches “Alex”."]);
    expect(t.to).toBeUndefined();
  });

  it("says back a recipient who is no saved payee, dropping the destination named before", () => {
    const t = task({ payeeId: "pay-alex" });
    expect(applyPayee(t, PAYEES, e({ unknownPayee: "Morgan" }))).toEqual([`I couldn't find a saved payee called “Morgan”. ${LIST}`]);
    expect(t.to).toBeUndefined();
  });

  it("takes a name the NLU could not place when it is a whole word of exactly one payee's name", () => {
    const t = task();
    expect(applyPayee(t, PAYEES, e({ unknownPayee: "Kim" }))).toEqual([]);
    expect(t.to).toEqual({ payeeId: "pay-alex" });
    const several = task({ payeeId: "pay-alex" });
    expect(applyPayee(several, PAYEES, e({ unknownPayee: "alex" }))).toEqual(["More than one of your saved payees fits: “Alex Kim” or “Alex Jones”."]);
    expect(several.to).toBeUndefined();
    // A fragment is no one's name.
    expect(applyPayee(task(), PAYEES, e({ unknownPayee: "Jo" }))).toEqual([`I couldn't find a saved payee called “Jo”. ${LIST}`]);
    const accented = task();
    applyPayee(accented, [{ id: "pay-lucia", name: "Lucía García" }], e({ unknownPayee: "garcia" }));
    expect(accented.to).toEqual({ payeeId: "pay-lucia" });
  });

  it("lists the saved payees when the one named is none of them", () => {
    // "my mom" got only "I couldn't find a saved payee called “mom”", leaving the customer to guess.
    for (const named of [e({ unknownPayee: "mom" }), e({ payeeName: "mom" })]) {
      const t = task();
      expect(applyPayee(t, PAYEES, named)).toEqual([`I couldn't find a saved payee called “mom”. ${LIST}`]);
      expect(t.to).toBeUndefined();
    }
    const many = [...PAYEES, { id: "p4", name: "Dana Fox" }, { id: "p5", name: "Eli Moss" }];
    expect(applyPayee(task(), many, e({ unknownPayee: "mom" }))).toEqual([
      "I couldn't find a saved payee called “mom”. Your saved payees include “Alex Kim”, “Alex Jones”, “City Power & Light” and “Dana Fox”.",
    ]);
    expect(applyPayee(task(), [], e({ unknownPayee: "mom" }))).toEqual(["I couldn't find a saved payee called “mom”. You don't have any saved payees."]);
  });

  it("takes 'my landlord' as the one saved payee whose name fits a landlord", () => {
    const withLandlord = [...PAYEES, { id: "pay-rent", name: "Greenview Property Mgmt", mask: "5500" }];
    for (const named of [e({ unknownPayee: "landlord" }), e({ payeeName: "landlord" })]) {
      const t = task();
      expect(applyPayee(t, withLandlord, named)).toEqual([]);
      expect(t.to).toEqual({ payeeId: "pay-rent" });
    }
    // No payee of that kind: said, with the list.
    expect(applyPayee(task(), PAYEES, e({ unknownPayee: "landlord" }))).toEqual([`I couldn't find a saved payee called “landlord”. ${LIST}`]);
  });

  it("names the payees a name fits equally, never picking one", () => {
    const t = task();
    expect(applyPayee(t, PAYEES, e({ payeeChoices: ["Alex Kim", "Alex Jones"] }))).toEqual(["More than one of your saved payees fits: “Alex Kim” or “Alex Jones”."]);
    expect(t.to).toBeUndefined();
  });

  it("takes a kind of bill as a hint only when exactly one biller fits", () => {
    const t = task();
    expect(applyPayee(t, PAYEES, e({ billerWords: ["power", "electric"] }))).toEqual([]);
    expect(t.to).toEqual({ payeeId: "pay-power" });
    const none = task();
    expect(applyPayee(none, PAYEES, e({ billerWords: ["water"] }))).toEqual(["I couldn't find a saved biller for that bill."]);
    expect(none.to).toBeUndefined();
    const two = task();
    expect(applyPayee(two, [...PAYEES, { id: "pay-power2", name: "Power Co-op" }], e({ billerWords: ["power"] }))).toEqual([
      "More than one of your saved payees fits: “City Power & Light” or “Power Co-op”.",
    ]);
    expect(two.to).toBeUndefined();
  });
});

describe("a person named as a bill", () => {
  it("turns a bill payment to a saved person into a transfer to them, and says so once", () => {
    const bill = { ...task({ payeeId: "pay-alex" }), intent: { name: "pay_bill", confidence: 0.9 } };
    expect(personAsBillToTransfer(bill)).toEqual(["“Alex Kim” is one of your saved people, not a biller, so I can send it as a transfer instead."]);
    expect(bill.intent).toEqual({ name: "transfer", confidence: 0.9 });
    expect(personAsBillToTransfer(bill)).toEqual([]);
    // A biller stays a bill payment; a transfer to a person was never a bill.
    const biller = { ...task({ payeeId: "pay-power" }), payees: [{ ...PAYEES[2]!, biller: true as const }], intent: { name: "pay_bill", confidence: 1 } };
    expect(personAsBillToTransfer(biller)).toEqual([]);
    expect(biller.intent.name).toBe("pay_bill");
    expect(personAsBillToTransfer(task({ payeeId: "pay-alex" }))).toEqual([]);
  });
});
