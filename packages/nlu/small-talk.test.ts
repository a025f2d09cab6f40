import { describe, expect, it } from "vitest";
import { requestClauses, stripSmallTalk } from "./small-talk";

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
  ])("%s → %s", (text, core) => {
    expect(stripSmallTalk(text)).toBe(core);
  });

  it("keeps words that only look like small talk inside a request", () => {
    expect(stripSmallTalk("no money arrived from my transfer")).toBe("no money arrived from my transfer");
    expect(stripSmallTalk("well being insurance")).toBe("well being insurance");
    expect(stripSmallTalk("is it ok to use my card abroad")).toBe("is it ok to use my card abroad");
    expect(stripSmallTalk("thank you letter template")).toBe("letter template");
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
