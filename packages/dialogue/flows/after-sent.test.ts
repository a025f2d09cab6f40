/** "same again" and "undo that" right after a transfer was sent (flows/after-sent.ts). */
import { describe, expect, it } from "vitest";
import { REPEAT_YES_WINDOW_MS } from "../config.js";
import { asksSameAgain, asksTakeBack } from "./after-sent.js";
import { Session, allText, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";

/** $30 from checking to Alex Kim, confirmed and sent. */
function sentToAlex() {
  const { session, confirmation } = pendingTransfer();
  session.press(confirmation.id, "yes");
  expect(session.bank.transfers).toHaveLength(1);
  return session;
}

/** $100 from checking to savings, confirmed and sent. */
function sentToSavings() {
  const session = new Session();
  const turn = session.say(
    "move 100 from checking to savings",
    understood("transfer", { amount: usd(100), accountRefs: ["checking", "savings"], fromRef: "checking", toRef: "savings" }),
  );
  session.press(lastReply(turn).confirmation!.id, "yes");
  expect(session.bank.transfers).toHaveLength(1);
  return session;
}

// What the model made of these words: none of them a transfer.
const sameAgain = understood("transaction_charged_twice", {}, 0.75);
const undoThat = understood("out_of_scope", {}, 0.86);
const takeItBack = understood("unfreeze_card", {}, 0.62);

describe("reading 'same again' and 'undo that'", () => {
  it("reads the ways of asking for the same again, and nothing that asks more", () => {
    for (const text of ["same again", "send the same again", "do that again", "again please", "repeat that transfer", "Same again please!", "ok send the same amount again", "can you do it again?"]) {
      expect(asksSameAgain(text), text).toBe(true);
    }
    for (const text of ["send 30 again to Sam", "what did I spend again?", "same as last month", "repeat my balance", "say that again"]) {
      expect(asksSameAgain(text), text).toBe(false);
    }
  });

  it("reads the ways of taking a transfer back, and nothing about something else", () => {
    for (const text of ["undo that", "reverse it", "take it back", "cancel that transfer", "oh no, undo that", "can I get the money back?", "cancel the payment I just made", "cancel my last transfer"]) {
      expect(asksTakeBack(text), text).toBe(true);
    }
    for (const text of ["cancel my Friday payment", "stop my card", "take back my card", "reverse charge", "cancel my payment to Jordan"]) {
      expect(asksTakeBack(text), text).toBe(false);
    }
  });
});

describe("'same again' after a transfer was sent", () => {
  it("shows a new confirmation for the same amount, source and destination; nothing moves before yes", () => {
    const session = sentToAlex();
    const turn = session.say("same again", sameAgain);
    const card = lastReply(turn);
    // It got the written answer on duplicate charges and an offer to open a dispute.
    expect(card.text).toBe("Sending $30.00 to “Alex Kim” ••4321 again is a new transfer. Send $30.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(card.confirmation).toBeDefined();
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.bank.transfers).toHaveLength(1);

    const yes = session.press(card.confirmation!.id, "yes");
    expect(lastReply(yes).text).toMatch(/^Done — I sent \$30\.00 to “Alex Kim”/);
    const [first, second] = session.bank.transfers;
    expect(second).toMatchObject({ fromAccountId: first!.fromAccountId, to: first!.to, amount: first!.amount });
    expect(second!.idempotencyKey).not.toBe(first!.idempotencyKey);
  });

  it("'same again but 50' repeats it with the new amount, on a new card", () => {
    const session = sentToAlex();
    const turn = session.say("same again but 50", understood("transaction_charged_twice", { amount: usd(50) }, 0.54));
    // It got the written answer on duplicate charges.
    expect(lastReply(turn).text).toBe("Based on your last transfer, this is a new one. Send $50.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(moneyEffects(turn)).toEqual([]);
    // Words after "but" that a transfer can't take are no repeat.
    expect(allText(sentToAlex().say("same again but why", understood("out_of_scope", {}, 0.9)))).not.toMatch(/new one/);
  });

  it("a no to the new card sends nothing more", () => {
    const session = sentToAlex();
    const card = lastReply(session.say("do that again", understood("out_of_scope", { query: { question: true } }, 0.96)));
    session.press(card.confirmation!.id, "no");
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("with nothing sent lately, says so plainly and starts nothing", () => {
    const fresh = new Session();
    const turn = fresh.say("same again", sameAgain);
    expect(allText(turn)).toMatch(/^I haven't sent any money for you in the last few minutes, so there's nothing to repeat\./);
    expect(fresh.state.task).toBeNull();

    const later = sentToAlex();
    later.now += REPEAT_YES_WINDOW_MS + 1_000;
    expect(allText(later.say("again please", understood("out_of_scope", {}, 0.92)))).toMatch(/nothing to repeat/);
    expect(later.state.task).toBeNull();
  });

  it("a transfer that was cancelled is nothing to repeat", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "no");
    expect(allText(session.say("send the same again", sameAgain))).toMatch(/nothing to repeat/);
  });
});

describe("'undo that' after a transfer was sent", () => {
  it("to a payee: it cannot be recalled, a person is offered, nothing moves", () => {
    const session = sentToAlex();
    for (const [text, understanding] of [["undo that", undoThat], ["take it back", takeItBack], ["cancel that transfer", understood("cancel_transfer", { cancelRequest: true }, 0.92)]] as const) {
      const turn = session.say(text, understanding);
      const answer = lastReply(turn);
      // "take it back" offered to unfreeze a card; "cancel that transfer" got the FAQ on pending transfers.
      expect(answer.text, text).toMatch(/^The \$30\.00 to “Alex Kim” ••4321 has already gone through, and a transfer that was sent can't be recalled/);
      expect(answer.actions?.map((a) => a.label), text).toEqual(["Talk to a person"]);
      expect(answer.confirmation, text).toBeUndefined();
      expect(turn.effects, text).toEqual([]);
    }
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("between own accounts: offers to move it back as a new transfer, with its own card", () => {
    const session = sentToSavings();
    const turn = session.say("undo that", undoThat);
    const card = lastReply(turn);
    expect(card.text).toMatch(/can't be recalled — but both accounts are yours, so I can move it back as a new transfer\. Send \$100\.00 from Savings ••5678 to Checking ••1234\?$/);
    expect(moneyEffects(turn)).toEqual([]);
    session.press(card.confirmation!.id, "yes");
    const back = session.bank.transfers[1]!;
    expect(back).toMatchObject({ fromAccountId: "acc-sav", to: { accountId: "acc-chk" }, amount: usd(100) });
  });

  it("before the yes, it cancels the card and nothing moves", () => {
    for (const [text, understanding] of [["undo that", undoThat], ["take it back", takeItBack], ["cancel that transfer", understood("cancel_transfer", { cancelRequest: true }, 0.92)]] as const) {
      const { session, confirmation } = pendingTransfer();
      const turn = session.say(text, understanding);
      // "take it back" asked whether to drop the transfer for an unfreeze; "cancel that transfer" gave the FAQ and kept the card.
      expect(allText(turn), text).toBe("OK, I've cancelled that transfer. Nothing was sent.");
      expect(session.state.task, text).toBeNull();
      expect(lastReply(session.press(confirmation.id, "yes")).text, text).toMatch(/cancelled or replaced/);
      expect(session.bank.transfers, text).toEqual([]);
    }
  });

  it("'that was a mistake' / 'oops wrong person' right after it is answered the same way; with nothing sent, not", () => {
    const session = sentToAlex();
    // "that was a mistake" got "Sorry, I can't help with that."; "oops wrong person" a hand-off with no word on the money.
    for (const [text, understanding] of [["that was a mistake", understood("out_of_scope", {}, 0.88)], ["oops wrong person", understood("human_agent", {}, 0.96)]] as const) {
      expect(allText(session.say(text, understanding)), text).toMatch(/has already gone through, and a transfer that was sent can't be recalled/);
    }
    expect(allText(new Session().say("that was a mistake", understood("out_of_scope", {}, 0.88)))).not.toMatch(/gone through/);
  });

  it("queued for a person since, 'cancel' is about that request, not the transfer", () => {
    const session = sentToAlex();
    session.say("talk to a person", understood("human_agent", {}, 1));
    const turn = session.say("cancel", understood("cancel_transfer", { no: true, cancelRequest: true, query: { cancel: true } }, 0.78));
    expect(allText(turn)).not.toMatch(/already gone through/);
    expect(turn.effects.map((e) => e.kind)).toContain("withdraw_handoff");
  });

  it("after something else was settled since, 'undo that' is not about the transfer", () => {
    const session = sentToAlex();
    session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    const turn = session.say("undo that", undoThat);
    expect(allText(turn)).not.toMatch(/already gone through/);
  });

  it("a bare 'cancel' after an answer read since the transfer is about nothing open (explore28: it offered the money back)", () => {
    const session = sentToAlex();
    const bareCancel = understood("cancel_transfer", { no: true, query: { cancel: true } } as never);
    const right = session.say("cancel", bareCancel);
    expect(allText(right)).toMatch(/already gone through/);
    session.now += 1_000;
    session.say("whats my balance", understood("balance"));
    const later = session.say("cancel", bareCancel);
    expect(allText(later)).not.toMatch(/already gone through|move it back/);
    const named = session.say("cancel that transfer", understood("cancel_transfer"));
    expect(allText(named)).toMatch(/already gone through/);
    expect(session.bank.transfers).toHaveLength(1);
  });
});
