/** A transfer's questions, checks and confirmation (transfer-questions.ts), through the engine. */
import { describe, expect, it } from "vitest";
import { MAX_CHAT_TRANSFER_MINOR, confirmationStatus } from "../index.js";
import { Session, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";

describe("amounts, limits and funds", () => {
  it("explains a negative amount and asks again", () => {
    const session = new Session();
    const turn = session.say("transfer -100", understood("transfer", { amount: { invalid: "negative" } }));
    expect(lastReply(turn).text).toMatch(/more than zero.*how much/i);
    expect(lastReply(turn).confirmation).toBeUndefined();
  });

  it("explains absurd amounts, whether the NLU flags them or passes them through", () => {
    const flagged = new Session().say("transfer 1e9", understood("transfer", { amount: { invalid: "too_large" } }));
    expect(lastReply(flagged).text).toMatch(/far larger/);
    const passed = new Session().say(
      "transfer 1000000000 from checking to Alex",
      understood("transfer", { amount: usd(1e9), fromRef: "checking", payeeName: "Alex" }),
    );
    const limit = (MAX_CHAT_TRANSFER_MINOR.USD / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
    expect(lastReply(passed).text).toContain(`up to $${limit}`);
    expect(lastReply(passed).confirmation).toBeUndefined();
  });

  it("says when the source account cannot cover the amount, and lets the customer pick another", () => {
    const session = new Session();
    let turn = session.say(
      "send 460 from checking to Alex",
      understood("transfer", { amount: usd(460), fromRef: "checking", payeeName: "Alex" }),
    );
    expect(lastReply(turn).text).toContain("Checking ••1234 has $450.00 available, which isn't enough to send $460.00.");
    expect(lastReply(turn).confirmation).toBeUndefined();
    turn = session.say("from savings then", understood("transfer", { fromRef: "savings" }));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $460.00 from Savings ••5678 to “Alex Kim” ••4321?");
  });

  it.each([
    ["insufficient_funds", /isn't enough available in Checking ••1234\. Nothing was sent/],
    ["limit_exceeded", /over the limit for a single transfer\. Nothing was sent/],
    ["daily_limit_exceeded", /over your daily transfer limit\. Nothing was sent/],
  ] as const)("explains a ledger %s error plainly", (code, expected) => {
    const { session, confirmation } = pendingTransfer();
    session.bank.failNext("transfer", code);
    const turn = session.press(confirmation.id, "yes");
    expect(lastReply(turn).text).toMatch(expected);
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("failed");
    expect(session.state.executing).toBeNull();
  });

  it("says at once that an amount in another currency can't be sent, before asking which account", () => {
    // explore19: "send 50 quid to Alex" asked "Which account should I send it from?" and only then said
    // the account holds USD, and asked the amount again.
    const turn = new Session().say("send 50 quid to Alex", understood("transfer", { amount: { minor: 50_00, currency: "GBP" }, payeeName: "Alex" }));
    expect(lastReply(turn).text).toBe("Your accounts hold USD, so the amount needs to be in USD. How much would you like to send?");
    expect(lastReply(turn).confirmation).toBeUndefined();
  });

  it("proposes the only account that can send instead of asking which one", () => {
    // It asked "Which account should I send it from?" offering Checking alone.
    const session = new Session();
    const turn = session.say("transfer 50 to savings", understood("transfer", { amount: usd(50), toRef: "savings", accountRefs: ["savings"] }));
    expect(lastReply(turn).text).toBe("Send $50.00 from Checking ••1234 to Savings ••5678?");
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("still asks for the source when two accounts could send, or when the one named cannot", () => {
    const session = new Session();
    const turn = session.say("send 30 to Alex", understood("transfer", { amount: usd(30), payeeName: "Alex" }));
    expect(lastReply(turn).text).toBe("Which account should I send it from?");
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Checking ••1234", "Savings ••5678"]);
    const card = new Session().say(
      "send 50 from my credit card to savings",
      understood("transfer", { amount: usd(50), fromRef: "credit", toRef: "savings", accountRefs: ["credit", "savings"] }),
    );
    expect(lastReply(card).text).toBe("I can't send money from a credit account by chat. Which account should I send it from?");
    expect(lastReply(card).confirmation).toBeUndefined();
  });

  it("refuses to send from a credit account", () => {
    const session = new Session();
    const turn = session.say("send 10 from my credit card to Sam", understood("transfer", { amount: usd(10), fromRef: "credit", payeeName: "Sam" }));
    expect(lastReply(turn).text).toMatch(/can't send money from a credit account/);
  });
});

describe("everything as an amount", () => {
  it("sends the available balance, showing the figure in the confirmation", () => {
    const session = new Session();
    const turn = session.say("move everything from savings to checking", understood("transfer", { fromRef: "savings", toRef: "checking", query: { amountAll: true } }));
    expect(lastReply(turn).confirmation?.summary).toBe("Send everything available, $2,000.00, from Savings ••5678 to Checking ••1234?");
  });

  it("scheduled, it confirms the balance at the time of asking as a fixed amount, and schedules that figure", () => {
    const session = new Session();
    const tomorrow = { problems: [], schedule: { start: "2026-11-25" } };
    const turn = session.say("move everything from savings to checking tomorrow", understood("transfer", { fromRef: "savings", toRef: "checking", query: { amountAll: true }, timing: tomorrow }));
    expect(lastReply(turn).confirmation?.summary).toBe(
      "Send $2,000.00 from Savings ••5678 to Checking ••1234 tomorrow, Wed 25 Nov 2026? That's everything available now; the amount stays $2,000.00 even if the balance changes before then.",
    );
    const done = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(done.effects.find((e) => e.kind === "schedule_transfer")).toMatchObject({ amount: usd(2000) });
  });

  it("asks for the account first when it isn't named, then works out the figure", () => {
    const session = new Session();
    let turn = session.say("send all of it to Alex", understood("transfer", { payeeName: "Alex", query: { amountAll: true } }));
    expect(lastReply(turn).text).toMatch(/Which account/);
    turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(turn).confirmation?.summary).toBe("Send everything available, $450.00, from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("reads a credit card named without a role as where the money goes, never where it comes from", () => {
    // "pay 100 on my credit card" read as a transfer got "I can't send money from a credit account by chat."
    const session = new Session();
    const turn = session.say("pay 100 on my credit card", understood("transfer", { amount: usd(100), accountRefs: ["credit"] }));
    // Money to the customer's own card reads as a card payment (it was "Send $100.00 from … to Credit card ••9012?").
    expect(lastReply(turn).text).toBe("Which account should I pay it from?");
    const confirm = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(confirm).text).toBe("Pay $100.00 to Credit card ••9012 from Checking ••1234?");
    // Named as the source, or in answer to "Which account should I send it from?", it is still refused.
    const from = new Session().say("send 100 from my credit card to savings", understood("transfer", { amount: usd(100), fromRef: "credit", toRef: "savings", accountRefs: ["credit", "savings"] }));
    expect(lastReply(from).text).toMatch(/^I can't send money from a credit account by chat\./);
    const asked = new Session();
    asked.say("send 100 to Alex Kim", understood("transfer", { amount: usd(100), payeeName: "Alex Kim" }));
    expect(lastReply(asked.say("credit card", understood("balance", { accountRefs: ["credit"] }))).text).toMatch(/^I can't send money from a credit account by chat\./);
  });

  it("asks who first when the payee named is not saved, and keeps the amount", () => {
    const session = new Session();
    const turn = session.say("Please wire two thousand dollars to my father.", understood("transfer", { amount: usd(2000), unknownPayee: "father" }));
    // It asked "Which account should I send it from?" after saying the payee was not found.
    expect(lastReply(turn).text).toBe(
      "I couldn't find a saved payee called “father”. Your saved payees are “Alex Kim” and “Sam Lee”. Who should I send it to? It can be one of your accounts or a saved payee.",
    );
    const who = session.say("Sam Lee", understood("transfer", { payeeName: "Sam Lee" }));
    expect(lastReply(who).text).toBe("Which account should I send it from?");
    expect(lastReply(session.say("savings", understood("balance", { accountRefs: ["savings"] }))).text).toBe("Send $2,000.00 from Savings ••5678 to “Sam Lee”?");
  });

  it("offers another account for a short source only when one could send it", () => {
    // Savings is where it goes: checking is the only source, so "or another account" offered none.
    const sole = new Session().say("move 600 to savings", understood("transfer", { amount: usd(600), toRef: "savings", accountRefs: ["savings"] }));
    expect(lastReply(sole).text).toBe("Checking ••1234 has $450.00 available, which isn't enough to send $600.00. You can choose a smaller amount.");
    const other = new Session().say("send 600 to Sam Lee from checking", understood("transfer", { amount: usd(600), fromRef: "checking", accountRefs: ["checking"], payeeName: "Sam Lee" }));
    expect(lastReply(other).text).toBe("Checking ••1234 has $450.00 available, which isn't enough to send $600.00. You can choose a smaller amount or another account.");
  });

  it("a bare account name while a confirmation waits changes the source, whatever the classifier says", () => {
    // "checking" under "Pay $5,000.00 … from Savings?" was answered as a balance question and the
    // same confirmation asked again.
    const session = new Session();
    const turn = session.say("send 100 to Sam Lee from savings", understood("transfer", { amount: usd(100), fromRef: "savings", accountRefs: ["savings"], payeeName: "Sam Lee" }));
    expect(lastReply(turn).text).toBe("Send $100.00 from Savings ••5678 to “Sam Lee”?");
    const changed = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(changed).text).toBe("OK, from Checking ••1234. Send $100.00 from Checking ••1234 to “Sam Lee”?");
    // A question about an account is still answered aside.
    const asked = session.say("what's in checking?", understood("balance", { accountRefs: ["checking"], query: { question: true } }));
    expect(lastReply(asked).text).toMatch(/Back to your transfer: Send \$100\.00 from Checking ••1234/);
  });
});
