import { describe, expect, it } from "vitest";
import { RULE_FAQ_INTENTS } from "../../contract/intents.js";
import { RULE_QUESTION_ANSWERS } from "./rule-questions.js";

describe("answers to the questions only the reading rules give", () => {
  it("has one for each rule-only intent", () => {
    expect(Object.keys(RULE_QUESTION_ANSWERS).sort()).toEqual([...RULE_FAQ_INTENTS].sort());
  });

  it("says there is no overdraft: checking and savings never go below zero and a payment over what is available is refused", () => {
    const { text } = RULE_QUESTION_ANSWERS.overdraft;
    expect(text).toMatch(/no overdraft/);
    expect(text).toMatch(/never go below zero/);
    expect(text).toMatch(/refused and nothing is sent/);
    expect(text).not.toMatch(/fee/i);
  });

  it("says Teller is here any time and that branch hours depend on the branch, naming no hours", () => {
    const { text } = RULE_QUESTION_ANSWERS.opening_hours;
    expect(text).toMatch(/any time/);
    expect(text).toMatch(/[Bb]ranch opening hours depend on/);
    expect(text).not.toMatch(/\d|\b(?:am|pm)\b|monday|sunday/i);
  });

  it("says an account is not opened in the chat and what Teller does once it is open", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.open_account;
    expect(text).toMatch(/can't open a new account here in the chat/);
    expect(text).toMatch(/appears here with your other accounts/);
    expect(actions?.map((a) => a.label)).toContain("Talk to a person");
  });

  it("says transfer limits are not changed in the chat, offers to show them and a person (limits15)", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.transfer_limit_change;
    expect(text).toMatch(/^I can't change your transfer limits here in the chat/);
    expect(actions?.map((a) => a.label)).toEqual(["My transfer limits", "Talk to a person"]);
  });

  it("says a payee is not added in the chat and what the chat can pay (limits15)", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.add_payee;
    expect(text).toMatch(/^I can't add a new payee here in the chat\./);
    expect(text).toMatch(/payees already saved on your profile/);
    expect(actions?.map((a) => a.label)).toEqual(["My payees", "Talk to a person"]);
  });

  it("says a payee is not removed in the chat, and offers the list and a person (explore26)", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.remove_payee;
    expect(text).toMatch(/^I can't remove a payee here in the chat/);
    expect(actions?.map((a) => a.label)).toEqual(["My payees", "Talk to a person"]);
  });

  it("says money is not sent abroad from the chat, and offers the payees and a person (explore27)", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.international_transfer;
    expect(text).toMatch(/^I can't send money abroad here in the chat/);
    expect(text).toMatch(/payees already saved on your profile/);
    expect(actions?.map((a) => a.label)).toEqual(["My payees", "Talk to a person"]);
  });

  it("answers fees with what is true of Teller, and no plan fee stated (explore26)", () => {
    const { text, actions } = RULE_QUESTION_ANSWERS.account_fees;
    expect(text).toMatch(/no fee on a transfer I make for you/);
    expect(text).toMatch(/no overdraft/);
    expect(text).not.toMatch(/no monthly fee|free account/i);
    expect(actions?.map((a) => a.label)).toEqual(["Recent transactions", "Talk to a person"]);
  });
});
