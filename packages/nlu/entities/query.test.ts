import { describe, expect, it } from "vitest";
import { extractQueryModifiers, isQuestion } from "./query";

const TODAY = "2026-12-01";
const q = (text: string) => extractQueryModifiers(text, TODAY);

describe("query modifiers", () => {
  it("reads counts, but not periods, as counts", () => {
    expect(q("show my last 3 transactions").count).toBe(3);
    expect(q("my last five payments").count).toBe(5);
    expect(q("list my 5 most recent transactions").count).toBe(5);
    expect(q("transactions in the last 3 months").count).toBeUndefined();
  });

  it("reads superlatives", () => {
    expect(q("what was my biggest purchase last month?").superlative).toBe("largest");
    expect(q("what's the cheapest thing I bought this week").superlative).toBe("smallest");
    expect(q("where do I shop most often?").superlative).toBe("most_frequent_merchant");
    expect(q("which shop do I go to the most?").superlative).toBe("most_frequent_merchant");
    expect(q("what is my minimum payment").superlative).toBeUndefined();
    expect(q("smallest payment this month?").superlative).toBe("smallest");
  });

  // sweep17: "actually only half that" under a card was not understood.
  it("reads half or double of the amount given so far", () => {
    expect(q("actually only half that").amountScale).toBe(0.5);
    // Session 26: half of an account's balance, not half of an amount said before.
    expect(q("send half my savings to checking")).toMatchObject({ amountHalf: true });
    expect(q("send half my savings to checking").amountScale).toBeUndefined();
    expect(q("move half of what's in checking to savings").amountHalf).toBe(true);
    expect(q("make it half of that").amountHalf).toBeUndefined();
    expect(q("make it half of that").amountScale).toBe(0.5);
    expect(q("halve it").amountScale).toBe(0.5);
    expect(q("double it").amountScale).toBe(2);
    expect(q("actually twice that").amountScale).toBe(2);
    expect(q("send half my savings to checking").amountScale).toBeUndefined();
    expect(q("I was charged double").amountScale).toBeUndefined();
  });

  // sweep17: "pay the minimum on my credit card from checking" got the statement read out.
  it("reads the minimum as what a card payment pays", () => {
    expect(q("pay the minimum on my credit card from checking").minimumPayment).toBe(true);
    expect(q("i want to make the minimum payment on my card").minimumPayment).toBe(true);
    expect(q("just pay the min on my visa").minimumPayment).toBe(true);
    // explore27: the card named before its minimum.
    expect(q("pay my card minimum from checking").minimumPayment).toBe(true);
    expect(q("pay my credit card's minimum").minimumPayment).toBe(true);
    expect(q("what is my minimum payment").minimumPayment).toBeUndefined();
    expect(q("when is the minimum payment due").minimumPayment).toBeUndefined();
  });

  // sweep19: "just the minimum" under "How much?" got the statement read out; "pay off my full
  // statement balance" asked "How much?".
  it("reads the minimum or the statement balance said alone, and the statement balance paid", () => {
    expect(["just the minimum", "the minimum please", "minimum payment"].map((t) => q(t).minimumPayment)).toEqual([true, true, true]);
    expect(q("pay off my full statement balance from checking").statementBalance).toBe(true);
    expect(["the statement balance", "full statement balance please"].map((t) => q(t).statementBalance)).toEqual([true, true]);
    expect(q("what's my statement balance").statementBalance).toBeUndefined();
    expect(q("when is my statement due").statementBalance).toBeUndefined();
  });

  // sweep17: "which categories did i spend the most on last month" named the merchant paid most often.
  it("leaves a question about categories to the spending view's top categories", () => {
    expect(q("which categories did i spend the most on last month").superlative).toBeUndefined();
    expect(q("what category do i spend the most on?").superlative).toBeUndefined();
    expect(q("my biggest spending categories this year").superlative).toBeUndefined();
    // Session 25: one category asked for is still the categories' answer, not the biggest payment.
    expect(q("whats my biggest expense category").superlative).toBeUndefined();
    expect(q("my top spending category last month").superlative).toBeUndefined();
    expect(q("where do i spend the most?").superlative).toBe("most_frequent_merchant");
    // Session 30: what the most money goes on is an amount (the categories), not how often.
    expect(q("what do i spend the most money on").superlative).toBeUndefined();
    expect(q("what did i spend the most on").superlative).toBeUndefined();
    expect(q("my biggest purchase in the groceries category").superlative).toBe("largest");
  });

  it("reads two months to compare, resolving each to its most recent past occurrence", () => {
    expect(q("how much did I spend on groceries in september compared to october").compare?.months).toEqual([
      { from: "2026-09-01", to: "2026-09-30", label: "September 2026" },
      { from: "2026-10-01", to: "2026-10-31", label: "October 2026" },
    ]);
    expect(q("spending this month vs last month").compare?.months?.map((m) => m.label)).toEqual(["December 2026", "November 2026"]);
  });

  // explore27: "this month vs last" and "in october and november" were answered for one month.
  it("reads 'vs last' said alone as last month, and two months joined by 'and' in a spending question", () => {
    expect(q("whats my spending on groceries this month vs last").compare?.months?.map((m) => m.label)).toEqual(["December 2026 so far", "November 2026"]);
    expect(q("groceries this month compared to the last one").compare?.months?.map((m) => m.label)).toEqual(["December 2026 so far", "November 2026"]);
    expect(q("how much did i spend on coffee in october and november").compare?.months?.map((m) => m.label)).toEqual(["October 2026", "November 2026"]);
    expect(q("show my transactions in october and november").compare).toBeUndefined();
    expect(q("how much did i spend between october and november").compare).toBeUndefined();
    expect(q("this month vs last year").compare).toBeUndefined();
  });

  it("reads two categories to compare", () => {
    expect(q("did I spend more on dining or groceries last month").compare?.categories).toEqual(["dining", "groceries"]);
    expect(q("compare my coffee and grocery spending this month").compare?.categories).toEqual(["coffee", "groceries"]);
  });

  it("reads lookups of a named payment", () => {
    expect(q("did my rent payment go through?").lookup).toEqual({ kind: "status", target: "rent" });
    // Session 26: "what did i pay at costco" asks what was paid there (a list), no status of a payment.
    expect(q("what did i pay at costco on tuesday").lookup).toBeUndefined();
    expect(q("did i pay at costco").lookup).toEqual({ kind: "status", target: "costco" });
    expect(q("did my refund from amazon come through").lookup).toEqual({ kind: "refund", target: "amazon" });
    expect(q("has the zara refund arrived").lookup).toEqual({ kind: "refund", target: "zara" });
    expect(q("did target refund me yet").lookup).toEqual({ kind: "refund", target: "target" });
    expect(q("how do i get a refund").lookup).toBeUndefined();
    expect(q("has the Streamflix payment cleared").lookup).toEqual({ kind: "status", target: "Streamflix" });
    expect(q("when did I last pay Netflix?").lookup).toEqual({ kind: "last", target: "Netflix" });
    // crowd30: "for" is no part of what was paid for.
    expect(q("tell me the last time i paid for parking").lookup).toEqual({ kind: "last", target: "parking" });
    expect(q("when did i last pay for gym").lookup).toEqual({ kind: "last", target: "gym" });
    expect(q("when was my last Netflix payment?").lookup).toEqual({ kind: "last", target: "Netflix" });
    expect(q("when was my last payment to amazon?").lookup).toEqual({ kind: "last", target: "amazon" });
    expect(q("show my transactions").lookup).toBeUndefined();
  });

  // Session 28: when a regular payment comes out next, and whether a company took its money.
  it("reads when a regular payment is next due, never the card's own statement nor payday", () => {
    expect(q("when is my rent due").lookup).toEqual({ kind: "next", target: "rent" });
    expect(q("when does my gym membership come out").lookup).toEqual({ kind: "next", target: "gym" });
    expect(q("when does streamflix renew").lookup).toEqual({ kind: "next", target: "streamflix" });
    expect(q("when's my phone bill due").lookup).toEqual({ kind: "next", target: "phone" });
    expect(q("when do i get charged for tunely").lookup).toEqual({ kind: "next", target: "tunely" });
    expect(q("when do i pay my water bill").lookup).toEqual({ kind: "next", target: "water" });
    for (const card of ["when is my credit card payment due", "when is my next payment due", "when should i pay my credit card", "when does my visa bill come out", "when do i get paid", "when is my next paycheck", "when do i get my new card", "when does my card expire", "when is my last netflix payment"]) {
      expect(q(card).lookup?.kind, card).not.toBe("next");
    }
  });

  it("reads whether a company charged, never a double charge nor 'did you'", () => {
    expect(q("did streamflix charge me this month").lookup).toEqual({ kind: "status", target: "streamflix" });
    expect(q("has pulse gym taken money yet").lookup).toEqual({ kind: "status", target: "pulse gym" });
    expect(q("has amazon taken the payment").lookup).toEqual({ kind: "status", target: "amazon" });
    expect(q("did netflix charge me twice").lookup).toBeUndefined();
    expect(q("did you charge me").lookup).toBeUndefined();
    expect(q("did i get charged").lookup).toBeUndefined();
  });

  it("reads everything as an amount, and credit facts", () => {
    expect(q("move everything from savings to checking").amountAll).toBe(true);
    expect(q("transfer all of it to checking").amountAll).toBe(true);
    expect(q("send 40 to Jordan").amountAll).toBeUndefined();
    // crowd31: an account's whole balance, or the rest of it.
    expect(q("transfer the rest of my checking balance into savings").amountAll).toBe(true);
    expect(q("move my whole savings balance into checking").amountAll).toBe(true);
    expect(q("put all of my checking balance in savings").amountAll).toBe(true);
    expect(q("move the remainder of my savings to checking").amountAll).toBe(true);
    expect(q("what's my checking balance").amountAll).toBeUndefined();
    expect(q("what is my available credit").creditFact).toBe("available_credit");
    expect(q("what's my credit limit").creditFact).toBe("credit_limit");
  });

  it("tells questions from answers and polite requests", () => {
    expect(isQuestion("what is the interest rate on my savings?")).toBe(true);
    expect(isQuestion("is my savings account earning interest")).toBe(true);
    expect(isQuestion("savings?")).toBe(false);
    expect(isQuestion("from savings")).toBe(false);
    expect(isQuestion("can you make it 45")).toBe(false);
    // A tentative answer under a confirmation: "Let's finish this one first." and the old amount.
    for (const text of ["hmm, maybe 60?", "maybe 60 instead?", "how about 75?", "perhaps from savings?", "ok, how about from savings?"]) {
      expect(isQuestion(text), text).toBe(false);
    }
    expect(isQuestion("maybe I should check my balance?")).toBe(true);
  });

  it("reads a question about Teller itself, only when that is the whole message", () => {
    for (const text of ["what can you do", "What can you do?", "hi, what can you help me with?", "what else can you do", "who are you", "are you a bot?", "help", "how does this work", "what can I ask you"]) {
      expect(extractQueryModifiers(text, TODAY).aboutTeller, text).toBe(true);
    }
    for (const text of ["what can you do about my card", "help me send money", "who are you sending it to", "can you help me freeze my card"]) {
      expect(extractQueryModifiers(text, TODAY).aboutTeller, text).toBeUndefined();
    }
  });

  it("reads a request for pending transactions only", () => {
    for (const text of ["show me my pending transactions", "which payments are still pending?", "what's still pending"]) expect(q(text).pending, text).toBe(true);
    // Only the transactions list reads it; "why is my card payment pending?" stays the model's FAQ.
    for (const text of ["show my recent transactions", "pending disputes", "spending this month"]) expect(q(text).pending, text).toBeUndefined();
  });

  it("reads a question about money that came in", () => {
    for (const text of ["did my paycheck come in", "show me my deposits", "when was my last deposit", "did i get paid yet", "has my salary been deposited", "how much came in last month", "how much did i receive this month", "whats my income this month"]) expect(q(text).incoming, text).toBe(true);
    for (const text of ["show my recent transactions", "how do i deposit a check", "spending this month", "pay my bill", "how much interest did i earn", "what is my income tax"]) expect(q(text).incoming, text).toBeUndefined();
    // explore27: what was made or earned is money in ("how much did i make last month" got what was spent).
    for (const text of ["how much did i make last month", "how much have i earned this year", "how much money did i make in november"]) expect(q(text).incoming, text).toBe(true);
    for (const text of ["how much did i make in interest", "how much have i earned in rewards"]) expect(q(text).incoming, text).toBeUndefined();
  });

  it("reads one month against this month when only one is named", () => {
    const months = (text: string) => q(text).compare?.months?.map((m) => m.label);
    const [thisMonth, lastMonth] = [q("this month vs last month").compare!.months![0].label, q("this month vs last month").compare!.months![1].label];
    expect(months("how much did i spend on groceries vs last month")).toEqual([`${thisMonth} so far`, lastMonth]);
    expect(months("am i spending more than last month")).toEqual([`${thisMonth} so far`, lastMonth]);
    expect(months("dining compared to october")?.[0]).toBe(`${thisMonth} so far`);
    // Two categories and a month: the categories are compared, in that month.
    expect(q("did i spend more on dining than groceries last month").compare?.categories).toEqual(["dining", "groceries"]);
    expect(q("how much did i spend last month").compare).toBeUndefined();
  });

  it("reads a question about a typical month's spending", () => {
    for (const text of ["what's my average monthly spending", "how much do i spend a month", "am i spending more than usual", "what do i typically spend on groceries each month", "whats my avg coffee spend"]) {
      expect(q(text).average, text).toBe(true);
    }
    for (const text of ["how much did i spend last month", "spending this month", "groceries vs last month"]) expect(q(text).average, text).toBeUndefined();
  });

  it("reads 'how much is my rent' as the last payment of it", () => {
    expect(q("how much is my rent").lookup).toEqual({ kind: "last", target: "rent" });
    expect(q("how much was my last water bill?").lookup).toEqual({ kind: "last", target: "water" });
    for (const text of ["how much is my credit card bill", "how much is my balance", "how much is the transfer fee"]) expect(q(text).lookup, text).toBeUndefined();
  });

  it("reads 'whats my rent' as the last payment of it too (explore32)", () => {
    expect(q("whats my rent").lookup).toEqual({ kind: "last", target: "rent" });
    expect(q("what's my phone bill?").lookup).toEqual({ kind: "last", target: "phone" });
    for (const text of ["whats my credit card bill", "whats my balance", "what's my rent due date", "whats my routing number"]) expect(q(text).lookup, text).toBeUndefined();
  });

  it("reads how an amount bounds the transactions asked for", () => {
    const cases = [
      ["list transactions over 100", "over"],
      ["show transactions above $50 last month", "over"],
      ["only the ones more than fifty dollars", "over"],
      ["payments of at least $200", "at_least"],
      ["anything 20 dollars or more", "at_least"],
      ["transactions under $20", "under"],
      ["purchases less than 5 bucks", "under"],
      ["charges of at most 30", "at_most"],
      // explore25: one charge asked about by its own figure.
      ["whats that 61.63 from tuesday", "exactly"],
      ["what was the 5.57 charge", "exactly"],
      ["find the $14.99 payment", "exactly"],
      ["what's the charge for 12.99", "exactly"],
    ] as const;
    for (const [text, bound] of cases) expect(q(text).amountBound, text).toBe(bound);
    for (const text of ["send 50 to savings", "is my card over the limit", "more than one payment", "what is the most i can send", "whats that 20", "send the 61.63 to savings", "what is the $1 charge"]) {
      expect(q(text).amountBound, text).toBeUndefined();
    }
  });

  it("reads cancels, corrections and picks from a list", () => {
    for (const text of ["cancel", "never mind", "stop", "forget it", "ok cancel that", "nvm"]) expect(q(text).cancel, text).toBe(true);
    expect(q("cancel my card").cancel).toBeUndefined();
    for (const text of ["don't send it", "no don't pay the bill", "do not transfer anything"]) expect(q(text).cancel, text).toBe(true);
    for (const text of ["don't send it yet", "don't send it to Jordan", "i don't pay the bill"]) expect(q(text).cancel, text).toBeUndefined();
    expect(q("actually make it 45").correction).toBe(true);
    expect(q("2").choice).toBe(2);
    expect(q("the second one").choice).toBe(2);
    expect(q("charge 3").choice).toBe(3);
    expect(q("send 2 dollars").choice).toBeUndefined();
  });

  it("reads disputes: opening one, why, which merchant, and listing them", () => {
    expect(q("I want to dispute a charge from Amazon")).toMatchObject({ dispute: "open", chargeMerchant: "Amazon" });
    expect(q("dispute the Amazon charge")).toMatchObject({ dispute: "open", chargeMerchant: "Amazon" });
    expect(q("I don't recognise this charge")).toMatchObject({ disputeReason: "unrecognised", chargeRef: true });
    expect(q("I was charged twice")).toMatchObject({ disputeReason: "duplicate", chargeRef: true });
    expect(q("show my disputes").dispute).toBe("list");
    expect(q("what are my open disputes").dispute).toBe("list");
    expect(q("what's the status of my dispute").dispute).toBe("list");
    // A general question about unrecognised payments stays a question for the written answer.
    expect(q("what should I do if I don't recognise a payment").chargeRef).toBeUndefined();
  });

  // explore26: a charge made twice asked of one merchant got the general answer on duplicates.
  it.each([
    ["did netflix charge me twice this month", "netflix"],
    ["netflix charged me twice", "netflix"],
    ["has amazon billed me twice", "amazon"],
    ["why did bluebird coffee charge me twice", "bluebird coffee"],
    ["i was charged twice by uber", "uber"],
  ])("'%s' asks whether %s charged twice", (text, merchant) => {
    expect(q(text)).toMatchObject({ disputeReason: "duplicate", chargeRef: true, chargeMerchant: merchant });
  });

  it.each(["they charged me twice", "did you charge me twice", "i was charged twice", "did i get charged twice"])("'%s' names no merchant", (text) => {
    expect(q(text).chargeMerchant).toBeUndefined();
  });
});

