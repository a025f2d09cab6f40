/**
 * Wave 3, nlu25: crowd-written and payment-app wordings a fresh probe and the exploring around it
 * showed misread (packages/nlu/own-words-13.ts), end to end through the gateway. Each got another
 * answer before: a private payment to a person read as a bill (pay_bill 0.41), transfers already made
 * answered as a transfer not showing in the balance (0.88), what is left to spend answered with this
 * month's spending (0.72). Opening balances: checking $1,000.00, savings $5,000.00.
 */
import { describe, it } from "vitest";
import { daysAgo, runScript } from "./script.js";

describe("crowd-written requests (nlu25)", () => {
  it("a private payment to a person is a transfer, asked before anything moves", async () => {
    await runScript("crowd-private-payment", {
      turns: [{ say: "Can you help me make a private payment to Rachel?", expect: { intent: "transfer", notText: /bill|can't help/i }, balances: { checking: 1_000_00, savings: 5_000_00 } }],
    });
  });

  it("transfers already made are listed with the transactions", async () => {
    await runScript("crowd-transfers-made", {
      history: [{ merchant: "Transfer to Jordan Lee", category: "Transfers", amount: -40_00, postedAt: daysAgo(2) }],
      turns: [{ say: "show transfers i made", expect: { intent: "transactions", data: "transactions" } }],
    });
  });

  it("what is left to spend is the balance", async () => {
    await runScript("crowd-left-to-spend", {
      turns: [{ say: "how much can i spend today", expect: { intent: "balance", text: /\$1,000\.00/, notText: /you spent/i } }],
    });
  });

  // "I need to make a payment." got the answer on a card payment the customer did not make (0.81);
  // "Hello, I owe my friend some money." the answer on a transfer the recipient did not get (0.47).
  it("a payment asked for bare, and money owed to a friend, start a transfer", async () => {
    await runScript("crowd-make-a-payment", {
      turns: [{ say: "I need to make a payment.", expect: { intent: "transfer", notText: /recogni[sz]e|can't help/i } }],
    });
    await runScript("crowd-owe-a-friend", {
      turns: [{ say: "Hello, I owe my friend some money.", expect: { intent: "transfer", notText: /recipient|can't help/i } }],
    });
  });

  // "what's coming out of my account this week" got the recent transactions (0.93); "how much money
  // went out of my account in october" the balances (0.56).
  it("what is coming out is the scheduled payments; what went out is the spending", async () => {
    await runScript("crowd-coming-out", {
      turns: [{ say: "what's coming out of my account this week", expect: { intent: "scheduled_payments", notText: /most recent transactions/ } }],
    });
    await runScript("crowd-went-out", {
      history: [{ merchant: "Fresh Fields Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(3) }],
      turns: [{ say: "how much money went out of my account in october", expect: { intent: "spending", notText: /Your balances/ } }],
    });
  });

  // "Hello, I think I need to transfer some money but I'm not sure how." got the answer on transfer
  // fees (0.50); "Hi, I have a question about a transfer I want to make." the fraud report (0.25).
  it("a transfer asked for with a doubt, or as a question about one to make, starts the transfer", async () => {
    await runScript("crowd-doubt", {
      turns: [{ say: "Hello, I think I need to transfer some money but I'm not sure how.", expect: { intent: "transfer", notText: /fee|can't help/i } }],
    });
    await runScript("crowd-question-about-transfer", {
      turns: [{ say: "Hi, I have a question about a transfer I want to make.", expect: { intent: "transfer", notText: /fraud|can't help/i } }],
    });
  });

  // "show me my money" got the recent transactions (0.76), "i want to see my cash" the rewards answer (0.28).
  it("money to see is the balances", async () => {
    await runScript("crowd-see-my-money", {
      turns: [
        { say: "show me my money", expect: { intent: "balance", text: /^Your balances:/ } },
        { say: "i want to see my cash", expect: { intent: "balance", text: /^Your balances:/ } },
      ],
    });
  });
});

