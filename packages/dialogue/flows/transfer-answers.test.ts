/** A transfer's answers and corrections (transfer-answers.ts), through the engine. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";

describe("transfer corrections", () => {
  it("'not that account' under the card asks for the source again; the old card's yes sends nothing (sweep13)", () => {
    const { session, confirmation } = pendingTransfer();
    // It read as closing an account: that written answer, then the same card again.
    let turn = session.say("not that account", understood("terminate_account", {}, 0.6));
    // Savings is the one other account that can send it: it goes in the new card (sweep15).
    expect(lastReply(turn).text).toBe("OK, from Savings ••5678. Send $30.00 from Savings ••5678 to “Alex Kim” ••4321?");
    const replacement = lastReply(turn).confirmation!;
    expect(replacement.id).not.toBe(confirmation.id);
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.press(replacement.id, "yes");
    expect(moneyEffects(turn)).toMatchObject([{ kind: "transfer", fromAccountId: "acc-sav", amount: usd(30) }]);
  });

  it("'no the other one' under the card takes the one other account; with several others it asks (sweep15)", () => {
    const { session } = pendingTransfer();
    // It got "Sorry, I didn't catch that." and the same card.
    const turn = session.say("no the other one", understood("out_of_scope", {}, 0.83));
    expect(lastReply(turn).text).toBe("OK, from Savings ••5678. Send $30.00 from Savings ••5678 to “Alex Kim” ••4321?");
    expect(moneyEffects(turn)).toEqual([]);

    const bank = new Session().bank;
    bank.accounts.push({ id: "acc-sav2", name: "Holiday savings", type: "savings", mask: "3333", balance: usd(900) });
    const several = pendingTransfer(new Session(bank)).session;
    const asked = several.say("the other one", understood("out_of_scope", {}, 0.83));
    expect(lastReply(asked).text).toBe("OK, not that one. Which account should I send it from?");
    expect(lastReply(asked).actions?.map((a) => a.label)).not.toContain("Checking ••1234");
  });

  it("'and another 20 to savings' or 'yes and send 30 to savings too' under the card is a second transfer, not a change (sweep12)", () => {
    for (const text of ["and another 20 to savings", "yes and send 30 to savings too", "also send 10 to my savings"]) {
      const { session, confirmation } = pendingTransfer();
      // It replaced Alex's transfer with the savings one ("OK, $20.00, to Savings ••5678."), so Alex's
      // $30 was never sent, though the customer had just said yes to it.
      const turn = session.say(text, understood("transfer", { amount: usd(20), accountRefs: ["savings"], toRef: "savings", ...(text.startsWith("yes") ? { yes: true } : {}) }));
      expect(lastReply(turn).text, text).toBe("Let's finish this one first, then tell me about the other one. Send $30.00 from Checking ••1234 to “Alex Kim” ••4321? Please answer Yes or No.");
      expect(lastReply(turn).confirmation?.id, text).toBe(confirmation.id);
      expect(moneyEffects(turn), text).toEqual([]);
      expect(moneyEffects(session.say("yes", understood("out_of_scope", { yes: true }, 0.2)))).toMatchObject([{ kind: "transfer", amount: usd(30), to: { payeeId: "pay-alex" } }]);
    }
  });

  it("'do it on friday instead' under the card is a new date, even read as a question too; yes then schedules it (sweep12)", () => {
    const { session } = pendingTransfer();
    // The reading rules take "do …" for a question: it got "Sorry, I can't answer that one here." with the
    // same card for now, and the next "yes" sent the money at once.
    const friday = { problems: [], schedule: { start: "2026-11-27" } };
    const turn = session.say("do it on friday instead", understood("out_of_scope", { timing: friday, weekday: 5, query: { question: true, correction: true } }, 0.99));
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Send \$30\.00 from Checking ••1234 to “Alex Kim” ••4321 on Fri 27 Nov 2026\?$/);
    const yes = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(moneyEffects(yes)).toEqual([]);
    expect(yes.effects.map((e) => e.kind)).toContain("schedule_transfer");
  });

  it("'make it 40' re-renders the confirmation under a new id and retires the old one", () => {
    const { session, confirmation } = pendingTransfer();
    const turn = session.say("make it 40", understood("transfer", { amount: usd(40) }, 0.7));
    const next = lastReply(turn).confirmation!;
    expect(next.summary).toBe("Send $40.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(next.id).not.toBe(confirmation.id);

    const stale = session.press(confirmation.id, "yes");
    expect(moneyEffects(stale)).toEqual([]);
    expect(lastReply(stale).text).toBe("That request was cancelled or replaced, so I haven't done anything. Send $40.00 from Checking ••1234 to “Alex Kim” ••4321? Please answer Yes or No.");
    // The current question is shown with its own buttons, so the customer can still answer it.
    expect(lastReply(stale).confirmation?.id).toBe(next.id);
    expect(lastReply(stale).actions.map((a) => a.type === "confirm" && a.confirmationId)).toEqual([next.id, next.id]);
    expect(session.bank.transfers).toHaveLength(0);
    expect(moneyEffects(session.press(next.id, "yes"))).toHaveLength(1);
  });

  it("'no, from savings' changes the source instead of cancelling", () => {
    const { session } = pendingTransfer();
    const turn = session.say("no, from savings", understood("transfer", { no: true, fromRef: "savings", accountRefs: ["savings"] }, 0.6));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $30.00 from Savings ••5678 to “Alex Kim” ••4321?");
  });

  it("a correction while a question is open keeps the other slots", () => {
    const session = new Session();
    session.say("send 30 to Alex", understood("transfer", { amount: usd(30), payeeName: "Alex" }));
    const turn = session.say("actually 35, from savings", understood("transfer", { amount: usd(35), fromRef: "savings" }));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $35.00 from Savings ••5678 to “Alex Kim” ••4321?");
  });

  it("refuses the same account as source and destination", () => {
    const session = new Session();
    const turn = session.say(
      "move 10 from checking to checking",
      understood("transfer", { amount: usd(10), fromRef: "checking", toRef: "checking" }),
    );
    expect(lastReply(turn).text).toMatch(/different account/);
    expect(lastReply(turn).confirmation).toBeUndefined();
  });

  it("says when the recipient named is none of the saved payees, instead of dropping the name", () => {
    const session = new Session();
    let turn = session.say("send 50 to Morgan from checking", understood("transfer", { amount: usd(50), fromRef: "checking", accountRefs: ["checking"], unknownPayee: "Morgan" }));
    expect(lastReply(turn).text).toBe(
      "I couldn't find a saved payee called “Morgan”. Your saved payees are “Alex Kim” and “Sam Lee”. Who should I send it to? It can be one of your accounts or a saved payee.",
    );
    expect(lastReply(turn).confirmation).toBeUndefined();
    // Renaming the recipient to someone unknown drops the old destination rather than keeping it.
    turn = session.say("Alex", understood("out_of_scope", { payeeName: "Alex" }, 0.3));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $50.00 from Checking ••1234 to “Alex Kim” ••4321?");
    turn = session.say("actually send it to Morgan", understood("transfer", { unknownPayee: "Morgan" }));
    expect(lastReply(turn).text).toMatch(/^I couldn't find a saved payee called “Morgan”\. Your saved payees are .* Who should I send it to\?/);
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("a fresh 'send 10 to Sam' after the same request was declined is no correction: no stray 'OK, $10.00.' (defects18)", () => {
    const session = new Session();
    const first = session.say("send 10 to Morgan", understood("transfer", { amount: usd(10), unknownPayee: "Morgan" }));
    expect(lastReply(first).text).toMatch(/^I couldn't find a saved payee called “Morgan”/);
    // The same request again read as an amount changed: "OK, $10.00. I couldn't find …".
    const again = session.say("send 10 to Morgan", understood("transfer", { amount: usd(10), unknownPayee: "Morgan" }));
    expect(lastReply(again).text).toMatch(/^I couldn't find a saved payee called “Morgan”/);
    // An amount that does change is still acknowledged.
    const changed = session.say("send 15 to Morgan", understood("transfer", { amount: usd(15), unknownPayee: "Morgan" }));
    expect(lastReply(changed).text).toMatch(/^OK, \$15\.00\. I couldn't find a saved payee called “Morgan”/);
  });

  it("names the saved payees a name fits, never guessing one", () => {
    const session = new Session();
    const turn = session.say("send 20 to alex", understood("transfer", { amount: usd(20), payeeChoices: ["Alex Kim", "Alex Jones"] }));
    // Who, before which account (it asked "Which account should I send it from?" next).
    expect(lastReply(turn).text).toMatch(/^More than one of your saved payees fits: “Alex Kim” or “Alex Jones”\. Who should I send it to\?/);
    expect(lastReply(turn).confirmation).toBeUndefined();
  });

  it("never offers the destination already named as the account to send from", () => {
    // "transfer 100 to checking tomorrow": offering Checking as the source led a tap on it to drop
    // the destination the customer had named and ask for another. Savings, the one account left
    // that can send, is proposed in the confirmation.
    const session = new Session();
    const turn = session.say("transfer 100 to checking tomorrow", understood("transfer", { amount: usd(100), toRef: "checking", accountRefs: ["checking"] }));
    expect(lastReply(turn).text).toBe("Send $100.00 from Savings ••5678 to Checking ••1234?");
    const both = new Session().say("send 100 to Alex", understood("transfer", { amount: usd(100), payeeName: "Alex" }));
    expect(lastReply(both).actions.map((a) => a.label)).toEqual(["Checking ••1234", "Savings ••5678"]);
  });
});

describe("a short answer to the question just asked", () => {
  it("fills the slot even when the classifier calls the lone word another action", () => {
    const session = new Session();
    session.say("I want to make a transfer", understood("transfer", {}));
    session.say("30", understood("transfer", { amount: usd(30) }));
    // "checking" alone is often classified as a balance question.
    const turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }, 0.94));
    expect(turn.replies.at(-1)?.text).not.toMatch(/stopped/i);
    expect(session.state.task?.kind).toBe("transfer");
  });

  it("answers a longer question that names an account, without filling the slot, then asks again", () => {
    const session = new Session();
    session.say("I want to make a transfer", understood("transfer", {}));
    session.say("30", understood("transfer", { amount: usd(30) }));
    const turn = session.say(
      "actually what is the balance of my checking account",
      understood("balance", { accountRefs: ["checking"], query: { question: true, correction: true } }, 0.97),
    );
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    expect(lastReply(turn).text).toBe("Back to your transfer: Who should I send it to? It can be one of your accounts or a saved payee.");
    expect(session.state.task?.kind === "transfer" && session.state.task.from).toBeUndefined();
  });
});

describe("an account named at 'How much?' (explore31)", () => {
  it("a bare 'checking' is the source, said back, and the amount asked again (it showed checking's balance)", () => {
    const session = new Session();
    session.say("send money to alex", understood("transfer", { payeeName: "Alex Kim" }));
    const turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(turn).text).toBe("OK, from Checking ••1234. How much would you like to send?");
    const sent = session.say("30", understood("out_of_scope", { amount: usd(30) }, 0.5));
    expect(lastReply(sent).text).toBe("Send $30.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("a question naming an account is answered aside, never taken as the source", () => {
    const session = new Session();
    session.say("send money to alex", understood("transfer", { payeeName: "Alex Kim" }));
    const turn = session.say("what's in checking?", understood("balance", { accountRefs: ["checking"], query: { question: true } }));
    expect(turn.replies.map((r) => r.text).join(" ")).toMatch(/Back to your transfer: How much would you like to send\?/);
  });
});