describe("extractQueryModifiers, session 27", () => {
  it.each(["whats the most i spent in one go last month", "the most i ever paid at once", "most i spent on a single purchase"])("'%s' is the largest payment", (text) => {
    expect(extractQueryModifiers(text, TODAY).superlative).toBe("largest");
  });

  it("counts deposits as asked", () => {
    expect(extractQueryModifiers("show my last 2 deposits", TODAY)).toMatchObject({ count: 2, incoming: true });
  });

  it.each([
    ["how much was my electric bill last month", "electric"],
    ["what was my phone bill in october", "phone"],
    ["how much is my water bill", "water"],
  ])("'%s' looks up the last payment of that bill", (text, target) => {
    expect(extractQueryModifiers(text, TODAY).lookup).toEqual({ kind: "last", target });
  });
});

describe("extractQueryModifiers, a payment's status asked as 'check if'", () => {
  it.each(["hey can u check if my rent went thru", "did my rent go thru", "check whether the netflix payment has gone through"])("'%s' looks up the payment", (text) => {
    expect(extractQueryModifiers(text, TODAY).lookup?.kind).toBe("status");
  });
});

describe("things bought are money out (explore29)", () => {
  it("reads 'things i bought' and recent purchases as money out, a count kept", () => {
    expect(q("last 5 things i bought")).toMatchObject({ count: 5, outgoing: true });
    for (const text of ["show my recent purchases", "my last 3 purchases", "everything i bought this week"]) expect(q(text).outgoing, text).toBe(true);
    for (const text of ["show my recent transactions", "i bought a car", "dispute a purchase", "purchases at target"]) expect(q(text).outgoing, text).toBeUndefined();
  });
  // Session 30: "what have i bought since i got paid" listed the pay; "since i got paid" is a period, not money in.
  it("reads 'what have i bought since i got paid' and 'what did i buy' as money out", () => {
    expect(q("what have i bought since i got paid")).toMatchObject({ outgoing: true });
    expect(q("what have i bought since i got paid").incoming).toBeUndefined();
    expect(q("what did i buy at target").outgoing).toBe(true);
    expect(q("list all my purchases over 50 this month").outgoing).toBe(true);
    expect(q("did i get paid").incoming).toBe(true);
  });
});

