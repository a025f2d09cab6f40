import { describe, expect, it } from "vitest";
import { plainRequestIntent } from "./requests";

// Lines of each family that are not in the probe (scripts/nlu/probe-set-5.ts).
describe("OWN_WORDS_4_RULES: the families a fifth fresh probe showed misread (nlu8)", () => {
  it.each([
    ["shoot 25 over to ben", "transfer"],
    ["kick 20 over to jordan", "transfer"],
    ["can you zap 15 across to my sister", "transfer"],
    ["am i totally broke this month", "balance"],
    ["are we in the red again", "balance"],
    ["am i covered for the rent", "balance"],
    ["how broke am i right now", "balance"],
    ["how close is my checking to zero", "balance"],
    ["is my savings account getting low", "balance"],
    ["are my accounts in good shape", "balance"],
    ["how are we doing financially", "balance"],
    ["have i got any money left in checking", "balance"],
    ["have i gone into my overdraft", "balance"],
    ["would i even afford a new couch", "balance"],
    ["is the rent check going to bounce", "balance"],
    ["will this 900 payment drain my checking", "balance"],
    ["can i last until friday", "balance"],
    ["how much cushion do i have before rent", "balance"],
    ["how much money i have in savings", "balance"],
    ["has my salary landed", "transactions"],
    ["did the money from my aunt come through", "transactions"],
    ["my paycheck, it came already?", "transactions"],
    ["is arrived my salary", "transactions"],
    ["is there any money coming in this week", "transactions"],
    ["who sent me money yesterday", "transactions"],
    ["have i been billed by comcast this month", "transactions"],
    ["did i order anything from target last week", "transactions"],
    ["did i forget to pay the car insurance", "transactions"],
    ["was the electric bill paid on time", "transactions"],
    ["what stores did i shop at this week", "transactions"],
    ["did anything come out of savings overnight", "transactions"],
    ["can i see the extract of my checking", "transactions"],
    ["is my uber habit getting expensive", "spending"],
    ["is spotify costing me too much", "spending"],
    ["can you get 40 to my sister tonight", "transfer"],
    ["could my roommate have 300 from me", "transfer"],
    ["front my bro 20 for lunch", "transfer"],
    ["are you open tomorrow", "opening_hours"],
    ["till what time is the branch open on saturday", "opening_hours"],
    ["what time do your branches close today", "opening_hours"],
    ["how i can open a joint account", "open_account"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    "was i charged a fee for the transfer", // BANKING77's fee questions
    "has my transfer arrived yet", // BANKING77's transfer questions
    "did my refund come through", // BANKING77's refund question
    "is my account blocked",
    "am i a good person",
    "how close am i to my goal weight",
    "is my card payment pending",
    "is bitcoin expensive",
  ])("leaves %s to the model", (text) => {
    expect(plainRequestIntent(text)).toBeUndefined();
  });
});
