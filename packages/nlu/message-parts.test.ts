import { describe, expect, it } from "vitest";
import { afterNegation, askAfterStory, twoRequests, withoutHedges } from "./message-parts";

// Lines of each family that are not in the probe (scripts/nlu/probe-set-5.ts).
describe("afterNegation", () => {
  it.each([
    ["don't send the money yet, first show me what's in savings", "show me what's in savings"],
    ["No transfers today. Just my transactions please", "my transactions please"],
    ["not the list, the total I spent on fuel", "the total I spent on fuel"],
    ["I don't want to move anything, I only want to know my balance", "I only want to know my balance"],
    ["i'm not asking about savings but how much is in checking", "how much is in checking"],
    ["never mind that, how much did i spend at costco", "how much did i spend at costco"],
    ["don't pay him until I check my balance", "i want to check my balance"],
    // nlu9: a card not to freeze, then what is wanted.
    ["don't freeze the visa, just show my transactions", "show my transactions"],
    ["no i don't want to lock my card, i need a plumber", "i need a plumber"],
  ])("%s → %s", (text, rest) => {
    expect(afterNegation(text)).toBe(rest);
  });

  it.each(["I don't recognise this payment, can you help?", "no, that's all", "don't worry about it", "Not working, my card got declined"])(
    "leaves %s alone",
    (text) => {
      expect(afterNegation(text)).toBeUndefined();
    },
  );
});

describe("twoRequests", () => {
  it.each([
    ["what's in savings and also list my deposits", "what's in savings"],
    ["How much did I spend on fuel? Also send 10 to Ana", "How much did I spend on fuel"],
    ["send 30 to my brother, then show my balance", "send 30 to my brother"],
    ["Two things: my checking balance, and did the gas bill go out", "my checking balance"],
    ["show my balance plus my last deposit", "show my balance"],
  ])("%s → %s first", (text, first) => {
    expect(twoRequests(text)?.first).toBe(first);
  });

  it.each(["I made a transfer and it has not arrived", "what's my balance?", "why was I charged? thanks"])("finds one request in %s", (text) => {
    expect(twoRequests(text)).toBeUndefined();
  });
});

describe("askAfterStory", () => {
  it.each([
    ["The car insurance renewal came in today. What's left in checking?", "What's left in checking?"],
    ["my cousin is getting married next month, i need to send her 200 for the gift", "i need to send her 200 for the gift"],
    ["we went out for sushi last night and my friend paid so i want to pay her back 40", "i want to pay her back 40"],
    // crowd31: a colon ends the story too.
    ["Hey, quick question before I book flights for December: how much do I have saved up?", "how much do I have saved up?"],
    ["ok so the plumber is coming on monday: is there enough in checking for him", "is there enough in checking for him"],
  ])("%s → %s", (text, ask) => {
    expect(askAfterStory(text)).toBe(ask);
  });

  it.each([
    "What's my balance? I want to pay rent.",
    "I was charged twice for one purchase. Did you make a mistake?",
    "I topped up my card, but it is not showing",
    "the clothes for this year, how much is?",
  ])("reads no story in %s", (text) => {
    expect(askAfterStory(text)).toBeUndefined();
  });
});

describe("twoRequests after a question mark", () => {
  it("needs the next sentence to ask too", () => {
    expect(twoRequests("Can you help me with a transfer? My card got declined at the store.")).toBeUndefined();
    expect(twoRequests("Can you help me with a transfer? Can you also show my balance?")?.first).toBe("Can you help me with a transfer");
  });
});

describe("withoutHedges", () => {
  it.each([
    ["So sorry to bother you, but what's in my savings?", "what's in my savings?"],
    ["Quick question: did my paycheck come in", "did my paycheck come in"],
    ["I'd really appreciate it if you could list my payments from June", "could you list my payments from June"],
    ["Would you kindly show my balance", "could you show my balance"],
    // After any greeting small talk knows (small-talk.ts GREETING), not only hi, hello and hey.
    ["Hiya, sorry to bother you, what's my balance", "what's my balance"],
    ["Good day, quick question: did my paycheck come in", "did my paycheck come in"],
  ])("%s → %s", (text, rest) => {
    expect(withoutHedges(text)).toBe(rest);
  });

  it.each(["What's my balance?", "sorry! ", "I'm sorry"])("finds no hedge before a request in %s", (text) => {
    expect(withoutHedges(text)).toBeUndefined();
  });
});