describe("a share of an account (session 30)", () => {
  it("reads '20% of my balance' as that share, '50 percent of my savings' as half", () => {
    expect(q("move 20% of my balance to savings")).toMatchObject({ amountPercent: 20 });
    expect(q("send 10 percent of my savings to checking")).toMatchObject({ amountPercent: 10 });
    expect(q("transfer 50% of my savings")).toMatchObject({ amountHalf: true });
    expect(q("move 150% of my balance").amountPercent).toBeUndefined();
    expect(q("what is 20% of 50").amountPercent).toBeUndefined();
  });
});

describe("the last one (session 30)", () => {
  it("reads 'what was my last purchase' as one purchase, 'my latest transaction' as one transaction", () => {
    expect(q("what was my last purchase")).toMatchObject({ count: 1, outgoing: true });
    expect(q("whats the last thing i bought")).toMatchObject({ count: 1, outgoing: true });
    expect(q("show my latest transaction")).toMatchObject({ count: 1 });
    expect(q("show my latest transaction").outgoing).toBeUndefined();
    expect(q("how much was my last deposit")).toMatchObject({ count: 1, incoming: true });
  });
  it.each(["my last transactions", "when is my last payment due", "what was my last payment to jordan", "my last 3 purchases"])("%j is not the one", (text) => {
    expect(q(text).count === 1).toBe(false);
  });
});

