import { describe, expect, it } from "vitest";
import { plainRequestIntent } from "./requests";

describe("plainRequestIntent", () => {
  it.each([
    ["I want to transfer money", "transfer"],
    ["Ok, I want to transfer some money".replace("Ok, ", ""), "transfer"],
    ["Can you help me make a transfer?", "transfer"],
    ["I want to make a transfer.", "transfer"],
    ["Can you help me with a transfer?", "transfer"],
    ["i'd like to move money between accounts", "transfer"],
    ["I would like to check my balance.", "balance"],
    ["can I see my account balance please", "balance"],
    ["I'd like to transfer money though", "transfer"],
    ["I want to transfer money to my savings", "transfer"],
    ["could you help me send some money to someone", "transfer"],
    ["I'd like to check the balance of my checking account please", "balance"],
    ["I want to see my savings account balance", "balance"],
    ["can you check my checking balance too", "balance"],
    ["Can I check my account?", "balance"],
    ["I want to look at my savings account", "balance"],
    ["please check on my accounts", "balance"],
    ["how are my savings doing", "balance"],
    ["How's my checking looking?", "balance"],
    ["so how are my finances doing these days", "balance"],
    ["transactions between 1 october and 15 october", "transactions"],
    ["show transactions between october 1 and october 15", "transactions"],
    ["Show me my transactions from October 1st to October 15th.", "transactions"],
    ["can I see all my purchases in october 2026 please", "transactions"],
    ["list the transactions from 10/1 to 10/15", "transactions"],
    ["what did I buy on november 20", "transactions"],
    ["What did I buy between the 3rd and the 10th?", "transactions"],
    ["spending between 3 and 10 november", "spending"],
    ["show me my spending from the 1st to the 15th", "spending"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    "my transfer hasn't arrived",
    "I want to transfer money but it keeps failing",
    "how long does a transfer take",
    "I want to cancel a transfer",
    "why is my balance not updated",
    "I made a transfer yesterday",
    "I want to transfer money to my account",
    "why is the balance of my savings account wrong",
    "can I check my account activity",
    "I want to see my account closed",
    "how are you doing",
    "how is my account verified",
    "transactions from october are missing",
    "why are my transactions in october pending",
    "show transactions between october 1 and october 15 that were declined",
    "what did I buy on november 20 that was refunded",
    "spending between 3 and 10 november on groceries",
  ])("leaves %s to the model", (text) => {
    expect(plainRequestIntent(text)).toBeUndefined();
  });
});
