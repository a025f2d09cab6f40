import { describe, expect, it } from "vitest";
import { ruleReading } from "./reading";

describe("ruleReading", () => {
  it("reads a plain request once small talk is stripped", () => {
    expect(ruleReading("Thanks! I want to transfer money.")).toEqual({ intent: "transfer", text: "I want to transfer money." });
  });

  it("reads a plain request after a decline", () => {
    expect(ruleReading("No, I don't need a taxi. Can you help me transfer money?")).toEqual({ intent: "transfer", text: "Can you help me transfer money?" });
  });

  it("reads a plain request after the reason for it ('…, so I'd like to …')", () => {
    expect(ruleReading("I'm buying a car next week, so I'd like to check my savings balance")?.intent).toBe("balance");
    expect(ruleReading("my sister is short on rent so i want to transfer some money to her account")).toBeUndefined(); // not a plain request
    expect(ruleReading("The landlord wants the deposit today - so I need to make a transfer.")?.intent).toBe("transfer");
  });

  it("reads the first of two requests in a row when it is a plain request", () => {
    expect(ruleReading("Check my balance and then show my transactions.")).toEqual({ intent: "balance", text: "Check my balance" });
    expect(ruleReading("Hi! What's my balance? Then I'd like to transfer money.")?.intent).toBe("balance");
    expect(ruleReading("I made a transfer and then it failed")).toBeUndefined(); // no request first
  });

  it("reads a plain request after a clause saying when or why ('Before …, …')", () => {
    expect(ruleReading("Before I pay my bills this week, could you tell me what's in checking?")?.intent).toBe("balance");
    expect(ruleReading("Since I moved, my card doesn't work")).toBeUndefined(); // no plain request after it
  });

  it("reads a plain request after any context and a comma, or after 'I'm … and need …' (nlu7)", () => {
    expect(ruleReading("my paycheck was late again this month, can you tell me what my balance is")?.intent).toBe("balance");
    expect(ruleReading("We're planning a move and need to make a transfer")?.intent).toBe("transfer");
    expect(ruleReading("I'm sorting out my budget and want to see my balance")?.intent).toBe("balance");
    expect(ruleReading("my card was declined at the shop, why did that happen")).toBeUndefined(); // no plain request after it
    expect(ruleReading("What's my balance? Also, did my paycheck come in?")?.intent).not.toBe("transactions"); // the first request first
  });

  it("reads a plain request after a story and 'but' or 'and I need to' (nlu7)", () => {
    expect(ruleReading("rent went up again this year but i just want to check my balance")?.intent).toBe("balance");
    expect(ruleReading("my brother covered dinner and i need to pay him back 30")?.intent).toBe("transfer");
    expect(ruleReading("i tried to pay but it failed and i don't know why")).toBeUndefined();
  });

  it("reads a plain request before a doubt about how ('… but I'm not sure how', nlu25)", () => {
    expect(ruleReading("Hello, I think I need to transfer some money but I'm not sure how.")?.intent).toBe("transfer");
    expect(ruleReading("Hey, I want to do a transfer but I don't remember the account.")).toEqual({ intent: "transfer", text: "I want to do a transfer" });
    expect(ruleReading("i'd like to check my balance but i don't know how")?.intent).toBe("balance");
    // No plain request before the doubt: the model's.
    expect(ruleReading("I tried to top up but I'm not sure it worked")).toBeUndefined();
  });

  it("declines bank words in other senses, small talk stripped", () => {
    expect(ruleReading("Hi! What's the balance of power in the senate?")).toEqual({ intent: "out_of_scope", text: "What's the balance of power in the senate?" });
    expect(ruleReading("how do i report a lost dog")?.intent).toBe("out_of_scope");
    expect(ruleReading("what's the balance of my savings account")?.intent).not.toBe("out_of_scope");
  });

  it("leaves the rest to the model", () => {
    expect(ruleReading("my transfer failed, so why is my balance not updated")).toBeUndefined();
    expect(ruleReading("No, I don't need a taxi.")).toBeUndefined();
    expect(ruleReading("hello")).toBeUndefined();
  });
});
