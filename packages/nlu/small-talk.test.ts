import { describe, expect, it } from "vitest";
import { afterDeclines, isClosing, requestClauses, stripSmallTalk } from "./small-talk";

describe("stripSmallTalk", () => {
  it.each([
    ["Thanks. Now I want to make a transfer.", "I want to make a transfer."],
    ["Hello! Can you help me with a transfer?", "Can you help me with a transfer?"],
    ["Maybe later. I would like to check my balance.", "I would like to check my balance."],
    ["ok, send 20 to alex", "send 20 to alex"],
    ["hi there teller, what's my balance? thanks!", "what's my balance"],
    ["Great, thank you. Next, freeze my card please", "freeze my card"],
    ["my card hasn't arrived, thanks", "my card hasn't arrived"],
    ["hmm ok so what did I spend on food", "what did I spend on food"],
    ["Not yet. I'd like to transfer money though.", "I'd like to transfer money though."],
    // A closing or a decline ("that will be all", "nothing else") before a request (nlu3).
    ["No, that will be all. I need to make a money transfer though.", "I need to make a money transfer though."],
    ["Nope, nothing else. Can you check my balance?", "Can you check my balance?"],
    ["That is all for today. Send $20 to Jordan", "Send $20 to Jordan"],
    ["No thanks. What is my checking balance?", "What is my checking balance?"],
    ["I'm all set, thanks. Now I want to move money to savings.", "I want to move money to savings."],
    ["No, I'm good. I need to send money to my brother.", "I need to send money to my brother."],
  ])("%s → %s", (text, core) => {
    expect(stripSmallTalk(text)).toBe(core);
  });

  it("keeps words that only look like small talk inside a request", () => {
    expect(stripSmallTalk("no money arrived from my transfer")).toBe("no money arrived from my transfer");
    expect(stripSmallTalk("well being insurance")).toBe("well being insurance");
    expect(stripSmallTalk("is it ok to use my card abroad")).toBe("is it ok to use my card abroad");
    expect(stripSmallTalk("thank you letter template")).toBe("letter template");
    // A closing phrase is only small talk when punctuation ends it.
    expect(stripSmallTalk("nothing else works on my card")).toBe("nothing else works on my card");
    expect(stripSmallTalk("i'm good at saving money, how do i invest")).toBe("i'm good at saving money, how do i invest");
    expect(stripSmallTalk("that is all my money in savings?")).toBe("that is all my money in savings?");
  });

  it("leaves nothing of a message that is only small talk", () => {
    for (const text of ["hello", "Thanks!", "ok thanks bye", "Hi there, good morning!", "maybe later", "thank you so much :)"]) {
      expect(stripSmallTalk(text), text).toBe("");
    }
  });
});

describe("requestClauses", () => {
  it("splits sentences and drops the small-talk ones", () => {
    expect(requestClauses("Hello! Can you help me? I want to pay my gas bill. Thanks")).toEqual([
      "Can you help me?",
      "I want to pay my gas bill.",
    ]);
  });
});

describe("isClosing", () => {
  it("is true for a message that only ends the conversation", () => {
    for (const text of ["No, that will be all.", "nope, nothing else", "That's all for today, thanks!", "I'm all set.", "No, that’s it."]) {
      expect(isClosing(text), text).toBe(true);
    }
  });

  it("is false for a request after a closing, for other small talk and for plain requests", () => {
    for (const text of ["No, that will be all. I need to make a money transfer though.", "yes, that's it", "thanks!", "hello", "ok", "nothing else works on my card", "transfer money"]) {
      expect(isClosing(text), text).toBe(false);
    }
  });
});

describe("afterDeclines", () => {
  it("drops the sentences that decline something before the request", () => {
    expect(afterDeclines("No, I don't need a taxi. Can you help me transfer money?")).toBe("Can you help me transfer money?");
    expect(afterDeclines("No, I'm not interested in that. I need to make a transfer.")).toBe("I need to make a transfer.");
    expect(afterDeclines("Nope. I don't want the hotel. Check my balance")).toBe("Check my balance");
  });

  it("keeps a message that does not open with a decline, and a decline alone", () => {
    expect(afterDeclines("I want to transfer money. No fees please.")).toBe("I want to transfer money. No fees please.");
    expect(afterDeclines("No, I don't need a taxi.")).toBe("No, I don't need a taxi.");
    expect(afterDeclines("No money arrived. Can you check?")).toBe("No money arrived. Can you check?");
  });
});
