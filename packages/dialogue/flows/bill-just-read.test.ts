/** "pay it" right after a bill asked about by kind (flows/bill-just-read.ts). */
import { describe, expect, it } from "vitest";
import { READ_FOLLOW_UP_MS } from "../config.js";
import { Session, moneyEffects, understood } from "../../../test/support/dialogue-session.js";

const WATER = { name: "Metro Water Utility", id: "pay-water", mask: "4410" };
const waterBill = understood("credit_statement", { query: { lookup: { kind: "last", target: "water" } } } as never, 0.9);

function session(): Session {
  const s = new Session();
  s.bank.payees.push(WATER);
  return s;
}

const payee = (s: Session) => {
  const task = s.state.task;
  return task?.kind === "transfer" && task.to && "payeeId" in task.to ? task.to.payeeId : undefined;
};

describe("'pay it' after a bill asked about by kind", () => {
  it("pays the biller whose name says the kind, asking how much first, nothing moved", () => {
    const s = session();
    s.say("how much was my last water bill", waterBill);
    const turn = s.say("pay it", understood("pay_bill", {}, 0.9));
    expect(payee(s)).toBe("pay-water");
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("is no such payment once the answer is old", () => {
    const s = session();
    s.say("how much was my last water bill", waterBill);
    s.now += READ_FOLLOW_UP_MS + 1;
    s.say("pay it", understood("pay_bill", {}, 0.9));
    expect(payee(s)).toBeUndefined();
  });
});