describe("the last one (explore32)", () => {
  it.each(["what was the last thing i tried to buy", "what did i buy last", "what did i last buy", "what was my last dining purchase", "my last grocery purchase"])("%j is one purchase", (text) => {
    expect(q(text)).toMatchObject({ count: 1, outgoing: true });
  });
  it.each(["what did i buy last week", "what did i buy last month", "whats my last amazon purchase", "when was my last dining purchase"])("%j is not the one", (text) => {
    expect(q(text).count === 1).toBe(false);
  });
});

describe("this week against last (session 30)", () => {
  it("reads both weeks, this one so far, labelled by their Mondays", () => {
    const weeks = [
      { from: "2026-11-30", to: "2026-12-05", label: "the week of 30 Nov so far" },
      { from: "2026-11-23", to: "2026-11-29", label: "the week of 23 Nov" },
    ];
    for (const text of ["whats my spending this week compared to last week", "am i spending more than last week", "did i spend more this week or last week"]) {
      expect(extractQueryModifiers(text, "2026-12-05").compare, text).toEqual({ months: weeks });
    }
    expect(extractQueryModifiers("what did i spend last week", "2026-12-05").compare).toBeUndefined();
  });
});

describe("a lookup's name without the period said (session 30)", () => {
  it.each([
    ["did i pay for parking yesterday", "parking"],
    ["did i pay my phone bill last week", "phone"],
    ["did i pay rent in november", "rent"],
    ["did i pay at costco", "costco"],
  ])("%j looks up %j", (text, target) => {
    expect(q(text).lookup).toMatchObject({ kind: "status", target });
  });
});


describe("what is pending, said loosely (crowd32)", () => {
  // "show pending stuff" listed the 10 most recent transactions, pending or not.
  it.each(["show pending stuff", "can you list my pending charges", "show me the pending items", "any pending things on checking"])("%s → pending", (text) => {
    expect(q(text).pending).toBe(true);
  });

  it("leaves a pending transfer's question alone", () => {
    expect(q("why is my transfer pending for so long").pending).toBeUndefined();
  });
});
