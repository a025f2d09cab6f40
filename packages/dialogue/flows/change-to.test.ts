/** "change it to checking" under a transfer to a payee (flows/change-to.ts). */
import { describe, expect, it } from "vitest";
import { withChangedSource } from "./change-to.js";
import { Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import type { Entities, TransferTask } from "../types.js";

const toPayee = { to: { payeeId: "p1" } } as unknown as TransferTask;
const toOwn = { to: { accountId: "a1" } } as unknown as TransferTask;
const checking: Entities = { accountRefs: ["checking"], toRef: "checking" };

describe("change it to an account", () => {
  it("makes the account the source when the money goes to a payee", () => {
    for (const text of ["and change it to checking", "change it to my checking account", "actually switch it to checking please", "can you change that to checking"]) {
      expect(withChangedSource(toPayee, checking, text), text).toEqual({ accountRefs: ["checking"], fromRef: "checking" });
    }
  });

  it("leaves a destination between own accounts, a send, a credit card and a payee named alone", () => {
    expect(withChangedSource(toOwn, checking, "change it to checking")).toBe(checking);
    expect(withChangedSource(toPayee, checking, "send it to checking")).toBe(checking);
    expect(withChangedSource(toPayee, checking, "change it to checking and send 20 to Jordan")).toBe(checking);
    const credit: Entities = { accountRefs: ["credit"], toRef: "credit" };
    expect(withChangedSource(toPayee, credit, "change it to my credit card")).toBe(credit);
  });

  it("under a card to Alex Kim from savings, pays from checking and keeps Alex", () => {
    const session = new Session();
    session.say("send 30 to Alex Kim from savings", understood("transfer", { amount: usd(30), payeeName: "Alex Kim", accountRefs: ["savings"], fromRef: "savings" }));
    const turn = session.say("and change it to checking", understood("change_pin", { accountRefs: ["checking"], toRef: "checking" }, 0.36));
    expect(lastReply(turn).text).toMatch(/Send \$30\.00 from Checking ••1234 to “Alex Kim” ••4321\?$/);
  });
});
