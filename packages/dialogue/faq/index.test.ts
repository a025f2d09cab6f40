import { describe, expect, it } from "vitest";
import { BANKING77_INTENTS, RULE_FAQ_INTENTS, TELLER_FAQ_INTENTS } from "../../contract/intents.js";
import { BANK_FAQ_INTENTS, faqAnswer, faqIntents } from "./index.js";

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");

describe("FAQ answers", () => {
  it("has a written answer for every BANKING77 intent, CLINC150 bank question and rule-only question, and nothing else", () => {
    const all = [...BANKING77_INTENTS, ...BANK_FAQ_INTENTS, ...RULE_FAQ_INTENTS];
    const missing = all.filter((intent) => faqAnswer(intent) === undefined);
    expect(missing).toEqual([]);
    expect(new Set(faqIntents())).toEqual(new Set(all));
    // The model's FAQ labels and the written answers are the same list.
    expect(new Set(BANK_FAQ_INTENTS)).toEqual(new Set(TELLER_FAQ_INTENTS));
  });

  it.each([...BANKING77_INTENTS, ...BANK_FAQ_INTENTS, ...RULE_FAQ_INTENTS])("%s is concise and states no figures as fact", (intent) => {
    const answer = faqAnswer(intent)!;
    const count = sentences(answer.text).length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(4);
    // No phone numbers, fees, limits or durations in digits, and no currency amounts.
    expect(answer.text).not.toMatch(/\d|[$€£%]/);
  });

  it("offers to freeze the card when one may be in the wrong hands", () => {
    for (const intent of ["lost_or_stolen_card", "compromised_card", "card_payment_not_recognised"]) {
      expect(faqAnswer(intent)!.actions?.map((a) => a.label)).toContain("Freeze my card");
    }
  });

  it("escalates fraud-related intents to a person and not routine ones", () => {
    for (const intent of ["compromised_card", "lost_or_stolen_phone", "cash_withdrawal_not_recognised"]) {
      expect(faqAnswer(intent)!.escalate).toBe(true);
    }
    for (const intent of ["card_arrival", "exchange_rate", "transfer_timing"]) {
      expect(faqAnswer(intent)!.escalate).toBeFalsy();
    }
  });
});

describe("answers about Teller's own transfers (limits15)", () => {
  it("says a confirmed transfer is made at once with no cut-off, never pending, and costs no fee", () => {
    expect(faqAnswer("transfer_timing")!.text).toMatch(/made as soon as you say Yes, any day and at any time: there is no cut-off/);
    expect(faqAnswer("pending_transfer")!.text).toMatch(/is never left pending: it's made as soon as you say Yes/);
    expect(faqAnswer("transfer_fee_charged")!.text).toMatch(/^There's no fee on a transfer I make for you/);
  });

  it("says a sent transfer cannot be cancelled and a scheduled one can", () => {
    const { text, actions } = faqAnswer("cancel_transfer")!;
    expect(text).toMatch(/once it's sent I can't cancel it/);
    expect(text).toMatch(/scheduled or recurring transfer can be cancelled any time before its day/);
    expect(actions?.map((a) => a.label)).toContain("My scheduled payments");
  });
});
