import { describe, expect, it } from "vitest";
import { fail, ok } from "../contract/errors.js";
import type { AccountView, PayeeView } from "../contract/views.js";
import { TurnReads, type AccountsAndPayees } from "./turn-reads.js";

const account = { id: "acc_1", name: "Checking" } as AccountView;
const payee = { id: "pay_1", name: "Jordan Lee", mask: "7788", currency: "USD" } as PayeeView;

function counted(answer: AccountsAndPayees = ok({ accounts: [account], payees: [payee] })) {
  const calls = { n: 0 };
  return { calls, reads: new TurnReads(async () => (calls.n++, answer)) };
}

describe("TurnReads", () => {
  it("reads accounts and payees once for the turn, starting with the payees", async () => {
    const { calls, reads } = counted();
    expect(reads.accounts()).toBeUndefined();
    expect(await reads.payees()).toEqual(ok([payee]));
    expect(await reads.payees()).toEqual(ok([payee]));
    expect(await reads.accounts()).toEqual(ok([account]));
    expect(calls.n).toBe(1);
  });

  it("reads afresh after a write", async () => {
    const { calls, reads } = counted();
    await reads.payees();
    reads.forget();
    expect(reads.accounts()).toBeUndefined();
    await reads.payees();
    expect(calls.n).toBe(2);
  });

  it("passes a refusal on to both", async () => {
    const { reads } = counted(fail(503, "unavailable", "down"));
    expect(await reads.payees()).toMatchObject({ ok: false, code: "unavailable" });
    expect(await reads.accounts()).toMatchObject({ ok: false, code: "unavailable" });
  });
});
