import { describe, expect, it } from "vitest";
import { otherBillAsked } from "./bill-switch.js";
import type { Entities, TransferTask } from "../types.js";

const payees = [
  { id: "p_jordan", name: "Jordan Lee", mask: "7788", currency: "USD" as const },
  { id: "p_broadband", name: "Bright Broadband", mask: "5028", currency: "USD" as const, biller: true },
];
const none: Entities = { accountRefs: [] };
const intent = { name: "pay_bill", confidence: 0.99 };

function transferTo(payeeId: string | undefined): TransferTask {
  return {
    kind: "transfer",
    intent: { name: "transfer", confidence: 1 },
    waitingFor: [],
    unresolved: [],
    accounts: [],
    payees,
    asking: null,
    confirmation: null,
    ...(payeeId ? { to: { payeeId } } : {}),
  } as TransferTask;
}

describe("otherBillAsked", () => {
  it("reads a bill of another kind than the transfer's payee, with its words for the new payment", () => {
    const other = otherBillAsked(transferTo("p_jordan"), intent, none, "pay my internet bill");
    expect(other?.request).toBe("pay your internet bill");
    expect(other?.intent.name).toBe("pay_bill");
    expect(other?.entities.billerWords).toContain("broadband");
    expect(otherBillAsked(transferTo("p_jordan"), intent, none, "actually pay my rent")?.request).toBe("pay your rent");
    expect(otherBillAsked(transferTo("p_jordan"), intent, none, "oh wait, i need to pay the water bill")?.request).toBe("pay your water bill");
  });

  it("keeps a figure said with it for the bill", () => {
    const e: Entities = { accountRefs: [], amount: { minor: 45_00, currency: "USD" } };
    expect(otherBillAsked(transferTo("p_jordan"), intent, e, "pay my internet bill 45")?.entities.amount).toEqual({ minor: 45_00, currency: "USD" });
  });

  it("is nothing when the transfer already goes to that kind of biller, has no destination yet, or the words ask no payment", () => {
    expect(otherBillAsked(transferTo("p_broadband"), intent, none, "pay my internet bill")).toBeNull();
    // "Who should I send it to?" answered with a bill is that answer (withBillKind), not a switch.
    expect(otherBillAsked(transferTo(undefined), intent, none, "pay my internet bill")).toBeNull();
    expect(otherBillAsked(transferTo("p_jordan"), intent, none, "is my internet bill paid?")).toBeNull();
    expect(otherBillAsked(transferTo("p_jordan"), intent, none, "pay jordan")).toBeNull();
  });
});
