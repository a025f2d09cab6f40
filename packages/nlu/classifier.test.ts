import { describe, expect, it } from "vitest";
import { ACTION_INTENTS, ALL_INTENTS, BANKING77_INTENTS, OUT_OF_SCOPE, classify, loadIntentModel } from "./index";

describe("loadIntentModel", () => {
  it("loads the shipped artifact once per isolate", () => {
    const first = loadIntentModel();
    expect(loadIntentModel()).toBe(first);
    expect(first.version).toMatch(/^2\.[0-9a-f]{8}$/);
    expect(first.intents).toEqual(ALL_INTENTS);
    expect(first.outOfScopeThreshold).toBeGreaterThan(0);
    expect(first.outOfScopeThreshold).toBeLessThan(1);
  });
});

describe("classify", () => {
  it("returns a known intent, a probability and ranked distinct alternatives", () => {
    for (const text of ["what's my balance", "asdf", "", "my card hasn't arrived yet"]) {
      const result = classify(text);
      expect(ALL_INTENTS).toContain(result.intent);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.alternatives).toHaveLength(4);
      const names = result.alternatives.map((a) => a.intent);
      expect(names).not.toContain(result.intent);
      expect(new Set(names).size).toBe(names.length);
      const confidences = result.alternatives.map((a) => a.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    }
  });

  it("probabilities sum to one", () => {
    const probs = loadIntentModel().probabilities("send 20 to alex");
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  // Phrasings written for this test, not copied from the training lists.
  const clear: Record<(typeof ACTION_INTENTS)[number], string[]> = {
    balance: ["what is my current balance", "how much money is in my checking account", "tell me my savings balance"],
    transactions: ["show me my recent transactions", "list the payments I made last week", "transaction history for march"],
    spending: ["how much did I spend on groceries last month", "how much have I spent at starbucks", "how much did I spend on restaurants this week"],
    transfer: ["send 50 dollars to alex", "transfer 200 from checking to savings", "pay my sister 30"],
    freeze_card: ["please freeze my debit card", "lock my card now", "freeze my credit card"],
    unfreeze_card: ["please unfreeze my debit card", "unlock my card now", "turn my card back on please"],
    // "add a new payee" is add_payee since limits15 (a payee is not added in the chat; the answer says so).
    payees: ["show me my list of payees", "who are my saved recipients", "show my payees"],
    human_agent: ["let me talk to a real person", "connect me to a human agent", "I want to speak to customer service"],
    greeting: ["hello there", "good morning", "hi teller"],
    goodbye: ["goodbye", "bye for now", "see you later"],
    thanks: ["thank you so much", "thanks a lot", "many thanks"],
    account_numbers: ["what is my routing number", "tell me my account number", "I need my checking account and routing numbers"],
    credit_statement: ["when is my credit card payment due", "what's the minimum payment on my credit card", "how much is my statement balance"],
    credit_limit: ["what is my credit limit", "how much available credit do I have on my card", "what's the limit on my credit card"],
    interest_rate: ["what interest rate does my savings account earn", "what's the APR on my credit card", "tell me my card's interest rate"],
    card_expiry: ["when does my card expire", "what is the expiration date of my debit card", "expiry date of my credit card"],
    rewards_balance: ["how many rewards points do I have", "check my reward points balance", "what's my points total"],
    pay_bill: ["pay my electricity bill", "I want to pay the water bill", "pay my phone bill from checking"],
    report_fraud: ["I want to report fraud on my card", "someone used my card for purchases I didn't make, it's fraud", "report fraudulent activity"],
    scheduled_payments: ["show my scheduled payments", "cancel the recurring transfer to my savings", "which payments are scheduled for next week"],
    dispute: ["I want to dispute the Amazon charge", "dispute the payment to the gym", "open a chargeback for this purchase"],
    list_disputes: ["what's the status of my dispute", "list my disputes", "any news on the chargeback I opened"],
  };
  for (const [intent, texts] of Object.entries(clear)) {
    it(`recognises clear ${intent} requests`, () => {
      for (const text of texts) expect(classify(text).intent, text).toBe(intent);
    });
  }

  it("reads the request out of surrounding small talk", () => {
    const cases: [string, string][] = [
      ["Thanks. Now I want to make a transfer.", "transfer"],
      ["Hello! Can you help me with a transfer?", "transfer"],
      ["Maybe later. I would like to check my balance.", "balance"],
      ["ok, what did I spend on groceries last month? thanks", "spending"],
      ["hi! freeze my card please", "freeze_card"],
      // A closing or a decline, then a request (nlu3): the request, not the closing.
      ["No, that will be all. I need to make a money transfer though.", "transfer"],
      ["Nope, nothing else. Can you check my balance?", "balance"],
      ["That's all for the restaurant, thanks. What did I spend on groceries last month?", "spending"],
      ["No, I don't need a taxi. Can you help me transfer money?", "transfer"],
      // A plain request with a sentence of context that asks for nothing else (nlu3).
      ["I want to transfer money. It's for my rent.", "transfer"],
      ["He is stuck at the airport. I need to send money to my son.", "transfer"],
    ];
    for (const [text, intent] of cases) expect(classify(text).intent, text).toBe(intent);
    for (const [text, intent] of [["thanks!", "thanks"], ["hello there", "greeting"], ["ok bye", "goodbye"], ["No, that will be all.", "goodbye"], ["that is all for today", "goodbye"]] as const) {
      expect(classify(text).intent, text).toBe(intent);
    }
  });

  it("leaves a plain request beside a sentence about a problem to the model", () => {
    const { intent } = classify("Can you help me with a transfer? My card got declined at the store.");
    expect(BANKING77_INTENTS as readonly string[]).toContain(intent);
  });

  it("prefers a request to do something over FAQ topics that share its words", () => {
    expect(classify("I want to transfer money").intent).toBe("transfer");
    expect(classify("Can you help me make a transfer?").intent).toBe("transfer");
    expect(BANKING77_INTENTS as readonly string[]).toContain(classify("my transfer hasn't arrived").intent);
  });

  it("reads everyday questions about past purchases, spending and balances, small talk or not (wave 8)", () => {
    const cases: [string, string][] = [
      ["Hi! when was the last time i bought gas? thanks", "transactions"],
      ["ok, how much was my last uber ride", "transactions"],
      ["Thanks. Now what does my checking look like?", "balance"],
      ["where did all my money go this month", "spending"],
      ["Hello, can I pay my friend?", "transfer"],
    ];
    for (const [text, intent] of cases) expect(classify(text).intent, text).toBe(intent);
  });

  it("keeps questions about banking processes in BANKING77 intents, not actions", () => {
    for (const text of [
      "my new card still hasn't arrived",
      "I lost my card, what should I do",
      "how long does a transfer take to arrive",
      "why hasn't my balance updated after the bank transfer",
      "the transfer I made is still pending",
      "how do I activate my new card",
    ]) {
      const { intent } = classify(text);
      expect(BANKING77_INTENTS as readonly string[], `${text} → ${intent}`).toContain(intent);
    }
  });

  it("rejects off-domain requests as out_of_scope", () => {
    for (const text of [
      "what's the weather in berlin tomorrow",
      "tell me a joke about penguins",
      "who won the football match yesterday",
      "how do I bake banana bread",
      "write a python script that sorts a list",
      "qwpeoriu zmxncbv",
    ]) {
      expect(classify(text).intent, text).toBe(OUT_OF_SCOPE);
    }
  });
});
