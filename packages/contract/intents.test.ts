import { describe, expect, it } from "vitest";
import {
  ACTION_INTENTS,
  ALL_INTENTS,
  BANKING77_INTENTS,
  isFaqIntent,
  isSmallTalkIntent,
  OUT_OF_SCOPE,
  RULE_DATA_INTENTS,
  RULE_FAQ_INTENTS,
  SMALL_TALK_INTENTS,
  TELLER_FAQ_INTENTS,
} from "./intents.js";

describe("intents", () => {
  it("are the model's classes, each once, in the artifact's order", () => {
    expect(BANKING77_INTENTS).toHaveLength(77);
    expect(new Set(ALL_INTENTS).size).toBe(ALL_INTENTS.length);
    expect(ALL_INTENTS).toEqual([...BANKING77_INTENTS, ...ACTION_INTENTS, ...TELLER_FAQ_INTENTS, OUT_OF_SCOPE]);
  });

  it("tell written answers from actions and small talk", () => {
    for (const intent of [...BANKING77_INTENTS, ...TELLER_FAQ_INTENTS, ...RULE_FAQ_INTENTS]) expect(isFaqIntent(intent)).toBe(true);
    for (const intent of [...ACTION_INTENTS, OUT_OF_SCOPE, "made_up"]) expect(isFaqIntent(intent)).toBe(false);
    expect(SMALL_TALK_INTENTS.every(isSmallTalkIntent)).toBe(true);
    expect(SMALL_TALK_INTENTS.every((intent) => (ACTION_INTENTS as readonly string[]).includes(intent))).toBe(true);
    expect(isSmallTalkIntent("balance")).toBe(false);
  });

  it("keeps the questions only the reading rules give out of the model's classes", () => {
    expect(RULE_FAQ_INTENTS).toEqual(["overdraft", "opening_hours", "open_account", "transfer_limit_change", "add_payee", "account_statement", "remove_payee", "account_fees", "international_transfer"]);
    expect(RULE_DATA_INTENTS).toEqual(["transfer_limits"]);
    for (const intent of [...RULE_FAQ_INTENTS, ...RULE_DATA_INTENTS]) expect(ALL_INTENTS).not.toContain(intent);
    for (const intent of RULE_DATA_INTENTS) expect(isFaqIntent(intent)).toBe(false);
  });
});
