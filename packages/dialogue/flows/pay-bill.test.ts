import { describe, expect, it } from "vitest";
import { FakeBank, Session, cardStatement, fixtures, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import { billEntities } from "./pay-bill.js";
import type { Entities } from "../types.js";

function bankWithBiller(): FakeBank {
  const data = fixtures();
  return new FakeBank({ ...data, payees: [...data.payees, { id: "pay-power", name: "City Power & Light", mask: "9911", kind: "biller" }] });
}

describe("pay a bill", () => {
  it("asks which bill, confirms like a transfer, and pays once", () => {
    const session = new Session(bankWithBiller());
    const ask = session.say("I want to pay a bill", understood("pay_bill"));
    expect(lastReply(ask).text).toBe("Which bill would you like to pay? It can be a saved biller or your credit card.");
    // Billers and the card: a checking account is no bill, and people (Alex Kim, Sam Lee) were offered as bills.
    expect(lastReply(ask).actions.map((a) => a.label)).toEqual(["Credit card ••9012", "City Power & Light"]);
    const much = session.say("to City Power & Light", understood("pay_bill", { payeeName: "City Power & Light" }));
    expect(lastReply(much).text).toBe("How much would you like to pay to “City Power & Light” ••9911?");
    const from = session.say("$84.20", understood("pay_bill", { amount: usd(84.2) }));
    expect(lastReply(from).text).toBe("Which account should I pay it from?");
    const confirm = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    const reply = lastReply(confirm);
    // It read "Send $84.20 from Checking ••1234 to …?", as if money were sent to a person.
    expect(reply.text).toBe("Pay $84.20 to “City Power & Light” ••9911 from Checking ••1234?");
    expect(reply.confirmation).toBeDefined();
    expect(moneyEffects(confirm)).toEqual([]);

    const done = session.press(reply.confirmation!.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ kind: "transfer", to: { payeeId: "pay-power" }, amount: usd(84.2), fromAccountId: "acc-chk" }]);
    expect(lastReply(done).text).toBe("Done — I paid $84.20 to “City Power & Light” ••9911.");
    expect(lastReply(done).data).toMatchObject({ kind: "transfer_receipt" });
    const again = session.press(reply.confirmation!.id, "yes");
    expect(moneyEffects(again)).toEqual([]);
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("says a bill payment that fails was not paid", () => {
    const session = new Session(bankWithBiller());
    const turn = session.say("pay $84.20 on my electric bill from checking", understood("pay_bill", { amount: usd(84.2), accountRefs: ["checking"] }));
    session.bank.failNext("transfer", "insufficient_funds");
    const failed = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(lastReply(failed).text).toMatch(/^The bill payment didn't go through: there isn't enough available in Checking ••1234\. Nothing was paid\./);
  });

  it("reads 'pay my credit card bill' as money going to the card", () => {
    const session = new Session(bankWithBiller());
    const turn = session.say("pay $50 on my credit card bill from savings", understood("pay_bill", { amount: usd(50), accountRefs: ["credit", "savings"] }));
    expect(lastReply(turn).text).toBe("Pay $50.00 to Credit card ••9012 from Savings ••5678?");
    expect(billEntities({ accountRefs: ["credit"], fromRef: "credit" })).toEqual({ accountRefs: [], toRef: "credit" });
    expect(billEntities({ accountRefs: ["checking"], payeeName: "x" })).toEqual({ accountRefs: ["checking"], payeeName: "x" });
  });

  it("finds the biller from the kind of bill when exactly one saved payee fits", () => {
    const session = new Session(bankWithBiller());
    const turn = session.say("pay $84.20 on my electric bill from checking", understood("pay_bill", { amount: usd(84.2), accountRefs: ["checking"] }));
    expect(lastReply(turn).text).toBe("Pay $84.20 to “City Power & Light” ••9911 from Checking ••1234?");
    const water = new Session(bankWithBiller()).say("pay $20 on my water bill from checking", understood("pay_bill", { amount: usd(20), accountRefs: ["checking"] }));
    expect(lastReply(water).text).toMatch(/^I couldn't find a saved biller for that bill\. Which bill would you like to pay\?/);
  });

  it("takes the kind of bill as the answer to 'Which bill?'", () => {
    const session = new Session(bankWithBiller());
    session.say("pay a bill", understood("pay_bill"));
    // A bare "electric" once got "I couldn't find a saved payee called “electric”".
    const turn = session.say("electric", understood("out_of_scope", { unknownPayee: "electric" }, 0.3));
    expect(lastReply(turn).text).toBe("How much would you like to pay to “City Power & Light” ••9911?");
    const water = new Session(bankWithBiller());
    water.say("pay a bill", understood("pay_bill"));
    expect(lastReply(water.say("the water bill", understood("pay_bill"))).text).toMatch(/^I couldn't find a saved biller for that bill\. Which bill/);
  });

  it("'checking' in answer to 'Which bill?' is where the money comes from, never the bill (defects18)", () => {
    const session = new Session(bankWithBiller());
    session.say("pay my gas bill", understood("pay_bill"));
    session.say("50", understood("out_of_scope", { amount: usd(50) }, 0.3));
    // It read "Pay $50.00 to Everyday Checking from Savings?" and moved the money between her own accounts as a bill.
    const turn = session.say("checking", understood("out_of_scope", { accountRefs: ["checking"] }, 0.3));
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(lastReply(turn).text).toMatch(/Which bill would you like to pay\?/);
    const paid = session.say("City Power & Light", understood("pay_bill", { payeeName: "City Power & Light" }));
    expect(lastReply(paid).confirmation?.summary).toBe("Pay $50.00 to “City Power & Light” ••9911 from Checking ••1234?");
  });

  it("says a debit card has no bill to pay, and offers no card payment", () => {
    for (const [text, intent, brand] of [
      ["pay off my visa debit card", "transfer", "visa"],
      ["pay my debit card bill", "pay_bill", undefined],
      ["pay the balance on my debit card", "pay_bill", undefined],
    ] as const) {
      const session = new Session(bankWithBiller());
      // It asked "How much would you like to send?" (or which bill), as if a debit card owed something.
      const turn = session.say(text, understood(intent, brand ? { cardBrand: brand } : {}));
      expect(lastReply(turn).text).toBe(
        `${brand ? "That Visa card" : "That card"} is a debit card, so there's no bill to pay: what you spend with it comes straight out of your account.`,
      );
      expect(lastReply(turn).confirmation).toBeUndefined();
      expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Check my balance"]);
      expect(session.state.task).toBeNull();
    }
    // The model is unsure of it (a transfer at 0.52): below the fallback line it is the same answer.
    const unsure = new Session(bankWithBiller()).say("pay off my debit card", understood("transfer", {}, 0.45));
    expect(lastReply(unsure).text).toMatch(/^That card is a debit card, so there's no bill to pay/);
    // Paying with a debit card, or a credit card, is no such question.
    const withCard = new Session(bankWithBiller()).say("pay my electric bill with my debit card", understood("pay_bill"));
    expect(lastReply(withCard).text).not.toMatch(/is a debit card/);
  });

  it("says a debit card has no bill in the middle of a transfer or a payment too, then goes back to it", () => {
    const cases = [
      ["send 40 to Alex Kim", understood("transfer", { amount: usd(40), payeeName: "Alex Kim" }), "Back to your transfer: Which account should I send it from?"],
      ["pay my credit card", understood("pay_bill", { accountRefs: ["credit"] }), "Back to your card payment: How much would you like to pay to Credit card ••9012? Your current balance is $120.00."],
      ["transfer 100 from checking to savings", understood("transfer", { amount: usd(100), fromRef: "checking", toRef: "savings" }), /^Back to your transfer: Send \$100\.00 from Checking ••1234 to Savings ••5678\?/],
    ] as const;
    for (const [first, understanding, back] of cases) {
      for (const [intent, confidence] of [["transfer", 0.9], ["pay_bill", 0.9], ["transfer", 0.45]] as const) {
        const session = new Session(bankWithBiller());
        session.say(first, understanding);
        const task = session.state.task;
        // It got "Let's finish this one first. …" (or "Sorry, I didn't catch that. …") and no answer.
        const turn = session.say("pay off my visa debit card", understood(intent, { cardBrand: "visa" }, confidence));
        const texts = turn.replies.map((r) => r.text);
        expect(texts[0], `${first} / ${intent} ${confidence}`).toBe(
          "That Visa card is a debit card, so there's no bill to pay: what you spend with it comes straight out of your account.",
        );
        expect(texts.at(-1)).toMatch(back);
        expect(moneyEffects(turn)).toEqual([]);
        expect(session.state.task).toEqual(task);
        // A confirmation asked before it still answers Yes, once.
        const confirmation = task?.kind === "transfer" ? task.confirmation : null;
        if (confirmation) expect(moneyEffects(session.press(confirmation.id, "yes"))).toHaveLength(1);
      }
    }
  });

  it("offers a transfer to a person named as the bill, instead of a bill payment", () => {
    for (const [text, entities] of [
      ["pay my bill to Alex Kim", { payeeName: "Alex Kim" }],
      ["pay my Alex Kim bill $30", { payeeName: "Alex Kim", amount: usd(30) }],
    ] as const) {
      const session = new Session(bankWithBiller());
      // It asked "How much would you like to pay to “Alex Kim” ••4321?" and confirmed a bill payment to a person.
      const turn = session.say(text, understood("pay_bill", entities));
      const lead = "“Alex Kim” is one of your saved people, not a biller, so I can send it as a transfer instead.";
      expect(lastReply(turn).text).toBe(`${lead} ${"amount" in entities ? "Which account should I send it from?" : "How much would you like to send?"}`);
      expect(lastReply(turn).intent.name).toBe("transfer");
    }
    const session = new Session(bankWithBiller());
    session.say("pay a bill", understood("pay_bill"));
    // The person's name in answer to "Which bill?": the same offer (people are not among its buttons).
    let turn = session.say("Alex Kim", understood("pay_bill", { payeeName: "Alex Kim" }));
    expect(lastReply(turn).text).toBe("“Alex Kim” is one of your saved people, not a biller, so I can send it as a transfer instead. How much would you like to send?");
    session.say("$20", understood("transfer", { amount: usd(20) }));
    turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(turn).text).toBe("Send $20.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(lastReply(session.press(lastReply(turn).confirmation!.id, "yes")).text).toBe("Done — I sent $20.00 to “Alex Kim” ••4321.");
  });

  it("offers no credit card to a customer who has none", () => {
    const data = bankWithBiller();
    const bank = new FakeBank({ ...data, accounts: data.accounts.filter((a) => a.type !== "credit") });
    const turn = new Session(bank).say("pay my credit card", understood("pay_bill", { accountRefs: ["credit"] }));
    // It asked "… It can be a saved biller or your credit card." right after saying there is none.
    expect(lastReply(turn).text).toBe(
      "You don't have a credit card with us. Which bill would you like to pay? It can be one of your saved billers.",
    );
  });

  it("a transfer request during a bill payment continues the same task", () => {
    const session = new Session(bankWithBiller());
    session.say("pay my bill", understood("pay_bill"));
    const turn = session.say("I want to make a transfer", understood("transfer"));
    expect(lastReply(turn).text).toMatch(/^Let's finish this one first\. Which bill/);
  });

  it("names the biller it found when it asks how much, and cancels a bill payment as one", () => {
    const session = new Session(bankWithBiller());
    const turn = session.say("pay my electric bill", understood("pay_bill"));
    // It once asked "How much would you like to send?" without saying which bill it had found.
    expect(lastReply(turn).text).toBe("How much would you like to pay to “City Power & Light” ••9911?");
    const no = session.say("no", understood("out_of_scope", { no: true }, 0.2));
    expect(lastReply(no).text).toBe("OK, I've cancelled that bill payment. Nothing was paid.");
    expect(session.state.task).toBeNull();
  });

  it("reads a card named in a bill payment as the credit card being paid", () => {
    // "pay off my card" asked "How much would you like to send?" and then which account to send from.
    const off = new Session(bankWithBiller()).say("pay off my card", understood("pay_bill"));
    expect(lastReply(off).text).toBe("How much would you like to pay to Credit card ••9012? Your current balance is $120.00.");
    const visa = new Session(bankWithBiller()).say("pay $50 toward my visa", understood("pay_bill", { amount: usd(50), cardBrand: "visa" }));
    expect(lastReply(visa).text).toBe("Which account should I pay it from?");
    expect(lastReply(visa).actions.map((a) => a.label)).toEqual(["Checking ••1234", "Savings ••5678"]);
    // A card the payment comes from is no bill, and a debit card has none.
    const withCard = new Session(bankWithBiller()).say("pay my electric bill with my card", understood("pay_bill"));
    expect(lastReply(withCard).text).toBe("How much would you like to pay to “City Power & Light” ••9911?");
    const debit = new Session(bankWithBiller()).say("pay my debit card", understood("pay_bill"));
    // It asked "Which bill would you like to pay?": a debit card has no bill, and that is said.
    expect(lastReply(debit).text).toMatch(/^That card is a debit card, so there's no bill to pay/);
  });

  it("offers the card's statement balance, current balance and minimum payment when asking how much", () => {
    const bank = bankWithBiller();
    bank.creditStatements = [cardStatement({ statementBalance: usd(100), minimumPayment: usd(25), currentBalance: usd(120) })];
    const session = new Session(bank);
    const off = session.say("pay off my card", understood("pay_bill"));
    // It asked a bare "How much would you like to pay to Credit card ••9012?".
    expect(lastReply(off).text).toBe(
      "How much would you like to pay to Credit card ••9012? Your statement balance is $100.00 (minimum payment $25.00, due Wed 9 Dec 2026); your current balance is $120.00.",
    );
    expect(lastReply(off).actions).toEqual([
      { type: "reply", label: "Statement balance $100.00", text: "$100.00" },
      { type: "reply", label: "Current balance $120.00", text: "$120.00" },
      { type: "reply", label: "Minimum payment $25.00", text: "$25.00" },
    ]);
    const from = session.say("$100.00", understood("pay_bill", { amount: usd(100) }));
    expect(lastReply(from).text).toBe("Which account should I pay it from?");
    const confirm = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(confirm).text).toBe("Pay $100.00 to Credit card ••9012 from Checking ••1234?");
    expect(moneyEffects(confirm)).toEqual([]);
    // Paid down since the statement: only amounts up to what is owed now are offered (tapping the
    // statement balance got "That's more than the $80.00 you owe").
    bank.creditStatements = [cardStatement({ currentBalance: usd(80) })];
    const paidDown = new Session(bank).say("pay off my card", understood("pay_bill"));
    expect(lastReply(paidDown).actions.map((a) => a.label)).toEqual(["Current balance $80.00", "Minimum payment $25.00"]);
  });

  // sweep17: "pay the minimum on my credit card from checking" got the statement read out, no payment.
  it("pays the newest statement's minimum when the minimum is what is asked for", () => {
    const bank = bankWithBiller();
    bank.creditStatements = [cardStatement({ statementBalance: usd(100), minimumPayment: usd(25), currentBalance: usd(120) })];
    const minimum = understood("pay_bill", { fromRef: "checking", accountRefs: ["credit", "checking"], query: { minimumPayment: true } });
    const confirm = new Session(bank).say("pay the minimum on my credit card from checking", minimum);
    expect(lastReply(confirm).text).toBe("Pay $25.00 to Credit card ••9012 from Checking ••1234?");
    expect(moneyEffects(confirm)).toEqual([]);
    // An amount said as well is the amount; with nothing owed the question is asked as before.
    const said = new Session(bank).say("pay the minimum, 40, on my card from checking", understood("pay_bill", { amount: usd(40), fromRef: "checking", accountRefs: ["credit", "checking"], query: { minimumPayment: true } }));
    expect(lastReply(said).text).toBe("Pay $40.00 to Credit card ••9012 from Checking ••1234?");
    const noStatement = bankWithBiller();
    const asked = new Session(noStatement).say("pay the minimum on my credit card", understood("pay_bill", { accountRefs: ["credit"], query: { minimumPayment: true } }));
    expect(lastReply(asked).text).toBe("How much would you like to pay to Credit card ••9012? Your current balance is $120.00.");
  });

  // explore27: "pay the minimum from checking" names no card; only a card has a minimum, so it is the card (it asked "Which bill?").
  it("pays the card's minimum when the minimum is asked for without naming the card", () => {
    const bank = bankWithBiller();
    bank.creditStatements = [cardStatement({ statementBalance: usd(100), minimumPayment: usd(25), currentBalance: usd(120) })];
    const confirm = new Session(bank).say("pay the minimum from checking", understood("pay_bill", { fromRef: "checking", accountRefs: ["checking"], query: { minimumPayment: true } }));
    expect(lastReply(confirm).text).toBe("Pay $25.00 to Credit card ••9012 from Checking ••1234?");
    expect(moneyEffects(confirm)).toEqual([]);
  });

  it("without statement data offers what is owed now, and a failed statement load still asks how much", () => {
    const owed = new Session(bankWithBiller()).say("pay my credit card balance in full", understood("pay_bill", { accountRefs: ["credit"] }));
    expect(lastReply(owed).text).toBe("How much would you like to pay to Credit card ••9012? Your current balance is $120.00.");
    expect(lastReply(owed).actions).toEqual([{ type: "reply", label: "Current balance $120.00", text: "$120.00" }]);
    const bank = bankWithBiller();
    bank.failNext("credit_statements", "unavailable");
    const failed = new Session(bank).say("pay off my card", understood("pay_bill"));
    expect(lastReply(failed).text).toBe("How much would you like to pay to Credit card ••9012? Your current balance is $120.00.");
  });

  it("words a transfer to the customer's own credit card as a card payment: confirmation, result, cancel", () => {
    const session = new Session(bankWithBiller());
    const ask = session.say("transfer 100 to my credit card", understood("transfer", { amount: usd(100), toRef: "credit", accountRefs: ["credit"] }));
    // It asked "Which account should I send it from?" and confirmed "Send $100.00 from … to Credit card ••9012?".
    expect(lastReply(ask).text).toBe("Which account should I pay it from?");
    const confirm = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(confirm).text).toBe("Pay $100.00 to Credit card ••9012 from Checking ••1234?");
    const done = session.press(lastReply(confirm).confirmation!.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ kind: "transfer", to: { accountId: "acc-cc" }, fromAccountId: "acc-chk", amount: usd(100) }]);
    // "Done — I sent $100.00 to Credit card ••9012."
    expect(lastReply(done).text).toBe("Done — I paid $100.00 to Credit card ••9012.");
    const other = new Session(bankWithBiller());
    other.say("transfer 100 to my credit card", understood("transfer", { amount: usd(100), toRef: "credit", accountRefs: ["credit"] }));
    expect(lastReply(other.say("no", understood("out_of_scope", { no: true }, 0.2))).text).toBe("OK, I've cancelled that card payment. Nothing was paid.");
  });

  it("words a scheduled transfer to the own credit card as a scheduled card payment", () => {
    const session = new Session(bankWithBiller());
    const tomorrow: Entities["timing"] = { problems: [], schedule: { start: "2026-11-27" } };
    const turn = session.say(
      "pay 100 to my credit card tomorrow from checking",
      understood("transfer", { amount: usd(100), toRef: "credit", fromRef: "checking", accountRefs: ["credit", "checking"], timing: tomorrow }),
    );
    expect(lastReply(turn).text).toBe("Pay $100.00 to Credit card ••9012 from Checking ••1234 on Fri 27 Nov 2026?");
    const done = session.press(lastReply(turn).confirmation!.id, "yes");
    // "Done — I've scheduled $100.00 to … Nothing has been sent yet."
    expect(lastReply(done).text).toMatch(/^Done — I've scheduled a payment of \$100\.00 to Credit card ••9012 on Fri 27 Nov 2026\. Nothing has been paid yet\./);
  });

  it("pays the credit card from the one account named, once, after a yes", () => {
    const session = new Session(bankWithBiller());
    const turn = session.say("pay 100 on my credit card from checking", understood("pay_bill", { amount: usd(100), accountRefs: ["credit", "checking"] }));
    const reply = lastReply(turn);
    expect(reply.text).toBe("Pay $100.00 to Credit card ••9012 from Checking ••1234?");
    const done = session.press(reply.confirmation!.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ kind: "transfer", to: { accountId: "acc-cc" }, fromAccountId: "acc-chk", amount: usd(100) }]);
    expect(lastReply(done).text).toBe("Done — I paid $100.00 to Credit card ••9012.");
  });

  it("a scheduled bill payment says it is scheduled for its date, and nothing is paid yet", () => {
    const session = new Session(bankWithBiller());
    const friday: Entities["timing"] = { problems: [], schedule: { start: "2026-11-27" } };
    const turn = session.say("pay my electric bill 40 on friday from checking", understood("pay_bill", { amount: usd(40), accountRefs: ["checking"], timing: friday }));
    expect(lastReply(turn).text).toBe("Pay $40.00 to “City Power & Light” ••9911 from Checking ••1234 on Fri 27 Nov 2026?");
    const done = session.press(lastReply(turn).confirmation!.id, "yes");
    // It said "Nothing has been sent yet … nothing is sent", as a transfer.
    expect(lastReply(done).text).toBe(
      "Done — I've scheduled a payment of $40.00 to “City Power & Light” ••9911 on Fri 27 Nov 2026. Nothing has been paid yet. If there isn't enough money on the day, nothing is paid and I'll tell you.",
    );
    expect(moneyEffects(done)).toEqual([]);
  });

  it("answers a bare 'yes' to 'Which account should I pay it from?' with the accounts named", () => {
    const session = new Session(bankWithBiller());
    session.say("pay my electric bill 40", understood("pay_bill", { amount: usd(40) }));
    // "Sorry, I didn't catch that. Which account should I pay it from?", counted as a misunderstanding.
    const yes = session.say("yes", understood("out_of_scope", { yes: true }, 0.1));
    expect(lastReply(yes).text).toBe("Which account should I pay it from: Checking ••1234 or Savings ••5678?");
    expect(lastReply(yes).confirmation).toBeUndefined();
    expect(session.state.consecutiveFallbacks).toBe(0);
    expect(lastReply(session.say("savings", understood("balance", { accountRefs: ["savings"] }))).text).toBe(
      "Pay $40.00 to “City Power & Light” ••9911 from Savings ••5678?",
    );
  });

  it("with no saved biller, says so and offers the credit card alone", () => {
    const turn = new Session().say("pay a bill", understood("pay_bill"));
    expect(lastReply(turn).text).toBe("Which bill would you like to pay? You have no saved billers, so it can be your credit card.");
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Credit card ••9012"]);
  });

  it("says when a card payment is more than the card owes, before the confirmation", () => {
    // It confirmed "Pay $4,000.00 to Teller Rewards Card …?" with $2,359.02 owed, and said nothing.
    const session = new Session(bankWithBiller());
    const turn = session.say("pay 200 on my credit card from checking", understood("pay_bill", { amount: usd(200), accountRefs: ["credit", "checking"] }));
    expect(lastReply(turn).text).toBe("That's more than the $120.00 you owe on Credit card ••9012. Pay $200.00 to Credit card ••9012 from Checking ••1234?");
    expect(lastReply(turn).confirmation).toBeDefined();
    const exact = new Session(bankWithBiller()).say("pay 120 on my credit card from checking", understood("pay_bill", { amount: usd(120), accountRefs: ["credit", "checking"] }));
    expect(lastReply(exact).text).toBe("Pay $120.00 to Credit card ••9012 from Checking ••1234?");
  });

  it("words the chat's limit for a bill payment as a payment", () => {
    // "I can send up to $10,000.00 in one transfer by chat" to a bill payment.
    const turn = new Session(bankWithBiller()).say("pay 30000 on my credit card", understood("pay_bill", { amount: usd(30000), accountRefs: ["credit"] }));
    expect(lastReply(turn).text).toBe(
      "I can pay up to $10,000.00 at a time by chat; for more, please use the app. How much would you like to pay to Credit card ••9012? Your current balance is $120.00.",
    );
  });
});
