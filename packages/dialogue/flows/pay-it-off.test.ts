/** "ok pay it off from savings" right after the credit card's balance (flows/pay-it-off.ts). */
import { describe, expect, it } from "vitest";
import { READ_FOLLOW_UP_MS } from "../config.js";
import { Session, allText, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import { paysIt, paysStatementFigure } from "./pay-it-off.js";

const fromSavings = { accountRefs: ["savings" as const], fromRef: "savings" as const };

describe("'pay it off' after the credit card was read", () => {
  it("reads 'it' paid without a destination", () => {
    for (const text of ["ok pay it off from savings", "pay that off", "can you pay it", "clear it from checking", "pay the whole thing off"]) expect(paysIt(text), text).toBe(true);
    for (const text of ["pay jordan 20", "pay it to jordan", "pay my credit card", "is it paid off?"]) expect(paysIt(text), text).toBe(false);
  });

  it("is a payment to the card from savings, never a transfer to nobody (sweep23: 'How much would you like to send?')", () => {
    const session = new Session();
    session.say("how much do i owe on my cc", understood("balance", { accountRefs: ["credit"] }, 0.63));
    const turn = session.say("ok pay it off from savings", understood("transfer", fromSavings, 0.98));
    const task = session.state.task;
    expect(task?.kind).toBe("transfer");
    expect(task?.kind === "transfer" && task.to && "accountId" in task.to ? task.to.accountId : undefined).toBe("acc-cc");
    expect(task?.kind === "transfer" ? task.from : undefined).toBe("acc-sav");
    expect(allText(turn)).not.toMatch(/send|who/i);
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("'can i pay it tomorrow' (session 29: 'Sorry', the model read payees 0.25) is the card's payment, whatever the model read", () => {
    for (const [text, intent] of [["can i pay it tomorrow", "payees"], ["ok i'll pay that friday", "transactions"]] as const) {
      const session = new Session();
      session.say("how much do i owe on my cc", understood("balance", { accountRefs: ["credit"] }, 0.63));
      session.say(text, understood(intent, {}, 0.25));
      const task = session.state.task;
      expect(task?.kind === "transfer" && task.to && "accountId" in task.to ? task.to.accountId : undefined, text).toBe("acc-cc");
    }
    // A question about paying it is no order to pay.
    const asked = new Session();
    asked.say("how much do i owe on my cc", understood("balance", { accountRefs: ["credit"] }, 0.63));
    asked.say("why can't i pay it", understood("card_not_working", {}, 0.8));
    expect(asked.state.task?.kind).not.toBe("transfer");
  });

  it("is no card payment after an answer about another account, or once the answer is old", () => {
    const savings = new Session();
    savings.say("how much do i owe on my cc", understood("balance", { accountRefs: ["credit"] }));
    savings.now += 1_000;
    savings.say("and whats in savings", understood("balance", { accountRefs: ["savings"] }));
    savings.say("ok pay it off from checking", understood("transfer", { accountRefs: ["checking"], fromRef: "checking" }));
    const t1 = savings.state.task;
    expect(t1?.kind === "transfer" && t1.to && "accountId" in t1.to ? t1.to.accountId : undefined).not.toBe("acc-cc");

    const old = new Session();
    old.say("how much do i owe on my cc", understood("balance", { accountRefs: ["credit"] }));
    old.now += READ_FOLLOW_UP_MS + 1;
    old.say("ok pay it off from savings", understood("transfer", fromSavings));
    const t2 = old.state.task;
    expect(t2?.kind === "transfer" && t2.to && "accountId" in t2.to ? t2.to.accountId : undefined).not.toBe("acc-cc");
  });
});

describe("paysStatementFigure", () => {
  it.each(["pay the minimum", "ok just pay the minimum from checking", "make the minimum payment", "pay the statement balance"])("reads '%s' as an order to pay", (text) => {
    expect(paysStatementFigure({ accountRefs: [], query: /statement/.test(text) ? { statementBalance: true } : { minimumPayment: true } }, text)).toBe(true);
  });
  it.each(["what's the minimum", "when is the minimum due", "how much is the minimum payment"])("leaves the question '%s'", (text) => {
    expect(paysStatementFigure({ accountRefs: [], query: { minimumPayment: true } }, text)).toBe(false);
  });
});
