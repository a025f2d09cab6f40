/**
 * Wave 3, crowd31: dialogue openers and CLINC-style bank requests that a thirteenth fresh probe
 * (scripts/nlu/probe-set-13.ts) and playing its rows by hand showed misread or answered badly, end
 * to end through the gateway (packages/nlu/own-words-17.ts, message-parts.ts, entities/query.ts,
 * entities/schedule.ts, dialogue/flows/lookup.ts). Opening balances: checking $1,000.00, savings
 * $5,000.00.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "./script.js";

describe("crowd-written requests, fourth set (crowd31)", () => {
  // Declined ("Sorry, I can't help with that."): the story ends at the colon, the ask follows.
  it("a question after a colon is the request", async () => {
    await runScript("crowd4-colon", {
      turns: [
        {
          say: "Hey, quick question before I book flights for December: how much do I have saved up?",
          expect: { intent: "balance", text: /\$5,000\.00/, notText: /can't help/i },
        },
      ],
    });
  });

  // Showed the balances (balance 0.51); then, read as a transfer, asked "How much would you like to send?".
  it("the rest of an account's balance moved to another account is everything in it", async () => {
    await runScript("crowd4-rest-of-balance", {
      turns: [
        {
          say: "Hi, I'd like to transfer the rest of my checking balance into savings.",
          expect: { intent: "transfer", confirmation: true, text: /everything available, \$1,000\.00, from Everyday Checking .* to .*Savings/ },
        },
        { say: "no", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  // Declined: the model read application_status (0.51) in the balance request's reason.
  it("balances asked for paperwork are the balances", async () => {
    await runScript("crowd4-balances-for-paperwork", {
      turns: [
        {
          say: "Good morning, this is Mrs. Alvarez. I need my account balances for a loan application.",
          expect: { intent: "balance", text: /\$1,000\.00.*\$5,000\.00/, notText: /can't help|You don't have/i },
        },
      ],
    });
  });

  // "I'm not sure which date you mean by “December”. When should it go: now, or on a date …?"
  it("the month a payment is for is not when it goes", async () => {
    await runScript("crowd4-owe-for-december", {
      turns: [
        {
          say: "Hey, is it possible to send money to Jordan from here? I owe him for December.",
          expect: { intent: "transfer", text: /how much/i, notText: /which date|When should it go/ },
        },
        { say: "40 dollars from checking", expect: { intent: "transfer", confirmation: true, text: /\$40\.00/, notText: /which date|scheduled?/i } },
        { say: "no", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  // "You don't have a credit card or a credit card with us.": the card was named as an account and
  // as the account paid from.
  it("an account not held is said not to be held once", async () => {
    await runScript("crowd4-unheld-once", {
      customer: { credit: false },
      turns: [
        {
          say: "Hi, I'm hoping to pay off my credit card today but first I need to know what's in checking.",
          expect: { intent: "balance", text: /^You don't have a credit card with us\. Everyday Checking/, notText: /credit card or a credit card/ },
        },
      ],
    });
  });

  // The app passcode's answer; declined; credit_limit's "I can't answer that one here".
  it("a card's four-digit code, FICO and a bumped-up credit line get their answers", async () => {
    await runScript("crowd4-clinc-style", {
      turns: [
        { say: "how do i reset the four digit code on my card", expect: { intent: "change_pin", text: /PIN/, notText: /passcode/i } },
        { say: "tips for boosting my fico", expect: { intent: "improve_credit_score", text: /credit score/, notText: /can't help/i } },
        { say: "can you bump up my credit line", expect: { intent: "credit_limit_change", notText: /can't answer that one/i } },
      ],
    });
  });
});
