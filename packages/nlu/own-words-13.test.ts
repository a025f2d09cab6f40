import { describe, expect, it } from "vitest";
import { OWN_WORDS_13_RULES } from "./own-words-13";
import { classify } from "./index";
import { plainRequestIntent } from "./requests";

const matches = (text: string): boolean => OWN_WORDS_13_RULES.some(([, pattern]) => pattern.test(text));

// nlu25's misses (probe-set-10.ts's harder extension and the exploring around it) and lines of their
// families, none a public row (rule-check.ts claims no row with another label).
describe("OWN_WORDS_13_RULES: a payment to a person, private or public (nlu25)", () => {
  it.each([
    "can you help me make a private payment to rachel?",
    "i want to make a private transaction to jerry.",
    "make a private payment to amy",
    "i want to make a public payment of $40 to my friend",
    "make a quick payment to mark",
    "i'd like to make a payment to my roommate from my app balance",
    "i want to pay rachel privately",
    "pay my sister back privately",
  ])("%s → transfer", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer");
  });

  it.each(["make a payment to my credit card", "make a private payment to my visa", "make a payment to verizon", "is my payment private", "make a payment to the wrong account"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: transfers already made, listed (nlu25)", () => {
  it.each([
    "show transfers i made",
    "show me my transfers",
    "what transfers have i made this month",
    "see my outgoing transfers",
    "show me all transfers to savings",
    "which transfers did i send last month",
    "what did i send to john last week",
    "did i send money to mike yesterday",
    "how much have i sent to sarah",
  ])("%s → transactions", (text) => {
    expect(plainRequestIntent(text)).toBe("transactions");
  });

  it.each(["did i send money to the wrong account", "my transfers are not showing", "show me how to make transfers", "did i send it", "what did i send you"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: what is left to spend (nlu25)", () => {
  it.each(["how much can i spend today", "what have i got left to spend this month", "how much do i have left to spend", "how much money am i able to spend right now", "how much can i still spend until payday"])(
    "%s → balance",
    (text) => {
      expect(plainRequestIntent(text)).toBe("balance");
    },
  );

  // A card's spending power is CLINC150's credit_limit ("how much can i spend on my visa card").
  it.each(["how much can i spend on my visa card", "how much can i spend at most on my chase freedom", "how much did i spend today"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: a payment asked for bare, or with what pays first (nlu25)", () => {
  it.each([
    "i need to make a payment.",
    "i want to make a payment",
    "i want to initiate a payment.",
    "can i start a payment?",
    "i need to make a payment with my debit card to jerry.",
    "make a payment using my app balance to kim",
  ])("%s → transfer", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer");
  });

  // BANKING77 files these under card payments that failed, are pending or were not made.
  it.each(["i keep trying to make a payment, but it doesn't work.", "i didn't make a payment at this business.", "make a payment on my bill"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: money owed to a person (nlu25)", () => {
  it.each(["i owe my friend some money.", "i owe jake some cash", "i owe my roommate for rent", "i still owe my sister 40 dollars"])("%s → transfer", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer");
  });

  // CLINC150's thank_you ("i owe you one").
  it.each(["i owe you one", "i owe you", "how much do i owe on my visa", "i owe the bank money"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

// nlu25's decision: "whats on my schedule" with no money word is CLINC150's calendar sense ("anything
// on the schedule for october 14th") and is declined; no rule reads it as scheduled_payments, which
// rule-check would forbid anyway. A payment, transfer or bill named makes it scheduled_payments.
describe("'whats on my schedule' (nlu25)", () => {
  it.each(["whats on my schedule", "what's on my schedule today"])("%s is declined", (text) => {
    expect(matches(text)).toBe(false);
    expect(classify(text).intent).toBe("out_of_scope");
  });

  it.each(["whats on my payment schedule", "what payments do i have scheduled", "what's on my schedule for transfers", "what bills are scheduled"])("%s → scheduled_payments", (text) => {
    expect(classify(text).intent).toBe("scheduled_payments");
  });
});

describe("OWN_WORDS_13_RULES: what is coming out (nlu25)", () => {
  it.each(["what's coming out of my account this week", "whats going out of my account soon", "what's due to come out of checking", "is anything coming out of my savings next week"])("%s → scheduled_payments", (text) => {
    expect(plainRequestIntent(text)).toBe("scheduled_payments");
  });

  it.each(["why is money coming out of my account", "what came out of my account yesterday", "when is my card coming out"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: spending in other words (nlu25)", () => {
  it.each([
    "what's the damage this month",
    "what's my food bill this month",
    "grocery total for november",
    "how much money went out of my account in october",
    "how much went out of checking last week",
    "how much have i charged to my visa",
    "how much did i put on my credit card this month",
  ])("%s → spending", (text) => {
    expect(plainRequestIntent(text)).toBe("spending");
  });

  // A utility bill is a bill to pay or look up; a card's limit is CLINC150's credit_limit.
  it.each(["what's my gas bill this month", "what's my phone bill", "what's the damage", "how much can i charge to my visa", "how much money went out of my account without my permission"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: a question about a transfer to make (nlu25)", () => {
  it.each(["i have a question about a transfer i want to make.", "question about a payment i need to make", "i've got a quick question about a transfer i'm about to make"])("%s → transfer", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer");
  });

  it.each(["i have a question about a transfer i made", "question about my transfer fee"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});

describe("OWN_WORDS_13_RULES: money to see, or enough of it (nlu25)", () => {
  it.each(["show me my money", "i want to see my cash", "let me see my funds", "am i good on money this week", "are we ok for cash this weekend"])("%s → balance", (text) => {
    expect(plainRequestIntent(text)).toBe("balance");
  });

  it.each(["show me my money going out", "i want to see my cash back", "am i good at managing money"])("leaves %s to the others", (text) => {
    expect(matches(text)).toBe(false);
  });
});
